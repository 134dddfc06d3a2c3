"use client";
// The user timeline's columns: Created at, Event Type (with category), Details, Role in event.
import { Badge, Stack, Text } from "@mantine/core";
import { DateTimeText, EventTypeBadge } from "@/components/data-table/data-table-cells";
import { dataTableColumns, type DataTableColumn } from "@/components/data-table/data-table-features";
import { UserName } from "@/components/user-name";
import type { TimelineRow } from "@/lib/audit/user-timeline";
import { TIMELINE_COLUMN_LABELS } from "./user-timeline-labels";

const column = dataTableColumns<TimelineRow>();

function Details({ row }: { row: TimelineRow }) {
  const place = [row.projectName, row.trackerName, row.artifactName].filter(Boolean).join(" / ");
  const other = row.role === "Target" ? { label: "By", user: row.actor } : row.targetUser && row.role === "Actor" ? { label: "Target", user: row.targetUser } : null;
  return (
    <Stack gap={2}>
      {place && <Text size="sm">{place}</Text>}
      {row.message && (
        <Text size="sm" c="dimmed">
          {row.message}
        </Text>
      )}
      {row.category === "LOGIN" && row.ip && (
        <Text size="sm" c="dimmed">
          From <Text span inherit ff="monospace">{row.ip}</Text>
        </Text>
      )}
      {other && (
        <Text size="sm" component="div" style={{ display: "flex", gap: 6, alignItems: "center" }}>
          <span>{other.label}:</span>
          <UserName user={other.user} size="xs" />
        </Text>
      )}
      {!place && !row.message && !other && !row.ip && (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </Stack>
  );
}

export function userTimelineColumns(timeZone: string): DataTableColumn<TimelineRow>[] {
  return [
    column.accessor("createdAt", {
      id: "createdAt",
      header: TIMELINE_COLUMN_LABELS[0],
      cell: (info) => <DateTimeText value={info.getValue()} timeZone={timeZone} />,
      enableSorting: false,
      meta: { width: 210, nowrap: true },
    }),
    column.accessor("eventType", {
      id: "eventType",
      header: TIMELINE_COLUMN_LABELS[1],
      cell: (info) => (
        <Stack gap={2} align="flex-start">
          <EventTypeBadge type={info.getValue()} />
          <Text size="xs" c="dimmed">
            {info.row.original.categoryLabel}
          </Text>
        </Stack>
      ),
      enableSorting: false,
      meta: { width: 220 },
    }),
    column.display({ id: "details", header: TIMELINE_COLUMN_LABELS[2], cell: (info) => <Details row={info.row.original} /> }),
    column.accessor("role", {
      id: "role",
      header: TIMELINE_COLUMN_LABELS[3],
      cell: (info) => (
        <Badge variant="dot" color={info.getValue() === "Target" ? "orange" : "indigo"} tt="none">
          {info.getValue()}
        </Badge>
      ),
      enableSorting: false,
      meta: { width: 160, nowrap: true },
    }),
  ];
}
