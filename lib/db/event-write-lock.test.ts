import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/lib/test/databases";
import type { Database, SqlSession } from "./database";
import { EVENT_WRITE_LOCK_KEY, EventWritersBusyError, settledEventId, shareEventWriteLock } from "./event-write-lock";

// A writer that keeps its transaction open with a lower id while a later one commits a higher id:
// the reader's settled id never lets it pass the lower one. On PGlite (one connection) the writers
// take turns, so the race cannot happen there; the reader still waits for the open one.

const insertLogin = async (session: SqlSession, name: string) => {
  const [row] = await session.query<{ id: string }>(
    `INSERT INTO "AuditEvent" ("category", "eventType", "actorName", "createdAt") VALUES ('LOGIN', 'USER_LOGIN', $1, now()) RETURNING "id"::text AS "id"`,
    [name],
  );
  return BigInt(row.id);
};

/** A writer that holds its transaction open until `release` is called. */
function openWriter(db: Database, name: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let inserted: (id: bigint) => void = () => {};
  const id = new Promise<bigint>((resolve) => {
    inserted = resolve;
  });
  const done = db.withTransaction(async (session) => {
    await shareEventWriteLock(session);
    inserted(await insertLogin(session, name));
    await held;
  });
  return { id, release, done };
}

const commitWriter = (db: Database, name: string) =>
  db.withTransaction(async (session) => {
    await shareEventWriteLock(session);
    return insertLogin(session, name);
  });

const settledWithin = async <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe.each(testDatabases())("the event writers' lock on $name", ({ name, open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const committedIds = async () => (await db.query<{ id: string }>(`SELECT "id"::text AS "id" FROM "AuditEvent" ORDER BY "id"`)).map((row) => BigInt(row.id));

  it("is 0 before any event, and the sequence hands out one id at a time", async () => {
    expect(await settledEventId(db)).toBe(0n);
    const [sequence] = await db.query<{ cache: string }>(`SELECT seqcache::text AS "cache" FROM pg_sequence WHERE seqrelid = '"AuditEvent_id_seq"'::regclass`);
    expect(sequence.cache).toBe("1");
  });

  it("waits for a writer holding a lower id, so that a higher id committed meanwhile is not read past it", async () => {
    const slow = openWriter(db, "slow");
    const lowId = await slow.id;
    const later = commitWriter(db, "quick");
    if (name === "PostgreSQL") {
      const highId = await later;
      expect(highId).toBeGreaterThan(lowId);
      // What a naive "id > last seen" poll reads now: the higher id alone. It would never see lowId.
      expect(await committedIds()).toEqual([highId]);
    }
    const settling = settledEventId(db);
    expect(await settledWithin(settling, 300)).toBe(false);
    slow.release();
    await slow.done;
    const settled = await settling;
    const highId = await later;
    expect(settled).toBeGreaterThanOrEqual(lowId);
    const readable = (await committedIds()).filter((id) => id <= settled);
    if (name === "PostgreSQL") {
      expect(settled).toBe(highId);
      expect(readable).toEqual([lowId, highId]);
    } else {
      expect(readable).toContain(lowId);
    }
  });

  if (name === "PostgreSQL") {
    it("gives up after the time it may wait, and writers are not held up by each other", async () => {
      const slow = openWriter(db, "stuck");
      await slow.id;
      // Another writer commits while the first is open: shared holders do not wait for each other.
      expect(await settledWithin(commitWriter(db, "beside"), 2_000)).toBe(true);
      await expect(settledEventId(db, 200)).rejects.toBeInstanceOf(EventWritersBusyError);
      // While a reader waits for the open writer, new writers start and commit: none queues behind it.
      const settling = settledEventId(db, 5_000);
      const during = await Promise.all([commitWriter(db, "during 1"), commitWriter(db, "during 2")]);
      expect(await settledWithin(settling, 100)).toBe(false);
      slow.release();
      expect(await settling).toBeGreaterThanOrEqual(await slow.id);
      expect(during.every((id) => id > 0n)).toBe(true);
      await slow.done;
      expect(await settledEventId(db, 200)).toBeGreaterThan(0n);
    });

    it("does not wait for writers of another database on the same server", async () => {
      // Another console's database (here the server's own) with a writer of its own, open.
      const other = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await other.connect();
      try {
        await other.query("BEGIN");
        await other.query(`SELECT pg_advisory_xact_lock_shared(${EVENT_WRITE_LOCK_KEY}::bigint)`);
        const quick = await commitWriter(db, "alone");
        expect(await settledEventId(db, 500)).toBe(quick);
      } finally {
        await other.query("ROLLBACK").catch(() => undefined);
        await other.end();
      }
    });
  }
});
