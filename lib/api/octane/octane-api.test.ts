import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as eventsGet, POST as eventsPost } from "@/app/api/audit/events/route";
import { GET as auditsGet } from "@/app/api/shared_spaces/[space]/workspaces/[workspace]/audits/route";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { updateOctaneCap } from "@/lib/audit/config/octane-cap";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { octaneAuditsSchema, type OctaneAudits } from "./octane-schemas";

// ALM Octane's audits resource as its clients meet it: the reference's example queries against a
// sender whose ids are Octane's, the cap, paging, scopes and refusals.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: null, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { userId: null, username: "audrey", displayName: "Audrey", role: "AUDITOR", sessionId: null };
const ORIGIN = "http://console.test";
const T0 = Date.now();
const hoursAgo = (hours: number) => new Date(T0 - hours * 3_600_000).toISOString();

const marta = { id: 2002, username: "msantora", displayName: "Marta Santora" };
const jun = { id: 8987, username: "jlee", displayName: "Jun Lee" };
const place = { project: { id: 1001, name: "Shop" }, tracker: { id: 3001, name: "Backlog" } };
const epic = { id: 1125, name: "Checkout epic" };
const story = { id: 2004, name: "Pay by card" };
const newbie = { id: 1125, username: "newbie" };

// An Octane-like sender: an epic and a user that share the id 1125, as the reference warns they may.
const WORLD = [
  {
    id: "epic-create",
    type: "Work Item Create",
    createdAt: hoursAgo(240),
    actor: marta,
    ...place,
    artifact: epic,
    changes: [{ field: "name", old: null, new: "Checkout epic" }],
  },
  {
    id: "epic-update",
    type: "Work Item Update",
    createdAt: hoursAgo(230),
    actor: jun,
    ...place,
    artifact: epic,
    changes: [{ field: "phase", kind: "enum", old: "New", new: "In Progress" }],
  },
  { id: "epic-delete", type: "Work Item Delete", createdAt: hoursAgo(220), actor: marta, ...place, artifact: epic },
  {
    id: "story-severity",
    type: "Work Item Update",
    createdAt: hoursAgo(200),
    actor: jun,
    ...place,
    artifact: story,
    changes: [{ field: "severity", kind: "enum", old: "Low", new: "High" }],
  },
  {
    id: "story-phase",
    type: "Work Item Update",
    createdAt: hoursAgo(190),
    actor: jun,
    ...place,
    artifact: story,
    changes: [{ field: "phase", kind: "enum", old: "New", new: "Done" }],
  },
  {
    id: "story-severity-marta",
    type: "Work Item Update",
    createdAt: hoursAgo(180),
    actor: marta,
    ...place,
    artifact: story,
    changes: [{ field: "severity", kind: "enum", old: "High", new: "Critical" }],
  },
  { id: "story-remove", type: "Work Item Remove", createdAt: hoursAgo(170), actor: jun, ...place, artifact: { id: 2005, name: "Old story" } },
  { id: "user-create", type: "User Create", createdAt: hoursAgo(160), actor: marta, targetUser: newbie },
  { id: "user-assign", type: "Group Assign", createdAt: hoursAgo(159), actor: marta, targetUser: newbie, message: "Impacted User: newbie (Enabled)" },
  { id: "login", type: "User Login", createdAt: hoursAgo(150), actor: marta },
  {
    id: "perm-2018",
    type: "Artifact Permission Delete",
    createdAt: "2018-06-01T00:00:00.000Z",
    actor: jun,
    ...place,
    artifact: { name: "Backlog permissions" },
  },
  {
    id: "story-owner",
    type: "Work Item Update",
    createdAt: hoursAgo(100),
    actor: jun,
    ...place,
    artifact: story,
    changes: [{ field: "owner", kind: "user", old: null, new: { id: 2002, name: "msantora" } }],
  },
];

/** 60 updates, two at each minute: cursors must page through ties. */
const BULK = Array.from({ length: 60 }, (_, index) => ({
  id: `bulk-${index}`,
  type: "Work Item Update",
  createdAt: new Date(T0 - (Math.floor(index / 2) + 1) * 60_000).toISOString(),
  actor: { id: "b-1", username: "bulk" },
  project: { id: "p", name: "Bulk" },
  tracker: { id: "t", name: "Items" },
  artifact: { id: `item-${index % 5}`, name: `Item ${index % 5}` },
}));

