// How often one caller may call the API: a token bucket per caller (an API token, or a signed-in
// console account), counted in this process's memory. API_RATE_LIMIT requests a minute for reads and
// the console's own API calls (600 unless set), INGEST_RATE_LIMIT a minute for a token's ingestion
// batches (1,200: up to 1,000 events each, beside ingestion's own slots). A caller may spend a
// minute's worth at once; past it, the request is refused with 429 and Retry-After until the bucket
// has refilled enough for one more. Idle callers' buckets are dropped, so memory stays bounded.

/** What the caller is doing: reads and console calls, or sending events. Each has its own budget. */
export type RateKind = "api" | "ingest";

/** Who is counted: an API token, or a console account. Anonymous calls are refused before any count. */
export type RateCaller = `token:${number}` | `user:${number}`;

/** A console account's budget, shared by its API calls and its server actions. */
export function accountCaller(principal: { userId: number | null }): RateCaller {
  return `user:${principal.userId ?? 0}`;
}

export const DEFAULT_RATE_LIMITS: Record<RateKind, number> = { api: 600, ingest: 1_200 };
const LIMIT_SETTINGS: Record<RateKind, string> = { api: "API_RATE_LIMIT", ingest: "INGEST_RATE_LIMIT" };

/** Past this many callers with a bucket, buckets that have refilled are dropped (they count nothing). */
export const MAX_TRACKED_CALLERS = 10_000;

const MINUTE_MS = 60_000;

export class RateLimitError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitError";
  }
}

interface Bucket {
  /** requests the caller may still make at `at` */
  tokens: number;
  at: number;
  /** the bucket's size, the limit a minute when it was made: it refills at size per minute */
  size: number;
}

const holder = globalThis as { __auditConsoleRateBuckets?: Map<string, Bucket> };

function buckets(): Map<string, Bucket> {
  holder.__auditConsoleRateBuckets ??= new Map();
  return holder.__auditConsoleRateBuckets;
}

/** Requests a minute for `kind`, from its setting. */
export function rateLimitOf(kind: RateKind): number {
  const name = LIMIT_SETTINGS[kind];
  const text = process.env[name];
  const value = text ? Number(text) : DEFAULT_RATE_LIMITS[kind];
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

function refilled(bucket: Bucket, now: number): number {
  return Math.min(bucket.size, bucket.tokens + ((now - bucket.at) * bucket.size) / MINUTE_MS);
}

/** Drops the buckets that are full again: a caller without one starts with a full one, so nothing changes for them. */
function evictIdle(all: Map<string, Bucket>, now: number): void {
  for (const [key, bucket] of all) if (refilled(bucket, now) >= bucket.size) all.delete(key);
  // Still too many (that many callers at once within a minute): the oldest buckets go first.
  for (const key of all.keys()) {
    if (all.size < MAX_TRACKED_CALLERS) break;
    all.delete(key);
  }
}

/** Counts one request of `caller`, or throws RateLimitError (429) when its budget for `kind` is spent. */
export function takeRequest(kind: RateKind, caller: RateCaller, now = Date.now()): void {
  const size = rateLimitOf(kind);
  const all = buckets();
  const key = `${kind} ${caller}`;
  let bucket = all.get(key);
  if (!bucket) {
    if (all.size >= MAX_TRACKED_CALLERS) evictIdle(all, now);
    bucket = { tokens: size, at: now, size };
    all.set(key, bucket);
  }
  const tokens = refilled(bucket, now);
  if (tokens < 1) {
    bucket.tokens = tokens;
    bucket.at = now;
    const retryAfterSeconds = Math.ceil(((1 - tokens) * MINUTE_MS) / bucket.size / 1000);
    const what = kind === "ingest" ? "batches of events" : "requests";
    throw new RateLimitError(
      `Too many ${what}: at most ${bucket.size.toLocaleString("en-US")} a minute per ${caller.startsWith("token:") ? "API token" : "user"}. Try again in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    );
  }
  bucket.tokens = tokens - 1;
  bucket.at = now;
}

/** How many callers have a bucket now (tests check the memory bound). */
export function trackedCallers(): number {
  return buckets().size;
}

/** Forgets every count (tests). */
export function resetRateLimits(): void {
  buckets().clear();
}
