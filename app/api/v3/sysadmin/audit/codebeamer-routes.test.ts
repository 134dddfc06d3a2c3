import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CODEBEAMER_LISTS } from "@/lib/api/codebeamer/codebeamer-lists";
import sampleRequest from "@/lib/api/codebeamer/fixtures/sample-request.json";
import sampleResponse from "@/lib/api/codebeamer/fixtures/sample-response.json";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { POST as ingest } from "../../../audit/events/route";
import * as artifacts from "./artifacts/route";
import * as logins from "./logins/route";
import * as permissions from "./permissions/route";

// The Codebeamer v3 audit API as Codebeamer's clients meet it: reference 001's sample request sent
// as it stands, its answer checked field by field, and every refusal naming its field.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };
const ROUTES = { permissions, logins, artifacts };
type List = keyof typeof ROUTES;
const BASE = "http://console.test/api/v3/sysadmin/audit";
const SOURCE = "cb-prod";
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

// This week in UTC (from Monday), and times in it, in order, none in the future.
const NOW = Date.now();
const MONDAY = (() => {
  const today = new Date(NOW);
  today.setUTCHours(0, 0, 0, 0);
  return today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000;
})();
const at = (step: number) => new Date(MONDAY + Math.floor(((NOW - MONDAY) * step) / 40));
const codebeamerTime = (step: number) => at(step).toISOString().slice(0, 23);
const LAST_WEEK = new Date(MONDAY - 86_400_000);

const person = (id: string, username: string) => ({ id, username });
const BOND = person("101", "bond");
const MONEYPENNY = person("102", "moneypenny");
const U01 = person("201", "u01");
const ABC = person("202", "abc");
const ZED = person("203", "zed");
const BRAKING = { id: "541", name: "Braking" };
const STEERING = { id: "542", name: "Steering" };
const REQUIREMENTS = { id: "753", name: "Requirements" };
const RISKS = { id: "859", name: "Risks" };
const TESTS = { id: "999", name: "Tests" };

function event(id: string, type: string, step: number | Date, actor: { id: string; username: string }, extra: Record<string, unknown> = {}) {
  return { id, type, createdAt: (step instanceof Date ? step : at(step)).toISOString(), actor, ...extra };
}
const groupAssign = (id: string, step: number, target: typeof U01, group: string) =>
  event(id, "Group Assign", step, BOND, { targetUser: target, artifact: { name: group } });
const permissionOn = (id: string, step: number, target: typeof U01, project: typeof BRAKING, tracker: typeof REQUIREMENTS, extra = {}) =>
  event(id, "Artifact Permission Create", step, BOND, { targetUser: target, project, tracker, artifact: { name: `Tracker: ${tracker.name}` }, ...extra });

