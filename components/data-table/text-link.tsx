"use client";
// A Mantine text link with client-side navigation, for server components (which cannot hand
// next/link to Mantine's Anchor themselves).
import Link from "next/link";
import type { ReactNode } from "react";
import { Anchor, type MantineSize } from "@mantine/core";

export function TextLink({ href, size = "sm", children }: { href: string; size?: MantineSize; children: ReactNode }) {
  return (
    <Anchor component={Link} href={href} size={size}>
      {children}
    </Anchor>
  );
}
