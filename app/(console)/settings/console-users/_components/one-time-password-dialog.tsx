"use client";
// A one-time password, shown this once: for a new account or after a reset. Only its argon2id hash
// is stored, so nothing can show it again; the user replaces it at the next sign-in.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { CopyIconButton } from "@/components/copy-icon-button";

export interface IssuedPassword {
  username: string;
  displayName: string;
  password: string;
  /** a new account, or a reset one */
  reason: "created" | "reset";
}

export function OneTimePasswordDialog({ issued, onClose }: { issued: IssuedPassword | null; onClose: () => void }) {
  return (
    <Modal
      opened={issued !== null}
      onClose={onClose}
      closeOnClickOutside={false}
      title={
        <Text fw={600} component="span">
          {issued?.reason === "created" ? `Account “${issued.username}” added` : `New one-time password for “${issued?.username}”`}
        </Text>
      }
      size="lg"
    >
      {issued && (
        <Stack gap="md">
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title="Copy the one-time password now: it will not be shown again"
            styles={{ title: { color: "var(--mantine-color-dark-7)" } }}
          >
            Give it to {issued.displayName} by a channel you trust. At the next sign-in they must choose a password of their own before they can do anything
            else.
          </Alert>
          <TextInput
            label="One-time password"
            value={issued.password}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            rightSection={<CopyIconButton value={issued.password} label="Copy the one-time password" />}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: "var(--mantine-font-size-md)", letterSpacing: "0.04em" } }}
            spellCheck={false}
            data-autofocus
          />
          <Text size="sm" c="dimmed">
            Username: <strong>{issued.username}</strong>
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have copied the password</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