// Sorted by time: the sample request without its projects and trackers selects p-1 to p-11 (11), the sample as it stands p-9 and p-10.
const WORLD = [
  event("p-1", "User Create", 1, BOND, { targetUser: U01 }),
  groupAssign("p-2", 2, U01, "Regular User"),
  event("p-3", "User Create", 3, BOND, { targetUser: ABC }),
  groupAssign("p-4", 4, ABC, "Regular User"),
  groupAssign("p-5", 5, U01, "Regular User without Review"),
  groupAssign("p-6", 6, ABC, "Remote API Access"),
  groupAssign("p-7", 7, ABC, "Regular User2"),
  groupAssign("p-8", 8, ABC, "user"),
  permissionOn("p-9", 9, U01, BRAKING, REQUIREMENTS, { changes: [{ field: "Access", kind: "access", old: {}, new: { Developer: "Read" } }] }),
  permissionOn("p-10", 10, ABC, STEERING, RISKS),
  // in the sample's project, not its trackers
  permissionOn("p-11", 11, U01, BRAKING, TESTS),
  // not the sample's: another user, another type, another target, last week
  event("n-1", "Group Assign", 12, MONEYPENNY, { targetUser: U01, artifact: { name: "Regular User" } }),
  event("n-2", "Group Remove", 13, BOND, { targetUser: U01, artifact: { name: "Regular User" } }),
  groupAssign("n-3", 14, ZED, "Regular User"),
  event("n-4", "Group Assign", LAST_WEEK, BOND, { targetUser: U01, artifact: { name: "Old Group" } }),
  event("n-5", "User Disable", 15, BOND, { targetUser: MONEYPENNY }),
  event("l-1", "User Login", 16, BOND, { ip: "10.0.0.7" }),
  event("l-2", "User Login", 17, MONEYPENNY, { ip: "10.0.0.8" }),
  event("l-3", "User Logout", 18, BOND, { ip: "10.0.0.7" }),
  event("a-1", "Work Item Update", 19, BOND, {
    project: BRAKING,
    tracker: REQUIREMENTS,
    artifact: { id: "4711", name: "REQ-1 Brakes" },
    changes: [
      { field: "Status", old: "Draft", new: "Approved" },
      { field: "Assignee", kind: "user", old: null, new: { id: "201", name: "u01" } },
    ],
  }),
  event("a-2", "Artifact Create", 20, U01, { project: STEERING, artifact: { id: "9001", name: "Spec.docx" } }),
];

/** What a permission record of bond about u01 says beside its event's own fields. */
const BOND_ON_U01 = {
  user: "bond",
  userStatus: "Enabled",
  id: expect.stringMatching(/^\d+$/),
  source: SOURCE,
  userId: "101",
  targetUser: "u01",
  targetUserId: "201",
  artifactId: null,
};

function post(list: List, body: unknown, options: { query?: string; token?: string | null } = {}): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const request = new Request(`${BASE}/${list}${options.query ?? ""}`, { method: "POST", headers, body: JSON.stringify(body) });
  return ROUTES[list].POST(request);
}

async function refusal(answer: Response): Promise<{ status: number; field?: string; message: string }> {
  const { error } = await answer.json();
  return { status: answer.status, field: error.field, message: error.message };
}

