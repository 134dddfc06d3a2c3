// npm run bench:ingest -- [--events 500000] [--senders 4] [--batch 1000] [--rounds 1] [--keep]:
// ingestion through HTTP against the production build (npm run build) on PostgreSQL, three ways:
// with the checkpoint job held off, with it sequencing and signing every second in the server's
// process (in its own thread there), and with it in a process beside the server (issue 19: leaf
// hashing and sequencing happen in that job, not in the writers, and may cost ingestion at most
// 15%). With --rounds N each way runs N times, the order turning each round; medians are compared.
// Then the floor: the same rows written by a plain unnest insert, with as many connections and the
// same batches. Each part gets a fresh database on the server of DATABASE_URL (dropped after,
// unless --keep). Prints events/s, the ratio to the floor, p50/p95/max per batch, the server's peak
// RSS, and how far the log was behind the events at the end and how long it took to catch up.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { checkpointAll } from "../lib/audit/integrity/checkpoint-job";
import { loadOrCreateSigningKey } from "../lib/audit/integrity/signing-key";
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
import { cpuMsOf, freePort, memoryOf, startNext, waitForHttp } from "./lib/serve";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "500000" },
    senders: { type: "string", default: "4" },
    batch: { type: "string", default: "1000" },
    keep: { type: "boolean", default: false },
    rounds: { type: "string", default: "1" },
  },
});
const total = Number(args.events);
const senders = Number(args.senders);
const batchSize = Number(args.batch);
const rounds = Number(args.rounds);
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

/**
 * How many events the log lags behind. While ingesting: ids handed out minus the log's size (two
 * index reads; an id of a rolled-back batch counts as waiting). At the end: counted exactly.
 */
async function backlog(database: Database, exact = false): Promise<number> {
  const sql = exact
    ? `SELECT ((SELECT count(*) FROM "AuditEvent") - (SELECT count(*) FROM "AuditLeaf"))::text AS "behind"`
    : `SELECT (coalesce(pg_sequence_last_value('"AuditEvent_id_seq"'::regclass), 0) - (SELECT coalesce(max("seq") + 1, 0) FROM "AuditLeaf"))::text AS "behind"`;
  const [row] = await database.query<{ behind: string }>(sql);
  return Number(row?.behind ?? 0);
}

interface HttpRun {
  rate: number;
  /** CPU the server's process used from the first batch until the log caught up (its job's thread included) */
  serverCpuMs: number;
  /** CPU the database's sessions of this run's database used meanwhile (the job's connection included) */
  databaseCpuMs: number;
  /** with the checkpoint job: the log's lag, sampled each second during the run, at most */
  maxBehind?: number;
  /** events not yet sequenced when the last batch was stored */
  behindAtEnd?: number;
  /** from the last batch stored to every event sequenced and signed */
  catchUpSeconds?: number;
  checkpoints?: number;
}

/**
 * Where the checkpoint job runs during a run: nowhere (held off), each second in the server's own
 * process (CHECKPOINT_INTERVAL_SECONDS=1, as a lone server runs it, in its own thread:
 * lib/audit/integrity/checkpoint-thread.ts), or each second in a process beside it (this one),
 * where only the database is shared.
 */
type LogJob = "off" | "server" | "beside";

/** CPU ms of each PostgreSQL session of `database`'s database, by pid (they are on this machine: the bench's DATABASE_URL is local). */
async function databaseCpu(database: Database): Promise<Map<number, number>> {
  const sessions = await database.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const cpu = new Map<number, number>();
  for (const { pid } of sessions) {
    try {
      cpu.set(pid, cpuMsOf(pid));
    } catch {
      // ended meanwhile
    }
  }
  return cpu;
}

