"use client";
// An entity timeline's columns. Every timeline: Created at (sortable, to read a life oldest first),
// Event Type with its category, and what changed. A user's timeline adds the details and the
// user's part in each event; an artifact's, project's or tracker's names who did it.
import { Stack, Text } from "@mantine/core";
import type { TimelineRow } from "@/lib/audit/timeline/entity-timeline";
import type { TimelineKind } from "@/lib/audit/timeline/timeline-filters";
import { EventTypeBadge } from "./data-table-cells";
import { dataTableColumns, type DataTableColumn } from "./data-table-features";
import { eventColumns } from "./event-columns";
import { RoleBadge, TimelineChanges, TimelineDetails } from "./timeline-cells";
import { TIMELINE_COLUMNS, TIMELINE_LABELS as LABELS, type TimelineColumnId } from "./timeline-column-labels";

const column = dataTableColumns<TimelineRow>();
const shared = eventColumns<TimelineRow>();

export function timelineColumns(kind: TimelineKind, timeZone: string): DataTableColumn<TimelineRow>[] {
  const definitions: Record<TimelineColumnId, () => DataTableColumn<TimelineRow>> = {
    createdAt: () => shared.createdAt({ header: LABELS.createdAt, meta: { width: 200 } }, timeZone),
    eventType: () =>
      column.accessor("eventType", {
        id: "eventType",
        header: LABELS.eventType,
        enableSorting: false,
        cell: (info) => (
          <Stack gap={2} align="flex-start">
            <EventTypeBadge type={info.getValue()} />
            <Text size="xs" c="dimmed">
              {info.row.original.categoryLabel}
            </Text>
          </Stack>
        ),
        meta: { width: 200 },
      }),
    user: () => shared.user({ header: LABELS.user, sortable: false, meta: { width: "22%" } }),
    details: () => column.display({ id: "details", header: LABELS.details, cell: (info) => <TimelineDetails row={info.row.original} subject={kind} /> }),
    changes: () =>
      column.display({
        id: "changes",
        header: LABELS.changes,
        cell: (info) => <TimelineChanges row={info.row.original} />,
        meta: { width: kind === "artifact" ? undefined : "30%" },
      }),
    role: () =>
      column.accessor("role", {
        id: "role",
        header: LABELS.role,
        enableSorting: false,
        cell: (info) => <RoleBadge role={info.getValue()} />,
        meta: { width: 150, nowrap: true },
      }),
  };
  return TIMELINE_COLUMNS[kind].map((id) => definitions[id]());
}
