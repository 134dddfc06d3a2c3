import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/audit/events/route";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { validateEvents } from "@/lib/ingest/ingest-request";
import type { IngestEventInput } from "@/lib/ingest/ingest-schema";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { apiSink, eventsEndpoint } from "./api-sink";
import { importFiles } from "./run-import";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const login = (id: string, extra: Partial<IngestEventInput> = {}): IngestEventInput => ({
  id,
  type: "USER_LOGIN",
  createdAt: new Date().toISOString(),
  actor: { id: "u-1", username: "jdoe" },
  ...extra,
});

/** A batch as the readers make it. */
const batchOf = (raw: IngestEventInput[]) => ({ raw, events: validateEvents(raw) });

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

describe("apiSink", () => {
  it("posts to the console's ingestion endpoint, whatever form of its address is given", () => {
    expect(eventsEndpoint("https://audit.example.com")).toBe("https://audit.example.com/api/audit/events");
    expect(eventsEndpoint("https://example.com/audit/")).toBe("https://example.com/audit/api/audit/events");
    expect(eventsEndpoint("http://localhost:3000/api/audit/events")).toBe("http://localhost:3000/api/audit/events");
  });

  it("waits out 429 and 503 for their Retry-After, then sends the batch with the token", async () => {
    const waits: number[] = [];
    const requests: RequestInit[] = [];
    const answers = [
      answer(503, { error: { code: "ingest_busy", message: "busy" } }, { "Retry-After": "3" }),
      answer(429, { error: { code: "rate_limited", message: "slow down" } }),
      answer(200, { source: "alm", received: 1, accepted: 1, duplicates: 0, dropped: 0, expired: 0 }),
    ];
    const sink = apiSink({
      url: "http://console.test",
      token: "secret",
      fetch: async (_url, init) => {
        requests.push(init!);
        return answers.shift()!;
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const event = login("a");
    expect(await sink.send(batchOf([event]))).toEqual({ accepted: 1, duplicates: 0, dropped: 0, expired: 0 });
    expect(waits).toEqual([3000, 2000]);
    expect(requests[0]!.headers).toEqual({ "Content-Type": "application/json", Authorization: "Bearer secret" });
    expect(JSON.parse(String(requests[2]!.body))).toEqual({ events: [event] });
  });

  it("stops with the server's own message on any other refusal, and when the server cannot be reached", async () => {
    const refused = apiSink({
      url: "http://console.test",
      token: "wrong",
      fetch: async () => answer(401, { error: { code: "unauthorized", message: "The API token is unknown, expired or revoked." } }),
    });
    await expect(refused.send(batchOf([login("a")]))).rejects.toThrow(
      "http://console.test/api/audit/events refused the events: 401 unauthorized: The API token is unknown, expired or revoked.",
    );
    const down = apiSink({
      url: "http://console.test",
      token: "t",
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:3000") });
      },
    });
    await expect(down.send(batchOf([login("a")]))).rejects.toThrow("Could not reach http://console.test/api/audit/events: connect ECONNREFUSED 127.0.0.1:3000");
  });

  it("sends a batch whose body passes the API's 5 MB in halves", async () => {
    const sizes: number[] = [];
    const sink = apiSink({
      url: "http://console.test",
      token: "t",
      fetch: async (_url, init) => {
        const { events } = JSON.parse(String(init!.body)) as { events: unknown[] };
        sizes.push(events.length);
        return answer(200, { accepted: events.length, duplicates: 0, dropped: 0, expired: 0 });
      },
    });
    const big = Array.from({ length: 1000 }, (_, index) => login(`big-${index}`, { message: "x".repeat(9000) }));
    expect(await sink.send(batchOf(big))).toMatchObject({ accepted: 1000 });
    expect(sizes).toEqual([500, 500]);
  });
});

describe.each(testDatabases())("importing through POST /api/audit/events on $name", ({ open }) => {
  const state = useAppDatabase(open);
  const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };

  it("stores a Blueprint file as the token's source, and nothing the second time", async () => {
    const { secret } = await runAs(ADMIN, () => createApiToken({ name: "blueprint import", source: "blueprint", scopes: ["ingest"], expiresInDays: 1 }));
    const sink = apiSink({ url: "http://console.test", token: secret, fetch: async (url, init) => POST(new Request(url, init)) });
    const file = path.join(import.meta.dirname, "fixtures/blueprint-audit.csv");
    const first = await importFiles([file], sink, { format: "blueprint-csv", timeZone: "Europe/Berlin" });
    expect(first.stopped).toBeNull();
    // 2013's Artifact events are past any retention period; permission events are kept for good.
    expect(first.totals).toEqual({ accepted: 4, duplicates: 0, dropped: 0, expired: 3 });
    const stored = await state.db.prisma.auditEvent.findMany({ where: { source: "blueprint" }, orderBy: { createdAt: "asc" } });
    expect(stored.map((event) => [event.eventType, event.targetUserName ?? event.artifactName])).toEqual([
      ["ARTIFACT_PERMISSION_UPDATE", "Author"],
      ["USER_CREATE", "mbrown"],
      ["GROUP_ASSIGN", "mbrown"],
      ["USER_DISABLE", 'Łukasz "Luke" Nowak'],
    ]);
    expect(stored[0]!.createdAt.toISOString()).toBe("2013-05-23T13:10:00.000Z");
    const again = await importFiles([file], sink, { format: "blueprint-csv", timeZone: "Europe/Berlin" });
    expect(again.totals).toEqual({ accepted: 0, duplicates: 4, dropped: 0, expired: 3 });
  });

  it("stops with the server's message for a token it does not know", async () => {
    const sink = apiSink({ url: "http://console.test", token: "ac_nope", fetch: async (url, init) => POST(new Request(url, init)) });
    const file = path.join(import.meta.dirname, "fixtures/sonatype-audit.jsonl");
    const outcome = await importFiles([file], sink, { format: "sonatype-jsonl", timeZone: "UTC" });
    expect(outcome.stopped).toMatch(/sonatype-audit\.jsonl: http:\/\/console\.test\/api\/audit\/events refused the events: 401/);
    expect(outcome.totals.accepted).toBe(0);
  });
});
