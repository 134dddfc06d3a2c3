import { describe, expect, it, vi } from "vitest";
import { ingestAnswerSchema } from "@/lib/ingest/ingest-api-docs";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { ApiTokenSpec } from "@/lib/auth/api-tokens/api-token-schema";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { searchUserOptions } from "@/lib/audit/search/user-lookup";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { GET as exportGet } from "../../export/[file]/route";
import { POST } from "./route";

// The ingestion API as a sending system meets it: its answers, what is stored, and what the
// directory makes of it.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));
vi.mock("@/lib/time/admin-time-zone", () => ({ getAdminTimeZone: async () => "UTC" }));

const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };
const saveApiToken = (spec: ApiTokenSpec) => runAs(ADMIN, () => createApiToken(spec));
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function login(id: string, username = "jdoe", extra: Record<string, unknown> = {}) {
  return { id, type: "User Login", createdAt: minutesAgo(10), actor: { id: "u-1", username, displayName: "Jane Doe" }, ip: "10.0.0.7", ...extra };
}

function post(secret: string | null, body: unknown, contentType = "application/json"): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": contentType };
  if (secret) headers.Authorization = `Bearer ${secret}`;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return POST(new Request("http://console.test/api/audit/events", { method: "POST", headers, body: text }));
}

