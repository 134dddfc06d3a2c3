"use client";
// What an administrator should know before handing out a token.
import type { ReactNode } from "react";
import Link from "next/link";
import { Anchor, Code, List, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconClockShield, IconFingerprint, IconHistory, IconPlugConnected, IconRefresh, IconUserOff } from "@tabler/icons-react";

const CONSOLE_TAB_TOKEN_EVENTS = "/audit/console?types=API_TOKEN_CREATE,API_TOKEN_REVOKE";

function Point({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <List.Item
      icon={
        <ThemeIcon size={28} radius="xl" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
      }
    >
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </List.Item>
  );
}

export function ApiTokensNote() {
  return (
    <Paper withBorder radius="md" p="md" component="aside" aria-labelledby="about-tokens-title" h="100%">
      <Stack gap="sm">
        <Title order={2} size="h4" id="about-tokens-title">
          How API tokens work
        </Title>
        <List spacing="md" center={false}>
          <Point icon={<IconPlugConnected size={16} />} title="One token, one source">
            A source is the system that sends events, such as <Code>codebeamer-prod</Code>. Its events carry the source&apos;s name, and its event ids are
            unique within it.
          </Point>
          <Point icon={<IconFingerprint size={16} />} title="Only a fingerprint is stored">
            The console keeps the secret&apos;s SHA-256, never the secret: it is shown once, when the token is made.
          </Point>
          <Point icon={<IconUserOff size={16} />} title="A token outlives its maker">
            It keeps working when the administrator who made it leaves or is disabled. Revoke what is no longer needed.
          </Point>
          <Point icon={<IconRefresh size={16} />} title="Rotate without a gap">
            Create a new token for the same source, switch the sender over, then revoke the old one. The source and its events stay the same.
          </Point>
          <Point icon={<IconClockShield size={16} />} title="Sent with every request">
            As <Code>Authorization: Bearer &lt;token&gt;</Code>, or as the password of HTTP Basic. A token opens the API only, never the console&apos;s pages.
            Every endpoint is in the{" "}
            <Anchor component={Link} href="/settings/api-reference" size="sm" underline="always">
              API reference
            </Anchor>
            .
          </Point>
          <Point icon={<IconHistory size={16} />} title="Audited">
            Every token made or revoked is an event on the{" "}
            <Anchor component={Link} href={CONSOLE_TAB_TOKEN_EVENTS} size="sm" underline="always">
              Console tab
            </Anchor>
            .
          </Point>
        </List>
      </Stack>
    </Paper>
  );
}
