// The server the Playwright tests run against: a fresh embedded database of its own (so it never
// touches the demo data), seeded with the demo seed, and the production build on E2E_PORT.
import { rmSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../lib/db/database";
import { migrate } from "../lib/db/migrate";
import { hashPassword } from "../lib/auth/password";
import { seedDemoData } from "../lib/seed/seed";
import { ensureBuild } from "./lib/build-stamp";
import { startNext, waitForHttp } from "./lib/serve";

const port = Number(process.env.E2E_PORT);
const dev = process.env.E2E_DEV === "1";
const dataDir = path.resolve(".data", `e2e-${port}`, "pglite");

async function main(): Promise<void> {
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
  const database = openDatabase({ dataDir });
  try {
    await database.withSession((session) => migrate(session));
    await seedDemoData(database, { events: Number(process.env.E2E_SEED_EVENTS ?? 40_000), seed: 7 });
    // an account of its own for the lockout test, which leaves it locked
    await database.prisma.user.create({
      data: { username: "lockout.test", displayName: "Lockout Test", consoleRole: "ADMIN", passwordHash: await hashPassword("lockout-test-password") },
    });
  } finally {
    await database.close();
  }
  if (!dev) ensureBuild();
  const url = `http://localhost:${port}`;
  const server = startNext({
    port,
    dev,
    env: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: url, NEXTAUTH_SECRET: "e2e-secret-not-for-production", NODE_ENV: dev ? "development" : "production" },
  });
  await waitForHttp(`${url}/login`, server);
  console.log(`e2e server ready at ${url}`);
}

main().catch((error: unknown) => {
  console.error(`e2e server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
