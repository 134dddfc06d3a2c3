// The activity chart above a search tab's (or an entity timeline's) results: the same search as the list (without its page
// and sort, so that paging does not redraw it), loaded in its own Suspense boundary so that the list
// never waits for it. A server component.
import { Suspense } from "react";
import { type Activity, searchTabActivity } from "@/lib/audit/activity/activity-query";
import { databaseBusy } from "@/lib/api/refusals";
import { CUSTOM_RANGE, FilterValidationError } from "@/lib/audit/search/filter-schema";
import { getListTab, type ListTabId } from "@/lib/audit/tabs/list-tabs";
import type { TabSearch } from "@/lib/audit/tabs/search-tab";
import { serializeTabSearch } from "@/lib/audit/tabs/tab-url";
import { ActivityChartView } from "./activity-chart-view";
import { ActivityEmpty, ActivityError, ActivitySkeleton } from "./activity-states";

interface TabActivityProps {
  tab: ListTabId;
  /** the list's URL without its filters (an entity page's, with its way back), where a day's link goes; the tab's path by default */
  base?: string;
  /** what counts the events: the tab's search by default; an entity page's timeline (searchTimelineActivity) */
  load?: (search: TabSearch) => Promise<Activity>;
  /** the search from the URL when it is valid; null: the list says why not, and no chart is drawn */
  search: TabSearch | null;
  timeZone: string;
}

export function TabActivity({ tab: id, base, load, search, timeZone }: TabActivityProps) {
  if (!search) return null;
  const { page: _page, size: _size, sort: _sort, after: _after, before: _before, ...filters } = search;
  const title = `${getListTab(id).texts.table} over time`;
  return (
    <Suspense key={JSON.stringify(filters)} fallback={<ActivitySkeleton title={title} />}>
      <TabActivityChart tab={id} base={base} load={load} search={search} timeZone={timeZone} title={title} />
    </Suspense>
  );
}

async function TabActivityChart({ tab: id, base, load, search, timeZone, title }: TabActivityProps & { search: TabSearch; title: string }) {
  const tab = getListTab(id);
  let activity: Activity;
  try {
    activity = await (load ? load(search) : searchTabActivity(tab, search, { timeZone }));
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
      dayHrefs[day] = serializeTabSearch(tab, { ...search, range: CUSTOM_RANGE, from: day, to: day, page: 1, after: null, before: null }, base ?? tab.path);
    }
  }
  return <ActivityChartView activity={activity} eventTypes={tab.eventTypes} dayHrefs={dayHrefs} title={title} />;
}
