// AuditEvent in plain SQL: the tabs' Prisma `where`/`orderBy` (and the keyset conditions built from
// them) become a parameterised SELECT. Exports read through it: Prisma's query engine costs about
// 10,000 rows/s and its memory grows with what it has read; one SELECT a batch through the driver
// reads several times faster in a flat amount of memory. Capped counts go through it too: Prisma's
// `count({ take })` orders its subquery by id, which at 10 million events walks the primary key
// (1.5 s) where the same count without the order reads the tab's index (2 ms). The filters
// themselves stay in one place: the tabs' functions, which the pages and the API use too. Pure.
import type { EventRowRecord } from "@/lib/audit/events/event-rows";
import { integerFromText, timestampFromText } from "@/lib/db/pg-text";
import type { AuditOrderBy, AuditWhere } from "./filter-query";

/** The columns an export reads, as the Prisma select names them (the database names them alike). */
export const EXPORT_COLUMNS = [
  "id",
  "category",
  "eventType",
  "actorId",
  "actorName",
  "targetUserId",
  "targetUserName",
  "projectId",
  "projectName",
  "trackerId",
  "trackerName",
  "artifactId",
  "artifactName",
  "artifactKind",
  "message",
  "changes",
  "ip",
  "userAgent",
  "createdAt",
  "source",
] as const;

/**
 * One row of selectEvents read as text (a bulk reader's cursor, lib/db/pg-text.ts), as the record
 * Prisma would have read. Positions follow EXPORT_COLUMNS.
 */
export function eventRecordFromText(values: ReadonlyArray<string | null>): EventRowRecord {
  return {
    id: BigInt(values[0] as string),
    category: values[1] as EventRowRecord["category"],
    eventType: values[2] as EventRowRecord["eventType"],
    actorId: integerFromText(values[3]),
    actorName: values[4] as string,
    targetUserId: integerFromText(values[5]),
    targetUserName: values[6],
    projectId: integerFromText(values[7]),
    projectName: values[8],
    trackerId: integerFromText(values[9]),
    trackerName: values[10],
    artifactId: integerFromText(values[11]),
    artifactName: values[12],
    artifactKind: values[13] as EventRowRecord["artifactKind"],
    message: values[14],
    changes: values[15] === null ? null : JSON.parse(values[15]),
    ip: values[16],
    userAgent: values[17],
    createdAt: timestampFromText(values[18] as string),
    source: values[19],
  };
}

const COLUMN_NAMES = new Set<string>([...EXPORT_COLUMNS, "sourceEventId", "details"]);

/** A column name checked against the table, quoted: nothing from outside reaches the SQL text. */
function column(name: string): string {
  if (!COLUMN_NAMES.has(name)) throw new Error(`event-sql: unknown AuditEvent column "${name}"`);
  return `"${name}"`;
}

type Value = string | number | bigint | boolean | Date | readonly string[] | readonly number[];

/** Values for the SQL; each call adds one and returns its placeholder. */
class Params {
  readonly values: unknown[] = [];
  add(value: Value): string {
    this.values.push(typeof value === "bigint" ? value.toString() : value);
    return `$${this.values.length}`;
  }
}

const COMPARISONS: Record<string, string> = { gt: ">", gte: ">=", lt: "<", lte: "<=" };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date) && !Array.isArray(value);
}

/** A Prisma field name as a quoted column of the table the SQL reads (throws for one it does not have). */
type ColumnOf = (name: string) => string;

