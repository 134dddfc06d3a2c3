import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLogLineSchema, type AuditLogLine } from "@/lib/api/sonatype/audit-log-lines";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { recordEvent } from "@/lib/audit/events/record-event";
import { REMOVER_JOB_NAME } from "@/lib/audit/retention/purge";
import type { Database } from "@/lib/db";
import { exportsRunning } from "@/lib/export/export-slots";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { readImport, readSummary } from "@/lib/test/read-import";
import { POST as ingest } from "../../audit/events/route";
import { GET, HEAD } from "./route";

// Sonatype's audit log API as its clients meet it: curl -u anyname:<token>, the lines read back one
// by one, the UTC days' edges, bad days, a pull of many batches, and what a pull leaves on record.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { userId: 1, username: "auditor", displayName: "Auditor", role: "AUDITOR", sessionId: null };

const DAY_MS = 86_400_000;
const TODAY = Math.floor(Date.now() / DAY_MS) * DAY_MS;
/** 00:00:00.000 UTC of the day `daysAgo` days before today, plus `ms`. */
const at = (daysAgo: number, ms = 0) => new Date(TODAY - daysAgo * DAY_MS + ms);
const dayOf = (daysAgo: number) => at(daysAgo).toISOString().slice(0, 10);
const LAST_MS = DAY_MS - 1;

const basic = (secret: string, username = "admin") => `Basic ${Buffer.from(`${username}:${secret}`).toString("base64")}`;

function pullRequest(query: string, headers: Record<string, string> = {}, signal?: AbortSignal): Request {
  return new Request(`http://localhost:8070/api/v2/auditLogs?${query}`, { headers, signal });
}

/** The answer's body read line by line, each line parsed and checked against the documented schema. */
async function linesOf(answer: Response): Promise<AuditLogLine[]> {
  const text = await answer.text();
  expect(text.endsWith("\n") || text === "").toBe(true);
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => auditLogLineSchema.parse(JSON.parse(line)));
}

const lastExport = (db: Database) => db.prisma.auditEvent.findFirstOrThrow({ where: { eventType: "AUDIT_EXPORT" }, orderBy: { id: "desc" } });

/** `count` Login events of the day `daysAgo`, three to a millisecond (ids break the ties), straight into the table. */
async function addLogins(db: Database, count: number, daysAgo: number): Promise<void> {
  await db.withSession((session) =>
    session.query(
      `INSERT INTO "AuditEvent" ("category", "eventType", "actorName", "ip", "createdAt", "source")
       SELECT 'LOGIN', 'USER_LOGIN', 'bulk' || g, '10.1.0.' || (g % 200), $2::timestamptz + (g / 3) * interval '1 second', 'bulk'
       FROM generate_series(1, $1::int) AS g`,
      [count, at(daysAgo, 3_600_000).toISOString()],
    ),
  );
}

