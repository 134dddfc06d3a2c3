"use client";
// A search tab's table: its columns (each tab's _components/<tab>-columns.tsx), its name and its
// default sort from the tab's declaration.
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { DataTableColumn } from "@/components/data-table/data-table-features";
import type { EventRow } from "@/lib/audit/events/event-rows";
import type { SortValue } from "@/lib/audit/search/filter-schema";
import { getSearchTab, type SearchTabId } from "@/lib/audit/tabs/search-tabs";
import { artifactsColumns } from "../artifacts/_components/artifacts-columns";
import { consoleColumns } from "../console/_components/console-columns";
import { loginsColumns } from "../logins/_components/logins-columns";
import { permissionsColumns } from "../permissions/_components/permissions-columns";

const COLUMNS: Record<SearchTabId, (timeZone: string) => DataTableColumn<EventRow>[]> = {
  logins: loginsColumns,
  artifacts: artifactsColumns,
  permissions: permissionsColumns,
  console: consoleColumns,
};

const rowId = (row: EventRow) => row.id;

export function SearchTabTable({ tab: id, rows, sort, timeZone }: { tab: SearchTabId; rows: EventRow[]; sort: SortValue<string>; timeZone: string }) {
  const columns = useMemo(() => COLUMNS[id](timeZone), [id, timeZone]);
  const tab = getSearchTab(id);
  return <DataTable label={tab.texts.table} columns={columns} rows={rows} getRowId={rowId} sort={sort} defaultSort={tab.defaultSort} />;
}
