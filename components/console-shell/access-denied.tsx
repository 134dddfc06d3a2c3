"use client";

import Link from "next/link";
import { Button, Center, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconArrowLeft, IconLock } from "@tabler/icons-react";
import { DEFAULT_LANDING } from "@/lib/auth/callback-url";
import { SignOutButton } from "./sign-out-button";

interface AccessDeniedProps {
  displayName: string;
  username: string;
  /** the console role of a user who may use the console but not this page ("Auditor"); absent for a user without one */
  consoleRole?: string;
}

/**
 * The page a signed-in user sees instead of the console (no console role: no console around it,
 * so it offers Sign out), or instead of an administrator's page (inside the console).
 */
export function AccessDenied({ displayName, username, consoleRole }: AccessDeniedProps) {
  return (
    // Inside the console the shell already has the page's <main>.
    <Center mih={consoleRole ? "70vh" : "100vh"} p="md" bg="var(--mantine-color-gray-0)" component={consoleRole ? "div" : "main"}>
      <Paper withBorder shadow="sm" radius="md" p="xl" maw={520}>
        <Stack align="center" gap="md" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" color="red" aria-hidden>
            <IconLock size={30} stroke={1.6} />
          </ThemeIcon>
          <Title order={1} size="h2">
            403 · Access denied
          </Title>
          {consoleRole ? (
            <>
              <Text>This page is for administrators of the Audit Console.</Text>
              <Text c="dimmed" size="sm">
                You are signed in as <strong>{displayName}</strong> ({username}) with the {consoleRole} role. Ask a system administrator if you need this page.
              </Text>
              <Button component={Link} href={DEFAULT_LANDING} leftSection={<IconArrowLeft size={16} aria-hidden />}>
                Back to the audit trail
              </Button>
            </>
          ) : (
            <>
              <Text>You don&apos;t have access to the Audit Console. It is for system administrators and auditors.</Text>
              <Text c="dimmed" size="sm">
                You are signed in as <strong>{displayName}</strong> ({username}). Ask a system administrator for access, or sign out and sign in with another
                account.
              </Text>
              <SignOutButton variant="filled" />
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
