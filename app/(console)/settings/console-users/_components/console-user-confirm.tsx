"use client";
// The last question before disabling an account or resetting its password: both end its open
// sessions at once. A reset answers with the one-time password, handed to the table to show.
import { useState, useTransition } from "react";
import { Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ConfirmFooter } from "@/components/confirm-footer";
import type { ConsoleUserSummary } from "@/lib/auth/console-users/console-users";
import { resetConsoleUserPasswordAction, setConsoleUserEnabledAction } from "../actions";
import type { IssuedPassword } from "./one-time-password-dialog";

interface ConsoleUserConfirmProps {
  asked: { command: "disable" | "reset"; user: ConsoleUserSummary } | null;
  /** the account is the administrator's own */
  self: boolean;
  onClose: () => void;
  onIssued: (issued: IssuedPassword) => void;
}

function sessionsSentence(user: ConsoleUserSummary, self: boolean): string {
  if (self) return "This is your own account: you will be signed out at once.";
  if (user.openSessions === 0) return `${user.username} is not signed in now.`;
  return `${user.username} is signed in now (${user.openSessions === 1 ? "1 session" : `${user.openSessions} sessions`}): signed out at once.`;
}

export function ConsoleUserConfirm({ asked, self, onClose, onIssued }: ConsoleUserConfirmProps) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = (command: "disable" | "reset", user: ConsoleUserSummary) =>
    startTransition(async () => {
      if (command === "disable") {
        const result = await setConsoleUserEnabledAction({ id: user.id, enabled: false });
        if (!result.ok) return setError(result.message);
        const ended = result.value.sessionsEnded;
        notifications.show({
          color: "green",
          title: "Account disabled",
          message: `${user.username} can no longer sign in${ended > 0 ? `; ${ended === 1 ? "1 session" : `${ended} sessions`} ended` : ""}.`,
        });
      } else {
        const result = await resetConsoleUserPasswordAction({ id: user.id });
        if (!result.ok) return setError(result.message);
        onIssued({ username: user.username, displayName: user.displayName, password: result.value.oneTimePassword, reason: "reset" });
      }
      close();
    });

  const user = asked?.user;
  const disabling = asked?.command === "disable";
  return (
    <Modal
      opened={asked !== null}
      onClose={close}
      closeOnClickOutside={!pending}
      title={
        <Text fw={600} component="span">
          {disabling ? `Disable “${user?.username}”?` : `Reset the password of “${user?.username}”?`}
        </Text>
      }
      size="lg"
    >
      {asked && user && (
        <Stack gap="md">
          <Text size="sm">
            {disabling
              ? `${user.displayName} can no longer sign in until an administrator enables the account again. Nothing else changes: role, history and password stay.`
              : `${user.displayName}'s current password stops working now. You get a one-time password to hand over; at the next sign-in they must choose their own. A lock in force is lifted.`}
          </Text>
          <Text size="sm" fw={500}>
            {sessionsSentence(user, self)}
          </Text>
          <Text size="sm" c="dimmed">
            Recorded as a {disabling ? "Console User Disable" : "Console User Password Reset"} event under your name.
          </Text>
          <ConfirmFooter error={error} pending={pending} onCancel={close} onConfirm={() => confirm(asked.command, user)} warn>
            {disabling ? "Disable account" : "Reset password"}
          </ConfirmFooter>
        </Stack>
      )}
    </Modal>
  );
}
