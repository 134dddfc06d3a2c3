"use client";
// The Permissions table's columns: User, Artifact, Event Type, Project, Tracker, Message, Created
// at, Source. For User Create/Enable/Disable the artifact is the account itself: shown as that user.
import { dataTableColumns, type DataTableColumn } from "@/components/data-table/data-table-features";
import { EntityLink } from "@/components/data-table/entity-link";
import { eventColumns } from "@/components/data-table/event-columns";
import { UserName } from "@/components/user-name";
import type { EventRow } from "@/lib/audit/events/event-rows";
import { PERMISSION_COLUMN_LABELS as LABELS } from "./permissions-column-labels";
import { PermissionMessage } from "./permission-message";

const column = dataTableColumns<EventRow>();
const shared = eventColumns<EventRow>();
const ACCOUNT_EVENTS = new Set(["USER_CREATE", "USER_ENABLE", "USER_DISABLE"]);

export function permissionsColumns(timeZone: string): DataTableColumn<EventRow>[] {
  return [
    shared.user({ header: LABELS.user, meta: { width: "17%" } }),
    column.accessor("artifact", {
      id: "artifact",
      header: LABELS.artifact,
      sortDescFirst: false,
      cell: ({ row: { original: row } }) =>
        ACCOUNT_EVENTS.has(row.eventType) && row.targetUser ? <UserName user={row.targetUser} /> : <EntityLink kind="artifact" entity={row.artifact} />,
      meta: { width: "17%" },
    }),
    shared.eventType({ header: LABELS.eventType, meta: { nowrap: true } }),
    shared.project({ header: LABELS.project, meta: { width: "11%" } }),
    shared.tracker({ header: LABELS.tracker, meta: { width: "8%" } }),
    column.display({ id: "message", header: LABELS.message, cell: ({ row }) => <PermissionMessage row={row.original} />, meta: { width: "18%" } }),
    shared.createdAt({ header: LABELS.createdAt }, timeZone),
    shared.source({ header: LABELS.source }),
  ];
}
