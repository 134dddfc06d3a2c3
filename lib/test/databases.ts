// Databases for integration tests: always an in-memory PGlite, and also a PostgreSQL database
// when TEST_DATABASE_URL is set. Each open() gives a freshly migrated, empty database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";

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
  const name = `audit_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString() });
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
  return migrated(database);
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: "PGlite", open: () => migrated(openDatabase({ dataDir: "memory://" })) }];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) list.push({ name: "PostgreSQL", open: () => openFreshPostgres(serverUrl) });
  return list;
}
