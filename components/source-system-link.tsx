"use client";
// "Open in codebeamer-prod": the entity or event in the system that sent it, in a new tab
// (rel noopener noreferrer: the source's page gets neither this window nor the console's URL).
import { Anchor, Group, VisuallyHidden } from "@mantine/core";
import { IconExternalLink } from "@tabler/icons-react";
import type { SourceLink } from "@/lib/audit/events/source-links";

export function SourceSystemLink({ link }: { link: SourceLink }) {
  return (
    <Anchor href={link.href} target="_blank" rel="noopener noreferrer" size="sm" fw={500} underline="hover">
      <Group component="span" gap={4} wrap="nowrap">
        Open in {link.source}
        <IconExternalLink size={14} aria-hidden />
        <VisuallyHidden>(opens in a new tab)</VisuallyHidden>
      </Group>
    </Anchor>
  );
}
