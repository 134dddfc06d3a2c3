"use client";
// The change-password form: the current password again, the new one twice, checked by the action's
// own schema. Once saved, a full load of the page the user was going to.
import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck, IconKey } from "@tabler/icons-react";
import { SignOutButton } from "@/components/console-shell/sign-out-button";
import { type ChangePasswordInput, changePasswordSchema, MIN_PASSWORD_LENGTH } from "@/lib/auth/console-users/console-user-schema";
import { changeOwnPasswordAction } from "../actions";

interface ChangePasswordFormProps {
  /** signed in with a one-time password: nothing else is open until it is replaced */
  forced: boolean;
  username: string;
  displayName: string;
  /** a same-origin path, already checked on the server */
  callbackPath: string;
}

const DEFAULTS: ChangePasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };
const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export function ChangePasswordForm({ forced, username, displayName, callbackPath }: ChangePasswordFormProps) {
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: DEFAULTS });
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState(false);

  const submit = form.handleSubmit((input) =>
    startTransition(async () => {
      const result = await changeOwnPasswordAction(input);
      if (!result.ok) {
        const field = FIELDS.find((name) => name === result.field);
        form.setError(field ?? "root", { type: "server", message: result.message });
        return;
      }
      setDone(true);
      // A full load, so that the console's server layout sees the account as it is now.
      window.location.assign(callbackPath);
    }),
  );

  const password = (name: (typeof FIELDS)[number], label: string, autoComplete: string, description?: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <PasswordInput
          {...field}
          label={label}
          description={description}
          autoComplete={autoComplete}
          error={fieldState.error?.message}
          required
          withAsterisk={false}
        />
      )}
    />
  );

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)" component="main">
      <Box w="100%" maw={440}>
        <Stack align="center" gap={6} mb="lg">
          <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
            <IconKey size={28} stroke={1.6} />
          </ThemeIcon>
          <Title order={1} size="h2">
            {forced ? "Choose your password" : "Change your password"}
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            Signed in as <strong>{displayName}</strong> ({username})
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <form onSubmit={submit} noValidate aria-label={forced ? "Choose your password" : "Change your password"}>
            <Stack gap="md">
              {forced && (
                <Alert
                  color="blue"
                  variant="light"
                  icon={<IconKey size={18} aria-hidden />}
                  title="Your password was set by an administrator"
                  styles={{ title: { color: "var(--mantine-color-dark-7)" } }}
                >
                  You signed in with a one-time password. Choose a password of your own to continue; the console opens once you have.
                </Alert>
              )}
              {done && (
                <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} role="status">
                  Password changed. Opening the console…
                </Alert>
              )}
              {form.formState.errors.root && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert" title="Not changed">
                  {form.formState.errors.root.message}
                </Alert>
              )}
              {password("currentPassword", forced ? "One-time password" : "Current password", "current-password")}
              {password(
                "newPassword",
                "New password",
                "new-password",
                `At least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words are easy to remember.`,
              )}
              {password("confirmPassword", "Repeat the new password", "new-password")}
              <Button type="submit" fullWidth loading={pending || done} leftSection={<IconKey size={16} aria-hidden />}>
                {forced ? "Set password and continue" : "Change password"}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Group justify="center" mt="md" gap="md">
          {forced ? (
            <SignOutButton variant="subtle" size="xs" />
          ) : (
            <Anchor component={Link} href={callbackPath} size="sm">
              Back to the console
            </Anchor>
          )}
        </Group>
        <Text c="dimmed" size="xs" ta="center" mt="xs">
          Your other sessions end when the password changes. The change is audited.
        </Text>
      </Box>
    </Center>
  );
}
