// The user's timeline: every event they did or that was done to them, newest first, paged.
import { Paper } from "@mantine/core";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableResults } from "@/components/data-table/data-table-results";
import { DataTableEmpty } from "@/components/data-table/data-table-states";
import type { TimelineSearch } from "@/lib/audit/timeline-filters";
import { searchUserTimeline } from "@/lib/audit/user-timeline";
import { UserTimelineTable } from "./user-timeline-table";

export async function UserTimelineResults({ userId, search, timeZone }: { userId: number; search: TimelineSearch; timeZone: string }) {
  const result = await searchUserTimeline(userId, search);
  if (result.total === 0) {
    return (
      <Paper withBorder radius="md">
        <DataTableEmpty title="No audit events for this user" description="Nothing this user did, and nothing done to this user, is in the audit trail." />
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
        <DataTablePagination page={search.page} size={search.size} total={result.total} totalIsCapped={result.totalIsCapped} rowsOnPage={result.rows.length} />
      }
    >
      {result.rows.length > 0 ? (
        <UserTimelineTable rows={result.rows} timeZone={timeZone} />
      ) : (
        <DataTableEmpty title={`Page ${search.page} is past the last page`} action={{ label: "Go to page 1", href: `/users/${userId}` }} />
      )}
    </DataTableResults>
  );
}