describe.each(testDatabases())("GET /api/v2/auditLogs on $name", ({ open }) => {
  const state = useAppDatabase(open);
  const token = async (scopes: ("ingest" | "read")[], source = "alm-prod") =>
    (await runAs(ADMIN, () => createApiToken({ name: `t-${Math.random()}`, source, scopes, expiresInDays: 30 }))).secret;

  /** A small world from a sending system (sender ids, an address and agent on the login) and two of the console's own events. */
  async function seed(): Promise<void> {
    const place = { project: { id: 7, name: "Braking" }, tracker: { id: "t-1", name: "Requirements" } };
    const admin = { id: "u-0", username: "cb.admin" };
    const events = [
      { id: "before", type: "User Login", createdAt: at(4, -1).toISOString(), actor: { id: "u-1", username: "amy" } },
      { id: "first", type: "User Login", createdAt: at(4).toISOString(), actor: { id: "u-1", username: "amy" }, ip: "10.0.0.7", userAgent: "curl/7.81.0" },
      {
        id: "update",
        type: "Work Item Update",
        createdAt: at(4, 36_000_000).toISOString(),
        actor: { id: "u-1", username: "amy" },
        ...place,
        artifact: { id: 100, name: "REQ-1 Brakes", kind: "WORK_ITEM" },
        changes: [{ field: "Status", kind: "enum", old: "New", new: "In Progress" }],
      },
      { id: "create", type: "User Create", createdAt: at(3, 3_600_000).toISOString(), actor: admin, targetUser: { id: 55, username: "bob" } },
      {
        id: "assign",
        type: "Group Assign",
        createdAt: at(3, 3_600_000).toISOString(),
        actor: admin,
        targetUser: { id: 55, username: "bob" },
        artifact: { name: "Developers" },
        message: "Impacted User: bob (Enabled)",
      },
      {
        id: "last",
        type: "Artifact Permission Update",
        createdAt: at(3, LAST_MS).toISOString(),
        actor: admin,
        ...place,
        artifact: { name: "Bugs tracker permissions" },
      },
      { id: "after", type: "User Logout", createdAt: at(2).toISOString(), actor: { id: "u-1", username: "amy" } },
    ];
    const answer = await ingest(
      new Request("http://console.test/api/audit/events", {
        method: "POST",
        headers: { Authorization: `Bearer ${await token(["ingest"])}`, "Content-Type": "application/json" },
        body: JSON.stringify({ events }),
      }),
    );
    expect((await answer.json()).accepted).toBe(events.length);
    await recordEvent({ eventType: "AUDIT_PURGE", actor: { id: null, name: REMOVER_JOB_NAME }, message: "Removed 0 events", createdAt: at(4, 7_200_000) });
    const ada = await state.db.prisma.user.create({ data: { username: "ada", displayName: "Ada Admin", consoleRole: "ADMIN" } });
    await recordEvent({ eventType: "USER_LOGIN", actor: { id: ada.id, name: "ada" }, ip: "192.0.2.1", userAgent: "Firefox", createdAt: at(3, 60_000) });
  }

  beforeAll(async () => {
    await seed();
    await addLogins(state.db, 2_500, 20);
  });

  it("answers the reference's example (curl -u anyname:<token>) with one line per event of both days, oldest first", async () => {
    const secret = await token(["read"]);
    const answer = await GET(pullRequest(`startUtcDate=${dayOf(4)}&endUtcDate=${dayOf(3)}`, { Authorization: basic(secret) }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(answer.headers.get("X-Export-Rows")).toBe("7");
    const lines = await linesOf(answer);
    expect(lines.map((line) => `${line.timestamp} ${line.username} ${line.domain} ${line.type}`)).toEqual([
      `${at(4).toISOString().slice(0, 23)}+00:00 amy authentication login`,
      `${at(4, 7_200_000).toISOString().slice(0, 23)}+00:00 *SYSTEM audit-log purge`,
      `${at(4, 36_000_000).toISOString().slice(0, 23)}+00:00 amy work-item update`,
      `${at(3, 60_000).toISOString().slice(0, 23)}+00:00 ada authentication login`,
      `${at(3, 3_600_000).toISOString().slice(0, 23)}+00:00 cb.admin user create`,
      `${at(3, 3_600_000).toISOString().slice(0, 23)}+00:00 cb.admin role-membership add`,
      `${at(3, LAST_MS).toISOString().slice(0, 23)}+00:00 cb.admin role update`,
    ]);
    expect(lines[6].timestamp).toMatch(/T23:59:59\.999\+00:00$/);
    // Events of the same millisecond by id: the user was created before the group was assigned.
    expect(Number(lines[4].data.eventId)).toBeLessThan(Number(lines[5].data.eventId));
    expect(lines[0]).toEqual({
      timestamp: `${dayOf(4)}T00:00:00.000+00:00`,
      remoteIpAddress: "10.0.0.7",
      userAgent: "curl/7.81.0",
      username: "amy",
      domain: "authentication",
      type: "login",
      data: { eventId: expect.any(String), eventType: "User Login", source: "alm-prod", actorId: "u-1" },
    });
    // No address or agent recorded: left out, as Sonatype leaves out an optional attribute.
    expect(Object.keys(lines[2])).toEqual(["timestamp", "username", "domain", "type", "data"]);
    expect(lines[2].data).toEqual({
      eventId: expect.any(String),
      eventType: "Work Item Update",
      source: "alm-prod",
      actorId: "u-1",
      projectId: "7",
      projectName: "Braking",
      trackerId: "t-1",
      trackerName: "Requirements",
      artifactId: "100",
      artifactName: "REQ-1 Brakes",
      artifactKind: "WORK_ITEM",
      changes: [{ field: "Status", kind: "enum", old: "New", new: "In Progress" }],
    });
    expect(lines[1].data).toEqual({ eventId: expect.any(String), eventType: "Audit Purge", source: "console", message: "Removed 0 events" });
    // A console account has no sender id; the console's own login keeps its address and agent.
    expect(lines[3]).toMatchObject({ remoteIpAddress: "192.0.2.1", userAgent: "Firefox", data: { source: "console" } });
    expect(lines[3].data.actorId).toBeUndefined();
    expect(lines[4].data).toMatchObject({ actorId: "u-0", targetUserId: "55", targetUsername: "bob", username: "bob" });
    expect(lines[5].data).toMatchObject({ memberType: "user", memberName: "bob", roleName: "Developers", message: "Impacted User: bob (Enabled)" });
    expect(lines[6].data).toMatchObject({ name: "Bugs tracker permissions", projectId: "7", trackerId: "t-1" });

    // The pull is on record as an export by the token, with its days and row count.
    const record = await lastExport(state.db);
    expect(record).toMatchObject({ actorId: null, actorName: expect.stringMatching(/^api-token:t-/), source: null });
    expect(record.message).toBe(`Exported 7 events of ${dayOf(4)} to ${dayOf(3)} (UTC) to auditLogs, Sonatype's audit log API`);
    expect(record.details).toEqual({ fileName: "auditLogs", format: "jsonl", startUtcDate: dayOf(4), endUtcDate: dayOf(3), rows: 7, timeZone: "UTC" });
    expect(exportsRunning()).toBe(0);
  });

  it("writes lines the Sonatype importer reads back as the same events, skipping what Sonatype has no kind for", async () => {
    const answer = await GET(pullRequest(`startUtcDate=${dayOf(4)}&endUtcDate=${dayOf(3)}`, { Authorization: basic(await token(["read"])) }));
    const read = await readImport("sonatype-jsonl", { text: await answer.text() });
    expect(readSummary(read)).toEqual({
      lines: 7,
      types: ["USER_LOGIN", "USER_LOGIN", "USER_CREATE", "GROUP_ASSIGN", "ARTIFACT_PERMISSION_UPDATE"],
      skipped: { "audit-log purge": 1, "work-item update": 1 },
      unreadable: 0,
    });
    expect(read.events[2]).toMatchObject({ actor: { username: "cb.admin" }, targetUser: { username: "bob" } });
    expect(read.events[3]).toMatchObject({ targetUser: { username: "bob" }, artifact: { name: "Developers" } });
    expect(read.events[4]).toMatchObject({ artifact: { name: "Bugs tracker permissions" } });
  });

  it("takes a whole UTC day from 00:00:00.000 to 23:59:59.999, one millisecond either side left out", async () => {
    const secret = await token(["read"]);
    const day = await linesOf(await GET(pullRequest(`startUtcDate=${dayOf(3)}&endUtcDate=${dayOf(3)}`, { Authorization: basic(secret, "anyname") })));
    expect(day.map((line) => line.timestamp.slice(11))).toEqual(["00:01:00.000+00:00", "01:00:00.000+00:00", "01:00:00.000+00:00", "23:59:59.999+00:00"]);
    const before = await linesOf(await GET(pullRequest(`startUtcDate=${dayOf(5)}&endUtcDate=${dayOf(5)}`, { Authorization: basic(secret) })));
    expect(before.map((line) => line.timestamp)).toEqual([`${dayOf(5)}T23:59:59.999+00:00`]);
    const after = await linesOf(await GET(pullRequest(`startUtcDate=${dayOf(2)}&endUtcDate=${dayOf(2)}`, { Authorization: basic(secret) })));
    expect(after.map((line) => `${line.timestamp} ${line.type}`)).toEqual([`${dayOf(2)}T00:00:00.000+00:00 logout`]);
  });

  it("answers JSON lines as application/x-ndjson to a client that asks for them, and HEAD with the count alone", async () => {
    const secret = await token(["read"]);
    const query = `startUtcDate=${dayOf(4)}&endUtcDate=${dayOf(4)}`;
    const ndjson = await GET(pullRequest(query, { Authorization: `Bearer ${secret}`, Accept: "application/x-ndjson" }));
    expect(ndjson.headers.get("Content-Type")).toBe("application/x-ndjson; charset=utf-8");
    expect(await linesOf(ndjson)).toHaveLength(3);
    const exports = await state.db.prisma.auditEvent.count({ where: { eventType: "AUDIT_EXPORT" } });
    const head = await HEAD(pullRequest(query, { Authorization: `Bearer ${secret}` }));
    expect(head.status).toBe(200);
    expect(head.headers.get("X-Export-Rows")).toBe("3");
    expect(await state.db.prisma.auditEvent.count({ where: { eventType: "AUDIT_EXPORT" } })).toBe(exports);
  });

  it("refuses a missing or malformed day, or an end before the start, with 400 naming the parameter", async () => {
    const secret = await token(["read"]);
    const exports = await state.db.prisma.auditEvent.count({ where: { eventType: "AUDIT_EXPORT" } });
    const cases: [string, string, string][] = [
      ["", "startUtcDate", "startUtcDate: is required: a day in UTC as YYYY-MM-DD, such as 2024-03-20"],
      ["startUtcDate=2024-03-20", "endUtcDate", "endUtcDate: is required: a day in UTC as YYYY-MM-DD, such as 2024-03-21"],
      ["startUtcDate=&endUtcDate=2024-03-21", "startUtcDate", "startUtcDate: is required: a day in UTC as YYYY-MM-DD, such as 2024-03-20"],
      ["startUtcDate=2024-3-20&endUtcDate=2024-03-21", "startUtcDate", 'startUtcDate: "2024-3-20" is not a day; use YYYY-MM-DD, such as 2024-03-20'],
      ["startUtcDate=2024-03-20&endUtcDate=2023-02-29", "endUtcDate", 'endUtcDate: "2023-02-29" is not a day; use YYYY-MM-DD, such as 2024-03-21'],
      [
        "startUtcDate=2024-03-20T00:00:00Z&endUtcDate=2024-03-21",
        "startUtcDate",
        'startUtcDate: "2024-03-20T00:00:00Z" is not a day; use YYYY-MM-DD, such as 2024-03-20',
      ],
      ["startUtcDate=2024-03-21&endUtcDate=2024-03-20", "endUtcDate", "endUtcDate: must not be before startUtcDate"],
      ["startUtcDate=2024-03-20&startUtcDate=2024-03-19&endUtcDate=2024-03-21", "startUtcDate", "startUtcDate: is given 2 times; give it once"],
    ];
    for (const [query, field, message] of cases) {
      const answer = await GET(pullRequest(query, { Authorization: basic(secret) }));
      expect(answer.status, query).toBe(400);
      expect(await answer.json(), query).toEqual({ error: { code: "invalid_input", field, message } });
    }
    expect((await HEAD(pullRequest("startUtcDate=yesterday", { Authorization: basic(secret) }))).status).toBe(400);
    expect(await state.db.prisma.auditEvent.count({ where: { eventType: "AUDIT_EXPORT" } })).toBe(exports);
    expect(exportsRunning()).toBe(0);
  });

  it("streams more events than a batch holds, each once and in order, and records the row count", async () => {
    const query = `startUtcDate=${dayOf(20)}&endUtcDate=${dayOf(20)}`;
    const lines = await runAs(AUDITOR, async () => linesOf(await GET(pullRequest(query))));
    expect(lines).toHaveLength(2_500);
    expect(new Set(lines.map((line) => line.data.eventId)).size).toBe(2_500);
    expect(new Set(lines.map((line) => line.username)).size).toBe(2_500);
    for (let index = 1; index < lines.length; index += 1) {
      const [previous, line] = [lines[index - 1], lines[index]];
      const later = line.timestamp > previous.timestamp || (line.timestamp === previous.timestamp && BigInt(line.data.eventId) > BigInt(previous.data.eventId));
      expect(later, `${previous.timestamp} #${previous.data.eventId} then ${line.timestamp} #${line.data.eventId}`).toBe(true);
    }
    expect(lines[0]).toMatchObject({ username: "bulk1", remoteIpAddress: "10.1.0.1", data: { source: "bulk" } });
    const record = await lastExport(state.db);
    expect(record).toMatchObject({ actorId: AUDITOR.userId, actorName: "auditor" });
    expect(record.details).toMatchObject({ rows: 2_500, startUtcDate: dayOf(20) });
  });

  it("holds an export slot while it streams: 429 with Retry-After past the limit, freed when the client goes away", async () => {
    const secret = await token(["read"]);
    const query = `startUtcDate=${dayOf(20)}&endUtcDate=${dayOf(20)}`;
    const client = new AbortController();
    // Held until after the abort: a Request that is collected stops passing its client's abort on.
    const request = pullRequest(query, { Authorization: basic(secret) }, client.signal);
    const first = await GET(request);
    const second = await GET(pullRequest(query, { Authorization: basic(secret) }));
    const third = await GET(pullRequest(query, { Authorization: basic(secret) }));
    expect(third.status).toBe(429);
    expect(third.headers.get("Retry-After")).toBe("10");
    expect((await third.json()).error).toMatchObject({ code: "too_many_exports", message: expect.stringMatching(/^You already have 2 exports running/) });
    const reader = first.body!.getReader();
    expect((await reader.read()).value!.byteLength).toBeGreaterThan(0);
    client.abort();
    await expect(reader.read()).rejects.toThrow(/went away/);
    await second.body!.cancel();
    await expect.poll(exportsRunning, { timeout: 1_000, interval: 50 }).toBe(0);
    expect(await linesOf(await GET(pullRequest(query, { Authorization: basic(secret) })))).toHaveLength(2_500);
    expect(exportsRunning()).toBe(0);
  });

  it("refuses an ingest-only token (403) and a call without credentials (401), in the one error shape", async () => {
    const query = `startUtcDate=${dayOf(4)}&endUtcDate=${dayOf(3)}`;
    const ingestOnly = await GET(pullRequest(query, { Authorization: basic(await token(["ingest"])) }));
    expect(ingestOnly.status).toBe(403);
    expect((await ingestOnly.json()).error).toMatchObject({ code: "forbidden", message: expect.stringContaining("read") });
    const anonymous = await GET(pullRequest(query));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toContain("Bearer");
    expect(await anonymous.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to use the Audit Console." } });
  });
});
