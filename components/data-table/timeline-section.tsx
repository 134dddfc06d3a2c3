// An entity page's audit timeline: a heading, then the events, newest first by default, paged,
// with their loading, empty and error states. A server component.
import { Suspense } from "react";
import { Stack, Title } from "@mantine/core";
import { searchTimeline } from "@/lib/audit/timeline/entity-timeline";
import { serializeTimelineSearch } from "@/lib/audit/search/list-url";
import type { TimelineSearch, TimelineSubject } from "@/lib/audit/timeline/timeline-filters";
import { DataTableSkeleton } from "./data-table-states";
import { SearchResults } from "./search-results";
import { timelineColumnLabels } from "./timeline-column-labels";
import { TimelineTable } from "./timeline-table";

const NOUNS = { user: "user", artifact: "artifact", project: "project", tracker: "tracker" } as const;

interface TimelineSectionProps {
  subject: TimelineSubject;
  search: TimelineSearch;
  timeZone: string;
  /** the page's own path, "/artifacts/12" */
  path: string;
}

export function TimelineSection({ subject, search, timeZone, path }: TimelineSectionProps) {
  const noun = NOUNS[subject.kind];
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Audit timeline
      </Title>
      <Suspense
        key={JSON.stringify(search)}
        fallback={<DataTableSkeleton columns={timelineColumnLabels(subject.kind)} rows={search.size} label="Loading the timeline" />}
      >
        <SearchResults
          load={() => searchTimeline(subject, search)}
          size={search.size}
          timeZone={timeZone}
          empty={{ title: `No audit events for this ${noun}`, description: `Nothing about this ${noun} is in the audit trail.` }}
          firstPageHref={`${path}${serializeTimelineSearch({ ...search, page: 1, after: null, before: null })}`}
          table={(rows) => <TimelineTable kind={subject.kind} label={`The ${noun}'s audit timeline`} rows={rows} sort={search.sort} timeZone={timeZone} />}
        />
      </Suspense>
    </Stack>
  );
}
