// npm run db:seed -- [--events N] [--seed S] [--force]: applies the migrations, then fills an empty
// database (the embedded one, or DATABASE_URL) with the deterministic demo data.
import { openDatabase, type Database } from "../lib/db/database";
import { migrate } from "../lib/db/migrate";
import { contentSummary, emptyDatabase, parseSeedArgs, SEED_USAGE, type SeedArgs } from "../lib/seed/cli";
import { CONSOLE_ACCOUNTS } from "../lib/seed/people";
import { isDatabaseEmpty, seedDemoData } from "../lib/seed/seed";
import { signAuditLog } from "./lib/sign-audit-log";

const format = (value: number) => Math.round(value).toLocaleString("en-US");

async function main(args: SeedArgs): Promise<void> {
  let database: Database | undefined;
  try {
    database = openDatabase();
    const db = database;
    const migrations = await db.withOwnerSession((owner) => migrate(owner));
    if (migrations.applied.length) console.log(`Applied ${migrations.applied.length} migration(s) to ${db.location}.`);
    if (!(await isDatabaseEmpty(db))) {
      if (!args.force) {
        console.error(
          `The database ${db.location} already has data (${await contentSummary(db)}); nothing was changed. ` +
            `Run "npm run db:seed -- --force" to empty it and seed it again.`,
        );
        process.exitCode = 1;
        return;
      }
      console.log(`Emptying ${db.location} (${await contentSummary(db)})...`);
      await emptyDatabase(db);
    }
    console.log(`Seeding ${db.location} with ${format(args.events)} events (seed ${args.seed}).`);
    const result = await seedDemoData(db, { events: args.events, seed: args.seed, log: (line) => console.log(line) });
    console.log(`Seeded ${format(result.events)} events in ${result.seconds.toFixed(1)} s (${format(result.eventsPerSecond)} events/s).`);
    await signAuditLog(db);
    console.log(`Sign in with ${CONSOLE_ACCOUNTS.map((account) => `${account.username} / ${account.password}`).join(", ")}.`);
  } catch (error) {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

let args: SeedArgs | undefined;
try {
  args = parseSeedArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${SEED_USAGE}`);
  process.exitCode = 1;
}
if (args?.help) console.log(SEED_USAGE);
else if (args) await main(args);
