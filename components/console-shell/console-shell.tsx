"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { SessionProvider } from "next-auth/react";
import { AppShell, Avatar, Badge, Box, Group, Text, ThemeIcon, UnstyledButton } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { TimeZoneSwitch } from "@/components/time-zone-switch";
import type { ConsoleAccessRole } from "@/lib/auth/principal";
import { ConsoleNav } from "./console-nav";
import { SignOutButton } from "./sign-out-button";

export interface ConsoleUser {
  username: string;
  displayName: string;
  role: ConsoleAccessRole;
  avatarUrl: string | null;
}

interface ConsoleShellProps {
  user: ConsoleUser;
  /** "Europe/Berlin" */
  timeZone: string;
  /** "CET (UTC+01:00)" */
  timeZoneLabel: string;
  /** the browser's zone, which `timeZone` is unless "Times in UTC" is on */
  browserZone: string;
  utcTimes: boolean;
  /** how often the browser renews its session cookie while the console is open, in seconds */
  sessionRefreshSeconds: number;
  children: ReactNode;
}

const ROLE_BADGES: Record<ConsoleAccessRole, { label: string; color: string }> = {
  ADMIN: { label: "Administrator", color: "indigo" },
  AUDITOR: { label: "Auditor", color: "teal" },
};

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => Array.from(word)[0]?.toUpperCase() ?? "").join("") || "?";
}

export function ConsoleShell({ user, timeZone, timeZoneLabel, browserZone, utcTimes, sessionRefreshSeconds, children }: ConsoleShellProps) {
  const badge = ROLE_BADGES[user.role];
  return (
    <SessionProvider refetchInterval={sessionRefreshSeconds} refetchOnWindowFocus>
      <AppShell header={{ height: 60 }} padding="md">
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <UnstyledButton component={Link} href="/audit/logins" aria-label="Audit Console, go to the Logins tab">
                <Group gap="xs" wrap="nowrap">
                  <ThemeIcon size={32} radius="md" variant="light" aria-hidden>
                    <IconShieldCheck size={20} stroke={1.6} />
                  </ThemeIcon>
                  <Text fw={700} size="lg" style={{ whiteSpace: "nowrap" }}>
                    Audit Console
                  </Text>
                </Group>
              </UnstyledButton>
              <ConsoleNav role={user.role} />
            </Group>
            <Group gap="md" wrap="nowrap">
              <TimeZoneSwitch timeZone={timeZone} timeZoneLabel={timeZoneLabel} browserZone={browserZone} utc={utcTimes} />
              <Group gap="sm" wrap="nowrap" aria-label="Signed-in user" role="group">
                <Avatar src={user.avatarUrl} alt="" radius="xl" size={32} color="indigo" title={`${user.displayName} (${badge.label})`}>
                  {initials(user.displayName)}
                </Avatar>
                <Box visibleFrom="xs">
                  <Text size="sm" fw={500} lh={1.2}>
                    {user.displayName}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.2}>
                    {user.username}
                  </Text>
                </Box>
                <Badge variant="light" color={badge.color} visibleFrom="sm">
                  {badge.label}
                </Badge>
              </Group>
              <SignOutButton size="xs" />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main bg="var(--mantine-color-gray-0)">{children}</AppShell.Main>
      </AppShell>
    </SessionProvider>
  );
}
