"use client";
// Columns every event list shares (the search tabs, entity timelines): one definition each,
// composed by the lists. Ids double as sort fields where the list sorts by them.
import { Text } from "@mantine/core";
import type { EventRow } from "@/lib/audit/events/event-rows";
import { ShowChangesLink } from "@/components/diff/show-changes-link";
import { UserName } from "@/components/user-name";
import { DateTimeText, EventTypeBadge, SourceText } from "./data-table-cells";
import { dataTableColumns, type DataTableColumn, type DataTableColumnMeta } from "./data-table-features";
import { EntityLink } from "./entity-link";

interface ColumnOptions {
  header: string;
  sortable?: boolean;
  meta?: DataTableColumnMeta;
}

/** A row's artifact, work item or not: "Alarm late". */
export function eventSubject(row: EventRow): string {
  return [row.artifact?.name ?? row.targetUser?.username, row.label].filter(Boolean).join(", ");
}

/** The shared columns for a list of EventRow or of rows extending it (PermissionRow, TimelineRow). */
export function eventColumns<Row extends EventRow>() {
  const column = dataTableColumns<Row>();
  return {
    user: ({ header, sortable = true, meta }: ColumnOptions): DataTableColumn<Row> =>
      column.accessor((row) => row.actor, {
        id: "user",
        header,
        enableSorting: sortable,
        sortDescFirst: false,
        cell: (info) => <UserName user={info.getValue()} />,
        meta,
      }),

    eventType: ({ header, sortable = true, meta }: ColumnOptions): DataTableColumn<Row> =>
      column.accessor((row) => row.eventType, {
        id: "eventType",
        header,
        enableSorting: sortable,
        sortDescFirst: false,
        cell: (info) => <EventTypeBadge type={info.getValue()} />,
        meta,
      }),

    project: ({ header, sortable = true, meta }: ColumnOptions): DataTableColumn<Row> =>
      column.accessor((row) => row.project, {
        id: "project",
        header,
        enableSorting: sortable,
        sortDescFirst: false,
        cell: (info) => <EntityLink kind="project" entity={info.getValue()} />,
        meta,
      }),

    tracker: ({ header, sortable = true, meta }: ColumnOptions): DataTableColumn<Row> =>
      column.accessor((row) => row.tracker, {
        id: "tracker",
        header,
        enableSorting: sortable,
        sortDescFirst: false,
        cell: (info) => <EntityLink kind="tracker" entity={info.getValue()} />,
        meta,
      }),

    createdAt: ({ header, sortable = true, meta }: ColumnOptions, timeZone: string): DataTableColumn<Row> =>
      column.accessor((row) => row.createdAt, {
        id: "createdAt",
        header,
        enableSorting: sortable,
        sortDescFirst: true,
        cell: (info) => <DateTimeText value={info.getValue()} timeZone={timeZone} />,
        meta: { nowrap: true, ...meta },
      }),

    /** Not sortable: a filter, not an order, is what the admin wants of it. */
    source: ({ header, meta }: ColumnOptions): DataTableColumn<Row> =>
      column.accessor((row) => row.source, {
        id: "source",
        header,
        enableSorting: false,
        cell: (info) => <SourceText source={info.getValue()} />,
        meta: { nowrap: true, ...meta },
      }),

    changes: ({ header, meta }: ColumnOptions): DataTableColumn<Row> =>
      column.display({
        id: "changes",
        header,
        cell: ({ row: { original: row } }) =>
          row.changedFields.length > 0 ? (
            <ShowChangesLink eventId={row.id} fields={row.changedFields} context={eventSubject(row)} />
          ) : (
            <Text span size="sm" c="dimmed">
              —
            </Text>
          ),
        meta,
      }),
  };
}
