// A SELECT read in batches through one pg-cursor: the exports' bulk reads, on the server's thread
// (lib/db/database.ts BulkReader) or in a CSV or JSON lines export's worker thread. No Prisma here.
import type pg from "pg";
import Cursor from "pg-cursor";
import { TEXT_TYPES } from "./pg-text";
import { readAhead } from "./read-ahead";

export interface CursorOptions<T> {
  /**
   * Reads each row as an array of PostgreSQL's text (lib/db/pg-text.ts) and makes it a `T`: cheaper
   * than the driver's parsers and an object per row, where a million rows are read.
   */
  fromText?: (values: Array<string | null>) => T;
}

/**
 * One SELECT read through a pg-cursor, `size` rows at a time. Reading a million rows this way left
 * next to nothing in V8's old generation, where the same rows read by a query per batch (a pg Query,
 * Result and promise each) were mostly promoted: 202 MB per 300,000 events, which let V8 grow the heap
 * to four times what was live. It also takes a third less CPU, and the file is one snapshot.
 */
export async function* cursorBatches<T>(
  client: pg.ClientBase,
  sql: string,
  params: unknown[],
  size: number,
  options: CursorOptions<T> = {},
): AsyncGenerator<T[]> {
  const { fromText } = options;
  const cursor = client.query(new Cursor<T>(sql, params, fromText ? { rowMode: "array", types: TEXT_TYPES } : {}));
  const read = fromText ? async () => ((await cursor.read(size)) as unknown as Array<Array<string | null>>).map(fromText) : () => cursor.read(size);
  let failed = false;
  try {
    yield* readAhead<T>((last) => (last === null || last.length === size ? read() : null));
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (!failed) await cursor.close();
  }
}
