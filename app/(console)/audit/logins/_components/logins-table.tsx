"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DEFAULT_LOGIN_SORT, type LoginSort } from "@/lib/audit/logins-filters";
import type { LoginRow } from "@/lib/audit/logins-query";
import { loginsColumns } from "./logins-columns";

const rowId = (row: LoginRow) => row.id;

export function LoginsTable({ rows, sort, timeZone }: { rows: LoginRow[]; sort: LoginSort; timeZone: string }) {
  const columns = useMemo(() => loginsColumns(timeZone), [timeZone]);
  return <DataTable label="Login events" columns={columns} rows={rows} getRowId={rowId} sort={sort} defaultSort={DEFAULT_LOGIN_SORT} />;
}