/** What the sessions used since `before` (a session opened since counts whole). */
function sumDelta(after: Map<number, number>, before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/** Runs the checkpoint job each second (a run that takes longer is followed at once) until stopped. */
function checkpointEverySecond(database: Database): { stop(): Promise<void> } {
  const key = loadOrCreateSigningKey(mkdtempSync(path.join(tmpdir(), "bench-ingest-key-")), "bench.example/audit-log");
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await checkpointAll(database, key).catch((error: unknown) => console.warn(`checkpoint beside: ${error instanceof Error ? error.message : error}`));
      await sleep(Math.max(0, 1_000 - (performance.now() - started)));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** Ingestion through HTTP into a fresh database, with the checkpoint job where `job` says. */
async function httpIngest(serverUrl: string, name: string, batches: IngestEventInput[][], job: LogJob): Promise<HttpRun> {
  const checkpointSeconds = job === "server" ? 1 : null;
  const http = await freshDatabase(serverUrl, `http_${job}`);
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
        // Held off: the job runs once as the server starts (on an empty log), then not for a day.
        CHECKPOINT_INTERVAL_SECONDS: String(checkpointSeconds ?? 86_400),
        AUDIT_SIGNING_KEY_DIR: mkdtempSync(path.join(tmpdir(), "bench-ingest-key-")),
      },
    });
    let beside: { stop(): Promise<void> } | null = null;
    try {
      await waitForHttp(`${url}/login`, server);
      const before = memoryOf(server.pid!);
      const cpuBefore = { server: cpuMsOf(server.pid!), database: await databaseCpu(http.database) };
      const post = eventPoster({ url, token: secret });
      let accepted = 0;
      let maxBehind = 0;
      let sampling = job !== "off";
      beside = job === "beside" ? checkpointEverySecond(http.database) : null;
      const sampler = (async () => {
        while (sampling) {
          maxBehind = Math.max(maxBehind, await backlog(http.database));
          await sleep(1_000);
        }
      })();
      const run = await drive(batches, async (batch) => {
        const answer = await post(batch);
        accepted += answer.accepted;
      });
      const stored = performance.now();
      // The job goes on each second: how far behind it was, and how long until it had sequenced everything stored.
      let catchUp: Pick<HttpRun, "behindAtEnd" | "catchUpSeconds"> | null = null;
      if (job !== "off") {
        const behindAtEnd = await backlog(http.database, true);
        while ((await backlog(http.database, true)) > 0) {
          if (performance.now() - stored > 600_000) throw new Error("the checkpoint job did not catch up within 10 minutes");
          await sleep(100);
        }
        catchUp = { behindAtEnd, catchUpSeconds: (performance.now() - stored) / 1000 };
      }
      sampling = false;
      await sampler;
      const after = memoryOf(server.pid!);
      const cpu = { server: cpuMsOf(server.pid!) - cpuBefore.server, database: sumDelta(await databaseCpu(http.database), cpuBefore.database) };
      const result: HttpRun = { rate: total / run.seconds, serverCpuMs: cpu.server, databaseCpuMs: cpu.database };
      const [{ count }] = await http.database.query<{ count: string }>(`SELECT count(*)::text AS count FROM "AuditEvent" WHERE source = $1`, [SOURCE]);
      if (accepted !== total || Number(count) !== total) throw new Error(`accepted ${accepted} and stored ${count} of ${total}`);
      let extra = "";
      if (catchUp) {
        const [{ checkpoints }] = await http.database.query<{ checkpoints: number }>(`SELECT count(*)::int AS "checkpoints" FROM "AuditCheckpoint"`);
        Object.assign(result, catchUp, { maxBehind: Math.max(maxBehind, catchUp.behindAtEnd ?? 0), checkpoints });
        extra = `; ${checkpoints} checkpoints`;
      }
      line(
        name,
        total,
        run,
        `server RSS ${format(before.rss)} MB idle, peak ${format(after.peak)} MB; CPU per 1,000 events: server ${format((cpu.server / total) * 1000)} ms, ` +
          `database ${format((cpu.database / total) * 1000)} ms; ${format(accepted)} accepted, ${format(Number(count))} stored${extra}`,
      );
      return result;
    } finally {
      await beside?.stop();
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

  // Each round runs the three in another order: on a shared machine the load drifts, and a run that
  // always went first (or last) would carry the drift as if the job had caused it.
  const modes = [
    ["HTTP, no log", "off"],
    ["+ log, server", "server"],
    ["+ log, beside", "beside"],
  ] as const;
  const runs: Record<LogJob, HttpRun[]> = { off: [], server: [], beside: [] };
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < modes.length; i++) {
      const [label, job] = modes[(round + i) % modes.length] as (typeof modes)[number];
      runs[job].push(await httpIngest(serverUrl, label, batches, job));
    }
  }
  const median = (each: HttpRun[]): HttpRun => {
    const sorted = [...each].sort((a, b) => a.rate - b.rate);
    return sorted[Math.floor((sorted.length - 1) / 2)] as HttpRun;
  };
  const [plain, inServer, beside] = [median(runs.off), median(runs.server), median(runs.beside)];
  if (rounds > 1) {
    for (const [label, job] of modes) console.log(`${label}: ${runs[job].map((run) => format(run.rate)).join(", ")} events/s; the median is compared`);
  }
  const httpRate = plain.rate;
  // CPU per event does not drift with the machine's load as the rate does: the job's cost in CPU.
  const cpuPerThousand = (each: HttpRun[]) => {
    const mean = (pick: (run: HttpRun) => number) => each.reduce((sum, run) => sum + pick(run), 0) / each.length / (total / 1000);
    return { server: mean((run) => run.serverCpuMs), database: mean((run) => run.databaseCpuMs) };
  };
  const [cpuOff, cpuServer] = [cpuPerThousand(runs.off), cpuPerThousand(runs.server)];
  const more = (cpuServer.server + cpuServer.database) / (cpuOff.server + cpuOff.database) - 1;
  console.log(
    `CPU per 1,000 events (mean of the runs): without the job ${format(cpuOff.server)} ms in the server + ${format(cpuOff.database)} ms in the database; ` +
      `with it in the server ${format(cpuServer.server)} + ${format(cpuServer.database)} ms: the job costs ${(more * 100).toFixed(1)}% more CPU an event`,
  );

  // The floor: the same rows, as ingestion would write them, by unnest insert alone.
  const floor = await freshDatabase(serverUrl, "floor");
  try {
    const columns = eventColumns(SOURCE, { users: new Map(), projects: new Map(), trackers: new Map(), artifacts: new Map() }, new Map());
    const rows = batches.map((batch) => validateEvents(batch));
    const run = await drive(rows, (batch) => floor.database.withTransaction((session) => insertRows(session, "AuditEvent", columns, batch, batch.length)));
    const floorRate = total / run.seconds;
    line("unnest floor", total, run, "");
    console.log(`HTTP ingestion: ${format(httpRate)} events/s = ${((httpRate / floorRate) * 100).toFixed(0)}% of the floor (targets: 20,000 events/s and 25%)`);
    for (const [where, logged] of [
      ["in the server's process (its own thread)", inServer],
      ["in a process beside it", beside],
    ] as const) {
      const slower = ((plain.rate - logged.rate) / plain.rate) * 100;
      console.log(
        `With the checkpoint job each second ${where}: ${format(logged.rate)} events/s, ${Math.abs(slower).toFixed(1)}% ${slower >= 0 ? "slower" : "faster"} (target: at most 15% slower); ` +
          `the log was at most ${format(logged.maxBehind ?? 0)} events behind, ${format(logged.behindAtEnd ?? 0)} when the last batch was stored, ` +
          `and caught up ${(logged.catchUpSeconds ?? 0).toFixed(1)} s later (${logged.checkpoints} checkpoints signed)`,
      );
    }
  } finally {
    await floor.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
