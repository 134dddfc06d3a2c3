// npm run test:faults (as root): PostgreSQL restarted under a production server of the console, on a
// throwaway cluster (throwaway-cluster.ts), and the PGlite folder lock after a kill -9 of the server.
// Runs the build of the tree it is started in (npm run build first). Bounded: about a minute.
// Prints what it did and measured; exits 1 when a check fails.
import { rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { createApiToken } from "../../lib/auth/api-tokens/api-tokens";
import { runAs } from "../../lib/auth/principal-context";
import { setDb } from "../../lib/db";
import { openDatabase } from "../../lib/db/database";
import { createScratchDatabase } from "../../lib/db/scratch-database";
import { eventPoster } from "../../lib/import/api-sink";
import type { IngestEventInput } from "../../lib/ingest/ingest-schema";
import { type SenderEvent, senderEvents } from "../../lib/seed/sender-events";
import { freePort } from "../lib/serve";
import { TEST_ACCOUNTS } from "../lib/test-accounts";
import { prepareTestDatabase } from "../lib/test-server";
import { startFaultServer } from "./fault-server";
import { checkFolderLockAfterKill } from "./folder-lock-fault";
import { HANG_MS, Observations } from "./observations";
import { signIn } from "../lib/sign-in";
import { createThrowawayCluster, type ThrowawayCluster } from "./throwaway-cluster";

const SOURCE = "faults-sender";
/** The servers' output: their errors while PostgreSQL is down would bury the measurements. */
const LOG_FILE = `${tmpdir()}/audit-faults-server.log`;
const BATCHES = 60;
const BATCH_SIZE = 250;
const SENDERS = 2;
/** How long PostgreSQL stays down in each restart. */
const DOWN_MS = 4_000;
/** The console must answer again this soon after PostgreSQL is back. */
const RECOVERY_MS = 15_000;
const PROBE_EVERY_MS = 250;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

/** Stops PostgreSQL for DOWN_MS and starts it again; answers when it went down and came back, in ms since the start. */
async function restart(cluster: ThrowawayCluster, observed: Observations): Promise<{ down: number; up: number }> {
  const down = observed.now();
  cluster.stop();
  await sleep(DOWN_MS - (observed.now() - down));
  cluster.start();
  const up = observed.now();
  console.log(`  PostgreSQL stopped at ${seconds(down)} (pg_ctl stop -m fast), started again at ${seconds(up)}: down ${seconds(up - down)}`);
  return { down, up };
}

/** Asks a page and an API every PROBE_EVERY_MS until stop() is called. */
function probe(url: string, cookie: string, token: string, observed: Observations): { stop(): Promise<void> } {
  let running = true;
  const loop = async (client: string, path: string, headers: Record<string, string>) => {
    const ask = observed.fetchAs(client);
    while (running) {
      // a page whose database does not answer sends the browser to /unavailable (503): followed, as a browser does
      await ask(`${url}${path}`, { headers, redirect: "follow" })
        .then((response) => response.body?.cancel())
        .catch(() => {});
      await sleep(PROBE_EVERY_MS);
    }
  };
  const loops = [
    loop("page /audit/logins", "/audit/logins", { Cookie: cookie }),
    loop("API export preflight", "/api/export/logins.csv?preflight=1", { Authorization: `Bearer ${token}` }),
  ];
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** The demo world's events as a sender would send them, with ids that name their batch (faults-<batch>-<n>), in the hour before now. */
function makeBatches(): IngestEventInput[][] {
  const total = BATCHES * BATCH_SIZE;
  const flat: SenderEvent[] = [];
  for (const events of senderEvents({ events: total, idPrefix: "faults-", batchSize: BATCH_SIZE })) {
    flat.push(...events);
    if (flat.length >= total) break;
  }
  if (flat.length < total) throw new Error(`the sender's generator gave ${flat.length} events, not ${total}`);
  const start = Date.now() - 3_600_000;
  return Array.from({ length: BATCHES }, (_, batch) =>
    flat.slice(batch * BATCH_SIZE, (batch + 1) * BATCH_SIZE).map((event, at) => ({
      ...event,
      id: `faults-${batch}-${at}`,
      createdAt: new Date(start + (batch * BATCH_SIZE + at) * 100).toISOString(),
    })),
  );
}

/** Senders post every batch, waiting out 503s (eventPoster) and retrying connection errors and 5xx as a real sender would. */
async function ingestAcrossRestart(url: string, token: string, cluster: ThrowawayCluster, observed: Observations) {
  const batches = makeBatches();
  const acknowledged = new Set<number>();
  let next = 0;
  const deadline = Date.now() + 90_000;
  const sender = async (name: string) => {
    const post = eventPoster({ url, token, fetch: observed.fetchAs("ingestion POST") });
    while (next < batches.length && Date.now() < deadline) {
      const index = next++;
      for (;;) {
        try {
          const answer = await post(batches[index]!);
          if (answer.accepted + answer.duplicates === BATCH_SIZE) acknowledged.add(index);
          else console.log(`  ${name}: batch ${index} answered ${JSON.stringify(answer)}`);
          break;
        } catch {
          if (Date.now() > deadline) return;
          await sleep(1_000);
        }
      }
    }
  };
  const sending = Promise.all(Array.from({ length: SENDERS }, (_, at) => sender(`sender ${at + 1}`)));
  await sleep(1_500);
  const window = await restart(cluster, observed);
  await sending;
  return { batches, acknowledged, window };
}

/** Starts a CSV download, takes its first chunk, restarts PostgreSQL while it is paused, then reads the rest. */
function downloadAcrossRestart(url: string, token: string, cluster: ThrowawayCluster, observed: Observations) {
  return new Promise<{ window: { down: number; up: number }; bytes: number; ended: "complete" | "aborted"; rows: string | undefined }>((resolve, reject) => {
    const request = get(`${url}/api/export/logins.csv`, { headers: { Authorization: `Bearer ${token}` } }, (response) => {
      let bytes = 0;
      let window: { down: number; up: number } | undefined;
      const finish = (ended: "complete" | "aborted") =>
        window && resolve({ window, bytes, ended, rows: response.headers["x-export-rows"] as string | undefined });
      response.once("data", (chunk: Buffer) => {
        bytes += chunk.length;
        response.pause();
        restart(cluster, observed)
          .then((restarted) => {
            window = restarted;
            response.on("data", (more: Buffer) => {
              bytes += more.length;
            });
            response.on("end", () => finish(response.complete ? "complete" : "aborted"));
            response.on("error", () => finish("aborted"));
            response.on("aborted", () => finish("aborted"));
            response.resume();
          })
          .catch(reject);
      });
    });
    request.setTimeout(HANG_MS * 3, () => request.destroy(new Error("the download hung")));
    request.on("error", reject);
  });
}

async function storedBatches(databaseUrl: string): Promise<Map<number, number>> {
  const database = openDatabase({ url: databaseUrl });
  try {
    const rows = await database.query<{ batch: string; count: string }>(
      `SELECT split_part("sourceEventId", '-', 2) AS batch, count(*)::text AS count FROM "AuditEvent" WHERE source = $1 GROUP BY 1`,
      [SOURCE],
    );
    return new Map(rows.map((row) => [Number(row.batch), Number(row.count)]));
  } finally {
    await database.close();
  }
}

/** Waits until each client has a 2xx after PostgreSQL came back, or RECOVERY_MS has passed. */
async function awaitRecovery(observed: Observations, clients: string[], up: number): Promise<void> {
  while (observed.now() - up < RECOVERY_MS && clients.some((client) => observed.firstSuccess(client, up) === null)) await sleep(PROBE_EVERY_MS);
}

async function checkWindow(observed: Observations, clients: string[], window: { down: number; up: number }): Promise<void> {
  await awaitRecovery(observed, clients, window.up);
  for (const client of clients) {
    console.log(
      `  ${client}: while down ${observed.summary(client, window.down, window.up)}; after ${observed.summary(client, window.up, Number.POSITIVE_INFINITY)}`,
    );
    const since = observed.all.filter((each) => each.client === client && each.at >= window.down);
    check(
      since.every((each) => each.status !== null && (each.status < 300 || (each.status === 503 && each.retryAfter !== null))),
      `${client}: from the stop on, every answer is 2xx or 503 with Retry-After (no 500, no connection error, no hang)`,
    );
    const back = observed.firstSuccess(client, window.up);
    check(
      back !== null && back - window.up <= RECOVERY_MS,
      `${client}: answers 2xx again ${back === null ? "never" : seconds(back - window.up)} after PostgreSQL is back (limit ${seconds(RECOVERY_MS)})`,
    );
  }
}

async function main(): Promise<void> {
  rmSync(LOG_FILE, { force: true });
  const cluster = createThrowawayCluster(await freePort());
  console.log(`Throwaway PostgreSQL cluster on port ${cluster.port}; the servers' output goes to ${LOG_FILE}`);
  try {
    const scratch = await createScratchDatabase(cluster.url, "faults");
    await prepareTestDatabase({ url: scratch.url }, 2_000);
    const database = openDatabase({ url: scratch.url });
    setDb(database);
    const admin = { userId: null, username: "test-faults", displayName: "test:faults", role: "ADMIN" as const, sessionId: null };
    const { secret } = await runAs(admin, () => createApiToken({ name: "faults", source: SOURCE, scopes: ["ingest", "read"], expiresInDays: 1 }));
    setDb(undefined);
    await database.close();
    const server = await startFaultServer({ DATABASE_URL: scratch.url }, LOG_FILE);
    try {
      const account = TEST_ACCOUNTS.address;
      const cookie = await signIn(server.url, account.username, account.password);
      const observed = new Observations();
      const probes = probe(server.url, cookie, secret, observed);

      console.log(`\n1. PostgreSQL restarted during ingestion: ${SENDERS} senders, ${BATCHES} batches of ${BATCH_SIZE} events`);
      const ingestion = await ingestAcrossRestart(server.url, secret, cluster, observed);
      const stored = await storedBatches(scratch.url);
      const storedEvents = [...stored.values()].reduce((sum, count) => sum + count, 0);
      console.log(`  acknowledged ${ingestion.acknowledged.size * BATCH_SIZE} events (${ingestion.acknowledged.size} batches), stored ${storedEvents}`);
      check(ingestion.acknowledged.size === BATCHES, `every batch acknowledged in the end (${ingestion.acknowledged.size} of ${BATCHES})`);
      check(
        [...ingestion.acknowledged].every((index) => stored.get(index) === BATCH_SIZE),
        "every acknowledged event is stored",
      );
      check(
        [...stored.values()].every((count) => count === BATCH_SIZE),
        `no half batch stored (batch sizes stored: ${[...new Set(stored.values())].join(", ")})`,
      );
      await checkWindow(observed, ["ingestion POST", "page /audit/logins", "API export preflight"], ingestion.window);

      console.log("\n2. PostgreSQL restarted during a CSV export (the download paused after its first chunk)");
      const download = await downloadAcrossRestart(server.url, secret, cluster, observed);
      console.log(`  the download of ${download.rows} rows ended ${download.ended} after ${download.bytes} bytes`);
      check(download.ended === "aborted", "the interrupted download ends as an error, not as a short file that looks whole");
      await checkWindow(observed, ["page /audit/logins", "API export preflight"], download.window);
      const again = await observed.fetchAs("export after")(`${server.url}/api/export/logins.csv`, { headers: { Authorization: `Bearer ${secret}` } });
      const lines = (await again.text()).trimEnd().split("\n").length;
      check(
        again.status === 200,
        `a new export answers ${again.status} after the restart (its slot was given back): ${lines} lines, X-Export-Rows ${again.headers.get("X-Export-Rows")}`,
      );
      await probes.stop();
      const uncaught = server.output().match(/uncaughtException/g)?.length ?? 0;
      check(uncaught === 0, `no uncaught exception in the server's log (${uncaught})`);
    } finally {
      await server.stop();
    }
  } finally {
    cluster.remove();
  }

  console.log("\n3. The PGlite folder lock after kill -9 of the server");
  for (const result of await checkFolderLockAfterKill(LOG_FILE)) check(result.ok, result.what);

  console.log(failures.length === 0 ? "\nAll fault checks passed." : `\n${failures.length} fault check(s) failed.`);
  process.exit(failures.length === 0 ? 0 : 1);
}

await main();