/** One field's condition: a value, null, or an object of in / not / gt / gte / lt / lte. */
function fieldCondition(name: string, condition: unknown, params: Params, columnOf: ColumnOf): string[] {
  const quoted = columnOf(name);
  if (condition === null) return [`${quoted} IS NULL`];
  if (!isPlainObject(condition)) return [`${quoted} = ${params.add(condition as Value)}`];
  const parts: string[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    if (operator === "in") {
      const values = operand as Value[];
      // Each value its own parameter: PostgreSQL then types them from the column (enums too).
      parts.push(values.length === 0 ? "FALSE" : `${quoted} IN (${values.map((value) => params.add(value)).join(", ")})`);
    } else if (operator === "not") {
      parts.push(operand === null ? `${quoted} IS NOT NULL` : `${quoted} <> ${params.add(operand as Value)}`);
    } else if (operator === "equals") {
      parts.push(operand === null ? `${quoted} IS NULL` : `${quoted} = ${params.add(operand as Value)}`);
    } else if (COMPARISONS[operator]) {
      parts.push(`${quoted} ${COMPARISONS[operator]} ${params.add(operand as Value)}`);
    } else if (operator === "array_contains" && name === "changes") {
      // Prisma's JSON filter ({ changes: { array_contains: [{ field: "Severity" }] } }: a change of
      // that field), said for the json column: PostgreSQL's @> is jsonb's. Prisma itself cannot run
      // it on a json column, so only the SQL reads of the lists (ids, counts, exports) take it.
      parts.push(`${quoted}::jsonb @> ${params.add(JSON.stringify(operand))}::jsonb`);
    } else {
      throw new Error(`event-sql: the condition "${operator}" on ${name} is not supported`);
    }
  }
  return parts;
}

function joined(parts: string[], operator: "AND" | "OR"): string {
  if (parts.length === 0) return operator === "AND" ? "TRUE" : "FALSE";
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${operator} `)})`;
}

/** `{ column: { lt: value } }` (or gt) as its operator and value; null for anything else. */
function strictComparison(where: AuditWhere, name: string): { operator: "lt" | "gt"; value: unknown } | null {
  const keys = Object.keys(where);
  const condition = (where as Record<string, unknown>)[name];
  if (keys.length !== 1 || !isPlainObject(condition)) return null;
  const operators = Object.keys(condition);
  if (operators.length !== 1 || (operators[0] !== "lt" && operators[0] !== "gt")) return null;
  return { operator: operators[0], value: condition[operators[0]] };
}

/**
 * The keyset condition "after (createdAt, id)" as keyset.ts afterRow writes it for a list by time,
 * `createdAt < t OR (createdAt = t AND id < i)`, said as the row comparison `("createdAt", "id") < (t, i)`:
 * the same rows (neither column is ever null), one index condition instead of an OR that the planner
 * weighs on every partition. A deep page then costs what page 1 costs (npm run bench: 3.4 ms of
 * planning against 1.3 ms, now 1.6 ms). Null for any other OR.
 */
function rowComparison(list: AuditWhere[], params: Params, columnOf: ColumnOf): string | null {
  if (list.length !== 2) return null;
  const [earlier, same] = list;
  const time = strictComparison(earlier, "createdAt");
  const both = Array.isArray(same.AND) && Object.keys(same).length === 1 ? (same.AND as AuditWhere[]) : null;
  if (!time || !both || both.length !== 2) return null;
  const [equalTime, byId] = both;
  const id = strictComparison(byId, "id");
  const timeValue = Object.keys(equalTime).length === 1 ? equalTime.createdAt : undefined;
  if (!id || id.operator !== time.operator || !(timeValue instanceof Date) || !(time.value instanceof Date) || timeValue.getTime() !== time.value.getTime()) {
    return null;
  }
  return `(${columnOf("createdAt")}, ${columnOf("id")}) ${COMPARISONS[time.operator]} (${params.add(time.value)}, ${params.add(id.value as Value)})`;
}

function whereParts(where: AuditWhere, params: Params, columnOf: ColumnOf = column): string[] {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    const compared = key === "OR" && Array.isArray(value) ? rowComparison(value as AuditWhere[], params, columnOf) : null;
    if (compared) {
      parts.push(compared);
    } else if (key === "AND" || key === "OR") {
      const list = (Array.isArray(value) ? value : [value]) as AuditWhere[];
      parts.push(
        joined(
          list.map((item) => joined(whereParts(item, params, columnOf), "AND")),
          key,
        ),
      );
    } else if (key === "NOT") {
      const list = (Array.isArray(value) ? value : [value]) as AuditWhere[];
      parts.push(...list.map((item) => `NOT ${joined(whereParts(item, params, columnOf), "AND")}`));
    } else {
      parts.push(...fieldCondition(key, value, params, columnOf));
    }
  }
  return parts;
}

