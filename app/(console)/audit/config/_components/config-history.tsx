// The history of configuration changes, newest first, paged by `page` and `size` in the URL.
import type { ReactNode } from "react";
import { Stack, Text } from "@mantine/core";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { timeZoneCaption } from "@/components/data-table/data-table-results";
import { DataTableEmpty } from "@/components/data-table/data-table-states";
import { SectionCard } from "@/components/section-card";
import { listConfigHistory, type ConfigHistoryWindow } from "@/lib/audit/config/history";
import { formatTotalOf } from "@/lib/audit/search/list-result";
import { ConfigHistoryTable } from "./config-history-table";

export async function ConfigHistory({ window, timeZone }: { window: ConfigHistoryWindow; timeZone: string }) {
  const result = await listConfigHistory(window);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" role="status">
        {formatTotalOf(result.total, result.totalIsCapped, "change")} · {timeZoneCaption(timeZone)}
      </Text>
      {result.total === 0 ? (
        <DataTableEmpty
          title="No configuration changes yet"
          description="Changes made on this tab or through the API are listed here, with who made them and when."
        />
      ) : result.rows.length === 0 ? (
        <DataTableEmpty title={`Page ${window.page} is past the last page`} action={{ label: "Go to page 1", href: "/audit/config" }} />
      ) : (
        <ConfigHistoryTable rows={result.rows} timeZone={timeZone} />
      )}
      {result.total > 0 && (
        // Paged by number only: the history's URL takes no keyset position.
        <DataTablePagination result={{ ...result, nextCursor: null, previousCursor: null }} size={window.size} rowsOnPage={result.rows.length} />
      )}
    </Stack>
  );
}

export function ConfigHistorySection({ children }: { children: ReactNode }) {
  return (
    <SectionCard
      id="history-title"
      title="History of configuration changes"
      description="Every change to the settings above, here or through the API, and console accounts made with create-admin."
    >
      {children}
    </SectionCard>
  );
}
