// A search tab's activity: how many events its filters select per day (or hour) of the admin's
// zone, per event type. The same `where` as the tab's list (tab.where), said in SQL by event-sql.ts;
// answered from the quarter-hour counts when they can say it (category, type, source and range
// only), else by grouping the events themselves. README "Activity charts".
import "server-only";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { SqlSession } from "@/lib/db/database";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import type { InstantRange } from "../search/date-range";
import { type BucketCountRow, type BucketUnit, countableWhere, countEventsByBucket, countsInRange, type QuarterCountRow } from "../search/event-sql";
import { type AuditWhere, instantRange } from "../search/filter-query";
import { parseFilters } from "../search/filter-schema";
import type { SearchOptions } from "../search/tab-search";
import type { AnySearchTab } from "../tabs/search-tab";
import { type BucketStarts, bucketIndexOf, bucketKeys, bucketStarts, bucketUnit, daySegments } from "./activity-buckets";

export interface ActivityBucket {
  /** "2026-03-15", or "2026-03-15T14" by the hour */
  key: string;
  /** events per type; types without events are left out */
  counts: Partial<Record<AuditEventType, number>>;
  total: number;
}

export interface Activity {
  unit: BucketUnit;
  timeZone: string;
  /** every bucket of the range, in order, empty ones too */
  buckets: ActivityBucket[];
  /** the types that have events, in the order of `eventTypes` */
  types: AuditEventType[];
  total: number;
  /** where the counts came from: the quarter-hour counts, or the events grouped */
  from: "counts" | "events";
}

export interface ActivityQuery {
  where: AuditWhere;
  range: InstantRange;
  timeZone: string;
  /** the order of the series: the tab's event types */
  eventTypes: readonly AuditEventType[];
  /** false: group the events even when the counts could answer (tests, bench) */
  useCounts?: boolean;
}

type Tally = Map<string, Map<string, number>>;

function add(tally: Tally, key: string | undefined, eventType: string, count: number): void {
  if (key === undefined || count === 0) return;
  const types = tally.get(key) ?? new Map<string, number>();
  types.set(eventType, (types.get(eventType) ?? 0) + count);
  tally.set(key, types);
}

/**
 * The one statement a chart runs: from the counts (the day rows cut into the zone's buckets, and the
 * log's quarter hours) when they can say what `where` selects, else the events grouped.
 */
export function activityStatement(query: ActivityQuery): { sql: string; params: unknown[]; from: Activity["from"]; buckets: BucketStarts } {
  const buckets = bucketStarts(query.range, bucketUnit(query.range), query.timeZone);
  const countable = query.useCounts !== false ? countableWhere(query.where) : null;
  if (!countable) return { ...countEventsByBucket({ where: query.where, timeZone: query.timeZone, unit: bucketUnit(query.range) }), from: "events", buckets };
  const from = Math.max(countable.from?.getTime() ?? buckets.from, buckets.from);
  const to = Math.max(from, Math.min(countable.to?.getTime() ?? buckets.to, buckets.to));
  const segments = daySegments({ ...buckets, from, to });
  const statement = countsInRange(
    countable,
    { day: segments.map((s) => s.day), lo: segments.map((s) => s.lo), hi: segments.map((s) => s.hi), bucket: segments.map((s) => s.bucket) },
    new Date(from),
    new Date(to),
  );
  return { ...statement, from: "counts", buckets };
}

/** The activity of `where` over `range` through `sql` (the read side). One query. */
export async function activityOf(sql: Pick<SqlSession, "query">, query: ActivityQuery): Promise<Activity> {
  const { range, timeZone } = query;
  const unit = bucketUnit(range);
  const statement = activityStatement(query);
  const tally: Tally = new Map();
  if (statement.from === "counts") {
    for (const row of await sql.query<QuarterCountRow>(statement.sql, statement.params)) {
      const index = row.bucket !== null ? Number(row.bucket) : bucketIndexOf(statement.buckets, Number(row.at));
      add(tally, statement.buckets.keys[index], row.eventType, Number(row.count));
    }
  } else {
    for (const row of await sql.query<BucketCountRow>(statement.sql, statement.params)) add(tally, row.bucket, row.eventType, Number(row.count));
  }
  const byKey = new Map<string, ActivityBucket>(bucketKeys(range, unit, timeZone).map((key) => [key, { key, counts: {}, total: 0 }]));
  const present = new Set<string>();
  let total = 0;
  for (const [key, types] of tally) {
    const bucket = byKey.get(key);
    // A bucket outside the range would be a bug here or in the SQL: fail rather than chart a total that disagrees with the list.
    if (!bucket) throw new Error(`activity: the query returned the bucket ${key}, outside the range`);
    for (const [eventType, count] of types) {
      // appended counts that cancel out (events added, then removed) are no activity
      if (count === 0) continue;
      bucket.counts[eventType as AuditEventType] = count;
      bucket.total += count;
      total += count;
      present.add(eventType);
    }
  }
  const known = query.eventTypes.filter((type) => present.has(type));
  const others = [...present].filter((type) => !query.eventTypes.includes(type as AuditEventType)).sort() as AuditEventType[];
  return { unit, timeZone, buckets: [...byKey.values()], types: [...known, ...others], total, from: statement.from };
}

/**
 * The activity of what `input` (a search of `tab`) selects, over its range; `scope` narrows the
 * tab's `where` (an entity's timeline: entity-timeline.ts). Throws AuthError without an audit
 * reader, FilterValidationError (status 400, naming the field) for bad input.
 */
export async function searchTabActivity(
  tab: AnySearchTab,
  input: unknown,
  options: SearchOptions & { scope?: (where: AuditWhere) => AuditWhere } = {},
): Promise<Activity> {
  await requireAuditReader();
  const search = parseFilters(tab.searchSchema, input, tab.labels);
  const timeZone = options.timeZone ?? (await getAdminTimeZone());
  const now = options.now ?? new Date();
  const where = tab.where(search, timeZone, now);
  return activityOf(getDb().reads, {
    where: options.scope ? options.scope(where) : where,
    range: instantRange(search, timeZone, now),
    timeZone,
    eventTypes: tab.eventTypes,
  });
}
