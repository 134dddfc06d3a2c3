// npm run demo: migrate the database (embedded PGlite in .data/, or DATABASE_URL), seed demo data
// when it is empty, build the app when the build is missing or stale, and serve it on PORT.
import { openDatabase } from "../lib/db/database";
import { migrate } from "../lib/db/migrate";
import { isDatabaseEmpty, seedDemoData } from "../lib/seed/seed";
import { signAuditLog } from "./lib/sign-audit-log";
import { ensureBuild } from "./lib/build-stamp";
import { sessionSecret } from "./lib/secret";
import { isPortFree, startNext, waitForHttp } from "./lib/serve";

const port = Number(process.env.PORT ?? 3000);

async function prepareDatabase(): Promise<void> {
  const database = openDatabase();
  try {
    const result = await database.withOwnerSession((owner) => migrate(owner));
    console.log(`Database: ${database.location} (${database.kind}), ${result.applied.length} migration(s) applied.`);
    if (await isDatabaseEmpty(database)) {
      console.log("The database is empty: seeding demo data (200,000 events)...");
      const seeded = await seedDemoData(database, { log: (line) => console.log(`  ${line}`) });
      console.log(`Seeded ${seeded.events.toLocaleString("en-US")} events in ${seeded.seconds.toFixed(1)} s.`);
    }
    await signAuditLog(database);
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  if (!(await isPortFree(port))) throw new Error(`Port ${port} is in use. Stop what runs there or choose another: PORT=3001 npm run demo`);
  await prepareDatabase();
  ensureBuild();
  const url = `http://localhost:${port}`;
  const server = startNext({ port, env: { NEXTAUTH_URL: url, NEXTAUTH_SECRET: sessionSecret(), NODE_ENV: "production" } });
  await waitForHttp(`${url}/login`, server);
  console.log(
    `\nAudit Console is running at ${url}\nSign in as admin / demo-admin  (auditor / demo-auditor reads and exports; viewer / demo-viewer has no access)\nPress Ctrl+C to stop.\n`,
  );
}

main().catch((error: unknown) => {
  console.error(`npm run demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
