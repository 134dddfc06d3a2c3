// A search tab's activity: how many events its filters select per day (or hour) of the admin's
// zone, per event type. The same `where` as the tab's list (tab.where), said in SQL by event-sql.ts;
// answered from the hourly counts when they can say it (category, type and range only), else by
// grouping the events themselves. README "Activity charts".
import "server-only";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { SqlSession } from "@/lib/db/database";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import type { InstantRange } from "../search/date-range";
import { type BucketCountRow, type BucketUnit, countEventsByBucket, countEventsByHourlyCounts } from "../search/event-sql";
import { type AuditWhere, instantRange } from "../search/filter-query";
import { parseFilters } from "../search/filter-schema";
import type { SearchOptions } from "../search/tab-search";
import type { AnySearchTab } from "../tabs/search-tab";
import { bucketKeys, bucketUnit, startsOnUtcHours } from "./activity-buckets";

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
  /** where the counts came from: the hourly counts, or the events grouped */
  from: "hourly-counts" | "events";
}

export interface ActivityQuery {
  where: AuditWhere;
  range: InstantRange;
  timeZone: string;
  /** the order of the series: the tab's event types */
  eventTypes: readonly AuditEventType[];
  /** false: group the events even when the hourly counts could answer (tests, bench) */
  useHourlyCounts?: boolean;
}

/** The activity of `where` over `range` through `sql` (the read side). One grouped query. */
export async function activityOf(sql: Pick<SqlSession, "query">, query: ActivityQuery): Promise<Activity> {
  const { where, range, timeZone } = query;
  const unit = bucketUnit(range);
  const hourly = query.useHourlyCounts !== false && startsOnUtcHours(range, timeZone) ? countEventsByHourlyCounts({ where, timeZone, unit }) : null;
  const statement = hourly ?? countEventsByBucket({ where, timeZone, unit });
  const rows = await sql.query<BucketCountRow>(statement.sql, statement.params);
  const byKey = new Map<string, ActivityBucket>(bucketKeys(range, unit, timeZone).map((key) => [key, { key, counts: {}, total: 0 }]));
  const present = new Set<string>();
  let total = 0;
  for (const row of rows) {
    const count = Number(row.count);
    // appended counts that cancel out (events added, then removed) are no activity
    if (count === 0) continue;
    const bucket = byKey.get(row.bucket);
    // A bucket outside the range would be a bug here or in the SQL: fail rather than chart a total that disagrees with the list.
    if (!bucket) throw new Error(`activity: the query returned the bucket ${row.bucket}, outside the range`);
    bucket.counts[row.eventType as AuditEventType] = (bucket.counts[row.eventType as AuditEventType] ?? 0) + count;
    bucket.total += count;
    total += count;
    present.add(row.eventType);
  }
  const known = query.eventTypes.filter((type) => present.has(type));
  const others = [...present].filter((type) => !query.eventTypes.includes(type as AuditEventType)).sort() as AuditEventType[];
  return { unit, timeZone, buckets: [...byKey.values()], types: [...known, ...others], total, from: hourly ? "hourly-counts" : "events" };
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
