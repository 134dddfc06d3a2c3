// Databases for integration tests: always an in-memory PGlite, and also a PostgreSQL database
// when TEST_DATABASE_URL is set. Each open() gives a freshly migrated, empty database.
import { openDatabase, type Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";

export interface TestDatabase {
  name: string;
  open(): Promise<Database>;
}

async function migrated(database: Database): Promise<Database> {
  await database.withSession((session) => migrate(session));
  return database;
}

/** A new database on the server of `serverUrl`, dropped again when the returned Database closes. */
async function openFreshPostgres(serverUrl: string): Promise<Database> {
  const scratch = await createScratchDatabase(serverUrl, "audit_test");
  const database = openDatabase({ url: scratch.url });
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    await scratch.drop();
  };
  return migrated(database);
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: "PGlite", open: () => migrated(openDatabase({ dataDir: "memory://" })) }];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) list.push({ name: "PostgreSQL", open: () => openFreshPostgres(serverUrl) });
  return list;
}
