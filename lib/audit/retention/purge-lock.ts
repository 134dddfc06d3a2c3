// The remover job never runs twice at once (lib/db/job-lock.ts), and it never removes events while
// the log is being verified: a verification that read a leaf before the purge and looked for its
// event after it would call the event deleted, as the purge's record of it is not written yet. The
// removal lock is held shared by a verification for its whole run and exclusively by the remover
// from before its checkpoint until its purge event is written; each waits for the other (PostgreSQL
// queues a lock request behind the waiters before it, so neither starves). PGlite has one session, in
// which advisory locks do not exclude each other: there the two take turns in this process.
import type { Database, SqlSession } from "@/lib/db";
import { jobLock } from "@/lib/db/job-lock";
import type { JobRun } from "@/lib/db/job-lock";

/** pg_try_advisory_lock key of the remover job ("AUDP"). */
export const PURGE_LOCK_KEY = 0x41554450;
/** pg_advisory_lock key of removing events from the log: shared by verifications, exclusive for the remover ("AULR"). */
export const LOG_REMOVAL_LOCK_KEY = 0x41554c52;

export type RunningPurge = JobRun;

const purgeLock = jobLock<RunningPurge>(PURGE_LOCK_KEY, "audit-remover");

/** Runs `work` holding the remover lock on one connection, or returns { acquired: false } at once. */
export const withPurgeLock = purgeLock.run;

/** The run of this process, if one is going on. */
export const runningPurgeHere = purgeLock.here;

/** Whether any process holds the remover lock on this database. */
export async function purgeLockHeld(db: Database): Promise<boolean> {
  return (await purgeLock.holder(db)) !== null;
}

const holder = globalThis as { __auditConsoleRemovalTurns?: WeakMap<Database, Promise<unknown>> };
holder.__auditConsoleRemovalTurns ??= new WeakMap();
const turns = holder.__auditConsoleRemovalTurns;

/**
 * Runs `work` holding the removal lock on `session` ("shared" to read the whole log, "exclusive" to
 * remove from it), waiting as long as the other side holds it.
 */
export async function withRemovalLock<T>(db: Database, session: SqlSession, mode: "shared" | "exclusive", work: () => Promise<T>): Promise<T> {
  if (db.kind === "pglite") {
    const before = turns.get(db) ?? Promise.resolve();
    const mine = before.then(work, work);
    turns.set(
      db,
      mine.catch(() => undefined),
    );
    return mine;
  }
  await session.query(`SELECT ${mode === "shared" ? "pg_advisory_lock_shared" : "pg_advisory_lock"}($1::bigint) AS locked`, [LOG_REMOVAL_LOCK_KEY]);
  try {
    return await work();
  } finally {
    await session.query(`SELECT ${mode === "shared" ? "pg_advisory_unlock_shared" : "pg_advisory_unlock"}($1::bigint) AS unlocked`, [LOG_REMOVAL_LOCK_KEY]);
  }
}
