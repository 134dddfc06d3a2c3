// The results part of a list page: runs the search and shows the count, the rows and the pages, or
// why not (the filters were refused, nothing matched, the page is past the last one). The rows
// themselves are the caller's table. A server component.
import { Suspense, type ReactNode } from "react";
import { Paper } from "@mantine/core";
import { ExportMenu } from "@/components/export/export-menu";
import type { AuditTab } from "@/lib/audit/events/event-types";
import { describeErrors, FilterValidationError, type FieldLabels } from "@/lib/audit/search/filter-schema";
import type { ListResult, PageSize } from "@/lib/audit/search/list-result";
import { DataTablePagination } from "./data-table-pagination";
import { DataTableResults } from "./data-table-results";
import { DataTableEmpty, DataTableError, DataTableSkeleton } from "./data-table-states";

interface SearchResultsProps<Row> {
  /** the search; a FilterValidationError shows as a refusal, anything else goes to error.tsx */
  load: () => Promise<ListResult<Row>>;
  page: number;
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

export async function SearchResults<Row>({ load, page, size, timeZone, noun = "event", empty, firstPageHref, table, toolbar }: SearchResultsProps<Row>) {
  let result: ListResult<Row>;
  try {
    result = await load();
  } catch (error) {
    if (error instanceof FilterValidationError) return <DataTableError title="These filters cannot be searched" message={error.message} />;
    throw error;
  }
  if (result.total === 0) {
    return (
      <Paper withBorder radius="md">
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
      footer={<DataTablePagination page={page} size={size} total={result.total} totalIsCapped={result.totalIsCapped} rowsOnPage={result.rows.length} />}
    >
      {toolbar}
      {result.rows.length > 0 ? table(result.rows) : <DataTableEmpty title={`Page ${page} is past the last page`} action={{ label: "Go to page 1", href: firstPageHref }} />}
    </DataTableResults>
  );
}

interface TabResultsProps<Search extends { page: number; size: PageSize }, Row> {
  /** the tab: its page is /audit/<tab>, its export bar exports <tab> */
  tab: AuditTab;
  /** the search from the URL when it is valid, else null and `errors` say why */
  search: Search | null;
  errors: Record<string, string>;
  labels: FieldLabels;
  /** the table's column headers and what it is loading, for the skeleton */
  skeleton: { columns: string[]; label: string };
  timeZone: string;
  load: (search: Search) => Promise<ListResult<Row>>;
  /** the query string of a search: "?users=3&page=1" */
  serialize: (search: Search) => string;
  empty: { title: string; description: string };
  table: (rows: Row[], search: Search) => ReactNode;
}

/** A search tab's results under its filters: refused filters, or a skeleton, then SearchResults with the export bar. */
export function TabResults<Search extends { page: number; size: PageSize }, Row>(props: TabResultsProps<Search, Row>) {
  const { tab, search, errors, labels, skeleton, timeZone, load, serialize, empty, table } = props;
  const path = `/audit/${tab}`;
  if (!search) return <DataTableError title="These filters cannot be searched" message={describeErrors(errors, labels)} />;
  return (
    <Suspense key={JSON.stringify(search)} fallback={<DataTableSkeleton columns={skeleton.columns} rows={search.size} label={skeleton.label} />}>
      <SearchResults
        load={() => load(search)}
        page={search.page}
        size={search.size}
        timeZone={timeZone}
        empty={{ ...empty, action: { label: "Reset filters", href: path } }}
        firstPageHref={`${path}${serialize({ ...search, page: 1 })}`}
        toolbar={<ExportMenu tab={tab} />}
        table={(rows) => table(rows, search)}
      />
    </Suspense>
  );
}
