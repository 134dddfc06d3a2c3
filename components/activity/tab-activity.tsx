// A search tab's activity chart above its results: the same search as the list (without its page
// and sort, so that paging does not redraw it), loaded in its own Suspense boundary so that the list
// never waits for it. A server component.
import { Suspense } from "react";
import { searchTabActivity } from "@/lib/audit/activity/activity-query";
import { databaseBusy } from "@/lib/api/refusals";
import { CUSTOM_RANGE, FilterValidationError } from "@/lib/audit/search/filter-schema";
import { getSearchTab, type SearchTabId } from "@/lib/audit/tabs/search-tabs";
import type { TabSearch } from "@/lib/audit/tabs/search-tab";
import { serializeTabSearch } from "@/lib/audit/tabs/tab-url";
import { ActivityChartView } from "./activity-chart-view";
import { ActivityEmpty, ActivityError, ActivitySkeleton } from "./activity-states";

interface TabActivityProps {
  tab: SearchTabId;
  /** the search from the URL when it is valid; null: the list says why not, and no chart is drawn */
  search: TabSearch | null;
  timeZone: string;
}

export function TabActivity({ tab: id, search, timeZone }: TabActivityProps) {
  if (!search) return null;
  const { page: _page, size: _size, sort: _sort, after: _after, before: _before, ...filters } = search;
  const title = `${getSearchTab(id).texts.table} over time`;
  return (
    <Suspense key={JSON.stringify(filters)} fallback={<ActivitySkeleton title={title} />}>
      <TabActivityChart tab={id} search={search} timeZone={timeZone} title={title} />
    </Suspense>
  );
}

async function TabActivityChart({ tab: id, search, timeZone, title }: TabActivityProps & { search: TabSearch; title: string }) {
  const tab = getSearchTab(id);
  let activity: Awaited<ReturnType<typeof searchTabActivity>>;
  try {
    activity = await searchTabActivity(tab, search, { timeZone });
  } catch (error) {
    // Refused filters are the list's to explain; the chart steps aside.
    if (error instanceof FilterValidationError) return null;
    const busy = databaseBusy(error);
    if (!busy) console.error("The activity chart failed:", error);
    return (
      <ActivityError
        title={title}
        message={busy?.message ?? "Something went wrong while counting the events. The list below is not affected; reload to try again."}
      />
    );
  }
  if (activity.total === 0) return <ActivityEmpty title={title} message="No events to chart for these filters in this range." />;
  // A day's link: the same filters, the range narrowed to that day, page 1.
  const dayHrefs: Record<string, string> = {};
  for (const bucket of activity.buckets) {
    const day = bucket.key.slice(0, 10);
    if (bucket.total > 0 && !dayHrefs[day]) {
      dayHrefs[day] = `${tab.path}${serializeTabSearch(tab, { ...search, range: CUSTOM_RANGE, from: day, to: day, page: 1, after: null, before: null })}`;
    }
  }
  return <ActivityChartView activity={activity} eventTypes={tab.eventTypes} dayHrefs={dayHrefs} title={title} />;
}
