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
  /** a dark red when the action loses something for good (white on orange 7 is 3.2:1, on red 9 5.4:1) */
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
        <Button onClick={onConfirm} loading={pending} color={warn ? "red.9" : undefined}>
          {children}
        </Button>
      </Group>
    </>
  );
}
