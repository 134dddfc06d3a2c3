// The timeline of an entity's page (/users/[id], /artifacts/[id], /projects/[id], /trackers/[id]):
// every event about it, newest first, paged; on a user's page, the user's part in each event.
import "server-only";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { ChangeSummaryLine } from "../diff/change-summary";
import type { EventRow } from "../events/event-rows";
import { pageOfEventRows } from "../search/list-query";
import { byTime } from "../search/filter-query";
import { splitSort } from "../search/filter-schema";
import { LIST_FIELD_LABELS, parseFilters } from "../search/filter-schema";
import type { ListResult } from "../search/list-result";
import { timelineSearchSchema, timelineSubjectSchema, timelineWhere, type TimelineSubject } from "./timeline-filters";

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

/** One page of the subject's timeline. */
export async function searchTimeline(subject: TimelineSubject, input: unknown): Promise<ListResult<TimelineRow>> {
  await requireAuditReader();
  const whose = timelineSubjectSchema.parse(subject);
  const search = parseFilters(timelineSearchSchema, input, LIST_FIELD_LABELS);
  const page = await pageOfEventRows(getDb(), timelineWhere(whose), byTime(splitSort(search.sort).direction), search, { summaries: true });
  return { ...page, rows: page.rows.map((row) => ({ ...row, role: roleOf(whose, row), changeSummary: row.changeSummary ?? [] })) };
}
