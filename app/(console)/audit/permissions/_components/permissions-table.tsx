"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DEFAULT_PERMISSION_SORT, type PermissionSort } from "@/lib/audit/permissions-filters";
import type { PermissionRow } from "@/lib/audit/permissions-query";
import { permissionsColumns } from "./permissions-columns";

const rowId = (row: PermissionRow) => row.id;

export function PermissionsTable({ rows, sort, timeZone }: { rows: PermissionRow[]; sort: PermissionSort; timeZone: string }) {
  const columns = useMemo(() => permissionsColumns(timeZone), [timeZone]);
  return <DataTable label="Permission events" columns={columns} rows={rows} getRowId={rowId} sort={sort} defaultSort={DEFAULT_PERMISSION_SORT} />;
}
