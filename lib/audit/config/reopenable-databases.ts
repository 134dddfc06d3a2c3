// For tests: databases that can be opened again after closing, or twice at once, like a server
// restart or a second server process: a PGlite data folder in a temporary directory (one client at
// a time: the folder lock), and a PostgreSQL database when TEST_DATABASE_URL is set.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";

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
        const scratch = await createScratchDatabase(serverUrl, "audit_test");
        return { open: () => migrated(openDatabase({ url: scratch.url })), dispose: scratch.drop };
      },
    });
  }
  return kinds;
}
