// The remover job never runs twice at once: a PostgreSQL advisory lock held on the purge's own
// connection keeps other processes out, and a per-database flag keeps a second run of this process
// out (an advisory lock is re-entrant within one session, and PGlite has only one session).
import type { Database, SqlSession } from "@/lib/db";

/** pg_try_advisory_lock key of the remover job ("AUDP"). */
export const PURGE_LOCK_KEY = 0x41554450;

export interface RunningPurge {
  startedAt: Date;
  trigger: "schedule" | "manual";
  /** username of whoever started it; the job's name for scheduled runs */
  startedBy: string;
}

const holder = globalThis as { __auditConsolePurges?: WeakMap<Database, RunningPurge> };
holder.__auditConsolePurges ??= new WeakMap();
const running = holder.__auditConsolePurges;

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

/** Runs `work` holding the remover lock on one connection, or returns { acquired: false } at once. */
export async function withPurgeLock<T>(db: Database, info: RunningPurge, work: (session: SqlSession) => Promise<T>): Promise<Locked<T>> {
  if (running.has(db)) return { acquired: false };
  running.set(db, info);
  try {
    return await db.withSession(async (session) => {
      const [row] = await session.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [PURGE_LOCK_KEY]);
      if (!row?.locked) return { acquired: false };
      try {
        return { acquired: true, value: await work(session) };
      } finally {
        await session.query("SELECT pg_advisory_unlock($1::bigint) AS unlocked", [PURGE_LOCK_KEY]);
      }
    });
  } finally {
    running.delete(db);
  }
}

/** The run of this process, if one is going on. */
export function runningPurgeHere(db: Database): RunningPurge | null {
  return running.get(db) ?? null;
}

/** Whether any process holds the remover lock on this database. */
export async function purgeLockHeld(db: Database): Promise<boolean> {
  const rows = await db.prisma.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = ${PURGE_LOCK_KEY}::bigint::oid AND objsubid = 1
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
    ) AS held`;
  return rows[0]?.held ?? false;
}