function orderByText(orderBy: readonly AuditOrderBy[]): string {
  return orderBy
    .map((entry) => {
      const [name, spec] = Object.entries(entry)[0] as [string, "asc" | "desc" | { sort: "asc" | "desc"; nulls?: "first" | "last" }];
      const direction = typeof spec === "string" ? spec : spec.sort;
      const nulls = typeof spec === "string" || !spec.nulls ? "" : ` NULLS ${spec.nulls.toUpperCase()}`;
      return `${column(name)} ${direction.toUpperCase()}${nulls}`;
    })
    .join(", ");
}

/**
 * An event's leaf in the Merkle log as "<seq> <base64 leaf hash>" (null without one), read with the
 * event by its unique index: an export's manifest (lib/export/export-manifest-rows.ts) reads it
 * beside each row, where a query of its own per batch doubled a CSV export's time.
 */
const LEAF_COLUMN = `(SELECT l."seq"::text || ' ' || encode(l."hash", 'base64') FROM "AuditLeaf" l WHERE l."eventId" = "AuditEvent"."id") AS "leaf"`;

/** The columns only an event's leaf hash needs beside EXPORT_COLUMNS (JSON lines carry them: selectEvents' `stored`). */
export const LEAF_ONLY_COLUMNS = ["details", "sourceEventId"] as const;

/**
 * `SELECT <export columns> FROM "AuditEvent" WHERE ... ORDER BY ... [LIMIT n]` with its parameters;
 * with `stored`, LEAF_ONLY_COLUMNS next; with `leaf`, the event's leaf last (LEAF_COLUMN).
 */
export function selectEvents(args: { where: AuditWhere; orderBy: readonly AuditOrderBy[]; take?: number; leaf?: boolean; stored?: boolean }): {
  sql: string;
  params: unknown[];
} {
  const params = new Params();
  const condition = joined(whereParts(args.where, params), "AND");
  const limit = args.take === undefined ? "" : ` LIMIT ${params.add(args.take)}`;
  const columns = [...EXPORT_COLUMNS.map(column), ...(args.stored ? LEAF_ONLY_COLUMNS.map(column) : []), ...(args.leaf ? [LEAF_COLUMN] : [])];
  const sql = `SELECT ${columns.join(", ")} FROM "AuditEvent" WHERE ${condition} ORDER BY ${orderByText(args.orderBy)}${limit}`;
  return { sql, params: params.values };
}

/** What a page's ids query returns: the primary key, whose category and time find each row's partition. */
const PAGE_KEY = `"id", "category", "createdAt"`;

/**
 * The where once per category when it asks for several (`category: { in }`, at the top or in a
 * top-level AND), else null. A search index leads with the filter and then the category, so it reads
 * in time order one category at a time: several in one scan would need every match sorted.
 */
function perCategory(where: AuditWhere): AuditWhere[] | null {
  const categories = (where.category as { in?: unknown[] } | undefined)?.in;
  if (Array.isArray(categories) && categories.length > 1) return categories.map((category) => ({ ...where, category: category as never }));
  if (!Array.isArray(where.AND)) return null;
  for (const [index, part] of where.AND.entries()) {
    const split = perCategory(part);
    if (split) return split.map((one) => ({ ...where, AND: where.AND && (where.AND as AuditWhere[]).map((each, at) => (at === index ? one : each)) }));
  }
  return null;
}

/**
 * `SELECT "id" ... ORDER BY ... LIMIT take OFFSET skip`: a page's ids. With the tab's order and
 * filters, every column it reads is in one of the search indexes, so PostgreSQL answers it from the
 * index alone (an index-only scan) and reads the table only for the rows of the page, afterwards.
 * In time order over several categories, each category is read in order on its own (UNION ALL of
 * skip + take rows each) and the parts merged: the Artifacts tab's project + tracker read 98,000
 * index entries and sorted them (48 ms) where its two parts read 26 each.
 */
export function selectEventIds(args: { where: AuditWhere; orderBy: readonly AuditOrderBy[]; skip: number; take: number }): { sql: string; params: unknown[] } {
  const params = new Params();
  const order = orderByText(args.orderBy);
  const parts = Object.keys(args.orderBy[0] ?? {})[0] === "createdAt" ? perCategory(args.where) : null;
  if (!parts) {
    const condition = joined(whereParts(args.where, params), "AND");
    const sql = `SELECT ${PAGE_KEY} FROM "AuditEvent" WHERE ${condition} ORDER BY ${order} LIMIT ${params.add(args.take)} OFFSET ${params.add(args.skip)}`;
    return { sql, params: params.values };
  }
  const each = params.add(args.skip + args.take);
  const branches = parts.map(
    (part) => `(SELECT ${PAGE_KEY} FROM "AuditEvent" WHERE ${joined(whereParts(part, params), "AND")} ORDER BY ${order} LIMIT ${each})`,
  );
  const sql = `SELECT ${PAGE_KEY} FROM (${branches.join(" UNION ALL ")}) AS "parts" ORDER BY ${order} LIMIT ${params.add(args.take)} OFFSET ${params.add(args.skip)}`;
  return { sql, params: params.values };
}

