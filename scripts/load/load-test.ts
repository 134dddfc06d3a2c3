// npm run test:load -- [--seconds 60] [--browsers 50] [--exporters 5] [--rate 5000] [--events 200000]:
// the console under load, on loopback against the production build (npm run build) on PostgreSQL.
// A scratch database on the server of DATABASE_URL (made, seeded with the demo data, dropped after)
// serves, for --seconds: --browsers signed-in admins browsing tab pages with random filters,
// --exporters API tokens downloading CSV exports, and ingestion of --rate events/s in batches of 500.
// Passes when nothing failed but the designed refusals (429, and 503 while busy, each with
// Retry-After, which the clients wait out and retry) and every event the server acknowledged is
// stored. Prints p50/p95/p99 per route and the server's peak RSS.
import { Agent, request } from "node:http";
import { parseArgs } from "node:util";
import { DATE_PRESETS } from "../../lib/audit/search/date-range";
import { PAGE_SIZES } from "../../lib/audit/search/list-result";
import { SEARCH_TAB_IDS, getSearchTab } from "../../lib/audit/tabs/search-tabs";
import { createApiToken } from "../../lib/auth/api-tokens/api-tokens";
import { runAs } from "../../lib/auth/principal-context";
import { setDb } from "../../lib/db";
import { openDatabase } from "../../lib/db/database";
import { migrate } from "../../lib/db/migrate";
import { createScratchDatabase } from "../../lib/db/scratch-database";
import type { IngestEventInput } from "../../lib/ingest/ingest-schema";
import { CONSOLE_ACCOUNTS } from "../../lib/seed/people";
import { seedDemoData } from "../../lib/seed/seed";
import { type SenderEvent, senderEvents } from "../../lib/seed/sender-events";
import { signIn } from "../lib/sign-in";
import { percentile } from "../lib/percentile";
import { freePort, memoryOf, startNext, waitForHttp } from "../lib/serve";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    browsers: { type: "string", default: "50" },
    exporters: { type: "string", default: "5" },
    rate: { type: "string", default: "5000" },
    events: { type: "string", default: "200000" },
  },
});
const SECONDS = Number(args.seconds);
const BROWSERS = Number(args.browsers);
const EXPORTERS = Number(args.exporters);
const RATE = Number(args.rate);
const BATCH = 500;
/** Batches in flight at most: past it the sender falls behind, and the figures say so. */
const MAX_IN_FLIGHT = 16;
/** No request waits longer than this; one that does is an error. */
const REQUEST_TIMEOUT_MS = 30_000;
const SOURCE = "load-sender";
const format = (value: number) => Math.round(value).toLocaleString("en-US");

interface Answer {
  status: number;
  retryAfter: number;
  body: string;
}

/** A designed refusal: too many requests (429) or too busy now (503), with when to come back. */
const isRefusal = (answer: Answer) => (answer.status === 429 || answer.status === 503) && answer.retryAfter > 0;

/** What each route got: latencies of answers, designed refusals (429, 503 with Retry-After), and errors (anything else, with a sample). */
class Tally {
  readonly routes = new Map<string, { times: number[]; limited: number; busy: number; errors: number }>();
  readonly samples: string[] = [];
  record(route: string, ms: number, answer: Answer | Error): void {
    const entry = this.routes.get(route) ?? { times: [], limited: 0, busy: 0, errors: 0 };
    this.routes.set(route, entry);
    if (answer instanceof Error) entry.errors += 1;
    else if (isRefusal(answer)) entry[answer.status === 429 ? "limited" : "busy"] += 1;
    else if (answer.status >= 200 && answer.status < 300) entry.times.push(ms);
    else entry.errors += 1;
    const failed =
      answer instanceof Error ? answer.message : answer.status >= 300 && !isRefusal(answer) ? `HTTP ${answer.status} ${answer.body.slice(0, 300)}` : null;
    if (failed && this.samples.length < 10) this.samples.push(`${route}: ${failed}`);
  }
  get errors(): number {
    return [...this.routes.values()].reduce((sum, entry) => sum + entry.errors, 0);
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: BROWSERS + MAX_IN_FLIGHT + 4 });
// A download starts on a connection of its own, as a browser's does: an exporter waits out a 429's
// 10 s, past the server's 5 s keep-alive, and a kept socket would race the server closing it (ECONNRESET).
const downloadAgent = new Agent({ keepAlive: false });

