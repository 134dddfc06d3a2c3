// The timeline of an entity's page (/users/[id], /artifacts/[id], /projects/[id], /trackers/[id]):
// the events about it that the timeline's filters select, newest first, paged; on a user's page,
// the user's part in each event.
import "server-only";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { type Activity, searchTabActivity } from "../activity/activity-query";
import type { ChangeSummaryLine } from "../diff/change-summary";
import type { EventRow } from "../events/event-rows";
import type { AuditWhere } from "../search/filter-query";
import { parseFilters } from "../search/filter-schema";
import { pageOfEventRows } from "../search/list-query";
import type { ListResult } from "../search/list-result";
import type { SearchOptions } from "../search/tab-search";
import type { TabFilters } from "../tabs/search-tab";
import { timelineSubjectSchema, timelineWhere, type TimelineSubject } from "./timeline-filters";
import { TIMELINE_TABS } from "./timeline-tabs";

export type TimelineRole = "Actor" | "Target" | "Actor and target";

export interface TimelineRow extends EventRow {
  /** the user's part in the event, on a user's timeline; null on other timelines */
  role: TimelineRole | null;
  changeSummary: ChangeSummaryLine[];
}

function roleOf(subject: TimelineSubject, row: EventRow): TimelineRole | null {
  if (subject.kind !== "user") return null;
  const acted = row.actor.id === subject.id;
  const targeted = row.targetUser?.id === subject.id;
  if (acted && targeted) return "Actor and target";
  return acted ? "Actor" : "Target";
}

/** The events of the subject's timeline that `filters` (validated) select: the page, the export and the count share it. */
export function subjectTimelineWhere(subject: TimelineSubject, filters: TabFilters, timeZone: string, now: Date): AuditWhere {
  return { AND: [timelineWhere(subject), TIMELINE_TABS[subject.kind].where(filters, timeZone, now)] };
}

/**
 * One page of the subject's timeline for `input` (a search of its timeline tab). Throws AuthError
 * without an audit reader, FilterValidationError (status 400, naming the field) for bad input.
 */
export async function searchTimeline(subject: TimelineSubject, input: unknown, options: SearchOptions = {}): Promise<ListResult<TimelineRow>> {
  await requireAuditReader();
  const whose = timelineSubjectSchema.parse(subject);
  const tab = TIMELINE_TABS[whose.kind];
  const search = parseFilters(tab.searchSchema, input, tab.labels);
  const timeZone = options.timeZone ?? (await getAdminTimeZone());
  const where = subjectTimelineWhere(whose, search, timeZone, options.now ?? new Date());
  const page = await pageOfEventRows(getDb(), where, tab.orderBy(search.sort), search, { summaries: true });
  return { ...page, rows: page.rows.map((row) => ({ ...row, role: roleOf(whose, row), changeSummary: row.changeSummary ?? [] })) };
}

/** The subject's activity for `input` (a search of its timeline tab): the chart above its timeline. */
export async function searchTimelineActivity(subject: TimelineSubject, input: unknown, options: SearchOptions = {}): Promise<Activity> {
  const whose = timelineSubjectSchema.parse(subject);
  return searchTabActivity(TIMELINE_TABS[whose.kind], input, { ...options, scope: (where) => ({ AND: [timelineWhere(whose), where] }) });
}
