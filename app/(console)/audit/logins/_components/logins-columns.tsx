"use client";
// The Logins table's columns: User, Event Type, Created at (sortable), IP address and Source.
import { Text } from "@mantine/core";
import { DateTimeText, EventTypeBadge } from "@/components/data-table/data-table-cells";
import { dataTableColumns, type DataTableColumn } from "@/components/data-table/data-table-features";
import { eventColumns } from "@/components/data-table/event-columns";
import { UserName } from "@/components/user-name";
import type { EventRow } from "@/lib/audit/events/event-rows";
import { LOGIN_COLUMN_LABELS } from "./logins-column-labels";

const column = dataTableColumns<EventRow>();
const shared = eventColumns<EventRow>();

export function loginsColumns(timeZone: string): DataTableColumn<EventRow>[] {
  return [
    column.accessor("actor", {
      id: "user",
      header: LOGIN_COLUMN_LABELS.user,
      cell: (info) => <UserName user={info.getValue()} />,
      sortDescFirst: false,
      meta: { width: "34%" },
    }),
    column.accessor("eventType", {
      id: "eventType",
      header: LOGIN_COLUMN_LABELS.eventType,
      cell: (info) => <EventTypeBadge type={info.getValue()} />,
      sortDescFirst: false,
      meta: { width: "20%" },
    }),
    column.accessor("createdAt", {
      id: "createdAt",
      header: LOGIN_COLUMN_LABELS.createdAt,
      cell: (info) => <DateTimeText value={info.getValue()} timeZone={timeZone} />,
      sortDescFirst: true,
      meta: { width: "24%", nowrap: true },
    }),
    column.accessor("ip", {
      id: "ip",
      header: LOGIN_COLUMN_LABELS.ip,
      enableSorting: false,
      cell: (info) => (
        <Text size="sm" ff="monospace" title={info.row.original.userAgent ?? undefined}>
          {info.getValue() ?? "—"}
        </Text>
      ),
    }),
    shared.source({ header: LOGIN_COLUMN_LABELS.source }),
  ];
}