type Caller = { token?: string; as?: Principal };

async function read(path: string, caller: Caller): Promise<Response> {
  const headers: Record<string, string> = caller.token ? { Authorization: `Bearer ${caller.token}` } : {};
  const request = new Request(`${ORIGIN}${path}`, { headers });
  const url = new URL(request.url);
  const segments = url.pathname.match(/^\/api\/shared_spaces\/([^/]+)\/workspaces\/([^/]+)\/audits$/);
  const call = () =>
    segments
      ? auditsGet(request, { params: Promise.resolve({ space: decodeURIComponent(segments[1]), workspace: decodeURIComponent(segments[2]) }) })
      : eventsGet(request);
  return caller.as ? runAs(caller.as, call) : call();
}

/** The answer of a read that must succeed, checked against the schema the OpenAPI document shows. */
async function audits(path: string, caller: Caller): Promise<OctaneAudits> {
  const response = await read(path, caller);
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(octaneAuditsSchema.strict().parse(body)).toEqual(body);
  return body;
}

async function refused(path: string, caller: Caller): Promise<{ status: number; error: { code: string; message: string; field?: string } }> {
  const response = await read(path, caller);
  return { status: response.status, ...(await response.json()) };
}

const q = (query: string) => `query=${encodeURIComponent(query)}`;
const workspace = (name: string, params: string) => `/api/shared_spaces/1001/workspaces/${name}/audits?${params}`;

