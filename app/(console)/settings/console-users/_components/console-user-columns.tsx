"use client";
// The account list's columns: who (struck through when disabled), the role, the state (enabled,
// waiting for a password change, locked), the last sign-in and open sessions, the lock's end, and a
// menu of what an administrator may do with the account.
import Link from "next/link";
import { ActionIcon, Badge, Group, Menu, Stack, Text, VisuallyHidden } from "@mantine/core";
import { IconDots, IconKey, IconLockOpen, IconUserCheck, IconUserCog, IconUserOff } from "@tabler/icons-react";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import { type DataTableColumn, dataTableColumns } from "@/components/data-table/data-table-features";
import { UserName } from "@/components/user-name";
import { CHANGE_PASSWORD_PATH } from "@/lib/auth/callback-url";
import { CONSOLE_ROLE_LABELS } from "@/lib/auth/console-users/console-user-schema";
import type { ConsoleUserSummary } from "@/lib/auth/console-users/console-users";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";

const column = dataTableColumns<ConsoleUserSummary>();

const ROLE_COLORS: Record<ConsoleRole, string> = { ADMIN: "indigo", AUDITOR: "teal", NONE: "gray" };

/** What the menu asks the table to do with an account. */
export type ConsoleUserCommand = "role" | "disable" | "enable" | "unlock" | "reset";

interface ColumnOptions {
  timeZone: string;
  currentUserId: number | null;
  onCommand: (command: ConsoleUserCommand, user: ConsoleUserSummary) => void;
}

function Dimmed({ children }: { children: string }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

function StatusBadges({ user }: { user: ConsoleUserSummary }) {
  return (
    <Group gap={4}>
      <Badge color={user.enabled ? "green" : "gray"} variant="light" c="dark.7" tt="none">
        {user.enabled ? "Enabled" : "Disabled"}
      </Badge>
      {user.lockedUntil && (
        <Badge color="red" variant="light" c="dark.7" tt="none">
          Locked
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge color="yellow" variant="light" c="dark.7" tt="none">
          One-time password
        </Badge>
      )}
    </Group>
  );
}

// One's own password is changed, not reset: the current one is asked, and this session goes on.
const CHANGE_OWN_PASSWORD = `${CHANGE_PASSWORD_PATH}?callbackUrl=${encodeURIComponent("/settings/console-users")}`;

function ActionsMenu({ user, self, onCommand }: { user: ConsoleUserSummary; self: boolean; onCommand: ColumnOptions["onCommand"] }) {
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={220}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.username}`}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.username}</Menu.Label>
        <Menu.Item leftSection={<IconUserCog size={16} aria-hidden />} onClick={() => onCommand("role", user)}>
          Change role…
        </Menu.Item>
        {self ? (
          <Menu.Item component={Link} href={CHANGE_OWN_PASSWORD} leftSection={<IconKey size={16} aria-hidden />}>
            Change my password
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => onCommand("reset", user)}>
            Reset password…
          </Menu.Item>
        )}
        {user.lockedUntil && (
          <Menu.Item leftSection={<IconLockOpen size={16} aria-hidden />} onClick={() => onCommand("unlock", user)}>
            Unlock
          </Menu.Item>
        )}
        <Menu.Divider />
        {user.enabled ? (
          <Menu.Item color="red" leftSection={<IconUserOff size={16} aria-hidden />} onClick={() => onCommand("disable", user)}>
            Disable…
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => onCommand("enable", user)}>
            Enable
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

export function consoleUserColumns({ timeZone, currentUserId, onCommand }: ColumnOptions): DataTableColumn<ConsoleUserSummary>[] {
  return [
    column.accessor("username", {
      enableSorting: false,
      header: "User",
      cell: (info) => {
        const user = info.row.original;
        return (
          <Stack gap={2}>
            <Group gap={6} wrap="nowrap">
              <UserName user={{ id: user.id, username: user.username, displayName: user.displayName, avatarUrl: null, enabled: user.enabled }} />
              {user.id === currentUserId && (
                <Badge size="xs" variant="outline" color="gray" c="dark.7" tt="none">
                  you
                </Badge>
              )}
            </Group>
            {user.email && <Dimmed>{user.email}</Dimmed>}
          </Stack>
        );
      },
      meta: { width: "28%" },
    }),
    column.accessor("role", {
      enableSorting: false,
      header: "Role",
      cell: (info) => {
        const role: ConsoleRole = info.row.original.role;
        return (
          <Badge color={ROLE_COLORS[role]} variant="light" c="dark.7" tt="none">
            {CONSOLE_ROLE_LABELS[role]}
          </Badge>
        );
      },
    }),
    column.display({
      id: "status",
      header: "Status",
      cell: (info) => <StatusBadges user={info.row.original} />,
    }),
    column.accessor("lastSignInAt", {
      enableSorting: false,
      header: "Last sign-in",
      cell: (info) => {
        const at = info.getValue();
        const open = info.row.original.openSessions;
        if (!at) return <Dimmed>never</Dimmed>;
        return (
          <Stack gap={2}>
            <DateTimeText value={at} timeZone={timeZone} />
            {open > 0 && <Dimmed>{open === 1 ? "signed in now" : `signed in now, ${open} sessions`}</Dimmed>}
          </Stack>
        );
      },
    }),
    column.accessor("lockedUntil", {
      enableSorting: false,
      header: "Locked until",
      cell: (info) => {
        const until = info.getValue();
        return until ? <DateTimeText value={until} timeZone={timeZone} /> : <Dimmed>not locked</Dimmed>;
      },
    }),
    column.display({
      id: "actions",
      header: () => <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (info) => <ActionsMenu user={info.row.original} self={info.row.original.id === currentUserId} onCommand={onCommand} />,
      meta: { width: 56 },
    }),
  ];
}
