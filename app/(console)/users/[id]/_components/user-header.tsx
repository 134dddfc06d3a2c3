// Who the user is: avatar, names, e-mail, status, console role, where the account comes from, and groups.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { EntityHeadProps } from "@/components/data-table/entity-header";
import { TextLink } from "@/components/data-table/text-link";
import { SourceSystemLink } from "@/components/source-system-link";
import { UserAvatar } from "@/components/user-name";
import { CONSOLE_SOURCE_LABEL, sourceReference } from "@/lib/audit/events/sources";
import type { UserProfile } from "@/lib/audit/timeline/user-profile";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/time/zoned";

const ROLE_LABELS: Record<ConsoleRole, { label: string; color: string }> = {
  ADMIN: { label: "Console: Administrator", color: "indigo" },
  AUDITOR: { label: "Console: Auditor", color: "teal" },
  NONE: { label: "No console access", color: "gray" },
};

export function UserHeader({ user, timeZone, back, sourceLink }: EntityHeadProps & { user: UserProfile; timeZone: string }) {
  const way = back ?? { label: "Back to Audit", href: "/audit/logins" };
  const role = ROLE_LABELS[user.consoleRole];
  return (
    <Paper withBorder radius="md" p="lg">
      <Group align="flex-start" gap="lg" wrap="wrap">
        <UserAvatar user={user} size={72} />
        <Stack gap={6} style={{ flex: 1, minWidth: 240 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2" td={user.enabled ? undefined : "line-through"} c={user.enabled ? undefined : "dimmed"}>
              {user.displayName}
            </Title>
            <Badge color={user.enabled ? "green" : "red"} c="dark.7" variant="light">
              {user.enabled ? "Enabled" : "Disabled"}
            </Badge>
            <Badge color={role.color} c="dark.7" variant="outline">
              {role.label}
            </Badge>
          </Group>
          <Group gap="md" wrap="wrap">
            <Text c="dimmed">@{user.username}</Text>
            {user.email && (
              <Anchor href={`mailto:${user.email}`} size="sm" underline="hover" style={{ overflowWrap: "anywhere" }}>
                {user.email}
              </Anchor>
            )}
            <Text size="sm" c="dimmed">
              User #{user.id} · known since {formatDateTime(user.createdAt, timeZone).slice(0, 10)}
            </Text>
            <Text size="sm" c="dimmed">
              {user.source === null ? `${CONSOLE_SOURCE_LABEL} account` : `Source: ${sourceReference(user.source, user.sourceId)}`}
            </Text>
          </Group>
          <Group gap={6} wrap="wrap" mt={4} aria-label="Groups" role="list">
            <Text size="sm" fw={500} mr={4}>
              Groups:
            </Text>
            {user.groups.length === 0 ? (
              <Text size="sm" c="dimmed">
                none
              </Text>
            ) : (
              user.groups.map((group) => (
                <Badge key={group.id} variant="default" radius="sm" tt="none" role="listitem">
                  {group.name}
                </Badge>
              ))
            )}
          </Group>
        </Stack>
        <Stack gap={6} align="flex-end" style={{ whiteSpace: "nowrap" }}>
          <TextLink href={way.href}>{way.label}</TextLink>
          {sourceLink && <SourceSystemLink link={sourceLink} />}
        </Stack>
      </Group>
    </Paper>
  );
}
