import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import { testDatabases } from "@/lib/test/databases";

// More rounds than the pool has connections: a round that kept its connection would hang the next ones.
const ROUNDS = 12;

async function all<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const read: T[][] = [];
  for await (const batch of batches) read.push(batch);
  return read;
}

it("PGlite offers no cursor: its one connection would be held for the whole read", async () => {
  const db = openDatabase({ dataDir: "memory://" });
  try {
    expect(db.cursorBatches).toBeNull();
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

  it("reads a SELECT through one cursor, every row once, in order, `size` at a time", async () => {
    const batches = await all(db.cursorBatches!<{ n: number }>("SELECT g AS n FROM generate_series(1, $1::int) AS g ORDER BY g", [25], 10));
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(batches.flat().map((row) => row.n)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    expect(await all(db.cursorBatches!("SELECT 1 WHERE false", [], 10))).toEqual([]);
  });

  it("gives its connection back when the reader stops early or the SELECT fails", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      for await (const batch of db.cursorBatches!<{ n: number }>("SELECT g AS n FROM generate_series(1, 1000) AS g", [], 10)) {
        expect(batch).toHaveLength(10);
        break;
      }
      // Fails on its 15th row, in the second read.
      await expect(all(db.cursorBatches!("SELECT 1 / (15 - g) AS n FROM generate_series(1, 30) AS g", [], 10))).rejects.toThrow(/division by zero/);
    }
    expect(await db.withSession((session) => session.query<{ ok: number }>("SELECT 1 AS ok"))).toEqual([{ ok: 1 }]);
  });
});