/**
 * `SELECT count(*) ... [LIMIT cap]`: how many events `where` selects, counting at most `cap` when
 * given. No ORDER BY, so that PostgreSQL reads whichever index serves the filter, and stops at the cap.
 */
export function countEvents(args: { where: AuditWhere; cap?: number }): { sql: string; params: unknown[] } {
  const params = new Params();
  const condition = joined(whereParts(args.where, params), "AND");
  const limit = args.cap === undefined ? "" : ` LIMIT ${params.add(args.cap)}`;
  const sql = `SELECT count(*)::int AS "count" FROM (SELECT 1 FROM "AuditEvent" WHERE ${condition}${limit}) AS "counted"`;
  return { sql, params: params.values };
}

/** The buckets an activity chart counts in: a day or an hour of the admin's wall clock. */
export type BucketUnit = "day" | "hour";

/** A bucket as its wall-clock text in the zone: "2026-03-15" (day) or "2026-03-15T14" (hour). */
const BUCKET_FORMAT: Record<BucketUnit, string> = { day: "YYYY-MM-DD", hour: 'YYYY-MM-DD"T"HH24' };

/**
 * Grouped by the wall-clock bucket as a timestamp and the type as its enum (a hash of fixed-size
 * values), then written as text once per group: formatting and sorting text for every row cost
 * three times as much.
 */
function bucketed(time: string, zone: string, unit: BucketUnit, count: string, from: string): string {
  const grouped = `SELECT date_trunc('${unit}', ${time} AT TIME ZONE ${zone}) AS "at", "eventType", ${count} AS "count" FROM ${from} GROUP BY 1, 2`;
  return `SELECT to_char("at", '${BUCKET_FORMAT[unit]}') AS "bucket", "eventType"::text AS "eventType", "count"::int AS "count" FROM (${grouped}) AS "grouped"`;
}

export interface BucketCountRow {
  bucket: string;
  eventType: string;
  count: number;
}

/**
 * `SELECT bucket, "eventType", count(*) ... GROUP BY`: how many events `where` selects in each day
 * (or hour) of `timeZone`'s wall clock, per event type. Reads every matching event: on a year of a
 * busy tab that is millions of rows, so the charts ask the counts first (countsInRange).
 */
export function countEventsByBucket(args: { where: AuditWhere; timeZone: string; unit: BucketUnit }): { sql: string; params: unknown[] } {
  const params = new Params();
  const condition = joined(whereParts(args.where, params), "AND");
  const zone = params.add(args.timeZone);
  return { sql: bucketed(`"createdAt"`, zone, args.unit, `count(*)`, `"AuditEvent" WHERE ${condition}`), params: params.values };
}

const QUARTER_MS = 900_000;

/** What the counts keep of an event besides its time: its category, its type and its source. */
const COUNTED_COLUMNS: Record<string, string> = { category: `"category"`, eventType: `"eventType"`, source: `"source"` };

/** `where` without its time bounds, and those bounds: what the counts can say of it. */
export interface CountableWhere {
  rest: AuditWhere;
  from?: Date;
  to?: Date;
}

/**
 * Whether the counts hold exactly what `where` selects, and how: it names only category, event
 * type, source and created-at, and its times are quarter hours bounded by gte / lt in its AND
 * chain (never under OR or NOT), so that an event is in the range exactly when its quarter hour
 * is. Null when the counts cannot say it.
 */
