"use client";
// Another role for an account, confirmed in one dialog: what each role may do, what taking the
// administrator's role away means, and the sessions that end. The form's schema is the action's.
import { useEffect, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Modal, Radio, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ConfirmFooter } from "@/components/confirm-footer";
import { CONSOLE_ROLE_HINTS, CONSOLE_ROLE_LABELS, CONSOLE_ROLES, changeRoleSchema } from "@/lib/auth/console-users/console-user-schema";
import type { ConsoleUserSummary } from "@/lib/auth/console-users/console-users";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";
import { changeConsoleUserRoleAction } from "../actions";

interface RoleForm {
  id: number;
  role: ConsoleRole;
}

interface ConsoleUserRoleDialogProps {
  user: ConsoleUserSummary | null;
  self: boolean;
  onClose: () => void;
}

function consequence(user: ConsoleUserSummary, role: ConsoleRole, self: boolean): string {
  if (role === user.role) return "Choose another role.";
  const signedOut = self
    ? "This is your own account: you will be signed out at once, and sign in again with the new role."
    : user.openSessions > 0
      ? `${user.username} is signed in now: those sessions end at once, and the next sign-in has the new role.`
      : "The next sign-in has the new role.";
  const lost = user.role === "ADMIN" ? " They lose the administrator's rights: configuration, retention, API tokens and console users." : "";
  return `${signedOut}${lost}`;
}

export function ConsoleUserRoleDialog({ user, self, onClose }: ConsoleUserRoleDialogProps) {
  const form = useForm<RoleForm>({ resolver: zodResolver(changeRoleSchema), defaultValues: { id: 0, role: "NONE" } });
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    if (user) form.reset({ id: user.id, role: user.role });
  }, [user, form]);

  const close = () => {
    form.clearErrors();
    onClose();
  };
  const role = form.watch("role");
  const submit = form.handleSubmit((input) =>
    startTransition(async () => {
      const result = await changeConsoleUserRoleAction(input);
      if (!result.ok) {
        form.setError("root", { type: "server", message: result.message });
        return;
      }
      notifications.show({
        color: "green",
        title: result.value.changed ? "Role changed" : "Role unchanged",
        message: `${result.value.user.username} is now ${CONSOLE_ROLE_LABELS[result.value.user.role]}.`,
      });
      close();
    }),
  );

  return (
    <Modal
      opened={user !== null}
      onClose={close}
      closeOnClickOutside={!pending}
      title={
        <Text fw={600} component="span">
          Change the role of “{user?.username}”
        </Text>
      }
      size="lg"
    >
      {user && (
        <form onSubmit={submit} noValidate aria-label={`Change the role of ${user.username}`}>
          <Stack gap="md">
            <Controller
              control={form.control}
              name="role"
              render={({ field, fieldState }) => (
                <Radio.Group value={field.value} onChange={(value) => field.onChange(value)} label="Role" error={fieldState.error?.message}>
                  <Stack gap="xs" mt="xs">
                    {CONSOLE_ROLES.map((value) => (
                      <Radio
                        key={value}
                        value={value}
                        label={`${CONSOLE_ROLE_LABELS[value]}${value === user.role ? " (current)" : ""}`}
                        description={CONSOLE_ROLE_HINTS[value]}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            />
            <Text size="sm" fw={500} aria-live="polite">
              {consequence(user, role, self)}
            </Text>
            <Text size="sm" c="dimmed">
              Recorded as a Console User Role Change event under your name.
            </Text>
            <ConfirmFooter
              error={form.formState.errors.root?.message ?? null}
              pending={pending}
              onCancel={close}
              onConfirm={submit}
              warn={user.role === "ADMIN" && role !== "ADMIN"}
            >
              Change role
            </ConfirmFooter>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
