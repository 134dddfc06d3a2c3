// The Logins results: runs the search and shows the count, the table and the pages, or why not.
import { Paper } from "@mantine/core";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableResults } from "@/components/data-table/data-table-results";
import { DataTableEmpty, DataTableError } from "@/components/data-table/data-table-states";
import { FilterValidationError } from "@/lib/audit/filter-schema";
import type { LoginSearch } from "@/lib/audit/logins-filters";
import { searchLogins } from "@/lib/audit/logins-query";
import { serializeLoginSearch } from "@/lib/audit/search-params";
import { LoginsTable } from "./logins-table";

export async function LoginsResults({ search, timeZone }: { search: LoginSearch; timeZone: string }) {
  let result;
  try {
    result = await searchLogins(search, { timeZone });
  } catch (error) {
    if (error instanceof FilterValidationError) {
      return <DataTableError title="These filters cannot be searched" message={error.message} />;
    }
    throw error;
  }

  if (result.total === 0) {
    return (
      <Paper withBorder radius="md">
        <DataTableEmpty
          title="No login events match these filters"
          description="Try a longer login range, other users or other event types."
          action={{ label: "Reset filters", href: "/audit/logins" }}
        />
      </Paper>
    );
  }

  return (
    <DataTableResults
      total={result.total}
      totalIsCapped={result.totalIsCapped}
      noun="event"
      timeZone={timeZone}
      footer={
        <DataTablePagination
          page={search.page}
          size={search.size}
          total={result.total}
          totalIsCapped={result.totalIsCapped}
          rowsOnPage={result.rows.length}
        />
      }
    >
      {result.rows.length > 0 ? (
        <LoginsTable rows={result.rows} sort={search.sort} timeZone={timeZone} />
      ) : (
        <DataTableEmpty
          title={`Page ${search.page} is past the last page`}
          action={{ label: "Go to page 1", href: `/audit/logins${serializeLoginSearch({ ...search, page: 1 })}` }}
        />
      )}
    </DataTableResults>
  );
}
