// Event ids come from one sequence, taken inside the writers' transactions, and those commit in any
// order (ingestion runs four at once): id 41 may become visible after id 42. A reader that polls
// "ids above the last one I saw" would then pass 41 for good. So every writer of AuditEvent rows
// holds this lock SHARED for its whole transaction, taken before its first id; a reader that needs
// every id below some point notes the sequence's value first, then waits for every writer that
// held the lock then to commit or roll back (settledEventId). Writers never wait for each other nor
// for readers. It relies on the sequence handing out one id at a time (CACHE 1, the default): a
// session that cached ids ahead could use them after the reader's check.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database, SqlSession } from "./database";

/** pg_advisory_xact_lock key of the event writers ("AUEW"). */
export const EVENT_WRITE_LOCK_KEY = 0x41554557;

// A function returning void is not a column Prisma can read: select a constant beside it.
const SHARE_SQL = `SELECT 1 AS "locked" FROM pg_advisory_xact_lock_shared(${EVENT_WRITE_LOCK_KEY}::bigint)`;

/**
 * Takes the event writers' lock, shared, until the transaction ends. Call it first in every
 * transaction that inserts AuditEvent rows (a SqlSession of withTransaction, or a Prisma
 * transaction client): outside a transaction it would be released at once and protect nothing.
 */
export async function shareEventWriteLock(transaction: SqlSession | Prisma.TransactionClient): Promise<void> {
  if ("$queryRawUnsafe" in transaction) await transaction.$queryRawUnsafe(SHARE_SQL);
  else await transaction.query(SHARE_SQL);
}

/** A reader gave up waiting for the event writers: a transaction held its lock longer than allowed. */
export class EventWritersBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super(`Events being written did not commit within ${waitedMs / 1000} s; nothing was read.`);
    this.name = "EventWritersBusyError";
  }
}

// lock_not_available (lock_timeout), deadlock_detected
const GAVE_UP = new Set(["55P03", "40P01"]);

/**
 * The highest event id that is settled: every id at or below it is committed or will never be.
 * Reads the sequence, then waits (at most `waitMs`) for the writers that were under way.
 *
 * On PostgreSQL it waits without queueing anyone: it notes which transactions hold the writers'
 * lock just after it read the sequence (pg_locks) and waits until none of them does. A writer that
 * took an id at or below the value read holds the lock from before it took the id until it ends, so
 * it is among them; writers that start later are not waited for and do not wait. (Taking the lock
 * EXCLUSIVE did the same with one statement, but queued every new writer behind the reader until the
 * slowest batch under way committed: the checkpoint job, each second, cost ingestion up to a batch's
 * time a second.) PGlite runs one transaction at a time: there the exclusive lock is granted at once.
 */
export async function settledEventId(db: Pick<Database, "kind" | "withTransaction">, waitMs = 2_000): Promise<bigint> {
  if (db.kind === "postgres") return settledWithoutQueueing(db, waitMs);
  try {
    return await db.withTransaction(async (session) => {
      const last = await sequenceValue(session);
      await session.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
      await session.query(`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${EVENT_WRITE_LOCK_KEY}::bigint)`);
      return last;
    });
  } catch (error) {
    if (GAVE_UP.has((error as { code?: string }).code ?? "")) throw new EventWritersBusyError(waitMs);
    throw error;
  }
}

/** The sequence's last value: null (0 here) until the first id is taken. */
async function sequenceValue(session: SqlSession): Promise<bigint> {
  const [row] = await session.query<{ last: string | null }>(`SELECT pg_sequence_last_value('"AuditEvent_id_seq"'::regclass)::text AS "last"`);
  return BigInt(row?.last ?? 0);
}

// The writers' lock as pg_locks shows a bigint advisory key: its high half, its low half, 1. In this
// database only: pg_locks lists the whole cluster, and an advisory lock of the same key taken in
// another database (a second console, a test, a seed) is another lock, whose writers are not ours.
const WRITERS_SQL = `SELECT l.virtualtransaction AS "writer" FROM pg_locks l
  WHERE l.locktype = 'advisory' AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
    AND l.classid = 0 AND l.objid = ${EVENT_WRITE_LOCK_KEY} AND l.objsubid = 1 AND l.granted`;
/** How often the reader looks again while writers it waits for are under way. */
const POLL_MS = 10;

async function settledWithoutQueueing(db: Pick<Database, "withTransaction">, waitMs: number): Promise<bigint> {
  return db.withTransaction(async (session) => {
    const last = await sequenceValue(session);
    let waiting = new Set((await session.query<{ writer: string }>(WRITERS_SQL)).map((row) => row.writer));
    const deadline = performance.now() + waitMs;
    while (waiting.size > 0) {
      if (performance.now() >= deadline) throw new EventWritersBusyError(waitMs);
      await sleep(POLL_MS);
      const now = new Set((await session.query<{ writer: string }>(WRITERS_SQL)).map((row) => row.writer));
      waiting = new Set([...waiting].filter((writer) => now.has(writer)));
    }
    return last;
  });
}
