"use client";

import { Center, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { SignOutButton } from "./sign-out-button";

/** The page a signed-in user without a console role sees instead of the console. */
export function AccessDenied({ displayName, username }: { displayName: string; username: string }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)" component="main">
      <Paper withBorder shadow="sm" radius="md" p="xl" maw={520}>
        <Stack align="center" gap="md" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" color="red" aria-hidden>
            <IconLock size={30} stroke={1.6} />
          </ThemeIcon>
          <Title order={1} size="h2">
            403 · Access denied
          </Title>
          <Text>You don&apos;t have access to the Audit Console. It is for system administrators and auditors.</Text>
          <Text c="dimmed" size="sm">
            You are signed in as <strong>{displayName}</strong> ({username}). Ask a system administrator for access, or sign out and sign in with another
            account.
          </Text>
          <SignOutButton variant="filled" />
        </Stack>
      </Paper>
    </Center>
  );
}
