// Arguments of `npm run db:seed -- [--events N] [--seed S] [--force]`, and emptying a database
// before a forced re-seed.
import type { Database } from "@/lib/db/database";
import { DEFAULT_EVENTS, DEFAULT_SEED } from "./seed";
import { withEventMaintenance } from "@/lib/db/event-maintenance";

export interface SeedArgs {
  events: number;
  seed: number;
  force: boolean;
  help: boolean;
}

export const SEED_USAGE = `Usage: npm run db:seed -- [--events N] [--seed S] [--force]
  --events N  audit events to write (default ${DEFAULT_EVENTS.toLocaleString("en-US")}); 10000000, 10_000_000, 10m and 200k all work
  --seed S    random seed (default ${DEFAULT_SEED}): the same seed gives the same data
  --force     empty a database that already has data, then seed it`;

/** "200k" -> 200000, "10m" -> 10000000, "10_000_000" -> 10000000, "1.5m" -> 1500000. */
export function parseCount(text: string): number {
  const match = /^(\d+(?:[_,]\d+)*(?:\.\d+)?)([km])?$/i.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a number of events (try 200000, 200k or 10m)`);
  const value = Number(match[1].replace(/[_,]/g, "")) * (match[2] ? (match[2].toLowerCase() === "k" ? 1e3 : 1e6) : 1);
  if (!Number.isSafeInteger(value)) throw new Error(`"${text}" is not a whole number of events`);
  return value;
}

export function parseSeedArgs(argv: string[]): SeedArgs {
  const args: SeedArgs = { events: DEFAULT_EVENTS, seed: DEFAULT_SEED, force: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === "--events" || flag === "-n") args.events = parseCount(value());
    else if (flag === "--seed") {
      const text = value();
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new Error(`--seed must be a whole number, not "${text}"`);
      args.seed = Number(text);
    } else if (flag === "--force") args.force = true;
    else if (flag === "--help" || flag === "-h") args.help = true;
    else throw new Error(`Unknown option "${argv[i]}"`);
  }
  return args;
}

/** Empties every table but the migrations' own, and restarts the id sequences. */
export async function emptyDatabase(db: Database): Promise<void> {
  await withEventMaintenance(db, async (session) => {
    const tables = await session.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    if (tables.length === 0) return;
    await session.query(`TRUNCATE ${tables.map((table) => `"${table.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
  });
}

/** How much a database holds, for the message that refuses to seed over it. */
export async function contentSummary(db: Database): Promise<string> {
  const [row] = await db.withSession((session) =>
    session.query<{ users: number; events: number }>(`SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "AuditEvent")::int AS events`),
  );
  return `${row.users.toLocaleString("en-US")} users, ${row.events.toLocaleString("en-US")} audit events`;
}
