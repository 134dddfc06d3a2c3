"use client";
// A one-time password, shown this once: for a new account or after a reset. Only its argon2id hash
// is stored, so nothing can show it again; the user replaces it at the next sign-in.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { ShownOnceSecret } from "@/components/shown-once-secret";

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
          <ShownOnceSecret name="one-time password" value={issued.password} autoFocus>
            Give it to {issued.displayName} by a channel you trust. At the next sign-in they must choose a password of their own before they can do anything
            else.
          </ShownOnceSecret>
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
