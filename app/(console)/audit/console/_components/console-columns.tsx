"use client";
// The Console table's columns: User, Event Type, Message (what was changed, exported or purged),
// Created at, Source. The whole record of an export (its filters, its rows) is on the event's own page.
import { Text } from "@mantine/core";
import { dataTableColumns, type DataTableColumn } from "@/components/data-table/data-table-features";
import { eventColumns } from "@/components/data-table/event-columns";
import type { EventRow } from "@/lib/audit/events/event-rows";
import { CONSOLE_COLUMN_LABELS as LABELS } from "./console-column-labels";

const column = dataTableColumns<EventRow>();
const shared = eventColumns<EventRow>();

export function consoleColumns(timeZone: string): DataTableColumn<EventRow>[] {
  return [
    shared.user({ header: LABELS.user, meta: { width: "20%" } }),
    shared.eventType({ header: LABELS.eventType, meta: { nowrap: true, width: "14%" } }),
    column.accessor("message", {
      id: "message",
      header: LABELS.message,
      sortDescFirst: false,
      cell: (info) => (
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {info.getValue() ?? "—"}
        </Text>
      ),
    }),
    shared.createdAt({ header: LABELS.createdAt }, timeZone),
    shared.source({ header: LABELS.source }),
  ];
}
