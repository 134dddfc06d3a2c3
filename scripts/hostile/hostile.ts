// npm run test:hostile -- [--count 5000] [--seconds 900] [--seed 17] [--url http://host:port --user U --password P --read-token T --ingest-token T]:
// generated hostile requests (fast-check) to every page, route handler, API operation and server
// action of the production build, as an admin session, a read token, an ingest token and anonymous,
// plus a 10 MB body to each operation that takes one. Passes when no answer is a 5xx, none leaks a
// stack trace, SQL or a server path, and every request is answered. Without --url it serves the build
// on PGlite with the e2e seed on a free port (loopback only) and stops it after. Bounded by count and time.
import { parseArgs } from "node:util";
import { leaksIn } from "./hostile-leaks";
import { type Caller, type HostileRequest, hostileRequests, tenMegabyteRequests } from "./hostile-requests";
import { type Attacked, startAttackedServer } from "./hostile-server";
import { hostileTargets } from "./hostile-targets";
import { signIn } from "../lib/sign-in";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "5000" },
    seconds: { type: "string", default: "900" },
    seed: { type: "string", default: "17" },
    concurrency: { type: "string", default: "4" },
    url: { type: "string" },
    user: { type: "string", default: "admin" },
    password: { type: "string", default: "demo-admin" },
    "read-token": { type: "string" },
    "ingest-token": { type: "string" },
    "next-dir": { type: "string", default: ".next" },
  },
});

const REQUEST_TIMEOUT_MS = 60_000;
/** How much of an answer is searched for leaks: a page's HTML is about 200 KB. */
const READ_LIMIT = 2 * 1024 * 1024;

interface Outcome {
  request: HostileRequest;
  status: number | "no answer" | "headers over 16 KB";
  body: string;
  leaks: string[];
}

function callerHeaders(caller: Caller, credentials: Record<Caller, string | undefined>): Record<string, string> {
  const credential = credentials[caller];
  if (!credential) return {};
  return caller === "admin session" ? { Cookie: credential } : { Authorization: `Bearer ${credential}` };
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (text.length < READ_LIMIT) text += decoder.decode(chunk.value, { stream: true });
  }
  return text;
}

async function send(url: string, request: HostileRequest, credentials: Record<Caller, string | undefined>): Promise<Outcome> {
  const headers: Record<string, string> = { ...request.headers, ...callerHeaders(request.caller, credentials) };
  if (request.body?.contentType) headers["Content-Type"] = request.body.contentType;
  try {
    const response = await fetch(`${url}${request.path}`, {
      method: request.method,
      headers,
      body: request.body?.body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await readCapped(response);
    // Scripts and styles the console serves hold error class names as code, not as a leak.
    const prose = /^(text\/(html|plain)|application\/(json|problem\+json))\b/.test(response.headers.get("content-type") ?? "text/plain");
    return { request, status: response.status, body, leaks: prose ? leaksIn(body) : [] };
  } catch (error) {
    // Node's HTTP client reads at most 16 KB of headers; a browser reads 256 KB. Next's own redirects
    // (a trailing slash) repeat a long URL in Location and Refresh: answered, only not readable here.
    if (error instanceof Error && String(error.cause).includes("HeadersOverflowError")) return { request, status: "headers over 16 KB", body: "", leaks: [] };
    const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : "";
    return { request, status: "no answer", body: error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error), leaks: [] };
  }
}

/** A 5xx, or no answer at all. */
const failed = (status: Outcome["status"]) => status === "no answer" || (typeof status === "number" && status >= 500);

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}… (${text.length.toLocaleString("en-US")} characters)` : text);

function describeFinding(outcome: Outcome): string {
  const { request } = outcome;
  const why = [failed(outcome.status) ? `HTTP ${outcome.status}` : "", ...outcome.leaks.map((leak) => `leaks ${leak}`)].filter(Boolean);
  return [
    `- ${request.target} as ${request.caller}: ${why.join(", ")}`,
    `  ${request.method} ${clip(request.path, 300)}`,
    ...Object.entries(request.headers).map(([name, value]) => `  ${name}: ${value}`),
    request.body ? `  body (${request.body.kind}, ${request.body.contentType ?? "no content type"}): ${JSON.stringify(clip(request.body.body, 200))}` : "",
    `  answer: ${JSON.stringify(clip(outcome.body, 400))}`,
  ]
    .filter(Boolean)
    .join("\n");
}

function printSummary(outcomes: Outcome[]): void {
  const byTarget = new Map<string, Map<string, number>>();
  for (const { request, status } of outcomes) {
    const statuses = byTarget.get(request.target) ?? new Map<string, number>();
    statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
    byTarget.set(request.target, statuses);
  }
  console.log("\nrequests by route and status:");
  for (const [target, statuses] of [...byTarget].sort(([a], [b]) => a.localeCompare(b))) {
    const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    const spread = [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}×${count}`);
    console.log(`  ${target.padEnd(62)} ${String(total).padStart(5)}  ${spread.join(" ")}`);
  }
}

