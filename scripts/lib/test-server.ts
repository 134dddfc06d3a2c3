// A console server for tests: a database of its own (a PGlite folder, or a PostgreSQL database),
// migrated and seeded with the demo seed, and the production build served on a port. Used by the
// end-to-end server (scripts/e2e-server.ts) and by specs that need a second server on PostgreSQL.
import { rmSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { openDatabase } from "../../lib/db/database";
import { migrate } from "../../lib/db/migrate";
import { hashPassword } from "../../lib/auth/password";
import { seedDemoData } from "../../lib/seed/seed";
import { startNext, waitForHttp } from "./serve";
import { TEST_ACCOUNTS } from "./test-accounts";

export type TestDatabaseLocation = { dataDir: string } | { url: string };

/** Creates (or empties) the database, migrates it, seeds `events` demo events and the TEST_ACCOUNTS. */
export async function prepareTestDatabase(location: TestDatabaseLocation, events: number): Promise<void> {
  if ("dataDir" in location) rmSync(path.dirname(location.dataDir), { recursive: true, force: true });
  const database = openDatabase(location);
  try {
    await database.withSession((session) => migrate(session));
    await seedDemoData(database, { events, seed: 7 });
    for (const account of Object.values(TEST_ACCOUNTS)) {
      await database.prisma.user.create({
        data: { username: account.username, displayName: account.displayName, consoleRole: "ADMIN", passwordHash: await hashPassword(account.password) },
      });
    }
  } finally {
    await database.close();
  }
}

export interface TestServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Serves the build (or `next dev`) on `port` over the prepared database; resolves once it answers. */
export async function startTestServer(options: { port: number; location: TestDatabaseLocation; dev?: boolean; ownLifetime?: boolean }): Promise<TestServer> {
  const url = `http://localhost:${options.port}`;
  const database = "url" in options.location ? { DATABASE_URL: options.location.url } : { PGLITE_DATA_DIR: options.location.dataDir, DATABASE_URL: "" };
  const child = startNext({
    port: options.port,
    dev: options.dev,
    ownLifetime: options.ownLifetime,
    env: { ...database, NEXTAUTH_URL: url, NEXTAUTH_SECRET: "e2e-secret-not-for-production", NODE_ENV: options.dev ? "development" : "production" },
  });
  await waitForHttp(`${url}/login`, child);
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