describe.each(testDatabases())("POST /api/v3/sysadmin/audit/{permissions,logins,artifacts} on $name", ({ open }) => {
  const state = useAppDatabase(open);
  const tokens = {} as Record<"read" | "ingest" | "otherRead", string>;
  const token = async (source: string, scopes: ("ingest" | "read")[]) =>
    (await runAs(ADMIN, () => createApiToken({ name: `t-${source}-${scopes.join("-")}`, source, scopes, expiresInDays: 30 }))).secret;
  const read = (list: List, body: unknown, query = "") => post(list, body, { query, token: tokens.read });
  const sampleWithout = (...fields: (keyof typeof sampleRequest)[]) =>
    Object.fromEntries(Object.entries(sampleRequest).filter(([key]) => !fields.includes(key as never)));

  beforeAll(async () => {
    tokens.ingest = await token(SOURCE, ["ingest"]);
    tokens.read = await token(SOURCE, ["read"]);
    // a second sending system: a console session must then say whose ids it sends
    tokens.otherRead = await token("other-alm", ["read"]);
    const stored = await ingest(
      new Request("http://console.test/api/audit/events", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${tokens.ingest}` },
        body: JSON.stringify({ events: WORLD }),
      }),
    );
    expect(await stored.json()).toMatchObject({ accepted: WORLD.length });
  });

  afterEach(() => vi.unstubAllEnvs());

  it("answers reference 001's sample request as it stands: this week's artifact permissions of bond on u01 and abc in projects 541/542, trackers 753/859", async () => {
    const answer = await read("permissions", sampleRequest);
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(CODEBEAMER_LISTS.permissions.responseSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ page: 1, pageSize: 25, total: 2, totalIsCapped: false, nextLink: null, previousLink: null });
    expect(body.auditPermissions).toEqual([
      {
        ...BOND_ON_U01,
        artifact: "Tracker: Requirements",
        eventType: "Artifact Permission Create",
        project: "Braking",
        tracker: "Requirements",
        message: { value: "Changed: Access" },
        createdAt: codebeamerTime(9),
        projectId: "541",
        trackerId: "753",
      },
      expect.objectContaining({ artifact: "Tracker: Risks", project: "Steering", tracker: "Risks", targetUser: "abc", projectId: "542", trackerId: "859" }),
    ]);
  });

  it("pages as the sample response does: page 2 of 4, items in the sample's shape, links on the public URL keeping the query", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://test-server.example.com:8201/");
    const answer = await read("permissions", sampleWithout("projectIds", "trackerIds"), "?page=2&pageSize=4");
    const body = await answer.json();
    expect(CODEBEAMER_LISTS.permissions.responseSchema.parse(body)).toEqual(body);
    expect(Object.keys(body)).toEqual(["page", "pageSize", "total", "totalIsCapped", "auditPermissions", "nextLink", "previousLink"]);
    expect(body).toMatchObject({
      page: 2,
      pageSize: 4,
      total: 11,
      nextLink: "https://test-server.example.com:8201/api/v3/sysadmin/audit/permissions?page=3&pageSize=4",
      previousLink: "https://test-server.example.com:8201/api/v3/sysadmin/audit/permissions?page=1&pageSize=4",
    });
    const items = body.auditPermissions;
    expect(items.map((item: { artifact: string }) => item.artifact)).toEqual(["Regular User without Review", "Remote API Access", "Regular User2", "user"]);
    expect(items[0]).toEqual({
      ...BOND_ON_U01,
      artifact: "Regular User without Review",
      eventType: "Group Assign",
      project: "--",
      tracker: "--",
      message: { value: "Impacted User: u01 (Enabled)" },
      createdAt: codebeamerTime(5),
      projectId: null,
      trackerId: null,
    });
    expect(items[1].message).toEqual({ value: "Impacted User: abc (Enabled)" });
    for (const item of items) expect(item.createdAt).toMatch(TIME);
    // every field of the reference's sample answer is there, of the same type
    const sampleItem = sampleResponse.auditPermissions[0] as Record<string, unknown>;
    for (const [key, value] of Object.entries(sampleResponse)) expect(typeof body[key], key).toBe(typeof value);
    for (const [key, value] of Object.entries(sampleItem)) expect(typeof items[0][key], key).toBe(typeof value);

    const last = await (await read("permissions", sampleWithout("projectIds", "trackerIds"), "?page=3&pageSize=4&source=cb-prod")).json();
    expect(last.auditPermissions.map((item: { artifact: string }) => item.artifact)).toEqual(["Tracker: Requirements", "Tracker: Risks", "Tracker: Tests"]);
    expect(last.nextLink).toBeNull();
    expect(last.previousLink).toBe("https://test-server.example.com:8201/api/v3/sysadmin/audit/permissions?page=2&pageSize=4&source=cb-prod");
  });

  it("writes links on the request's origin without NEXTAUTH_URL", async () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    const body = await (await read("permissions", sampleWithout("projectIds", "trackerIds"), "?pageSize=5")).json();
    expect([body.nextLink, body.previousLink]).toEqual([`${BASE}/permissions?page=2&pageSize=5`, null]);
  });

  it("lets duration win over fromDate and toDate, and reads fromDate..toDate when it is left out", async () => {
    const filters = sampleWithout("projectIds", "trackerIds", "duration", "fromDate", "toDate");
    const total = async (body: unknown) => (await (await read("permissions", body)).json()).total;
    expect(await total({ ...filters, fromDate: "2019-01-01T00:00:00Z", toDate: "2024-01-01T00:00:00Z", duration: "This_Week" })).toBe(11);
    expect(await total({ ...filters, fromDate: "2019-01-01T00:00:00Z", toDate: "2019-12-31T00:00:00Z" })).toBe(0);
    // last week's Group Assign comes in with a range that reaches back to it
    const fromDate = new Date(MONDAY - 2 * 86_400_000).toISOString();
    expect(await total({ ...filters, fromDate, toDate: new Date(NOW + 60_000).toISOString() })).toBe(12);
    expect(await total({ ...filters, fromDate })).toBe(12);
    // without a zone the time is UTC, whatever the server's zone: toDate included, so p-1 comes in at its time and not a millisecond before
    vi.stubEnv("TZ", "America/New_York");
    const utc = (time: number) => new Date(time).toISOString().slice(0, 23);
    expect(await total({ ...filters, fromDate, toDate: utc(at(1).getTime()) })).toBe(2);
    expect(await total({ ...filters, fromDate, toDate: utc(at(1).getTime() - 1) })).toBe(1);
  });

  it("refuses a range over one year, naming toDate, as the tabs do; one year exactly is fine", async () => {
    const tooLong = await read("permissions", { fromDate: "2024-01-01T00:00:00Z", toDate: "2025-01-01T00:00:00.001Z" });
    expect(await refusal(tooLong)).toEqual({ status: 400, field: "toDate", message: expect.stringContaining("may not exceed one year") });
    expect((await read("permissions", { fromDate: "2024-01-01T00:00:00Z", toDate: "2025-01-01T00:00:00Z" })).status).toBe(200);
    expect(await refusal(await read("permissions", { toDate: "2025-01-01T00:00:00Z" }))).toMatchObject({ status: 400, field: "fromDate" });
    expect(await refusal(await read("permissions", { fromDate: "2025-02-01", toDate: "2025-01-01" }))).toMatchObject({ status: 400, field: "toDate" });
    expect(await refusal(await read("permissions", { fromDate: "yesterday" }))).toMatchObject({ status: 400, field: "fromDate" });
    expect(await refusal(await read("permissions", { duration: "This Week" }))).toEqual({
      status: 400,
      field: "duration",
      message: expect.stringContaining("This_Week, Last_Week"),
    });
  });

  it("refuses bad paging, naming page or pageSize", async () => {
    const cases: [string, string, string][] = [
      ["?pageSize=101", "pageSize", "at most 100"],
      ["?pageSize=-1", "pageSize", "from 0 to 100"],
      ["?page=0", "page", "from 1"],
      ["?page=two", "page", "from 1"],
      ["?page=1&page=2", "page", "once"],
      ["?pageSize=0&page=2", "page", "page 1"],
      ["?page=401&pageSize=25", "page", "first 10,000 results"],
      ["?limit=5", "limit", "page, pageSize, source"],
    ];
    for (const [query, field, words] of cases) {
      expect(await refusal(await read("permissions", {}, query)), query).toEqual({ status: 400, field, message: expect.stringContaining(words) });
    }
    expect((await read("permissions", {}, "?page=400&pageSize=25")).status).toBe(200);
  });

  it("answers every result at once with pageSize 0", async () => {
    const body = await (await read("permissions", sampleWithout("projectIds", "trackerIds"), "?pageSize=0")).json();
    expect(body).toMatchObject({ page: 1, pageSize: 0, total: 11, nextLink: null, previousLink: null });
    expect(body.auditPermissions).toHaveLength(11);
  });

  it("caps the total at 10,000 (totalIsCapped), refuses pageSize 0 past it, and links no page past it", async () => {
    const carol = await state.db.prisma.user.create({ data: { username: "carol", displayName: "Carol", source: SOURCE, sourceId: "301" } });
    await state.db.withSession((session) =>
      session.exec(`
        INSERT INTO "AuditEvent" ("category", "eventType", "actorId", "actorName", "createdAt", "source")
        SELECT 'LOGIN', 'USER_LOGIN', ${carol.id}, 'carol', TIMESTAMPTZ '2025-01-01 00:00:00+00' + n * INTERVAL '1 minute', '${SOURCE}'
        FROM generate_series(1, 10001) AS n`),
    );
    const year2025 = { userNames: ["carol"], fromDate: "2025-01-01", toDate: "2025-12-31" };
    const all = await read("logins", year2025, "?pageSize=0");
    expect(await refusal(all)).toEqual({ status: 400, field: "pageSize", message: expect.stringContaining("more than 10,000 match; page through them") });
    const first = await (await read("logins", year2025)).json();
    expect(first).toMatchObject({ page: 1, pageSize: 25, total: 10_000, totalIsCapped: true, nextLink: `${BASE}/logins?page=2&pageSize=25` });
    expect(first.auditLogins[0]).toMatchObject({ user: "carol", createdAt: "2025-01-01T00:01:00.000", userId: "301", source: SOURCE, ip: null });
    const deepest = await (await read("logins", year2025, "?page=400&pageSize=25")).json();
    expect(deepest.auditLogins).toHaveLength(25);
    expect([deepest.nextLink, deepest.previousLink]).toEqual([null, `${BASE}/logins?page=399&pageSize=25`]);
  });

  it("selects nothing for ids and names the source does not know", async () => {
    for (const body of [
      { ...sampleRequest, projectIds: ["4242"] },
      { userNames: ["nobody"] },
      { ...sampleWithout("projectIds", "trackerIds"), targetUserNames: ["u01x"] },
    ]) {
      const answer = await (await read("permissions", body)).json();
      expect(answer, JSON.stringify(body)).toMatchObject({ total: 0, auditPermissions: [], nextLink: null });
    }
    // another sending system's token reads the ids of its own source: bond is not one of them
    const other = await (await post("permissions", { userNames: ["bond"] }, { token: tokens.otherRead })).json();
    expect(other.total).toBe(0);
    const named = await post("permissions", { userNames: ["bond"], source: SOURCE }, { token: tokens.otherRead });
    expect(await refusal(named)).toMatchObject({
      status: 400,
      field: "source",
      message: expect.stringContaining('reads the ids of its own source, "other-alm"'),
    });
  });

  it("lists logins with the user's status and address; refuses the fields and event types the Logins tab has not", async () => {
    const body = await (await read("logins", { userNames: ["moneypenny", "bond"], duration: "This_Week", eventTypes: ["User Login"] })).json();
    expect(CODEBEAMER_LISTS.logins.responseSchema.parse(body)).toEqual(body);
    expect(body.auditLogins).toEqual([
      {
        user: "bond",
        userStatus: "Enabled",
        eventType: "User Login",
        createdAt: codebeamerTime(16),
        id: expect.any(String),
        source: SOURCE,
        userId: "101",
        ip: "10.0.0.7",
      },
      {
        user: "moneypenny",
        userStatus: "Disabled",
        eventType: "User Login",
        createdAt: codebeamerTime(17),
        id: expect.any(String),
        source: SOURCE,
        userId: "102",
        ip: "10.0.0.8",
      },
    ]);
    expect(await refusal(await read("logins", { targetUserNames: ["u01"] }))).toEqual({
      status: 400,
      field: "targetUserNames",
      message: "targetUserNames: the Logins list's body has no such field; it takes userNames, eventTypes, fromDate, toDate, duration, showChanges, source",
    });
    expect(await refusal(await read("logins", { projectIds: ["541"] }))).toMatchObject({ status: 400, field: "projectIds" });
    expect(await refusal(await read("logins", { eventTypes: ["User Login", "Group Assign"] }))).toEqual({
      status: 400,
      field: "eventTypes",
      message: 'eventTypes[1]: "Group Assign" is not an event type of the Logins tab; use User Login, User Logout, User System Logout',
    });
  });

  it('lists work items and artifacts apart, with their changes when showChanges is true (or "true")', async () => {
    const plain = await (await read("artifacts", { duration: "This_Week" })).json();
    expect(CODEBEAMER_LISTS.artifacts.responseSchema.parse(plain)).toEqual(plain);
    expect(plain.auditArtifacts).toEqual([
      {
        user: "bond",
        userStatus: "Enabled",
        artifact: "--",
        workItem: "REQ-1 Brakes",
        eventType: "Work Item Update",
        project: "Braking",
        tracker: "Requirements",
        createdAt: codebeamerTime(19),
        id: expect.any(String),
        source: SOURCE,
        userId: "101",
        artifactId: "4711",
        projectId: "541",
        trackerId: "753",
      },
      expect.objectContaining({ user: "u01", artifact: "Spec.docx", workItem: "--", tracker: "--", artifactId: "9001", trackerId: null }),
    ]);
    for (const showChanges of [true, "true"]) {
      const body = await (await read("artifacts", { duration: "This_Week", projectIds: [541], showChanges })).json();
      expect(CODEBEAMER_LISTS.artifacts.responseSchema.parse(body)).toEqual(body);
      expect(body.auditArtifacts.map((item: { changes: unknown }) => item.changes)).toEqual([
        [
          { field: "Status", kind: "text", old: "Draft", new: "Approved" },
          // the user in a change by the sender's id, as the events name users
          { field: "Assignee", kind: "user", old: null, new: { id: "201", name: "u01" } },
        ],
      ]);
    }
    expect(await refusal(await read("artifacts", { showChanges: "yes" }))).toMatchObject({ status: 400, field: "showChanges" });
    const permission = await (await read("permissions", { ...sampleRequest, showChanges: true })).json();
    expect(permission.auditPermissions[0].changes).toEqual([{ field: "Access", kind: "access", old: {}, new: { Developer: "Read" } }]);
  });

  it("refuses a body field the list has not, and a body that is no object", async () => {
    expect(await refusal(await read("permissions", { ...sampleRequest, colour: "red" }))).toMatchObject({ status: 400, field: "colour" });
    expect(await refusal(await read("permissions", ["bond"]))).toMatchObject({ status: 400, field: "body" });
    expect(await refusal(await read("permissions", { userNames: "bond" }))).toMatchObject({ status: 400, field: "userNames" });
  });

  it("answers 401 without credentials and 403 to a token that may only send events, in the one error shape", async () => {
    const anonymous = await post("permissions", sampleRequest);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to use the Audit Console." } });
    const ingestOnly = await post("logins", {}, { token: tokens.ingest });
    expect(ingestOnly.status).toBe(403);
    expect((await ingestOnly.json()).error).toMatchObject({ code: "forbidden", message: expect.stringContaining("read") });
    const get = await runAs(ADMIN, () => permissions.GET(new Request(`${BASE}/permissions`)));
    expect(get.status).toBe(405);
  });

  it("serves a console session; with several sending systems it asks which one the ids are of", async () => {
    const session = (body: unknown, query = "") => runAs(ADMIN, () => post("permissions", body, { query }));
    expect(await refusal(await session(sampleRequest))).toEqual({
      status: 400,
      field: "source",
      message: "source: ids are a sending system's own; name which one (cb-prod, other-alm)",
    });
    // without names or ids there is nothing to resolve: this week's 15 permission events of every source
    expect((await (await session({ duration: "This_Week" })).json()).total).toBe(15);
    expect((await (await session({ ...sampleRequest, source: SOURCE })).json()).total).toBe(2);
    const byQuery = await (await session(sampleWithout("projectIds", "trackerIds"), `?source=${SOURCE}&pageSize=4`)).json();
    expect(byQuery).toMatchObject({ total: 11, nextLink: `${BASE}/permissions?page=2&pageSize=4&source=${SOURCE}` });
    expect(await refusal(await session({ ...sampleRequest, source: "other-alm" }, `?source=${SOURCE}`))).toMatchObject({ status: 400, field: "source" });
  });
});
