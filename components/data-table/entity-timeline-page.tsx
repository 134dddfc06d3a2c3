// An entity page below its header: the audit timeline's heading, the filters (Event Types and the
// range, in the URL), the activity chart, then the events as the tabs show theirs: count, export bar, sortable table,
// pager, and their loading, empty and error states. A server component.
import type { ReactNode } from "react";
import { Stack, Title } from "@mantine/core";
import { TabFilterForm } from "@/components/filters/tab-filter-form";
import { TabActivity } from "@/components/activity/tab-activity";
import { searchTimeline, searchTimelineActivity } from "@/lib/audit/timeline/entity-timeline";
import { exportTargetOf } from "@/lib/export/export-target";
import { entitySourceLink } from "@/lib/audit/events/source-link-store";
import { readBackLink, withBack } from "@/lib/audit/timeline/back-link";
import { entityHref } from "@/lib/audit/timeline/entity-paths";
import type { TimelineSubject } from "@/lib/audit/timeline/timeline-filters";
import { TIMELINE_TABS, type TimelineTabId } from "@/lib/audit/timeline/timeline-tabs";
import { filtersOf, readTabUrl } from "@/lib/audit/tabs/tab-url";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import type { EntityHeadProps } from "./entity-header";
import { TabResults } from "./search-results";
import { timelineColumnLabels } from "./timeline-column-labels";
import { TimelineTable } from "./timeline-table";

interface EntityTimelinePageProps {
  subject: TimelineSubject;
  /** the entity's head (who or what it is), with the way back to the tab the admin came from and the link into its source */
  header: (head: EntityHeadProps & { timeZone: string }) => ReactNode;
  /** the page's query: the timeline's filters, paging and sort, and the way back (back-link.ts) */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function EntityTimelinePage({ subject, header, searchParams }: EntityTimelinePageProps) {
  const [query, timeZone, sourceLink] = await Promise.all([searchParams, getAdminTimeZone(), entitySourceLink(subject)]);
  const back = readBackLink(query.back);
  const id: TimelineTabId = `${subject.kind}-timeline`;
  const base = withBack(entityHref(subject.kind, subject.id), back?.href ?? null);
  const tab = TIMELINE_TABS[subject.kind];
  const { values, valid, errors } = readTabUrl(tab, query);
  const filters = filtersOf(tab, values);
  return (
    <Stack gap="md" maw={1440} mx="auto">
      {header({ back, sourceLink, timeZone })}
      <Stack gap="md" component="section" aria-labelledby="timeline-title">
        <Title order={2} size="h4" id="timeline-title">
          Audit timeline
        </Title>
        <TabFilterForm key={JSON.stringify(filters)} tab={id} values={filters} selected={{}} errors={errors} timeZone={timeZone} />
        <TabActivity tab={id} base={base} search={valid} timeZone={timeZone} load={(search) => searchTimelineActivity(subject, search, { timeZone })} />
        <TabResults
          tab={id}
          base={base}
          exportTarget={exportTargetOf(subject)}
          search={valid}
          errors={errors}
          skeleton={{ columns: timelineColumnLabels(subject.kind), label: tab.texts.loading }}
          timeZone={timeZone}
          load={(search) => searchTimeline(subject, search, { timeZone })}
          table={(rows, search) => <TimelineTable kind={subject.kind} label={tab.texts.table} rows={rows} sort={search.sort} timeZone={timeZone} />}
        />
      </Stack>
    </Stack>
  );
}
