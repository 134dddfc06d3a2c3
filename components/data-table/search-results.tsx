// The results part of a list page: runs the search and shows the count, the rows and the pages, or
// why not (the filters were refused, nothing matched, the page is past the last one). The rows
// themselves are the caller's table. A server component.
import { Suspense, type ReactNode } from "react";
import { Paper } from "@mantine/core";
import { ExportMenu } from "@/components/export/export-menu";
import { describeErrors, FilterValidationError } from "@/lib/audit/search/filter-schema";
import { getListTab, type ListTabId } from "@/lib/audit/tabs/list-tabs";
import type { TabSearch } from "@/lib/audit/tabs/search-tab";
import { serializeTabSearch } from "@/lib/audit/tabs/tab-url";
import type { ListResult, PageSize } from "@/lib/audit/search/list-result";
import { DataTablePagination } from "./data-table-pagination";
import { databaseBusy } from "@/lib/api/refusals";
import { getDb } from "@/lib/db";
import { replicaLagNotice } from "@/lib/db/replica-lag";
import { DataTableResults } from "./data-table-results";
import { RESULTS_ID } from "./results-anchor";
import { DataTableEmpty, DataTableError, DataTableSkeleton } from "./data-table-states";

interface SearchResultsProps<Row> {
  /** the search; a FilterValidationError or a busy database (refusals.ts) shows as the list's error, anything else goes to error.tsx */
  load: () => Promise<ListResult<Row>>;
  size: PageSize;
  timeZone: string;
  /** what the rows are: "event" */
  noun?: string;
  empty: { title: string; description?: string; action?: { label: string; href: string } };
  /** the same list on page 1, for a page past the end */
  firstPageHref: string;
  table: (rows: Row[]) => ReactNode;
  /** above the rows: the export buttons */
  toolbar?: ReactNode;
}

export async function SearchResults<Row>({ load, size, timeZone, noun = "event", empty, firstPageHref, table, toolbar }: SearchResultsProps<Row>) {
  let result: ListResult<Row>;
  let lag: number | null;
  try {
    // Beside the search: how far behind the read replica is, when the reads go to one.
    [result, lag] = await Promise.all([load(), getDb().reads.lag()]);
  } catch (error) {
    if (error instanceof FilterValidationError) return <DataTableError title="These filters cannot be searched" message={error.message} />;
    const busy = databaseBusy(error);
    if (busy) return <DataTableError title="The database is busy" message={busy.message} />;
    throw error;
  }
  if (result.total === 0) {
    return (
      <Paper withBorder radius="md" id={RESULTS_ID} tabIndex={-1}>
        <DataTableEmpty {...empty} />
      </Paper>
    );
  }
  return (
    <DataTableResults
      total={result.total}
      totalIsCapped={result.totalIsCapped}
      noun={noun}
      timeZone={timeZone}
      notice={replicaLagNotice(lag)}
      footer={<DataTablePagination result={result} size={size} rowsOnPage={result.rows.length} />}
    >
      {toolbar}
      {result.rows.length > 0 ? (
        table(result.rows)
      ) : (
        <DataTableEmpty title={`Page ${result.page} is past the last page`} action={{ label: "Go to page 1", href: firstPageHref }} />
      )}
    </DataTableResults>
  );
}

interface TabResultsProps<Row> {
  /** the tab (or entity timeline): its labels, its empty state */
  tab: ListTabId;
  /** the list's URL without its filters: the tab's path, or an entity page's with its way back */
  base?: string;
  /** what the export bar exports: the tab's id, or an entity's ("artifact-12"; export-target.ts) */
  exportTarget?: string;
  /** the search from the URL when it is valid, else null and `errors` say why */
  search: TabSearch | null;
  errors: Record<string, string>;
  /** the table's column headers and what it is loading, for the skeleton */
  skeleton: { columns: string[]; label: string };
  timeZone: string;
  load: (search: TabSearch) => Promise<ListResult<Row>>;
  table: (rows: Row[], search: TabSearch) => ReactNode;
}

/** A search tab's results under its filters: refused filters, or a skeleton, then SearchResults with the export bar. */
export function TabResults<Row>({ tab: id, base, exportTarget = id, search, errors, skeleton, timeZone, load, table }: TabResultsProps<Row>) {
  const tab = getListTab(id);
  const home = base ?? tab.path;
  if (!search) return <DataTableError title="These filters cannot be searched" message={describeErrors(errors, tab.labels)} />;
  return (
    <Suspense key={JSON.stringify(search)} fallback={<DataTableSkeleton columns={skeleton.columns} rows={search.size} label={skeleton.label} />}>
      <SearchResults
        load={() => load(search)}
        size={search.size}
        timeZone={timeZone}
        empty={{ ...tab.texts.empty, action: { label: "Reset filters", href: home } }}
        firstPageHref={serializeTabSearch(tab, { ...search, page: 1, after: null, before: null }, home)}
        toolbar={<ExportMenu target={exportTarget} />}
        table={(rows) => table(rows, search)}
      />
    </Suspense>
  );
}
