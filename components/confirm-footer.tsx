"use client";
// The foot of a confirmation dialog: why the last try failed, Cancel, and the action that commits.
import type { ReactNode } from "react";
import { Alert, Button, Group } from "@mantine/core";

interface ConfirmFooterProps {
  /** the refusal of the last attempt, if any */
  error: string | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  /** orange when the action loses something for good */
  warn?: boolean;
  children: ReactNode;
}

export function ConfirmFooter({ error, pending, onCancel, onConfirm, warn = false, children }: ConfirmFooterProps) {
  return (
    <>
      {error && (
        <Alert color="red" variant="light" role="alert" title="Not saved">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button onClick={onConfirm} loading={pending} color={warn ? "orange" : undefined}>
          {children}
        </Button>
      </Group>
    </>
  );
}
