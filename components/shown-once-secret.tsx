"use client";
// A secret the console shows this once (a new API token's, a one-time password): the warning that
// it will not be shown again, and the secret in a read-only field that selects itself and copies.
// Only a hash of it is stored, so nothing can show it later.
import type { ReactNode } from "react";
import { Alert, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { CopyIconButton } from "@/components/copy-icon-button";

interface ShownOnceSecretProps {
  /** what the secret is called, in lower case: "secret", "one-time password" */
  name: string;
  value: string;
  /** why it cannot be shown again, and where it should go */
  children: ReactNode;
  /** take the focus when shown in a dialog */
  autoFocus?: boolean;
}

export function ShownOnceSecret({ name, value, children, autoFocus = false }: ShownOnceSecretProps) {
  return (
    <>
      <Alert
        color="yellow"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={`Copy the ${name} now: it will not be shown again`}
        styles={{ title: { color: "var(--mantine-color-dark-7)" } }}
      >
        {children}
      </Alert>
      <TextInput
        label={name.charAt(0).toUpperCase() + name.slice(1)}
        value={value}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        rightSection={<CopyIconButton value={value} label={`Copy the ${name}`} />}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: "var(--mantine-font-size-md)", letterSpacing: "0.02em" } }}
        spellCheck={false}
        data-autofocus={autoFocus || undefined}
      />
    </>
  );
}
