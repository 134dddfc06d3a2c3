import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_TRACKED_CALLERS, RateLimitError, resetRateLimits, takeRequest, trackedCallers } from "./rate-limit";

const T0 = 1_800_000_000_000;

function refusal(run: () => void): RateLimitError {
  try {
    run();
  } catch (error) {
    if (error instanceof RateLimitError) return error;
    throw error;
  }
  throw new Error("the request was not refused");
}

describe("the API's rate limit per caller", () => {
  beforeEach(() => resetRateLimits());
  afterEach(() => vi.unstubAllEnvs());

  it("lets a caller spend a minute's budget at once, then one request per 1/limit of a minute", () => {
    vi.stubEnv("API_RATE_LIMIT", "6");
    for (let call = 0; call < 6; call += 1) takeRequest("api", "token:1", T0);
    const refused = refusal(() => takeRequest("api", "token:1", T0));
    expect(refused.retryAfterSeconds).toBe(10);
    expect(refused.message).toBe("Too many requests: at most 6 a minute per API token. Try again in 10 s.");
    // A refused request costs nothing: 10 s later one more passes, and the next is refused again.
    expect(refusal(() => takeRequest("api", "token:1", T0 + 4_000)).retryAfterSeconds).toBe(6);
    takeRequest("api", "token:1", T0 + 10_000);
    expect(refusal(() => takeRequest("api", "token:1", T0 + 10_000)).retryAfterSeconds).toBe(10);
    // After a minute's rest the whole budget is back, never more.
    for (let call = 0; call < 6; call += 1) takeRequest("api", "token:1", T0 + 600_000);
    expect(() => takeRequest("api", "token:1", T0 + 600_000)).toThrow(RateLimitError);
  });

  it("counts each token, each user, and a token's ingestion apart", () => {
    vi.stubEnv("API_RATE_LIMIT", "2");
    vi.stubEnv("INGEST_RATE_LIMIT", "3");
    for (const caller of ["token:1", "token:2", "user:1", "user:2"] as const) {
      takeRequest("api", caller, T0);
      takeRequest("api", caller, T0);
      expect(() => takeRequest("api", caller, T0)).toThrow(RateLimitError);
    }
    for (let call = 0; call < 3; call += 1) takeRequest("ingest", "token:1", T0);
    const refused = refusal(() => takeRequest("ingest", "token:1", T0));
    expect(refused.message).toBe("Too many batches of events: at most 3 a minute per API token. Try again in 20 s.");
    expect(refusal(() => takeRequest("api", "user:1", T0)).message).toBe("Too many requests: at most 2 a minute per user. Try again in 30 s.");
  });

  it("defaults to 600 API requests and 1,200 ingestion batches a minute", () => {
    for (let call = 0; call < 600; call += 1) takeRequest("api", "user:1", T0);
    expect(refusal(() => takeRequest("api", "user:1", T0)).retryAfterSeconds).toBe(1);
    for (let call = 0; call < 1_200; call += 1) takeRequest("ingest", "token:1", T0);
    expect(() => takeRequest("ingest", "token:1", T0)).toThrow(RateLimitError);
  });

  it("keeps at most MAX_TRACKED_CALLERS buckets, dropping idle callers first", () => {
    vi.stubEnv("API_RATE_LIMIT", "2");
    for (let id = 0; id < MAX_TRACKED_CALLERS; id += 1) takeRequest("api", `token:${id}`, T0);
    takeRequest("api", "user:1", T0);
    takeRequest("api", "user:1", T0);
    expect(trackedCallers()).toBe(MAX_TRACKED_CALLERS);
    // Half a minute later the tokens' buckets are full again and go; user 1's, half full, is kept.
    takeRequest("api", "user:2", T0 + 30_000);
    expect(trackedCallers()).toBe(2);
    takeRequest("api", "user:1", T0 + 30_000);
    expect(() => takeRequest("api", "user:1", T0 + 30_000)).toThrow(RateLimitError);
  });

  it("refuses a setting that is not a whole number of at least 1", () => {
    vi.stubEnv("API_RATE_LIMIT", "0");
    expect(() => takeRequest("api", "user:1", T0)).toThrow('API_RATE_LIMIT must be a whole number of at least 1, not "0"');
    vi.stubEnv("INGEST_RATE_LIMIT", "lots");
    expect(() => takeRequest("ingest", "token:1", T0)).toThrow('INGEST_RATE_LIMIT must be a whole number of at least 1, not "lots"');
  });
});
