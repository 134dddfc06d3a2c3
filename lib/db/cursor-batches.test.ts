import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type BulkReader, type Database } from "@/lib/db/database";
import { EVENT_ROW_SELECT } from "@/lib/audit/events/event-rows";
import { eventRecordFromText, selectEvents } from "@/lib/audit/search/event-sql";
import { testDatabases } from "@/lib/test/databases";
import { FIXTURE_EVENTS } from "@/lib/test/tab-fixture";
import { useTabFixture } from "@/lib/test/tab-fixture-hooks";

// More rounds than the bulk pool has connections: a round that kept its connections would hang the next ones.
const ROUNDS = 12;

async function all<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const read: T[][] = [];
  for await (const batch of batches) read.push(batch);
  return read;
}

it("PGlite offers no cursor: its one connection would be held for the whole read", async () => {
  const db = openDatabase({ dataDir: "memory://" });
  try {
    const reader = await db.openBulkReader();
    expect(reader.cursorBatches).toBeNull();
    expect(await reader.query("SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    reader.release();
  } finally {
    await db.close();
  }
});

describe.each(testDatabases().filter((database) => database.name !== "PGlite"))("reads in bulk on $name", ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  /** Runs `work` with a bulk reader, giving it back afterwards whatever happens. */
  async function reading<T>(work: (reader: BulkReader) => Promise<T>): Promise<T> {
    const reader = await db.openBulkReader();
    try {
      return await work(reader);
    } finally {
      reader.release();
    }
  }

  it("reads a SELECT through one cursor, every row once, in order, `size` at a time", async () => {
    await reading(async (reader) => {
      const batches = await all(reader.cursorBatches!<{ n: number }>("SELECT g AS n FROM generate_series(1, $1::int) AS g ORDER BY g", [25], 10));
      expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
      expect(batches.flat().map((row) => row.n)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
      expect(await all(reader.cursorBatches!("SELECT 1 WHERE false", [], 10))).toEqual([]);
    });
  });

  it("looks things up on its second connection while its cursor is open", async () => {
    await reading(async (reader) => {
      const seen: number[] = [];
      for await (const batch of reader.cursorBatches!<{ n: number }>("SELECT g AS n FROM generate_series(1, 30) AS g ORDER BY g", [], 10)) {
        const [row] = await reader.query<{ twice: number }>("SELECT $1::int * 2 AS twice", [batch[0].n]);
        seen.push(row.twice);
      }
      expect(seen).toEqual([2, 22, 42]);
    });
  });

  it("gives its connections back when the reader stops early or the SELECT fails", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      await reading(async (reader) => {
        for await (const batch of reader.cursorBatches!<{ n: number }>("SELECT g AS n FROM generate_series(1, 1000) AS g", [], 10)) {
          expect(batch).toHaveLength(10);
          break;
        }
      });
      // Fails on its 15th row, in the second read.
      await expect(reading((reader) => all(reader.cursorBatches!("SELECT 1 / (15 - g) AS n FROM generate_series(1, 30) AS g", [], 10)))).rejects.toThrow(
        /division by zero/,
      );
    }
    expect(await db.withSession((session) => session.query<{ ok: number }>("SELECT 1 AS ok"))).toEqual([{ ok: 1 }]);
  });
});

describe.each(testDatabases().filter((database) => database.name !== "PGlite"))("events read as text on $name", ({ open }) => {
  const fixture = useTabFixture(open);

  it("are the records Prisma reads, field for field, in a session of any time zone and date style", async () => {
    // Microseconds and odd characters where the fixture has none: the text reader must read both.
    // Events are append-only: the fixture rewrites one as a superuser past the triggers.
    await fixture.db.withTransaction(async (session) => {
      await session.query(`SET LOCAL session_replication_role = replica`);
      await session.query(
        `UPDATE "AuditEvent" SET "createdAt" = "createdAt" + interval '123456 microseconds', "message" = E'Zoë, "quoted"\\ttab\\nline' WHERE id = (SELECT min(id) FROM "AuditEvent")`,
      );
    });
    const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
    const expected = await fixture.db.prisma.auditEvent.findMany({ select: EVENT_ROW_SELECT, orderBy });
    // A database whose sessions write times in another zone and style: the bulk reader's own settings win.
    await fixture.db.query(
      `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET TimeZone = %L', current_database(), 'Asia/Kathmandu'); EXECUTE format('ALTER DATABASE %I SET DateStyle = %L', current_database(), 'SQL, DMY'); END $$`,
    );
    const reader = await fixture.db.openBulkReader();
    try {
      const { sql, params } = selectEvents({ where: {}, orderBy });
      const read: unknown[] = [];
      for await (const batch of reader.cursorBatches!(sql, params, 4, { fromText: eventRecordFromText })) read.push(...batch);
      expect(read).toEqual(expected);
      expect(read.length).toBe(FIXTURE_EVENTS.length);
    } finally {
      reader.release();
    }
  });
});
