// npm run bench:ingest -- [--events 500000] [--senders 4] [--batch 1000] [--keep]: ingestion through
// HTTP against the production build (npm run build) on PostgreSQL, and in the same run the floor:
// the same rows written by a plain unnest insert, with as many connections and the same batches.
// Each part gets a fresh database on the server of DATABASE_URL (dropped after, unless --keep).
// Prints events/s, the ratio to the floor, p50/p95/max per batch, and the server's peak RSS.
import { parseArgs } from "node:util";
import { createApiToken } from "../lib/auth/api-tokens/api-tokens";
import { runAs } from "../lib/auth/principal-context";
import { eventPoster } from "../lib/import/api-sink";
import { setDb } from "../lib/db";
import { openDatabase, type Database } from "../lib/db/database";
import { migrate } from "../lib/db/migrate";
import { createScratchDatabase } from "../lib/db/scratch-database";
import { insertRows } from "../lib/db/unnest-insert";
import { eventColumns } from "../lib/ingest/ingest-events";
import { validateEvents } from "../lib/ingest/ingest-request";
import type { IngestEventInput } from "../lib/ingest/ingest-schema";
import { senderEvents } from "../lib/seed/sender-events";
import { percentile } from "./lib/percentile";
import { freePort, memoryOf, startNext, waitForHttp } from "./lib/serve";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "500000" },
    senders: { type: "string", default: "4" },
    batch: { type: "string", default: "1000" },
    keep: { type: "boolean", default: false },
  },
});
const total = Number(args.events);
const senders = Number(args.senders);
const batchSize = Number(args.batch);
const SOURCE = "bench-sender";
const format = (value: number) => Math.round(value).toLocaleString("en-US");

async function freshDatabase(serverUrl: string, label: string): Promise<{ url: string; database: Database; drop(): Promise<void> }> {
  const scratch = await createScratchDatabase(serverUrl, `bench_ingest_${label}`);
  const database = openDatabase({ url: scratch.url });
  await database.withSession((session) => migrate(session));
  return {
    url: scratch.url,
    database,
    async drop() {
      await database.close();
      if (args.keep) return console.log(`kept database ${scratch.name}`);
      await scratch.drop();
    },
  };
}

/** The batches to send: the demo world's events, spread over the hour before now (inside any retention). */
function makeBatches(): IngestEventInput[][] {
  const source = senderEvents({ events: Math.max(total, 1000), idPrefix: "bench-", batchSize });
  const flat: IngestEventInput[] = [];
  const start = Date.now() - 3_600_000;
  while (flat.length < total) {
    for (const event of source.next().value ?? []) {
      if (flat.length === total) break;
      flat.push({ ...event, createdAt: new Date(start + Math.floor((flat.length / total) * 3_500_000)).toISOString() });
    }
  }
  const batches: IngestEventInput[][] = [];
  for (let index = 0; index < flat.length; index += batchSize) batches.push(flat.slice(index, index + batchSize));
  return batches;
}

/** Runs `work` on every batch with `senders` workers taking the next batch as each finishes; per-batch milliseconds. */
async function drive<T>(batches: readonly T[], work: (batch: T) => Promise<void>): Promise<{ seconds: number; times: number[] }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const begun = performance.now();
        await work(batch);
        times.push(performance.now() - begun);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, times: times.sort((a, b) => a - b) };
}

function line(name: string, events: number, run: { seconds: number; times: number[] }, extra: string): void {
  const p = (q: number) => `${percentile(run.times, q).toFixed(1)} ms`.padStart(10);
  console.log(
    `${name.padEnd(14)} ${format(events).padStart(9)} ${run.seconds.toFixed(1).padStart(8)} ${format(events / run.seconds).padStart(9)} ${p(0.5)} ${p(0.95)} ${p(1)}  ${extra}`,
  );
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl?.startsWith("postgres")) throw new Error("set DATABASE_URL to a PostgreSQL server (a database on it is created for the run)");
  console.log(`Making ${format(total)} events (the demo world's), batches of ${batchSize}...`);
  const batches = makeBatches();
  console.log(`${senders} senders, batches of ${batchSize}, through HTTP to the production build; the floor: the same rows by unnest insert`);
  console.log(
    `${"".padEnd(14)} ${"events".padStart(9)} ${"seconds".padStart(8)} ${"events/s".padStart(9)} ${"p50/batch".padStart(10)} ${"p95/batch".padStart(10)} ${"max".padStart(10)}`,
  );

  // Through HTTP
  const http = await freshDatabase(serverUrl, "http");
  let httpRate = 0;
  try {
    setDb(http.database);
    const admin = { userId: null, username: "bench-ingest", displayName: "bench:ingest", role: "ADMIN" as const, sessionId: null };
    const { secret } = await runAs(admin, () => createApiToken({ name: "bench", source: SOURCE, scopes: ["ingest"], expiresInDays: 1 }));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = startNext({
      port,
      ownLifetime: true,
      env: {
        DATABASE_URL: http.url,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: "bench-secret-not-for-production",
        NODE_ENV: "production",
        // The bench measures throughput, not the per-token batch budget (lib/api/rate-limit.ts).
        INGEST_RATE_LIMIT: "100000",
      },
    });
    try {
      await waitForHttp(`${url}/login`, server);
      const before = memoryOf(server.pid!);
      const post = eventPoster({ url, token: secret });
      let accepted = 0;
      const run = await drive(batches, async (batch) => {
        const answer = await post(batch);
        accepted += answer.accepted;
      });
      const after = memoryOf(server.pid!);
      httpRate = total / run.seconds;
      const [{ count }] = await http.database.query<{ count: string }>(`SELECT count(*)::text AS count FROM "AuditEvent" WHERE source = $1`, [SOURCE]);
      line(
        "HTTP ingest",
        total,
        run,
        `server RSS ${format(before.rss)} MB idle, peak ${format(after.peak)} MB; ${format(accepted)} accepted, ${format(Number(count))} stored`,
      );
      if (accepted !== total || Number(count) !== total) throw new Error(`accepted ${accepted} and stored ${count} of ${total}`);
    } finally {
      await new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      });
    }
  } finally {
    setDb(undefined);
    await http.drop();
  }

  // The floor: the same rows, as ingestion would write them, by unnest insert alone.
  const floor = await freshDatabase(serverUrl, "floor");
  try {
    const columns = eventColumns(SOURCE, { users: new Map(), projects: new Map(), trackers: new Map(), artifacts: new Map() }, new Map());
    const rows = batches.map((batch) => validateEvents(batch));
    const run = await drive(rows, (batch) => floor.database.withTransaction((session) => insertRows(session, "AuditEvent", columns, batch, batch.length)));
    const floorRate = total / run.seconds;
    line("unnest floor", total, run, "");
    console.log(`HTTP ingestion: ${format(httpRate)} events/s = ${((httpRate / floorRate) * 100).toFixed(0)}% of the floor (targets: 20,000 events/s and 25%)`);
  } finally {
    await floor.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
