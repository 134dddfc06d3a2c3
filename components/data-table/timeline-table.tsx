"use client";

import { useMemo } from "react";
import type { TimelineRow } from "@/lib/audit/timeline/entity-timeline";
import type { TimelineKind } from "@/lib/audit/timeline/timeline-filters";
import { DEFAULT_TIMELINE_SORT } from "@/lib/audit/timeline/timeline-tabs";
import type { SortValue } from "@/lib/audit/search/filter-schema";
import { DataTable } from "./data-table";
import { timelineColumns } from "./timeline-columns";

const rowId = (row: TimelineRow) => row.id;

interface TimelineTableProps {
  kind: TimelineKind;
  /** names the table: "The artifact's audit timeline" */
  label: string;
  rows: TimelineRow[];
  sort: SortValue<string>;
  timeZone: string;
}

export function TimelineTable({ kind, label, rows, sort, timeZone }: TimelineTableProps) {
  const columns = useMemo(() => timelineColumns(kind, timeZone), [kind, timeZone]);
  return <DataTable label={label} columns={columns} rows={rows} getRowId={rowId} sort={sort} defaultSort={DEFAULT_TIMELINE_SORT} />;
}