describe.each(testDatabases())("the ALM Octane audits API on $name", ({ open }) => {
  const state = useAppDatabase(open);
  const tokens = {} as Record<"octane" | "qa" | "bulk" | "ingestOnly", string>;
  const keyOf = new Map<string, string>();
  const keys = (answer: OctaneAudits) => answer.data.map((record) => keyOf.get(record.id));

  beforeAll(async () => {
    const token = async (source: string, scopes: ("ingest" | "read")[]) =>
      (await runAs(ADMIN, () => createApiToken({ name: `${source}-${scopes.join("-")}`, source, scopes, expiresInDays: 30 }))).secret;
    tokens.octane = await token("octane-prod", ["ingest", "read"]);
    tokens.qa = await token("alm-qa", ["ingest", "read"]);
    tokens.bulk = await token("alm-bulk", ["ingest"]);
    tokens.ingestOnly = tokens.bulk;
    const send = async (secret: string, events: unknown[]) => {
      const request = new Request(`${ORIGIN}/api/audit/events`, {
        method: "POST",
        headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
        body: JSON.stringify({ events }),
      });
      expect(await (await eventsPost(request)).json()).toMatchObject({ accepted: events.length });
    };
    await send(tokens.octane, WORLD);
    // Another sender with the same ids: its 1125 and 2002 are other things and other people.
    await send(tokens.qa, [{ ...WORLD[0], id: "qa-create", artifact: { id: 1125, name: "QA item" }, actor: { id: 2002, username: "qa-user" } }]);
    await send(tokens.bulk, BULK);
    const events = await state.db.prisma.auditEvent.findMany({ select: { id: true, sourceEventId: true, eventType: true } });
    for (const event of events) keyOf.set(event.id.toString(), event.sourceEventId ?? event.eventType);
  });

  it("answers the reference's examples with the sender's ids", async () => {
    const octane = { token: tokens.octane };
    const deletions = await audits(workspace("octane-prod", q('"action EQ ^delete^;timestamp GE ^2019-01-01T20:59:59Z^"')), octane);
    expect(keys(deletions)).toEqual(["story-remove", "epic-delete"]);
    expect(deletions.data.map((record) => [record.action, record.event_type])).toEqual([
      ["delete", "Work Item Remove"],
      ["delete", "Work Item Delete"],
    ]);
    expect(keys(await audits(workspace("octane-prod", q('"action EQ ^delete^"')), octane))).toEqual(["story-remove", "epic-delete", "perm-2018"]);

    const epicAudit = await audits(workspace("octane-prod", q('"entity_type EQ ^epic^;entity_id EQ 1125"')), octane);
    expect(keys(epicAudit)).toEqual(["epic-delete", "epic-update", "epic-create"]);
    expect(epicAudit).toMatchObject({ total_count: 3, exceeds_total_count: false, next_cursor: null });
    // The id alone names the user 1125 too.
    expect(keys(await audits(workspace("octane-prod", q('"entity_id EQ 1125"')), octane))).toEqual([
      "user-assign",
      "user-create",
      "epic-delete",
      "epic-update",
      "epic-create",
    ]);

    // Marta's operations; her sign-in is no create, update or delete.
    const marta = await audits(workspace("octane-prod", q('"user_id EQ 2002"')), octane);
    expect(keys(marta)).toEqual(["user-assign", "user-create", "story-severity-marta", "epic-delete", "epic-create"]);
    expect(marta.data[1]).toMatchObject({ entity_type: "workspace_user", entity_id: "1125", entity_name: "newbie", action: "create", user: { id: "2002" } });
  });

  it("answers the reference's multi-clause example: one user's updates of one field of one story", async () => {
    const octane = { token: tokens.octane };
    const severity = await audits(
      workspace("octane-prod", q('"entity_type EQ ^story^;entity_id EQ 2004;field_name EQ ^severity^;action EQ ^update^;user_id EQ 8987"')),
      octane,
    );
    expect(keys(severity)).toEqual(["story-severity"]);
    expect(severity.data[0]?.changes).toEqual([{ field_name: "severity", old_value: "Low", new_value: "High" }]);
    // Every user's, and the field as recorded: case included.
    expect(keys(await audits(workspace("octane-prod", q("field_name EQ ^severity^")), octane))).toEqual(["story-severity-marta", "story-severity"]);
    expect(keys(await audits(workspace("octane-prod", q("field_name EQ ^Severity^")), octane))).toEqual([]);
    expect((await audits(workspace("octane-prod", `${q("field_name EQ ^severity^")}&limit=1`), octane)).total_count).toBe(2);
  });

  it("writes each record as Octane's clients read it, users in changes by the sender's id", async () => {
    const answer = await audits(`/api/audit/events?${q("entity_id EQ 2004;timestamp GT ^2000-01-01T00:00:00Z^")}&limit=1`, { token: tokens.octane });
    const [owner] = answer.data;
    expect(answer).toMatchObject({ total_count: 4, exceeds_total_count: false, next_cursor: `${hoursAgo(100)},${owner?.id}` });
    expect(owner).toEqual({
      type: "audit",
      id: owner?.id,
      entity_type: "work_item",
      entity_id: "2004",
      entity_name: "Pay by card",
      action: "update",
      timestamp: hoursAgo(100),
      user: { type: "workspace_user", id: "8987", name: "jlee" },
      changes: [{ field_name: "owner", old_value: null, new_value: { type: "workspace_user", id: "2002", name: "msantora" } }],
      event_type: "Work Item Update",
      message: null,
      workspace: { type: "workspace", id: "octane-prod" },
      project: { id: "1001", name: "Shop" },
      tracker: { id: "3001", name: "Backlog" },
    });
  });

  it("reads a workspace, all of them, or the console's own, with ids of one source", async () => {
    const create = q("entity_type EQ ^work_item^;action EQ ^create^");
    const auditor = { as: AUDITOR };
    expect(keys(await audits(workspace("octane-prod", create), auditor))).toEqual(["epic-create"]);
    expect(keys(await audits(workspace("alm-qa", create), auditor))).toEqual(["qa-create"]);
    expect(keys(await audits(workspace("all", create), auditor))).toEqual(["qa-create", "epic-create"]);
    expect(keys(await audits(`/api/audit/events?${create}`, auditor))).toEqual(["qa-create", "epic-create"]);
    expect(keys(await audits(`/api/audit/events?${create}&source=alm-qa`, auditor))).toEqual(["qa-create"]);
    // Any space id: the console is the one space.
    expect(keys(await audits(`/api/shared_spaces/anything/workspaces/alm-qa/audits?${create}`, auditor))).toEqual(["qa-create"]);

    // A token's ids are its own source's, whichever workspace it reads.
    const user = q("user_id EQ 2002;entity_type EQ ^work_item^;action EQ ^create^");
    expect(keys(await audits(workspace("all", user), { token: tokens.qa }))).toEqual(["qa-create"]);
    expect(keys(await audits(workspace("all", user), { token: tokens.octane }))).toEqual(["epic-create"]);
    expect(await refused(workspace("alm-qa", user), { token: tokens.octane })).toEqual({
      status: 400,
      error: {
        code: "invalid_input",
        field: "workspace",
        message: 'workspace: the API token "octane-prod-ingest-read" reads the ids of its own source, "octane-prod"; leave workspace out or name "octane-prod"',
      },
    });
    // A console session names the source when there are several.
    expect((await refused(workspace("all", user), auditor)).error).toEqual({
      code: "invalid_input",
      field: "workspace",
      message: "workspace: ids are a sending system's own; name which one (alm-bulk, alm-qa, octane-prod)",
    });
    expect(keys(await audits(`/api/audit/events?${user}&source=alm-qa`, auditor))).toEqual(["qa-create"]);
    // An id nobody has selects nothing, never everything.
    expect(await audits(workspace("octane-prod", q("user_id EQ 424242")), auditor)).toEqual({
      total_count: 0,
      exceeds_total_count: false,
      data: [],
      next_cursor: null,
    });

    const own = await audits(workspace("console", q("entity_type EQ ^api_access^")), auditor);
    expect(own.data.map((record) => [record.action, record.workspace.id, record.user.id])).toEqual([
      ["create", "console", null],
      ["create", "console", null],
      ["create", "console", null],
    ]);
    expect(await refused(workspace("nope", create), auditor)).toEqual({
      status: 404,
      error: {
        code: "not_found",
        field: "workspace",
        message: 'workspace: no sending system is called "nope"; use all, console, alm-bulk, alm-qa, octane-prod',
      },
    });
    expect(await refused(`/api/audit/events?source=all`, auditor)).toEqual({
      status: 400,
      error: { code: "invalid_input", field: "source", message: 'source: no sending system is called "all"; use console, alm-bulk, alm-qa, octane-prod' },
    });
  });

  it("pages every record once, by offset and limit and by cursor, either way round", async () => {
    const bulk = (params: string) => workspace("alm-bulk", params);
    const everyKey = BULK.map((event) => event.id);
    for (const order of ["-timestamp", "timestamp"]) {
      const byOffset: string[] = [];
      for (let offset = 0; ; offset += 7) {
        const page = await audits(bulk(`limit=7&offset=${offset}&order_by=${order}`), { as: AUDITOR });
        expect(page.total_count).toBe(60);
        if (page.data.length === 0) break;
        byOffset.push(...(keys(page) as string[]));
      }
      const byCursor: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: OctaneAudits = await audits(bulk(`limit=7&order_by=${order}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), { as: AUDITOR });
        byCursor.push(...(keys(page) as string[]));
        cursor = page.next_cursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(9);
      expect(byCursor).toEqual(byOffset);
      expect([...byCursor].sort()).toEqual([...everyKey].sort());
      // Newest first: the later of each pair (the higher id) before the earlier.
      if (order === "-timestamp") expect(byCursor.slice(0, 4)).toEqual(["bulk-1", "bulk-0", "bulk-3", "bulk-2"]);
      else expect(byCursor.slice(0, 2)).toEqual(["bulk-58", "bulk-59"]);
    }
  });

  it("counts up to a lowered cap, says it was exceeded, and reaches past it by cursor only", async () => {
    await runAs(ADMIN, () => updateOctaneCap({ maxRecords: 50 }, { via: "console", request: { ip: null, userAgent: null } }));
    try {
      const bulk = (params: string) => workspace("alm-bulk", params);
      const first = await audits(bulk("limit=30"), { as: AUDITOR });
      expect([first.total_count, first.exceeds_total_count, first.data.length]).toEqual([50, true, 30]);
      const last = await audits(bulk("limit=30&offset=30"), { as: AUDITOR });
      expect(last.data).toHaveLength(20);
      expect(last.next_cursor).not.toBeNull();
      expect(await refused(bulk("offset=50"), { as: AUDITOR })).toEqual({
        status: 400,
        error: {
          code: "invalid_input",
          field: "offset",
          message: "offset: a query reaches its first 50 records by offset; narrow the query (timestamp) or page by cursor (next_cursor)",
        },
      });
      const beyond = await audits(bulk(`limit=30&cursor=${encodeURIComponent(last.next_cursor as string)}`), { as: AUDITOR });
      expect(keys(beyond)).toEqual(["bulk-51", "bulk-50", "bulk-53", "bulk-52", "bulk-55", "bulk-54", "bulk-57", "bulk-56", "bulk-59", "bulk-58"]);
      expect([...keys(first), ...keys(last), ...keys(beyond)].sort()).toEqual(BULK.map((event) => event.id).sort());
      // A narrower query is counted exactly again.
      expect((await audits(bulk(q("entity_id EQ ^item-0^")), { as: AUDITOR })).total_count).toBe(12);

      const change = await audits(workspace("console", q("entity_type EQ ^configuration_parameter^")), { as: AUDITOR });
      expect(change.data[0]).toMatchObject({
        action: "update",
        entity_id: null,
        user: { type: "workspace_user", id: null, name: "ada" },
        changes: [{ field_name: "ALM Octane API: records per query", old_value: 10_000, new_value: 50 }],
        message: "ALM Octane API records per query changed from 10,000 to 50.",
      });
    } finally {
      await runAs(ADMIN, () => updateOctaneCap({ maxRecords: 10_000 }, { via: "console", request: { ip: null, userAgent: null } }));
    }
  });

  it("refuses bad parameters naming them, never widening the query", async () => {
    const cases: [string, string, string][] = [
      ["limit=0", "limit", "limit: must be a whole number from 1 to 1,000"],
      ["limit=1001", "limit", "limit: may be at most 1,000"],
      ["limit=ten", "limit", "limit: must be a whole number from 1 to 1,000"],
      ["offset=-1", "offset", "offset: must be a whole number from 0"],
      ["cursor=yesterday", "cursor", 'cursor: is not a cursor this API gave (next_cursor: "2026-03-16T09:00:00.000Z,4711")'],
      ["order_by=id", "order_by", "order_by: must be -timestamp (newest first) or timestamp (oldest first)"],
      ["qurey=user_id%20EQ%201", "qurey", "qurey: is not a parameter of this API; use query, offset, limit, cursor, order_by, fields"],
      ["query=user_id%20EQ%201&query=user_id%20EQ%202", "query", "query: give it once"],
      ["source=alm-qa", "source", "source: is not a parameter of this API; use query, offset, limit, cursor, order_by, fields"],
      ["cursor=2026-03-16T09:00:00.000Z,1&offset=0", "offset", "offset: leave it out with cursor: the cursor says where the page starts"],
      [q('"timestamp GX ^2019-01-01T00:00:00Z^"'), "query", 'query: position 12: expected EQ, GE, LE, GT or LT after timestamp, found "GX"'],
    ];
    for (const [params, field, message] of cases) {
      expect(await refused(workspace("octane-prod", params), { token: tokens.octane }), params).toEqual({
        status: 400,
        error: { code: "invalid_input", field, message },
      });
    }
    expect((await audits(workspace("octane-prod", `${q("user_id EQ 8987")}&fields=id,action`), { token: tokens.octane })).total_count).toBe(6);
  });

  it("answers 401 without credentials and 403 to a token that may only send events, in the one error shape", async () => {
    for (const path of [workspace("octane-prod", ""), "/api/audit/events"]) {
      const anonymous = await refused(path, {});
      expect(anonymous.status).toBe(401);
      expect(anonymous.error.code).toBe("unauthenticated");
      const ingestOnly = await refused(path, { token: tokens.ingestOnly });
      expect(ingestOnly.status).toBe(403);
      expect(ingestOnly.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("Reading the audit trail") });
    }
  });
});
