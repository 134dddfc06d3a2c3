"use client";
// The token list's columns: what the token is, who made it, when it was last used, until when it
// works, and whether it still does.
import { Badge, Button, Code, Group, Stack, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconBan } from "@tabler/icons-react";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import { type DataTableColumn, dataTableColumns } from "@/components/data-table/data-table-features";
import { type ApiScopeName, SCOPE_LABELS } from "@/lib/auth/api-tokens/api-token-schema";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens/api-tokens";
import { dayIn, isExpired, timeLeft } from "./api-token-days";

const column = dataTableColumns<ApiTokenSummary>();

const SCOPE_COLORS: Record<ApiScopeName, string> = { ingest: "indigo", read: "teal" };

function Dimmed({ children }: { children: string }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

function Status({ token, now, timeZone }: { token: ApiTokenSummary; now: Date; timeZone: string }) {
  if (token.revokedAt) {
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="red" variant="light" c="dark.7">
          Revoked
        </Badge>
        <Dimmed>{`by ${token.revokedByName ?? "unknown"}`}</Dimmed>
        <DateTimeText value={token.revokedAt} timeZone={timeZone} />
      </Stack>
    );
  }
  if (isExpired(token, now)) {
    return (
      <Badge color="gray" variant="light" c="dark.7">
        Expired
      </Badge>
    );
  }
  return (
    <Badge color="green" variant="light" c="dark.7">
      Active
    </Badge>
  );
}

interface ColumnOptions {
  timeZone: string;
  now: Date;
  onRevoke: (token: ApiTokenSummary) => void;
}

export function apiTokenColumns({ timeZone, now, onRevoke }: ColumnOptions): DataTableColumn<ApiTokenSummary>[] {
  return [
    column.accessor("name", {
      enableSorting: false,
      header: "Name",
      cell: (info) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {info.getValue()}
          </Text>
          <Code fz="xs" w="fit-content">{`${info.row.original.prefix}…`}</Code>
        </Stack>
      ),
      meta: { width: "22%" },
    }),
    column.accessor("source", {
      enableSorting: false,
      header: "Source",
      cell: (info) => (
        <Text size="sm" ff="monospace">
          {info.getValue()}
        </Text>
      ),
    }),
    column.accessor("scopes", {
      enableSorting: false,
      header: "Scopes",
      cell: (info) => (
        <Group gap={4} wrap="nowrap">
          {info.getValue().map((scope: ApiScopeName) => (
            <Tooltip key={scope} label={SCOPE_LABELS[scope]} withArrow>
              <Badge color={SCOPE_COLORS[scope]} variant="light" c="dark.7" tt="none">
                {scope}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      ),
    }),
    column.accessor("createdAt", {
      enableSorting: false,
      header: "Created",
      cell: (info) => (
        <Stack gap={2}>
          <DateTimeText value={info.getValue()} timeZone={timeZone} />
          <Dimmed>{`by ${info.row.original.createdByName}`}</Dimmed>
        </Stack>
      ),
    }),
    column.accessor("lastUsedAt", {
      enableSorting: false,
      header: "Last used",
      cell: (info) => {
        const at = info.getValue();
        if (!at) return <Dimmed>never</Dimmed>;
        return (
          <Stack gap={2}>
            <DateTimeText value={at} timeZone={timeZone} />
            {info.row.original.lastUsedIp && (
              <Text size="xs" c="dimmed" ff="monospace">
                {info.row.original.lastUsedIp}
              </Text>
            )}
          </Stack>
        );
      },
    }),
    column.accessor("expiresAt", {
      enableSorting: false,
      header: "Expires",
      cell: (info) => {
        const token = info.row.original;
        const expired = isExpired(token, now);
        return (
          <Stack gap={2} align="flex-start">
            <Text size="sm" style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
              {dayIn(info.getValue(), timeZone)}
            </Text>
            {expired ? (
              <Badge color="orange" variant="light" c="dark.7" size="sm">
                expired
              </Badge>
            ) : (
              !token.revokedAt && <Dimmed>{timeLeft(info.getValue(), now)}</Dimmed>
            )}
          </Stack>
        );
      },
      meta: { nowrap: true },
    }),
    column.display({
      id: "status",
      header: "Status",
      cell: (info) => <Status token={info.row.original} now={now} timeZone={timeZone} />,
    }),
    column.display({
      id: "actions",
      header: () => <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (info) => {
        const token = info.row.original;
        if (token.revokedAt) return null;
        return (
          <Button
            size="xs"
            color="red"
            variant="light"
            leftSection={<IconBan size={14} aria-hidden />}
            onClick={() => onRevoke(token)}
            aria-label={`Revoke ${token.name}`}
          >
            Revoke…
          </Button>
        );
      },
      meta: { width: 110 },
    }),
  ];
}
