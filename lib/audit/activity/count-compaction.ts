// The activity counts' compaction: folds the log of quarter-hour counts that writers append to
// (AuditEventCountLog) into one row per UTC day (AuditEventDayCount), so that a chart reads 366 rows
// a type for a year whatever the writers did. Each server process runs it every minute (and the seed
// once at its end); runs meet at the database function's advisory lock.
import type { Database } from "@/lib/db/database";

const QUARTER_MS = 15 * 60_000;

/** Folds every quarter hour that has ended (before the current one); returns the log rows folded. */
export async function compactEventCounts(db: Pick<Database, "withTransaction" | "withOwnerSession">, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - (now.getTime() % QUARTER_MS));
  const [row] = await db.withTransaction((session) =>
    session.query<{ folded: string }>(`SELECT audit_event_counts_compact($1::timestamptz)::text AS "folded"`, [before.toISOString()]),
  );
  const folded = Number(row?.folded ?? 0);
  // The folded rows are dead: a chart's read of the log would wade through them until a vacuum.
  // As the owner: only a table's owner may vacuum it.
  if (folded > 0) await db.withOwnerSession((session) => session.query(`VACUUM "AuditEventCountLog"`));
  return folded;
}

const holder = globalThis as { __auditConsoleCountCompaction?: NodeJS.Timeout };

/** Starts the compaction once per process (dev reloads call it again). */
export function startCountCompaction(db: () => Database): void {
  if (holder.__auditConsoleCountCompaction) return;
  const run = () =>
    compactEventCounts(db()).catch((error: unknown) => {
      console.warn(`Compacting the activity counts did not finish: ${error instanceof Error ? error.message : String(error)}`);
    });
  void run();
  holder.__auditConsoleCountCompaction = setInterval(() => void run(), 60_000).unref();
}
