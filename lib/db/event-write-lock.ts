// Event ids come from one sequence, taken inside the writers' transactions, and those commit in any
// order (ingestion runs four at once): id 41 may become visible after id 42. A reader that polls
// "ids above the last one I saw" would then pass 41 for good. So every writer of AuditEvent rows
// holds this lock SHARED for its whole transaction, taken before its first id; a reader that needs
// every id below some point notes the sequence's value first, then takes the lock EXCLUSIVE once:
// that waits for every writer that could hold an id at or below that value to commit or roll back.
// Writers never wait for each other; a new writer waits only while a reader is queued (milliseconds).
// It relies on the sequence handing out one id at a time (CACHE 1, the default): a session that
// cached ids ahead could use them after the reader's check.
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
 * Reads the sequence, then waits (at most `waitMs`) for the writers that were under way. While it
 * waits, new writers queue behind it: the wait is short, so that a slow transaction holds up
 * ingestion for 2 s at most, and the reader asks again.
 */
export async function settledEventId(db: Pick<Database, "withTransaction">, waitMs = 2_000): Promise<bigint> {
  try {
    return await db.withTransaction(async (session) => {
      const [row] = await session.query<{ last: string | null }>(`SELECT pg_sequence_last_value('"AuditEvent_id_seq"'::regclass)::text AS "last"`);
      await session.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
      await session.query(`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${EVENT_WRITE_LOCK_KEY}::bigint)`);
      // Null until the first id is taken.
      return BigInt(row?.last ?? 0);
    });
  } catch (error) {
    if (GAVE_UP.has((error as { code?: string }).code ?? "")) throw new EventWritersBusyError(waitMs);
    throw error;
  }
}