export function countableWhere(where: AuditWhere): CountableWhere | null {
  const found: CountableWhere = { rest: {} };
  const walk = (node: AuditWhere, into: Record<string, unknown>, underOr: boolean): boolean =>
    Object.entries(node).every(([key, value]) => {
      if (value === undefined) return true;
      if (key === "category" || key === "eventType" || key === "source") {
        into[key] = value;
        return true;
      }
      if (key === "AND" && !underOr) {
        const list = (Array.isArray(value) ? value : [value]) as AuditWhere[];
        const kept: AuditWhere[] = [];
        const ok = list.every((item) => {
          const part: Record<string, unknown> = {};
          kept.push(part as AuditWhere);
          return walk(item, part, false);
        });
        into.AND = kept;
        return ok;
      }
      if (key === "AND" || key === "OR" || key === "NOT") {
        // Under OR or NOT only the counted columns may appear, as they are.
        const list = (Array.isArray(value) ? value : [value]) as AuditWhere[];
        into[key] = value;
        return list.every((item) => walk(item, {}, true) && !mentionsTime(item));
      }
      if (key !== "createdAt" || underOr || !isPlainObject(value)) return false;
      return Object.entries(value).every(([operator, operand]) => {
        if (operand === undefined) return true;
        if (!(operand instanceof Date) || operand.getTime() % QUARTER_MS !== 0) return false;
        if (operator === "gte") found.from = found.from && found.from > operand ? found.from : operand;
        else if (operator === "lt") found.to = found.to && found.to < operand ? found.to : operand;
        else return false;
        return true;
      });
    });
  const rest: Record<string, unknown> = {};
  if (!walk(where, rest, false)) return null;
  found.rest = rest as AuditWhere;
  return found;
}

function mentionsTime(where: AuditWhere): boolean {
  return Object.entries(where).some(([key, value]) => {
    if (key === "createdAt") return value !== undefined;
    if (key === "AND" || key === "OR" || key === "NOT") return (Array.isArray(value) ? value : [value]).some((item) => mentionsTime(item as AuditWhere));
    return false;
  });
}

/** A row of countsInRange: a bucket's count of a type from the days, or a quarter hour of the log not yet folded into its day. */
export interface QuarterCountRow {
  eventType: string;
  /** the bucket's index (DaySegment.bucket), or null for a row of the log */
  bucket: number | null;
  /** the log's quarter hour (epoch ms as text), or null */
  at: string | null;
  count: string;
}

/** Parts of UTC days, each in one bucket: quarter hours [lo, hi) of `day` (lib/audit/activity/activity-buckets.ts). */
export interface CountSegments {
  day: readonly string[];
  lo: readonly number[];
  hi: readonly number[];
  bucket: readonly number[];
}

/**
 * The counts of what `countable.rest` selects: per bucket and type from the day rows, each part of a
 * day one subtraction of running totals, and the log's rows in [from, to) not yet folded into their
 * days (AuditEventDayCount and AuditEventCountLog, migration 20261128103000). A year of a tab reads
 * 366 day rows a type and source, whatever the events.
 */
export function countsInRange(countable: CountableWhere, segments: CountSegments, from: Date, to: Date): { sql: string; params: unknown[] } {
  const params = new Params();
  const condition = joined(
    whereParts(countable.rest, params, (name) => {
      const mapped = COUNTED_COLUMNS[name];
      if (!mapped) throw new Error(`event-sql: the counts have no column for ${name}`);
      return mapped;
    }),
    "AND",
  );
  const [day, lo, hi, bucket] = [params.add(segments.day), params.add(segments.lo), params.add(segments.hi), params.add(segments.bucket)];
  return {
    sql: `SELECT "eventType"::text AS "eventType", s."bucket", NULL::text AS "at",
  sum(d."cumulative"[s."hi"] - CASE WHEN s."lo" = 0 THEN 0 ELSE d."cumulative"[s."lo"] END)::text AS "count"
FROM unnest(${day}::date[], ${lo}::int[], ${hi}::int[], ${bucket}::int[]) AS s("day", "lo", "hi", "bucket")
JOIN "AuditEventDayCount" d ON d."day" = s."day"
WHERE ${condition}
GROUP BY 1, 2
UNION ALL
SELECT "eventType"::text, NULL, (extract(epoch FROM "at") * 1000)::bigint::text, sum("count")::text
FROM "AuditEventCountLog" WHERE ${condition} AND "at" >= ${params.add(from)}::timestamptz AND "at" < ${params.add(to)}::timestamptz
GROUP BY "at", "eventType"`,
    params: params.values,
  };
}
