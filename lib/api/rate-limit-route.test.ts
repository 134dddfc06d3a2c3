// The rate limits as an API client meets them: a token's reads and its batches of events are
// counted apart, refused with 429, Retry-After and the one error shape, and a refused batch stores nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/audit/events/route";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { resetRateLimits } from "./rate-limit";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));
vi.mock("@/lib/time/admin-time-zone", () => ({ getAdminTimeZone: async () => "UTC" }));

const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };
const URL_OF = "http://console.test/api/audit/events";

function batch(id: string) {
  const event = { id, type: "User Login", createdAt: new Date(Date.now() - 60_000).toISOString(), actor: { id: "u-1", username: "jdoe" } };
  return { events: [event] };
}

describe.each(testDatabases())("rate limits of API tokens on $name", ({ open }) => {
  const state = useAppDatabase(open);
  const token = async (scopes: ("ingest" | "read")[]) =>
    (await runAs(ADMIN, () => createApiToken({ name: `t-${Math.random()}`, source: "alm-prod", scopes, expiresInDays: 90 }))).secret;

  beforeEach(() => {
    resetRateLimits();
    vi.stubEnv("API_RATE_LIMIT", "2");
    vi.stubEnv("INGEST_RATE_LIMIT", "3");
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
    resetRateLimits();
  });

  it("refuses a token's batches past INGEST_RATE_LIMIT and its reads past API_RATE_LIMIT, each on its own budget", async () => {
    const secret = await token(["ingest", "read"]);
    // the clock stands still, so that the buckets refill nothing while a loaded machine stores the batches
    vi.useFakeTimers({ toFake: ["Date"] });
    const headers = { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" };
    const send = (id: string) => POST(new Request(URL_OF, { method: "POST", headers, body: JSON.stringify(batch(id)) }));
    for (const id of ["e-1", "e-2", "e-3"]) expect((await send(id)).status).toBe(200);
    const refused = await send("e-4");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("20");
    expect(await refused.json()).toEqual({
      error: { code: "rate_limited", message: "Too many batches of events: at most 3 a minute per API token. Try again in 20 s." },
    });
    expect(await state.db.prisma.auditEvent.count({ where: { source: "alm-prod" } })).toBe(3);

    const read = () => GET(new Request(`${URL_OF}?source=alm-prod`, { headers }));
    const first = await read();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ data: expect.any(Array), exceeds_total_count: false });
    expect((await read()).status).toBe(200);
    const third = await read();
    expect([third.status, third.headers.get("Retry-After")]).toEqual([429, "30"]);
    expect(await third.json()).toEqual({
      error: { code: "rate_limited", message: "Too many requests: at most 2 a minute per API token. Try again in 30 s." },
    });

    // Another token has its own budget; a wrong secret is refused before any count.
    const other = await token(["read"]);
    expect((await GET(new Request(`${URL_OF}?source=alm-prod`, { headers: { Authorization: `Bearer ${other}` } }))).status).toBe(200);
    for (let call = 0; call < 3; call += 1) {
      expect((await GET(new Request(URL_OF, { headers: { Authorization: "Bearer not-a-token" } }))).status).toBe(401);
    }
  });
});