/** One request through node:http (cheaper than fetch on two shared cores), its whole body read. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; agent?: Agent } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: options.agent ?? agent, timeout: REQUEST_TIMEOUT_MS },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          // An export's body is read to its end but not kept: only an error's text is worth keeping.
          if (kept < 4096) chunks.push(chunk);
          kept += chunk.length;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, retryAfter: Number(response.headers["retry-after"] ?? 0), body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

async function timed(tally: Tally, route: string, run: () => Promise<Answer>): Promise<Answer | null> {
  const started = performance.now();
  try {
    const answer = await run();
    tally.record(route, performance.now() - started, answer);
    return answer;
  } catch (error) {
    tally.record(route, performance.now() - started, error instanceof Error ? error : new Error(String(error)));
    return null;
  }
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A tab page with random filters, as the filter form and the pager write them. */
function randomTabPage(): { route: string; path: string } {
  const id = pick(SEARCH_TAB_IDS);
  const tab = getSearchTab(id);
  const query = new URLSearchParams({ range: pick(DATE_PRESETS), size: String(pick(PAGE_SIZES)), page: String(1 + Math.floor(Math.random() * 3)) });
  if (Math.random() < 0.5) query.set("types", [pick(tab.eventTypes), pick(tab.eventTypes)].join(","));
  return { route: `GET /audit/${id}`, path: `${tab.path}?${query}` };
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl?.startsWith("postgres")) throw new Error("set DATABASE_URL to a PostgreSQL server (a scratch database on it is made for the run and dropped)");
  const scratch = await createScratchDatabase(serverUrl, "load_test");
  const database = openDatabase({ url: scratch.url });
  let server: ReturnType<typeof startNext> | undefined;
  try {
    await database.withSession((session) => migrate(session));
    const seeded = await seedDemoData(database, { events: Number(args.events) });
    console.log(`Seeded ${format(seeded.events)} demo events in ${seeded.seconds.toFixed(0)} s.`);
    setDb(database);
    const admin = { userId: null, username: "test-load", displayName: "test:load", role: "ADMIN" as const, sessionId: null };
    const token = (name: string, scopes: ("read" | "ingest")[]) =>
      runAs(admin, async () => (await createApiToken({ name, source: SOURCE, scopes, expiresInDays: 1 })).secret);
    const ingestToken = await token("load ingest", ["ingest"]);
    const exportTokens = await Promise.all(Array.from({ length: EXPORTERS }, (_, index) => token(`load export ${index + 1}`, ["read"])));

    const port = await freePort();
    const url = `http://localhost:${port}`;
    server = startNext({
      port,
      ownLifetime: true,
      env: { DATABASE_URL: scratch.url, NEXTAUTH_URL: url, NEXTAUTH_SECRET: "load-secret-not-for-production", NODE_ENV: "production" },
    });
    await waitForHttp(`${url}/login`, server);
    const { username, password } = CONSOLE_ACCOUNTS.find((account) => account.username === "admin")!;
    const cookies: string[] = [];
    for (let index = 0; index < BROWSERS; index += 1) cookies.push(await signIn(url, username, password));
    const idle = memoryOf(server.pid!);
    console.log(`${BROWSERS} admins signed in; server at ${format(idle.rss)} MB RSS. Loading for ${SECONDS} s...`);

    const tally = new Tally();
    const ends = Date.now() + SECONDS * 1000;
    const running = () => Date.now() < ends;

    const browse = async (cookie: string) => {
      while (running()) {
        const { route, path } = randomTabPage();
        const answer = await timed(tally, route, () => send(`${url}${path}`, { headers: { Cookie: cookie } }));
        // the busy page reloads itself after its Retry-After, as a browser shows it
        if (answer && isRefusal(answer)) await sleep(Math.min(answer.retryAfter * 1000, Math.max(0, ends - Date.now())));
      }
    };
    const exportLoop = async (secret: string) => {
      while (running()) {
        const tab = pick(SEARCH_TAB_IDS);
        const answer = await timed(tally, "GET /api/export/{tab}.csv", () =>
          send(`${url}/api/export/${tab}.csv?range=Last_30_Days`, { headers: { Authorization: `Bearer ${secret}` }, agent: downloadAgent }),
        );
        if (answer && isRefusal(answer)) await sleep(Math.min(answer.retryAfter * 1000, Math.max(0, ends - Date.now())));
      }
    };

    // Ingestion: a batch of 500 every 500/rate seconds, each retried after its Retry-After when refused.
    const source = senderEvents({ events: Math.max(1_000, Math.ceil((RATE * SECONDS) / BATCH) * BATCH), idPrefix: `load-${Date.now()}-`, batchSize: BATCH });
    let pending: SenderEvent[] = [];
    /** The next BATCH events: the demo's batches vary in size around it. */
    const nextBatch = (): SenderEvent[] => {
      while (pending.length < BATCH) {
        const more = source.next();
        if (more.done) break;
        pending = pending.concat(more.value);
      }
      const batch = pending.slice(0, BATCH);
      pending = pending.slice(BATCH);
      return batch;
    };
    let acknowledged = 0;
    let sentBatches = 0;
    let lateBatches = 0;
    let inFlight = 0;
    const sendBatch = async (events: IngestEventInput[]) => {
      inFlight += 1;
      try {
        const body = JSON.stringify({ events });
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const answer = await timed(tally, "POST /api/audit/events", () =>
            send(`${url}/api/audit/events`, { method: "POST", headers: { Authorization: `Bearer ${ingestToken}`, "Content-Type": "application/json" }, body }),
          );
          if (answer?.status === 200) {
            acknowledged += (JSON.parse(answer.body) as { accepted: number }).accepted;
            return;
          }
          if (!answer || !isRefusal(answer)) return;
          await sleep(answer.retryAfter * 1000);
        }
      } finally {
        inFlight -= 1;
      }
    };
    const ingest = async () => {
      const batches: Promise<void>[] = [];
      const interval = (BATCH / RATE) * 1000;
      for (let due = Date.now(); running(); due += interval) {
        await sleep(Math.max(0, due - Date.now()));
        if (!running()) break;
        if (inFlight >= MAX_IN_FLIGHT) {
          lateBatches += 1;
          continue;
        }
        const now = Date.now();
        const events = nextBatch().map((event, index) => ({ ...event, createdAt: new Date(now - BATCH + index).toISOString() }));
        sentBatches += 1;
        batches.push(sendBatch(events));
      }
      await Promise.all(batches);
    };

    let peak = idle.peak;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memoryOf(server!.pid!).peak);
    }, 1000);
    const started = performance.now();
    await Promise.all([...cookies.map(browse), ...exportTokens.map(exportLoop), ingest()]);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, memoryOf(server.pid!).peak);

    const [row] = await database.query<{ stored: string }>(`SELECT count(*)::text AS "stored" FROM "AuditEvent" WHERE "source" = $1`, [SOURCE]);
    const stored = Number(row?.stored ?? 0);

    console.log(`\n${format(seconds)} s under load; ${BROWSERS} browsers, ${EXPORTERS} exporters, ingestion asked ${format(RATE)} events/s`);
    console.log(
      `${"route".padEnd(28)} ${"answered".padStart(9)} ${"per s".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"429s".padStart(6)} ${"503s".padStart(6)} ${"errors".padStart(7)}`,
    );
    for (const [route, entry] of [...tally.routes].sort(([a], [b]) => a.localeCompare(b))) {
      const times = entry.times.sort((a, b) => a - b);
      const p = (q: number) => format(percentile(times, q)).padStart(8);
      console.log(
        `${route.padEnd(28)} ${format(times.length).padStart(9)} ${(times.length / seconds).toFixed(1).padStart(7)} ${p(0.5)} ${p(0.95)} ${p(0.99)} ${format(entry.limited).padStart(6)} ${format(entry.busy).padStart(6)} ${format(entry.errors).padStart(7)}`,
      );
    }
    console.log(
      `ingestion: ${format(sentBatches)} batches sent (${format((sentBatches * BATCH) / seconds)} events/s), ${format(lateBatches)} skipped with ${MAX_IN_FLIGHT} in flight; ${format(acknowledged)} events acknowledged, ${format(stored)} stored`,
    );
    console.log(`server RSS: ${format(idle.rss)} MB idle after sign-in, ${format(peak)} MB peak`);
    for (const sample of tally.samples) console.log(`  error: ${sample}`);
    const failures = [
      tally.errors > 0 ? `${format(tally.errors)} requests failed` : null,
      stored !== acknowledged ? `${format(acknowledged)} events acknowledged but ${format(stored)} stored` : null,
    ].filter(Boolean);
    if (failures.length > 0) throw new Error(failures.join("; "));
    console.log("test:load passed: no errors but the designed refusals (429, 503 with Retry-After), every acknowledged event stored.");
  } finally {
    agent.destroy();
    downloadAgent.destroy();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await database.close();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`test:load failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
