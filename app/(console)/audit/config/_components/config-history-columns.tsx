"use client";
// The history table's columns: when, who, what changed (old -> new), and through what.
import { Code, Group, Stack, Text } from "@mantine/core";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import { dataTableColumns, type DataTableColumn } from "@/components/data-table/data-table-features";
import { UserName } from "@/components/user-name";
import type { ChangeValue, FieldChange } from "@/lib/audit/events/changes";
import type { ConfigHistoryRow } from "@/lib/audit/config/history";

const column = dataTableColumns<ConfigHistoryRow>();

function valueText(value: ChangeValue): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return "name" in value && typeof value.name === "string" ? value.name : JSON.stringify(value);
  return String(value);
}

function ChangeLine({ change }: { change: FieldChange }) {
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={500}>
        {change.field}:
      </Text>
      <Code c="red.9" bg="red.0">
        {valueText(change.old)}
      </Code>
      <Text size="sm" c="dimmed" aria-label="changed to">
        →
      </Text>
      <Code c="green.9" bg="green.0">
        {valueText(change.new)}
      </Code>
    </Group>
  );
}

function WhatChanged({ row }: { row: ConfigHistoryRow }) {
  // Changes made here are fully said by their field changes; other tools' messages say more.
  const showMessage = row.via === null || row.changes.length === 0;
  return (
    <Stack gap={4}>
      {showMessage && row.message && <Text size="sm">{row.message}</Text>}
      {row.changes.map((change) => (
        <ChangeLine key={change.field} change={change} />
      ))}
    </Stack>
  );
}

export function configHistoryColumns(timeZone: string): DataTableColumn<ConfigHistoryRow>[] {
  return [
    column.accessor("createdAt", {
      id: "createdAt",
      header: "Changed at",
      enableSorting: false,
      cell: (info) => <DateTimeText value={info.getValue()} timeZone={timeZone} />,
      meta: { width: 210, nowrap: true },
    }),
    column.accessor("actor", {
      id: "user",
      header: "User",
      enableSorting: false,
      cell: (info) => <UserName user={info.getValue()} />,
      meta: { width: "22%" },
    }),
    column.display({
      id: "change",
      header: "Change",
      cell: (info) => <WhatChanged row={info.row.original} />,
    }),
    column.accessor("channel", {
      id: "channel",
      header: "Made through",
      enableSorting: false,
      cell: (info) => (
        <Stack gap={0}>
          <Text size="sm">{info.getValue()}</Text>
          {info.row.original.ip && (
            <Text size="xs" c="dimmed" ff="monospace">
              {info.row.original.ip}
            </Text>
          )}
        </Stack>
      ),
      meta: { width: 150 },
    }),
  ];
}
