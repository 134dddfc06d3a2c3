"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { Button, type ButtonProps } from "@mantine/core";
import { useMounted } from "@mantine/hooks";
import { IconLogout } from "@tabler/icons-react";

/** Signs out (ending the console session, recorded as User Logout) and returns to the sign-in page. */
export function SignOutButton(props: Omit<ButtonProps, "onClick" | "loading">) {
  const [pending, setPending] = useState(false);
  // Until hydrated the button would do nothing: keep it disabled rather than let a click get lost.
  const mounted = useMounted();
  return (
    <Button
      variant="default"
      leftSection={<IconLogout size={16} />}
      {...props}
      disabled={!mounted}
      loading={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: "/login?signedOut=1" });
      }}
    >
      Sign out
    </Button>
  );
}
