import { describe, expect, it, vi } from "vitest";
import { jiraEventsPageSchema } from "@/lib/api/jira/jira-entities";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { validateEvents } from "@/lib/ingest/ingest-request";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { GET } from "./route";

// The afterId poll against the real writer: an ingestion request that has stored its events (the
// lower ids) but not committed, while a later request commits higher ids. The poll must not answer
// past the open one. The open request is held inside its transaction at its tally, after its insert.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const gate = vi.hoisted(() => ({ armed: false, reached: () => {}, held: Promise.resolve() }));
vi.mock("@/lib/ingest/source-tally", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/ingest/source-tally")>();
  return {
    ...real,
    addTally: async (...args: Parameters<typeof real.addTally>) => {
      if (gate.armed) {
        gate.armed = false;
        gate.reached();
        await gate.held;
      }
      return real.addTally(...args);
    },
  };
});

const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };
// Each request its own user: two requests naming one person wait for each other at the directory.
const login = (id: string, user: string) => ({
  id,
  type: "User Login",
  createdAt: new Date(Date.now() - 60_000).toISOString(),
  actor: { id: user, username: user },
});
const eventIds = (page: { entities: { extraAttributes: { name: string; value: string }[] }[] }) =>
  page.entities.map((entity) => entity.extraAttributes.find((attribute) => attribute.name === "Event ID")?.value);

describe.each(testDatabases())("the afterId poll beside ingestion on $name", ({ name, open }) => {
  const state = useAppDatabase(open);

  it("waits for an ingestion request holding lower ids, and then answers them before the higher ones", async () => {
    const { secret } = await runAs(ADMIN, () => createApiToken({ name: "siem", source: "alm", scopes: ["read"], expiresInDays: 30 }));
    const poll = (afterId: string) =>
      GET(new Request(`http://console.test/rest/auditing/1.0/events?afterId=${afterId}`, { headers: { Authorization: `Bearer ${secret}` } })).then(
        async (answer) => jiraEventsPageSchema.parse(await answer.json()),
      );
    const start = (await poll("0")).pagingInfo.lastId ?? "0";

    let release = () => {};
    gate.held = new Promise((resolve) => {
      release = resolve;
    });
    const reached = new Promise<void>((resolve) => {
      gate.reached = resolve;
    });
    gate.armed = true;
    const slow = ingestEvents("alm", validateEvents([login("slow-1", "slow.sam"), login("slow-2", "slow.sam")]));
    await reached;
    const quick = ingestEvents("alm", validateEvents([login("quick-1", "quick.quinn")]));
    if (name === "PostgreSQL") expect((await quick).accepted).toBe(1);

    const polled = poll(start);
    const early = await Promise.race([polled.then(() => "answered"), new Promise((resolve) => setTimeout(() => resolve("waiting"), 300))]);
    expect(early).toBe("waiting");
    release();
    await Promise.all([slow, quick]);
    const page = await polled;
    const stored = await state.db.prisma.auditEvent.findMany({ where: { source: "alm" }, orderBy: { id: "asc" }, select: { id: true, sourceEventId: true } });
    expect(stored.map((row) => row.sourceEventId)).toEqual(["slow-1", "slow-2", "quick-1"]);
    expect(eventIds(page)).toEqual(stored.map((row) => row.id.toString()).filter((id) => BigInt(id) <= BigInt(page.pagingInfo.lastId ?? 0)));
    expect(eventIds(page)).toContain(stored[0].id.toString());
  });
});
