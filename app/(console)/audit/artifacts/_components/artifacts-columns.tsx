"use client";
// The Artifacts table's columns: User, Artifact, Work Item, Event Type, Project, Tracker, Changes,
// Created at, Source. An event is about an artifact or a work item: the other column stays empty.
import { dataTableColumns, type DataTableColumn } from "@/components/data-table/data-table-features";
import { EntityLink } from "@/components/data-table/entity-link";
import { eventColumns } from "@/components/data-table/event-columns";
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import type { EventRow } from "@/lib/audit/events/event-rows";
import { ARTIFACT_COLUMN_LABELS as LABELS } from "./artifacts-column-labels";

const column = dataTableColumns<EventRow>();
const shared = eventColumns<EventRow>();

function itemColumn(id: "artifact" | "workItem", kind: ArtifactKind): DataTableColumn<EventRow> {
  return column.accessor("artifact", {
    id,
    header: LABELS[id],
    sortDescFirst: false,
    cell: (info) => {
      const artifact = info.getValue();
      return <EntityLink kind="artifact" entity={artifact?.kind === kind ? artifact : null} empty="" />;
    },
    meta: { width: id === "workItem" ? "18%" : "13%" },
  });
}

export function artifactsColumns(timeZone: string): DataTableColumn<EventRow>[] {
  return [
    shared.user({ header: LABELS.user, meta: { width: "15%" } }),
    itemColumn("artifact", "ARTIFACT"),
    itemColumn("workItem", "WORK_ITEM"),
    shared.eventType({ header: LABELS.eventType, meta: { nowrap: true } }),
    shared.project({ header: LABELS.project, meta: { width: "10%" } }),
    shared.tracker({ header: LABELS.tracker, meta: { width: "8%" } }),
    shared.changes({ header: LABELS.changes, meta: { width: "10%" } }),
    shared.createdAt({ header: LABELS.createdAt }, timeZone),
    shared.source({ header: LABELS.source }),
  ];
}
