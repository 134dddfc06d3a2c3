"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { ConfigHistoryRow } from "@/lib/audit/config/history";
import { configHistoryColumns } from "./config-history-columns";

const rowId = (row: ConfigHistoryRow) => row.id;

export function ConfigHistoryTable({ rows, timeZone }: { rows: ConfigHistoryRow[]; timeZone: string }) {
  const columns = useMemo(() => configHistoryColumns(timeZone), [timeZone]);
  return <DataTable label="Configuration changes" columns={columns} rows={rows} getRowId={rowId} />;
}
