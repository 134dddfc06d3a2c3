// The deterministic demo data: the same seed and "now" give the same users, items and events.
// Everything is written in one transaction (a failed seed leaves nothing behind), the events in
// batches generated just before they are written, oldest first, so ids rise with time.
import { hashPassword } from "@/lib/auth/password";
import { ensureEventPartitions, maintainEventPartitions } from "@/lib/db/event-partitions";
import type { Database, SqlSession } from "@/lib/db/database";
import { allocateIds, insertDirectory, insertEvents, insertItems, withEventIndexesDeferred } from "./bulk-insert";
import { buildCalendar } from "./calendar";
import { buildWorld, rowCounts, type IdRanges } from "./directory";
import type { EventRow } from "./event-row";
import { CONSOLE_ACCOUNTS } from "./people";
import { MIN_EVENTS } from "./plan";
import { Random } from "./random";
import { timeline } from "./timeline";
import { compactEventCounts } from "@/lib/audit/activity/count-compaction";

export const DEFAULT_EVENTS = 200_000;
export const DEFAULT_SEED = 1;
const BATCH_SIZE = 10_000;

export interface SeedOptions {
  /** how many audit events to write; default 200,000 */
  events?: number;
  /** the random seed; default 1 */
  seed?: number;
  /** the end of the 400-day window; default the current time */
  now?: Date;
  /** progress lines */
  log?: (line: string) => void;
}

export interface SeedResult {
  users: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

/** True when the database holds no users and no audit events: a fresh one, ready to seed. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.withSession((session) =>
    session.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM "User") AND NOT EXISTS (SELECT 1 FROM "AuditEvent") AS empty`),
  );
  return row.empty;
}

const format = (value: number) => Math.round(value).toLocaleString("en-US");

export async function seedDemoData(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const total = options.events ?? DEFAULT_EVENTS;
  if (!Number.isSafeInteger(total) || total < MIN_EVENTS) throw new RangeError(`events must be a whole number of at least ${format(MIN_EVENTS)}`);
  const log = options.log ?? (() => {});
  const rng = new Random(options.seed ?? DEFAULT_SEED);
  const calendar = buildCalendar(options.now ?? new Date(), rng.fork("calendar"));
  const passwordHashes = new Map(await Promise.all(CONSOLE_ACCOUNTS.map(async (account) => [account.username, await hashPassword(account.password)] as const)));

  const users = await db.withSession(async (session) => {
    if (db.kind === "postgres") await session.query("SET synchronous_commit = off");
    await session.query("BEGIN");
    try {
      if (db.kind === "postgres") await session.query("SET LOCAL maintenance_work_mem = '256MB'");
      const ids = await allocateAll(session, rowCounts(total));
      const { world, plan } = buildWorld(total, calendar, rng.fork("world"), ids);
      await insertDirectory(session, { ...world, passwordHashes });
      log(
        `${format(world.users.length)} users, ${world.groups.length} groups, ${world.projects.length} projects, ${world.trackers.length} trackers, ` +
          `${format(world.items.length)} work items and artifacts; writing ${format(total)} events...`,
      );
      // The months the demo spans get their partitions before their events arrive.
      const now = options.now ?? new Date();
      await ensureEventPartitions(session, new Date(calendar.days[0]?.start ?? now.getTime()), now);
      await maintainEventPartitions(session, now);
      await withEventIndexesDeferred(
        session,
        () => writeEvents(session, timeline(world, plan, calendar, rng.fork("timeline"), BATCH_SIZE), total, log, started),
        () => log("Building the event indexes..."),
      );
      await insertItems(session, world.items);
      await session.query("COMMIT");
      return world.users.length;
    } catch (error) {
      // A broken connection must not hide the error that broke it.
      await session.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      if (db.kind === "postgres") await session.query("RESET synchronous_commit").catch(() => undefined);
    }
  });
  // The activity counts the writes appended, folded into days; VACUUM sets the visibility map, so
  // counts can use index-only scans (PGlite never autovacuums).
  await compactEventCounts(db);
  await db.withSession((session) => session.query(`VACUUM ANALYZE "AuditEvent", "User", "Artifact", "AuditEventDayCount"`));
  const seconds = (performance.now() - started) / 1000;
  return { users, events: total, seconds, eventsPerSecond: total / seconds };
}

/** Writes the batches as they come; the next batch is generated while the database writes one. */
async function writeEvents(session: SqlSession, batches: Iterable<EventRow[]>, total: number, log: (line: string) => void, started: number): Promise<void> {
  let written = 0;
  let nextReport = 0.1;
  let writing: Promise<void> = Promise.resolve();
  let pending = 0;
  for (const batch of batches) {
    await writing;
    written += pending;
    if (written >= total * nextReport) nextReport = report(log, written, total, started, nextReport);
    writing = insertEvents(session, batch);
    pending = batch.length;
  }
  await writing;
  written += pending;
  if (written !== total) throw new Error(`The timeline produced ${format(written)} events instead of ${format(total)}`);
  report(log, written, total, started, nextReport);
}

async function allocateAll(session: SqlSession, counts: Record<keyof IdRanges, number>): Promise<IdRanges> {
  const ids = {} as IdRanges;
  for (const table of Object.keys(counts) as (keyof IdRanges)[]) ids[table] = await allocateIds(session, table, counts[table]);
  return ids;
}

function report(log: (line: string) => void, written: number, total: number, started: number, threshold: number): number {
  if (written < total * threshold && written < total) return threshold;
  const seconds = (performance.now() - started) / 1000;
  log(`  ${String(Math.floor((written / total) * 100)).padStart(3)}%  ${format(written)} events  (${format(written / seconds)} events/s)`);
  let next = threshold;
  while (written >= total * next) next += 0.1;
  return next;
}
