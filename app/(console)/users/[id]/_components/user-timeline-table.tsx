"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { TimelineRow } from "@/lib/audit/user-timeline";
import { userTimelineColumns } from "./user-timeline-columns";

const rowId = (row: TimelineRow) => row.id;

export function UserTimelineTable({ rows, timeZone }: { rows: TimelineRow[]; timeZone: string }) {
  const columns = useMemo(() => userTimelineColumns(timeZone), [timeZone]);
  return <DataTable label="The user's audit timeline" columns={columns} rows={rows} getRowId={rowId} />;
}
