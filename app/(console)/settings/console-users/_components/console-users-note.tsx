"use client";
// What the page does not say in its table: where the changes are recorded, and the way back in
// when no administrator can sign in.
import Link from "next/link";
import { Anchor, Code, List, ListItem, Text } from "@mantine/core";
import { SectionCard } from "@/components/section-card";
import { CONSOLE_USER_EVENT_TYPES } from "./console-user-events";

const CONSOLE_TAB_USER_EVENTS = `/audit/console?types=${CONSOLE_USER_EVENT_TYPES.join(",")}`;

export function ConsoleUsersNote() {
  return (
    <SectionCard id="console-users-note-title" title="Good to know" description="Rules the page keeps, and the way back in.">
      <List size="sm" spacing={6}>
        <ListItem>
          Every change here is recorded under your name on the{" "}
          <Anchor component={Link} href={CONSOLE_TAB_USER_EVENTS} size="sm" underline="always">
            Console tab
          </Anchor>
          ; the one-time passwords themselves are never stored or recorded, only their argon2id hash.
        </ListItem>
        <ListItem>
          Disabling an account, changing its role or resetting its password ends its open sessions at once, each recorded as a User System Logout.
        </ListItem>
        <ListItem>The last enabled administrator cannot be made Auditor, given no access, or disabled.</ListItem>
        <ListItem>Five failed sign-ins within 15 minutes lock an account for 15 minutes. Unlock lifts the lock now; a password reset lifts it too.</ListItem>
        <ListItem>
          <Text span size="sm">
            Nobody left who can sign in as an administrator? On the server, <Code>npm run create-admin -- --username NAME</Code> creates or resets an
            administrator.
          </Text>
        </ListItem>
      </List>
    </SectionCard>
  );
}