async function main(): Promise<void> {
  const count = Number(args.count);
  const seconds = Number(args.seconds);
  const seed = Number(args.seed);
  const concurrency = Number(args.concurrency);
  if (![count, seconds, seed, concurrency].every((value) => Number.isSafeInteger(value) && value >= 0) || concurrency < 1) {
    throw new Error("--count, --seconds, --seed and --concurrency take whole numbers (concurrency at least 1)");
  }
  const attacked: Attacked = args.url
    ? { url: args.url.replace(/\/$/, ""), readToken: args["read-token"], ingestToken: args["ingest-token"], stop: async () => {} }
    : await startAttackedServer((line) => console.log(line));
  try {
    const credentials: Record<Caller, string | undefined> = {
      "admin session": await signIn(attacked.url, args.user, args.password),
      "read token": attacked.readToken,
      "ingest token": attacked.ingestToken,
      anonymous: undefined,
    };
    const targets = hostileTargets(args["next-dir"]);
    const requests = [...tenMegabyteRequests(targets), ...hostileRequests(targets, attacked.url, count, seed)];
    console.log(
      `${requests.length.toLocaleString("en-US")} hostile requests to ${targets.length} targets at ${attacked.url} (seed ${seed}, ${concurrency} at a time, at most ${seconds} s)`,
    );

    const started = performance.now();
    const deadline = started + seconds * 1000;
    const outcomes: Outcome[] = [];
    let next = 0;
    async function worker(): Promise<void> {
      while (next < requests.length && performance.now() < deadline) outcomes.push(await send(attacked.url, requests[next++], credentials));
    }
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - started) / 1000;

    printSummary(outcomes);
    const findings = outcomes.filter((outcome) => failed(outcome.status) || outcome.leaks.length > 0);
    const fiveHundreds = outcomes.filter((outcome) => typeof outcome.status === "number" && outcome.status >= 500).length;
    const leaking = outcomes.filter((outcome) => outcome.leaks.length > 0).length;
    const unanswered = outcomes.filter((outcome) => outcome.status === "no answer").length;
    if (findings.length > 0) {
      console.log(`\nfindings (${findings.length}, the first 40):`);
      for (const finding of findings.slice(0, 40)) console.log(describeFinding(finding));
    }
    const cut = outcomes.length < requests.length ? `; stopped by the ${seconds} s limit after ${outcomes.length} of ${requests.length}` : "";
    console.log(
      `\n${outcomes.length.toLocaleString("en-US")} requests in ${elapsed.toFixed(0)} s: ${fiveHundreds} answered 5xx, ${leaking} leaked, ${unanswered} unanswered${cut}`,
    );
    if (findings.length > 0 || outcomes.length < requests.length) process.exitCode = 1;
  } finally {
    await attacked.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`test:hostile: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
