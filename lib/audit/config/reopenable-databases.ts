// For tests: databases that can be opened again after closing, or twice at once, like a server
// restart or a second server process: a PGlite data folder in a temporary directory (one client at
// a time: the folder lock), and a PostgreSQL database when TEST_DATABASE_URL is set.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";

export interface ReopenableDatabase {
  /** a new client on the same data, migrated */
  open(): Promise<Database>;
  /** removes the data; every client must be closed */
  dispose(): Promise<void>;
}

export interface ReopenableKind {
  name: "PGlite" | "PostgreSQL";
  /** whether two clients may be open at once (two processes) */
  concurrent: boolean;
  create(): Promise<ReopenableDatabase>;
}

async function migrated(database: Database): Promise<Database> {
  await database.withSession((session) => migrate(session));
  return database;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function reopenableDatabases(): ReopenableKind[] {
  const kinds: ReopenableKind[] = [
    {
      name: "PGlite",
      concurrent: false,
      async create() {
        const dir = mkdtempSync(path.join(tmpdir(), "audit-console-test-"));
        const dataDir = path.join(dir, "pglite");
        return {
          open: () => migrated(openDatabase({ dataDir })),
          async dispose() {
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
  ];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    kinds.push({
      name: "PostgreSQL",
      concurrent: true,
      async create() {
        const name = `audit_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
        await onServer(serverUrl, `CREATE DATABASE "${name}"`);
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        return {
          open: () => migrated(openDatabase({ url: url.toString() })),
          dispose: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
        };
      },
    });
  }
  return kinds;
}
