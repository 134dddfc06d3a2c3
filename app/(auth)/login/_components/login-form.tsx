"use client";

import { useState, type FormEvent } from "react";
import { useMounted } from "@mantine/hooks";
import { signIn } from "next-auth/react";
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck, IconLock, IconShieldCheck } from "@tabler/icons-react";
import { SIGN_IN_ERROR_CODES } from "@/lib/auth/sign-in-messages";

interface LoginFormProps {
  /** a same-origin path, already checked on the server */
  callbackPath: string;
  initialError: string | null;
  signedOut: boolean;
}

export function LoginForm({ callbackPath, initialError, signedOut }: LoginFormProps) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(initialError);
  const [submitting, setSubmitting] = useState(false);
  // Before hydration a submit would be the browser's own, putting the password in a URL: wait.
  const mounted = useMounted();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = {
      username: username.trim() ? undefined : "Enter your username.",
      password: password ? undefined : "Enter your password.",
    };
    setFieldErrors(missing);
    if (missing.username || missing.password) return;
    setSubmitting(true);
    setError(null);
    try {
      const result = await signIn("credentials", { redirect: false, username, password, callbackUrl: callbackPath });
      if (result?.ok && !result.error) {
        // A full load, so that the console's server layout sees the new session.
        window.location.assign(callbackPath);
        return;
      }
      // authorize() refuses with a sentence to show; next-auth itself answers with a code.
      const answer = result?.error ?? "CredentialsSignin";
      setError(SIGN_IN_ERROR_CODES[answer] ?? answer);
      setPassword("");
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    }
    setSubmitting(false);
  }

  return (
    <Center component="main" mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={400}>
        <Stack align="center" gap={6} mb="lg">
          <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
            <IconShieldCheck size={28} stroke={1.6} />
          </ThemeIcon>
          <Title order={1} size="h2">
            Audit Console
          </Title>
          <Text c="dimmed" size="sm">
            Sign in with your console account
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <form onSubmit={onSubmit} method="post" noValidate aria-label="Sign in">
            <Stack gap="md">
              {signedOut && !error && (
                <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
                  You have been signed out.
                </Alert>
              )}
              {error && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" title="Sign-in failed">
                  {error}
                </Alert>
              )}
              <TextInput
                label="Username"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                required
                withAsterisk={false}
                value={username}
                error={fieldErrors.username}
                onChange={(event) => setUsername(event.currentTarget.value)}
              />
              <PasswordInput
                label="Password"
                name="password"
                autoComplete="current-password"
                required
                withAsterisk={false}
                value={password}
                error={fieldErrors.password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" fullWidth disabled={!mounted} loading={submitting} leftSection={<IconLock size={16} />}>
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
        <Group justify="center" mt="md">
          <Text c="dimmed" size="xs" ta="center">
            For system administrators and auditors. Sign-ins are audited.
          </Text>
        </Group>
      </Box>
    </Center>
  );
}
