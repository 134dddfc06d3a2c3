// AuditEvent is partitioned by retention class, then by month (declarative partitioning; PGlite
// has it too): "AuditEvent_expiring" holds the categories the remover deletes (Logins, Work Items,
// Artifacts), "AuditEvent_kept" those kept for good (Permissions, the console's own events). Each
// has a partition per calendar month (UTC), "AuditEvent_expiring_2026_11", and a default partition
// for months that have none yet. The SQL functions behind this are made by the migration
// 20261127190000_event_partitions; this module calls them. Why: the remover drops whole months
// instead of deleting millions of rows one by one (and leaves no dead rows), and a search reads the
// months its range covers. README "Speed at 10 million events".

/** The partitioned tables between AuditEvent and its months: Prisma's schema cannot describe them (prisma.config.ts). */
export const PARTITION_PARENTS = ["AuditEvent_expiring", "AuditEvent_kept"] as const;

/** The activity charts' hourly counts, kept by triggers on AuditEvent: made by hand too (a unique key with a null in it). */
/** The activity charts' counts (migration 20261128103000_event_counts_by_day): a log writers append to, and its days. */
export const COUNTS_TABLES = ["AuditEventCountLog", "AuditEventDayCount"] as const;

/** The tables the migrations make that Prisma's schema does not describe, as Prisma Migrate's filters name them. */
export const EXTERNAL_TABLES = [...PARTITION_PARENTS, ...COUNTS_TABLES].map((table) => `public.${table}`);

/** expiring: the categories the remover deletes (PURGED_CATEGORIES); kept: the others (the migration's LIST bounds). */
export type RetentionClass = "expiring" | "kept";

/** Months made ahead of time, so that the events of the coming months never land in a default partition. */
export const MONTHS_AHEAD = 3;

export interface EventPartition {
  name: string;
  retentionClass: RetentionClass;
  /** first instant of the month (UTC) */
  from: Date;
  /** first instant of the next month */
  to: Date;
}

/** What partition maintenance runs its SQL through (lib/db/database.ts SqlSession). */
interface Sql {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/**
 * Makes the month partitions of both classes from the month of `from` to the month of `to`
 * (inclusive), moving any events of those months out of the default partitions. Idempotent.
 * Returns the partitions it made.
 */
export async function ensureEventPartitions(sql: Sql, from: Date, to: Date): Promise<string[]> {
  const rows = await sql.query<{ made: string | null }>(`SELECT "made" FROM audit_event_ensure_partitions($1::timestamptz, $2::timestamptz) AS "made"`, [
    monthStart(from).toISOString(),
    monthStart(to).toISOString(),
  ]);
  return rows.flatMap((row) => (row.made ? row.made.split(",").filter(Boolean) : []));
}

/**
 * The maintenance every process runs at start and the remover runs daily: the months from now to
 * MONTHS_AHEAD ahead, and a partition for every month that has events waiting in a default partition.
 */
export async function maintainEventPartitions(sql: Sql, now = new Date()): Promise<string[]> {
  const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + MONTHS_AHEAD, 1));
  const made = await ensureEventPartitions(sql, now, ahead);
  const waiting = await sql.query<{ month: Date | string }>(
    `SELECT DISTINCT date_trunc('month', "createdAt" AT TIME ZONE 'UTC') AS "month" FROM (
       SELECT "createdAt" FROM "AuditEvent_expiring_default" UNION ALL SELECT "createdAt" FROM "AuditEvent_kept_default"
     ) AS "waiting"`,
  );
  for (const { month } of waiting) {
    const start = new Date(`${String(month instanceof Date ? month.toISOString() : month).slice(0, 10)}T00:00:00Z`);
    made.push(...(await ensureEventPartitions(sql, start, start)));
  }
  return made;
}

/** "2026-11-01 01:00:00+01" (PostgreSQL's text for a timestamptz) as a Date. */
function pgInstant(text: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?$/.exec(text);
  if (!match) throw new Error(`not a timestamp: ${text}`);
  return new Date(`${match[1]}T${match[2]}${match[3]}:${match[4] ?? "00"}`);
}

/** The month partitions of a class, oldest first. */
export async function listEventPartitions(sql: Sql, retentionClass: RetentionClass): Promise<EventPartition[]> {
  const rows = await sql.query<{ name: string; bound: string }>(
    `SELECT c.relname AS "name", pg_get_expr(c.relpartbound, c.oid) AS "bound"
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname = $1`,
    [`AuditEvent_${retentionClass}`],
  );
  const partitions: EventPartition[] = [];
  for (const row of rows) {
    const match = /FROM \('([^']+)'\) TO \('([^']+)'\)/.exec(row.bound);
    if (!match) continue; // the default partition
    partitions.push({ name: row.name, retentionClass, from: pgInstant(match[1]), to: pgInstant(match[2]) });
  }
  return partitions.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * One statement (one transaction): the partition locked, its events taken off the activity counts
 * (AuditEventCountLog, negative counts appended: a DROP fires no delete trigger), then dropped.
 * `name` is checked by the caller.
 */
function dropWithItsCounts(name: string): string {
  return `DO $$
BEGIN
  LOCK TABLE "${name}" IN ACCESS EXCLUSIVE MODE;
  INSERT INTO "AuditEventCountLog" ("category", "at", "eventType", "source", "count")
  SELECT "category", audit_quarter_hour("createdAt"), "eventType", "source", -count(*) FROM "${name}" GROUP BY 1, 2, 3, 4;
  DROP TABLE "${name}";
END $$`;
}

/**
 * Drops a month partition with every event in it (and its share of the hourly counts), as the
 * owner; first the count of its events per category, for the record. Waits at most `lockTimeoutMs` for running queries to let go of the table
 * (an export may read it for a minute): then it is left, and null returned, for row deletes to take.
 */
export async function dropEventPartition(sql: Sql, name: string, lockTimeoutMs = 5_000): Promise<Record<string, number> | null> {
  if (!/^AuditEvent_(expiring|kept)_\d{4}_\d{2}$/.test(name)) throw new Error(`not a month partition of AuditEvent: ${name}`);
  const counts = await sql.query<{ category: string; count: number }>(
    `SELECT "category"::text AS "category", count(*)::int AS "count" FROM "${name}" GROUP BY 1`,
  );
  try {
    await sql.query(`SET lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
    await sql.query(dropWithItsCounts(name));
  } catch (error) {
    if ((error as { code?: string }).code === "55P03") return null; // lock_not_available
    throw error;
  } finally {
    await sql.query("RESET lock_timeout");
  }
  return Object.fromEntries(counts.map((row) => [row.category, row.count]));
}

/** VACUUM (ANALYZE) of the partitions that hold `at`'s month and the defaults: what row deletes leave dead rows in. */
export async function vacuumAround(sql: Sql, retentionClass: RetentionClass, at: Date): Promise<void> {
  const month = (await listEventPartitions(sql, retentionClass)).find((partition) => partition.from <= at && at < partition.to);
  for (const name of [month?.name, `AuditEvent_${retentionClass}_default`]) if (name) await sql.query(`VACUUM (ANALYZE) "${name}"`);
}
