// The process's database, opened on first use and kept on globalThis so that dev hot reload does
// not open a second PGlite on the same folder.
import "server-only";
import { openDatabase, type Database } from "./database";

const holder = globalThis as { __auditConsoleDb?: Database };

export function getDb(): Database {
  holder.__auditConsoleDb ??= openDatabase();
  return holder.__auditConsoleDb;
}

/** Makes `database` the process's database (tests, scripts that open their own). */
export function setDb(database: Database | undefined): void {
  holder.__auditConsoleDb = database;
}

export type { BulkReader, Database, SqlSession } from "./database";
