import { afterAll, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import type { Database } from "@/lib/db";
import { exportsRunning } from "@/lib/export/export-slots";
import { testDatabases } from "@/lib/test/databases";
import { AUDITOR, useTabFixture } from "@/lib/test/tab-fixture-hooks";
import { GET, HEAD } from "./[file]/route";

// The export route as a client meets it: how many downloads run at once, what the next one is told,
// and what a download that ends early gives back.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));
vi.mock("@/lib/time/admin-time-zone", () => ({ getAdminTimeZone: async () => "UTC" }));

// A connection that was not given back makes the next wait for it fail within this, not hang.
const poolTimeout = process.env.DATABASE_POOL_TIMEOUT_MS;
process.env.DATABASE_POOL_TIMEOUT_MS = "2000";
afterAll(() => {
  if (poolTimeout === undefined) delete process.env.DATABASE_POOL_TIMEOUT_MS;
  else process.env.DATABASE_POOL_TIMEOUT_MS = poolTimeout;
});

const user = (userId: number, username: string): Principal => ({ ...AUDITOR, userId, username });
const USERS = [AUDITOR, user(2, "second"), user(3, "third")];

function exportRequest(file: string, signal?: AbortSignal): Request {
  return new Request(`http://console.test/api/export/${file}?range=Last_365_Days`, { signal });
}

function download(as: Principal, file = "artifacts.csv", request = exportRequest(file)): Promise<Response> {
  return runAs(as, () => GET(request, { params: Promise.resolve({ file }) }));
}

/** Many events at once, so that a download takes many chunks and cursor reads. */
async function addEvents(db: Database, count: number, category = "ARTIFACT", eventType = "ARTIFACT_UPDATE"): Promise<void> {
  await db.withSession((session) =>
    session.query(
      `INSERT INTO "AuditEvent" ("category", "eventType", "actorId", "actorName", "artifactId", "artifactName", "artifactKind", "message", "createdAt")
       SELECT $2::"AuditCategory", $3::"AuditEventType", 1, 'auditor', g, 'Bulk artifact ' || g, 'ARTIFACT', repeat('x', 120), now() - g * interval '1 second'
       FROM generate_series(1, $1::int) AS g`,
      [count, category, eventType],
    ),
  );
}

const exportEvents = (db: Database) => db.prisma.auditEvent.count({ where: { eventType: "AUDIT_EXPORT" } });

describe.each(testDatabases())("the export route on $name", ({ name, open }) => {
  const fixture = useTabFixture(open);

  it("runs as many downloads as it has slots, answers the next with 429 and Retry-After, and frees a slot when one ends", async () => {
    const total = fixture.db.bulkReaders;
    const open: Response[] = [];
    // Two for the first user, as many as one user may run.
    for (const _ of [1, 2]) open.push(await download(AUDITOR));
    expect(open.map((response) => response.status)).toEqual([200, 200]);
    const third = await download(AUDITOR);
    expect(third.status).toBe(429);
    expect(third.headers.get("Retry-After")).toBe("10");
    expect(await third.json()).toEqual({ error: { code: "too_many_exports", message: expect.stringMatching(/^You already have 2 exports running/) } });
    // The preflight says so before the user confirms anything.
    const preflight = await runAs(AUDITOR, () =>
      GET(new Request("http://console.test/api/export/logins.xlsx?preflight=1"), { params: Promise.resolve({ file: "logins.xlsx" }) }),
    );
    expect(preflight.status).toBe(429);

    // Other users up to the total.
    for (let index = 2; index < total; index += 1) open.push(await download(USERS[1 + Math.floor((index - 2) / 2)]));
    expect(open.map((response) => response.status)).toEqual(Array(total).fill(200));
    const over = await download(USERS[2]);
    expect(over.status).toBe(429);
    expect((await over.json()).error.message).toBe(`The console is already running ${total} exports, as many as it runs at once. Try again in a few seconds.`);

    // A finished download and a cancelled one each give their slot back.
    expect((await open[0].text()).split("\n").length).toBeGreaterThan(2);
    await open[1].body!.cancel();
    const again = await Promise.all([download(AUDITOR), download(AUDITOR)]);
    expect(again.map((response) => response.status)).toEqual([200, 200]);
    await Promise.all([...open.slice(2), ...again].map((response) => response.body!.cancel()));
  });

  it("ends a download whose client goes away, and gives its slot and connections back", async () => {
    await addEvents(fixture.db, 20_000);
    // Excel too: its writer waits for the stream to drain, which a gone client never does.
    for (let round = 0; round < fixture.db.bulkReaders + 2; round += 1) {
      const client = new AbortController();
      const file = round % 2 ? "artifacts.xlsx" : "artifacts.csv";
      // Held until after the abort: a Request that is collected stops passing its client's abort on.
      const request = exportRequest(file, client.signal);
      const response = await download(AUDITOR, file, request);
      const reader = response.body!.getReader();
      expect((await reader.read()).value!.byteLength).toBeGreaterThan(0);
      client.abort();
      expect(request.signal.aborted).toBe(true);
      await expect(reader.read()).rejects.toThrow(/went away/);
    }
    // Within a second every slot is free again, and every bulk connection: as many readers as slots open at once.
    await expect.poll(exportsRunning, { timeout: 1_000, interval: 50 }).toBe(0);
    const readers = await Promise.all(Array.from({ length: fixture.db.bulkReaders }, () => fixture.db.openBulkReader()));
    for (const reader of readers) reader.release();
    const finished = await download(AUDITOR, "artifacts.jsonl");
    expect((await finished.text()).trim().split("\n").length).toBeGreaterThan(20_000);
  });

  it("answers HEAD with the file's headers, without making, recording or holding an export", async () => {
    const before = await exportEvents(fixture.db);
    for (let round = 0; round < 6; round += 1) {
      const response = await runAs(AUDITOR, () => HEAD(exportRequest("permissions.xlsx"), { params: Promise.resolve({ file: "permissions.xlsx" }) }));
      expect(response.status).toBe(200);
      expect(response.headers.get("X-Export-Rows")).toMatch(/^\d+$/);
      expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="audit-permissions_.*\.xlsx"/);
    }
    expect(exportsRunning()).toBe(0);
    expect(await exportEvents(fixture.db)).toBe(before);
  });

  it("frees the slot at once for a client gone before the answer, and within a second for a PDF in the making", async () => {
    const gone = new AbortController();
    gone.abort();
    const early = await download(AUDITOR, "permissions.csv", exportRequest("permissions.csv", gone.signal));
    await expect(early.body!.getReader().read()).rejects.toThrow(/went away/);
    expect(exportsRunning()).toBe(0);

    // A PDF is built whole before its first byte: leaving while it is built stops the building.
    await addEvents(fixture.db, 4_500, "LOGIN", "USER_LOGIN");
    const client = new AbortController();
    const request = exportRequest("logins.pdf", client.signal);
    const pdf = await download(AUDITOR, "logins.pdf", request);
    expect(pdf.status).toBe(200);
    const first = pdf.body!.getReader().read();
    client.abort();
    expect(request.signal.aborted).toBe(true);
    await expect(first).rejects.toThrow(/went away/);
    await expect.poll(exportsRunning, { timeout: 1_000, interval: 50 }).toBe(0);
    await Promise.all(Array.from({ length: fixture.db.bulkReaders }, () => fixture.db.openBulkReader())).then((readers) => {
      for (const reader of readers) reader.release();
    });
  });

  if (name === "PostgreSQL") {
    it("answers 503 with Retry-After when no database connection comes free in time", async () => {
      // Fill the pages' pool for 4 s (within its statement timeout): the export's count waits its 2 s
      // for a connection (DATABASE_POOL_TIMEOUT_MS above) and gives up.
      const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
      const busy = Promise.all(Array.from({ length: size }, () => fixture.db.query("SELECT pg_sleep(4)")));
      try {
        const response = await download(AUDITOR);
        expect(response.status).toBe(503);
        expect(response.headers.get("Retry-After")).toBe("5");
        expect((await response.json()).error.code).toBe("database_busy");
      } finally {
        await busy;
      }
      expect((await download(AUDITOR, "logins.csv")).status).toBe(200);
    });
  }
});