describe.each(testDatabases())("POST /api/audit/events on $name", ({ open }) => {
  const state = useAppDatabase(open);
  const token = async (scopes: ("ingest" | "read")[] = ["ingest"], source = "alm-prod", expiresInDays = 90) =>
    (await saveApiToken({ name: `t-${Math.random()}`, source, scopes, expiresInDays })).secret;
  const stored = (source = "alm-prod") => state.db.prisma.auditEvent.count({ where: { source } });

  it("stores a batch, says what became of each event, and stores a resend once", async () => {
    const secret = await token();
    const events = [login("e-1"), login("e-2", "jdoe", { type: "USER_LOGOUT" }), { ...login("e-3"), type: "User_System_Logout" }];
    const first = await post(secret, { events });
    expect(first.status).toBe(200);
    const answer = await first.json();
    expect(answer).toEqual({ source: "alm-prod", received: 3, accepted: 3, duplicates: 0, dropped: 0, expired: 0 });
    // As the OpenAPI document describes it.
    expect(ingestAnswerSchema.strict().parse(answer)).toEqual(answer);
    const again = await post(secret, { events });
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(await stored()).toBe(3);
    const row = await state.db.prisma.auditEvent.findFirstOrThrow({ where: { source: "alm-prod", sourceEventId: "e-2" } });
    expect(row).toMatchObject({ eventType: "USER_LOGOUT", category: "LOGIN", actorName: "jdoe", ip: "10.0.0.7" });
  });

  it("reads one event per line as application/x-ndjson", async () => {
    const secret = await token(["ingest"], "ndjson-src");
    const body = `${JSON.stringify(login("n-1"))}\n\n${JSON.stringify(login("n-2"))}\n`;
    const answer = await post(secret, body, "application/x-ndjson");
    expect(await answer.json()).toMatchObject({ received: 2, accepted: 2 });
    const bad = await post(secret, `${JSON.stringify(login("n-3"))}\n{nope`, "application/x-ndjson");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: "invalid_input", field: "events[1]", message: "events[1]: line 2 is not valid JSON" } });
  });

  it("refuses a batch with one bad event as a whole, naming the field's path", async () => {
    const secret = await token(["ingest"], "strict-src");
    const events = Array.from({ length: 20 }, (_, index) => login(`s-${index}`));
    events[17] = { ...events[17]!, createdAt: "2026-11-27 10:00" };
    const answer = await post(secret, { events });
    expect(answer.status).toBe(400);
    const body = await answer.json();
    expect(body.error.field).toBe("events[17].createdAt");
    expect(body.error.message).toContain("ISO 8601");
    expect(await stored("strict-src")).toBe(0);

    const cases: [unknown, string, string][] = [
      [{ ...login("x"), type: "Audit Export" }, "events[0].type", "console's own"],
      [{ ...login("x"), type: "Coffee Break" }, "events[0].type", "not an event type"],
      [{ ...login("x"), actor: { id: "u-1" } }, "events[0].actor.username", "is required"],
      [{ ...login("x"), createdAt: new Date(Date.now() + 3_600_000).toISOString() }, "events[0].createdAt", "future"],
      [{ ...login("x"), type: "Work Item Update" }, "events[0].artifact", "required for Work Item Update"],
      [{ ...login("x"), type: "GROUP_ASSIGN" }, "events[0].targetUser", "required"],
      [{ ...login("x"), ip: "not-an-ip" }, "events[0].ip", "IPv4 or IPv6"],
      [{ ...login("x"), colour: "red" }, "events[0]", "colour"],
      [{ ...login("x"), changes: [{ field: "", old: 1, new: 2 }] }, "events[0].changes[0].field", ""],
    ];
    for (const [event, field, words] of cases) {
      const refused = await post(secret, { events: [event] });
      expect(refused.status, field).toBe(400);
      const error = (await refused.json()).error;
      expect(error.field, JSON.stringify(error)).toBe(field);
      expect(error.message).toContain(words);
    }
    const tally = await state.db.prisma.eventSourceTally.findFirstOrThrow({ where: { source: "strict-src" } });
    expect(tally.refused).toBe(20 + cases.length);
    const source = await state.db.prisma.eventSource.findUniqueOrThrow({ where: { name: "strict-src" } });
    expect(source.lastRefusalReason).toContain("events[0]");
  });

  it("refuses a key named __proto__ anywhere in an event, which a copy would drop silently, naming where", async () => {
    const secret = await token(["ingest"], "proto-src");
    const event = JSON.stringify(login("p-1")).slice(0, -1);
    const cases: [string, string][] = [
      [`${event},"details":{"ticket":{"__proto__":{"admin":true}}}}`, "events[0].details.ticket.__proto__"],
      [`${event},"details":{"__proto__":1}}`, "events[0].details.__proto__"],
      [`${event},"changes":[{"field":"Access","kind":"access","old":{"__proto__":"Read"},"new":{"Developer":"Write"}}]}`, "events[0].changes[0].old.__proto__"],
      [`${event},"changes":[{"field":"Status","__proto__":{"old":"x"},"new":"Open"}]}`, "events[0].changes[0].__proto__"],
    ];
    for (const [text, field] of cases) {
      const refused = await post(secret, `{"events":[${text}]}`);
      expect(refused.status, text).toBe(400);
      expect((await refused.json()).error, text).toEqual({ code: "invalid_input", message: `${field}: is a reserved name, not a field`, field });
    }
    const topLevel = await post(secret, `{"events":[${event},"__proto__":{"type":"USER_LOGOUT"}}]}`);
    expect(topLevel.status).toBe(400);
    expect((await topLevel.json()).error).toMatchObject({ field: "events[0]", message: expect.stringContaining("__proto__") });
    expect(await stored("proto-src")).toBe(0);
  });

  it("answers 413 past 1,000 events or 5 MB, and 415 for another format, storing nothing", async () => {
    const secret = await token(["ingest"], "big-src");
    const many = await post(secret, { events: Array.from({ length: 1001 }, (_, index) => login(`b-${index}`)) });
    expect(many.status).toBe(413);
    expect((await many.json()).error.message).toContain("at most 1,000 events");
    const huge = await post(secret, { events: [{ ...login("h"), message: "x".repeat(5 * 1024 * 1024) }] });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toContain("5 MB");
    const xml = await post(secret, "<events/>", "application/xml");
    expect(xml.status).toBe(415);
    expect(await stored("big-src")).toBe(0);
  });

  it("stores each event once when the same batch races with itself", async () => {
    const secret = await token(["ingest"], "race-src");
    const events = Array.from({ length: 200 }, (_, index) =>
      login(`r-${index}`, `user${index % 7}`, { actor: { id: `u-${index % 7}`, username: `user${index % 7}` } }),
    );
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(secret, { events }).then((answer) => answer.json())));
    expect(answers.reduce((sum, answer) => sum + answer.accepted, 0)).toBe(200);
    expect(answers.reduce((sum, answer) => sum + answer.duplicates, 0)).toBe(600);
    expect(await stored("race-src")).toBe(200);
    expect(await state.db.prisma.user.count({ where: { source: "race-src" } })).toBe(7);
  });

  it("counts switched-off types as dropped and events older than the retention as expired", async () => {
    const secret = await token(["ingest"], "old-src");
    await state.db.prisma.eventTypeSetting.create({ data: { eventType: "USER_LOGOUT", enabled: false } });
    const events = [
      login("o-1", "jdoe", { createdAt: new Date(Date.now() - 400 * 86_400_000).toISOString() }),
      login("o-2", "jdoe", { type: "USER_LOGOUT" }),
      { ...login("o-3"), type: "User Create", targetUser: { id: "u-9", username: "newbie" }, createdAt: new Date(Date.now() - 400 * 86_400_000).toISOString() },
    ];
    const answer = await (await post(secret, { events })).json();
    expect(answer).toMatchObject({ accepted: 1, dropped: 1, expired: 1, duplicates: 0 });
    // a permission event is kept whatever its age; the login of 400 days ago and the logout are not stored
    expect(await state.db.prisma.auditEvent.findMany({ where: { source: "old-src" }, select: { sourceEventId: true } })).toEqual([{ sourceEventId: "o-3" }]);
    const dropped = await state.db.prisma.droppedEventCount.findUniqueOrThrow({ where: { eventType: "USER_LOGOUT" } });
    expect(Number(dropped.count)).toBe(1);
    await state.db.prisma.eventTypeSetting.delete({ where: { eventType: "USER_LOGOUT" } });
  });

  it("keeps the directory by (source, sender id): the latest event names, disable and enable set the status", async () => {
    const secret = await token(["ingest"], "dir-a");
    const other = await token(["ingest"], "dir-b");
    const at = (minutes: number) => minutesAgo(minutes);
    const place = { project: { id: 7, name: "Braking" }, tracker: { id: "t-1", name: "Requirements" } };
    const onReq1 = (id: string, type: string, minutes: number, actor: Record<string, unknown>, name: string) => ({
      id,
      type,
      createdAt: at(minutes),
      actor,
      ...place,
      artifact: { id: 100, name },
    });
    const events = [
      onReq1("d-1", "Work Item Create", 50, { id: "a-1", username: "amy", displayName: "Amy Old" }, "REQ-1 Brake"),
      {
        ...onReq1("d-2", "Work Item Update", 40, { id: "a-1", username: "amy", displayName: "Amy New" }, "REQ-1 Brakes"),
        changes: [{ field: "Assignee", kind: "user", old: null, new: { id: 55, name: "bob" } }],
      },
      { id: "d-3", type: "User Disable", createdAt: at(30), actor: { id: "a-1", username: "amy" }, targetUser: { id: 55, username: "bob" } },
      onReq1("d-4", "Work Item Remove", 20, { id: "55", username: "bob" }, "REQ-1 Brakes"),
    ];
    expect((await (await post(secret, { events })).json()).accepted).toBe(4);
    const amy = await state.db.prisma.user.findFirstOrThrow({ where: { source: "dir-a", sourceId: "a-1" } });
    expect(amy).toMatchObject({ username: "amy", displayName: "Amy New", enabled: true, consoleRole: "NONE", passwordHash: null });
    const bob = await state.db.prisma.user.findFirstOrThrow({ where: { source: "dir-a", sourceId: "55" } });
    expect(bob.enabled).toBe(false);
    const artifact = await state.db.prisma.artifact.findFirstOrThrow({
      where: { source: "dir-a", sourceId: "100" },
      include: { tracker: true, project: true },
    });
    expect(artifact).toMatchObject({ name: "REQ-1 Brakes", kind: "WORK_ITEM", state: "TRASHED" });
    expect(artifact.tracker).toMatchObject({ name: "Requirements", sourceId: "t-1" });
    expect(artifact.project).toMatchObject({ name: "Braking", sourceId: "7" });
    // the events link to the directory's ids, and a user named in a change to the same person
    const update = await state.db.prisma.auditEvent.findFirstOrThrow({ where: { source: "dir-a", sourceEventId: "d-2" } });
    expect(update).toMatchObject({ actorId: amy.id, artifactId: artifact.id, trackerId: artifact.trackerId, projectId: artifact.projectId });
    expect(update.changes).toEqual([{ field: "Assignee", kind: "user", old: null, new: { id: bob.id, name: "bob" } }]);

    // an older event arriving late changes no name; a newer enable does
    const late = { id: "d-0", type: "User Login", createdAt: at(60), actor: { id: "a-1", username: "amy", displayName: "Amy Ancient" } };
    const enable = { id: "d-5", type: "User Enable", createdAt: at(10), actor: { id: "a-1", username: "amy" }, targetUser: { id: 55, username: "bob" } };
    await post(secret, { events: [late, enable] });
    expect((await state.db.prisma.user.findUniqueOrThrow({ where: { id: amy.id } })).displayName).toBe("Amy New");
    expect((await state.db.prisma.user.findUniqueOrThrow({ where: { id: bob.id } })).enabled).toBe(true);

    // the same username in another source is another person; a console account is never touched
    await state.db.prisma.user.create({ data: { username: "amy", displayName: "Amy Console", consoleRole: "ADMIN", passwordHash: "x" } });
    await post(other, {
      events: [{ id: "d-1", type: "User Disable", createdAt: at(5), actor: { id: "root", username: "root" }, targetUser: { id: "a-1", username: "amy" } }],
    });
    const amys = await state.db.prisma.user.findMany({
      where: { username: "amy" },
      orderBy: { id: "asc" },
      select: { source: true, enabled: true, consoleRole: true },
    });
    expect(amys).toEqual([
      { source: "dir-a", enabled: true, consoleRole: "NONE" },
      { source: null, enabled: true, consoleRole: "ADMIN" },
      { source: "dir-b", enabled: false, consoleRole: "NONE" },
    ]);
  });

  it("takes a token as Bearer or as the Basic password, and refuses revoked, expired, unknown and wrong-scope tokens", async () => {
    const ingest = await saveApiToken({ name: "sender", source: "auth-src", scopes: ["ingest"], expiresInDays: 1 });
    const basic = `Basic ${Buffer.from(`jira:${ingest.secret}`).toString("base64")}`;
    const viaBasic = await POST(
      new Request("http://console.test/api/audit/events", {
        method: "POST",
        headers: { Authorization: basic, "Content-Type": "application/json" },
        body: JSON.stringify({ events: [login("a-1")] }),
      }),
    );
    expect(viaBasic.status).toBe(200);
    const used = await state.db.prisma.apiToken.findUniqueOrThrow({ where: { id: ingest.token.id } });
    expect(used.lastUsedAt).not.toBeNull();

    const none = await post(null, { events: [login("a-2")] });
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toContain("Bearer");
    expect((await post("acon_nope", { events: [login("a-2")] })).status).toBe(401);

    // a read token cannot send; an ingest token cannot read
    const reader = await token(["read"], "auth-src");
    const refused = await post(reader, { events: [login("a-2")] });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain("ingest scope");
    const exportRequest = (secret: string) =>
      exportGet(new Request("http://console.test/api/export/logins.csv?range=Last_7_Days", { headers: { Authorization: `Bearer ${secret}` } }), {
        params: Promise.resolve({ file: "logins.csv" }),
      });
    expect((await exportRequest(ingest.secret)).status).toBe(403);
    const readable = await exportRequest(reader);
    expect(readable.status).toBe(200);
    expect(await readable.text()).toContain("jdoe");

    await state.db.prisma.apiToken.update({ where: { id: ingest.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await post(ingest.secret, { events: [login("a-3")] });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toContain("expired");
    await state.db.prisma.apiToken.update({ where: { id: ingest.token.id }, data: { expiresAt: new Date(Date.now() + 86_400_000), revokedAt: new Date() } });
    const revoked = await post(ingest.secret, { events: [login("a-3")] });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toContain("revoked");
    expect(await stored("auth-src")).toBe(1);
  });

  it("puts a new sender's users in the Users filter, a disabled one marked so it is struck through", async () => {
    const secret = await token(["ingest"], "filter-src");
    const events = [
      {
        id: "f-1",
        type: "User Create",
        createdAt: minutesAgo(30),
        actor: { id: "root", username: "cb.root" },
        targetUser: { id: 901, username: "quinn.new", displayName: "Quinn Newcomer" },
      },
      {
        id: "f-2",
        type: "User Disable",
        createdAt: minutesAgo(20),
        actor: { id: "root", username: "cb.root" },
        targetUser: { id: 901, username: "quinn.new" },
      },
    ];
    expect((await (await post(secret, { events })).json()).accepted).toBe(2);
    const options = await runAs(ADMIN, () => searchUserOptions("quinn"));
    expect(options).toEqual([expect.objectContaining({ username: "quinn.new", displayName: "Quinn Newcomer", enabled: false })]);
  });
});
