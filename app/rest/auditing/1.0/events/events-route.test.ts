import { describe, expect, it, vi } from "vitest";
import { walkCursor } from "@/lib/api/jira/cursor-walk";
import { type JiraEventsPage, jiraEventsPageSchema } from "@/lib/api/jira/jira-entities";
import { jiraErrorSchema } from "@/lib/api/jira/jira-errors";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { validateEvents } from "@/lib/ingest/ingest-request";
import { seedDemoData } from "@/lib/seed/seed";
import { setDb } from "@/lib/db";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { GET } from "./route";

// Jira's audit API as its clients meet it: a seeded world of the demo sender ("demo"), read with
// a token of that source; the walks follow the answers' own cursors and links.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };
const ORIGIN = "http://console.test";
const MINUTE = 60_000;
// The seed's world ends two hours before the test's clock, which ingestion is given.
const SEEDED_UNTIL = new Date("2026-11-01T00:00:00Z");
const NOW = SEEDED_UNTIL.getTime() + 120 * MINUTE;
const clock = () => NOW;
const at = (minutesBeforeNow: number) => new Date(NOW - minutesBeforeNow * MINUTE).toISOString();

function call(path: string, secret: string | null): Promise<Response> {
  return GET(new Request(`${ORIGIN}${path}`, { headers: secret ? { Authorization: `Bearer ${secret}` } : {} }));
}

async function page(path: string, secret: string): Promise<JiraEventsPage> {
  const answer = await call(path, secret);
  const body = await answer.json();
  expect(answer.status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return jiraEventsPageSchema.parse(body);
}

const eventId = (entity: JiraEventsPage["entities"][number]) => entity.extraAttributes.find((attribute) => attribute.name === "Event ID")?.value ?? "";

/** A work item update with every part an entity shows, the newest of the demo sender's events. */
const KNOWN_UPDATE = {
  id: "jira-shape-1",
  type: "Work Item Update",
  createdAt: at(1),
  actor: { id: "u-zoe", username: "zoe", displayName: "Zoë Zimmer" },
  project: { id: "p-77", name: "Braking" },
  tracker: { id: "t-5", name: "Requirements" },
  artifact: { id: "wi-4711", name: "Brake pedal latency", kind: "WORK_ITEM" },
  changes: [
    { field: "Status", old: "New", new: "In Progress" },
    { field: "Assignee", kind: "user", old: null, new: { id: "u-zoe", name: "zoe" } },
  ],
  message: "moved to sprint 12",
  ip: "10.1.2.3",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
};

let sent = 0;
/** Logins of a demo user, stored now as the sender sends them. */
async function sendLogins(times: string[], actor = { id: "u-late", username: "late.larry" }) {
  const raw = times.map((createdAt) => ({ id: `login-${++sent}`, type: "User Login", createdAt, actor, ip: "10.9.8.7" }));
  const result = await ingestEvents("demo", validateEvents(raw, clock), new Date(NOW));
  expect(result.accepted).toBe(times.length);
  return raw.map((event) => event.id);
}

describe.each(testDatabases())("GET /rest/auditing/1.0/events on $name", ({ open }) => {
  const state = useAppDatabase(async () => {
    const db = await open();
    await seedDemoData(db, { events: 1500, seed: 7, now: SEEDED_UNTIL });
    setDb(db);
    await ingestEvents("demo", validateEvents([KNOWN_UPDATE], clock), new Date(NOW));
    return db;
  });
  const token = async (scopes: ("ingest" | "read")[] = ["read"], source = "demo") =>
    (await runAs(ADMIN, () => createApiToken({ name: `jira-${Math.random()}`, source, scopes, expiresInDays: 30 }))).secret;
  const idsBySourceEventId = async (keys: string[]) =>
    (await state.db.prisma.auditEvent.findMany({ where: { source: "demo", sourceEventId: { in: keys } }, select: { id: true } })).map((row) =>
      row.id.toString(),
    );
  /** The Login events newest first, as the database orders them now. */
  const loginIds = async () =>
    (await state.db.prisma.auditEvent.findMany({ where: { category: "LOGIN" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })).map(
      (row) => row.id.toString(),
    );

  it("answers the reference's example shape, newest first, an event in Jira's words with the sender's ids", async () => {
    const secret = await token();
    const [id] = await idsBySourceEventId(["jira-shape-1"]);
    const users = await state.db.prisma.user.findFirstOrThrow({ where: { source: "demo", sourceId: "u-zoe" } });
    const project = await state.db.prisma.project.findFirstOrThrow({ where: { source: "demo", sourceId: "p-77" } });
    const tracker = await state.db.prisma.tracker.findFirstOrThrow({ where: { source: "demo", sourceId: "t-5" } });
    const item = await state.db.prisma.artifact.findFirstOrThrow({ where: { source: "demo", sourceId: "wi-4711" } });

    const first = await page("/rest/auditing/1.0/events", secret);
    expect(first.entities).toHaveLength(200);
    // the console's own events (this test's token) come later still
    expect(first.entities.find((entity) => eventId(entity) === id)).toEqual({
      affectedObjects: [
        { id: "p-77", name: "Braking", type: "PROJECT", uri: `${ORIGIN}/projects/${project.id}` },
        { id: "t-5", name: "Requirements", type: "TRACKER", uri: `${ORIGIN}/trackers/${tracker.id}` },
        { id: "wi-4711", name: "Brake pedal latency", type: "WORK_ITEM", uri: `${ORIGIN}/artifacts/${item.id}` },
      ],
      author: { avatarUri: "", id: "u-zoe", name: "zoe", type: "user", uri: `${ORIGIN}/users/${users.id}` },
      changedValues: [
        { key: "Status", i18nKey: "audit-console.field.status", from: "New", to: "In Progress" },
        { key: "Assignee", i18nKey: "audit-console.field.assignee", to: "zoe" },
      ],
      extraAttributes: [
        { name: "Event ID", nameI18nKey: "audit-console.attribute.event-id", value: id },
        { name: "Message", nameI18nKey: "audit-console.attribute.message", value: "moved to sprint 12" },
        { name: "User agent", nameI18nKey: "audit-console.attribute.user-agent", value: "Mozilla/5.0 (X11; Linux x86_64)" },
      ],
      method: "Browser",
      source: "10.1.2.3",
      system: "demo",
      timestamp: KNOWN_UPDATE.createdAt,
      type: {
        action: "Work Item Update",
        actionI18nKey: "audit-console.action.work-item-update",
        category: "Work Item",
        categoryI18nKey: "audit-console.category.work-item",
      },
    });
    const times = first.entities.map((entity) => entity.timestamp);
    expect([...times].sort().reverse()).toEqual(times);
    const last = first.entities[199];
    expect(first.pagingInfo).toEqual({
      lastPage: false,
      nextPageCursor: { cursor: `${last.timestamp},${eventId(last)}` },
      nextPageLink: `${ORIGIN}/rest/auditing/1.0/events?pageCursor=${encodeURIComponent(`${last.timestamp},${eventId(last)}`)}`,
      nextPageOffset: 200,
      size: 200,
    });
  });

  it("walks a tab's whole result by pageCursor: every event once, in order, while events arrive", async () => {
    const secret = await token();
    const before = await loginIds();
    expect(before.length).toBeGreaterThan(200);
    const seen: string[] = [];
    const newer: string[] = [];
    const behind: string[] = [];
    const passed: string[] = [];
    let next: string | undefined = "/rest/auditing/1.0/events?categories=login&limit=25";
    let pages = 0;
    while (next) {
      const answer = await page(next.replace(ORIGIN, ""), secret);
      expect(answer.entities.length).toBeLessThanOrEqual(25);
      seen.push(...answer.entities.map(eventId));
      next = answer.pagingInfo.nextPageLink;
      pages++;
      if (pages === 2 || pages === 5) {
        const position = Date.parse(answer.entities.at(-1)?.timestamp ?? "");
        const minutesAgo = (time: number) => (NOW - time) / MINUTE;
        // newer than the walk's start, behind the cursor (still to come), before the cursor (passed)
        newer.push(...(await idsBySourceEventId(await sendLogins([at(0.5)]))));
        behind.push(...(await idsBySourceEventId(await sendLogins([at(minutesAgo(position) + 60 * 24)]))));
        passed.push(...(await idsBySourceEventId(await sendLogins([at(minutesAgo(position) - 1)]))));
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    // What the walk sees: every Login there was when it started, and the late ones that arrived behind its cursor.
    const inOrder = (await loginIds()).filter((id) => before.includes(id) || behind.includes(id));
    expect(seen).toEqual(inOrder);
    expect(seen.filter((id) => newer.includes(id) || passed.includes(id))).toEqual([]);
    expect(pages).toBe(Math.ceil(inOrder.length / 25));
  });

  it("is walked whole by npm run bench:cursor's walker: every event once, in order", async () => {
    const secret = await token();
    const total = await state.db.prisma.auditEvent.count();
    const walk = await walkCursor({ url: ORIGIN, token: secret, limit: 100, fetch: (url, init) => GET(new Request(url, init)) });
    expect(walk).toMatchObject({ events: total, pages: Math.ceil(total / 100), duplicates: 0, outOfOrder: 0, complete: true });
    expect(walk.pageMs).toHaveLength(walk.pages);
    const sample = await walkCursor({
      url: ORIGIN,
      token: secret,
      query: "categories=Login",
      limit: 10,
      maxPages: 3,
      fetch: (url, init) => GET(new Request(url, init)),
    });
    expect(sample).toMatchObject({ events: 30, pages: 3, duplicates: 0, complete: false });
  });

  it("polls by afterId in storage order: every event once, the backdated ones too", async () => {
    const secret = await token();
    const [{ max }] = await state.db.query<{ max: string }>(`SELECT max("id")::text AS "max" FROM "AuditEvent"`);
    const seen: string[] = [];
    let afterId = "0";
    let polls = 0;
    for (;;) {
      const answer = await page(`/rest/auditing/1.0/events?afterId=${afterId}&limit=500`, secret);
      seen.push(...answer.entities.map(eventId));
      const lastId = answer.pagingInfo.lastId ?? "";
      expect(BigInt(lastId)).toBeGreaterThanOrEqual(BigInt(afterId));
      afterId = lastId;
      if (++polls === 2) {
        // late arrivals: one a day old, one from a minute ago; the poll has passed both times
        await sendLogins([at(60 * 24), at(1)]);
      }
      if (answer.pagingInfo.lastPage && polls > 2) break;
    }
    const all = (await state.db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((row) => row.id.toString());
    expect(BigInt(all.at(-1) ?? 0)).toBeGreaterThan(BigInt(max));
    expect(seen).toEqual(all);
    expect(afterId).toBe(all.at(-1));
    // nothing new: an empty page that keeps the place
    const idle = await page(`/rest/auditing/1.0/events?afterId=${afterId}`, secret);
    expect(idle).toEqual({ entities: [], pagingInfo: { lastPage: true, nextPageOffset: 0, size: 0, lastId: afterId } });
  });

  it("filters by the sender's user ids, categories, actions, affected objects, time and text; an unknown id selects nothing", async () => {
    const secret = await token();
    const someone = await state.db.prisma.user.findFirstOrThrow({
      where: { source: "demo", sourceId: { not: null }, username: { not: "zoe" } },
      orderBy: { id: "asc" },
    });
    const theirs = await state.db.prisma.auditEvent.count({ where: { actorId: someone.id } });
    expect(theirs).toBeGreaterThan(0);
    const byUser = await page(`/rest/auditing/1.0/events?userIds=${someone.sourceId},no-such-id&limit=1000`, secret);
    expect(byUser.entities.length).toBe(theirs);
    expect(new Set(byUser.entities.map((entity) => entity.author.id))).toEqual(new Set([someone.sourceId]));

    expect((await page("/rest/auditing/1.0/events?userIds=no-such-id", secret)).entities).toEqual([]);
    expect((await page("/rest/auditing/1.0/events?affectedObject=PROJECT,no-such-project", secret)).entities).toEqual([]);

    const actions = await page("/rest/auditing/1.0/events?actions=user%20logout,USER_SYSTEM_LOGOUT&categories=Login,Permission&limit=1000", secret);
    const logouts = await state.db.prisma.auditEvent.count({ where: { eventType: { in: ["USER_LOGOUT", "USER_SYSTEM_LOGOUT"] } } });
    expect(actions.entities.length).toBe(logouts);
    expect(new Set(actions.entities.map((entity) => entity.type.action))).toEqual(new Set(["User Logout", "User System Logout"]));

    const project = await page("/rest/auditing/1.0/events?affectedObject=project,p-77;work_item,wi-4711", secret);
    expect(project.entities.map((entity) => entity.type.action)).toEqual(["Work Item Update"]);

    const seeded = await state.db.prisma.auditEvent.findFirstOrThrow({ where: { category: "LOGIN", actorId: someone.id }, orderBy: { createdAt: "desc" } });
    const from = new Date(seeded.createdAt.getTime()).toISOString();
    const to = new Date(seeded.createdAt.getTime() + 1).toISOString();
    const instant = await page(`/rest/auditing/1.0/events?from=${from}&to=${to}&userIds=${someone.sourceId}`, secret);
    expect(instant.entities.map(eventId)).toEqual([seeded.id.toString()]);
    expect(instant.entities[0].affectedObjects).toEqual([{ id: someone.sourceId, name: seeded.actorName, type: "USER", uri: `${ORIGIN}/users/${someone.id}` }]);

    const found = await page("/rest/auditing/1.0/events?search=PEDAL%20LATENCY", secret);
    expect(found.entities.map((entity) => entity.affectedObjects.at(-1)?.name)).toEqual(["Brake pedal latency"]);
    expect((await page("/rest/auditing/1.0/events?search=sprint%2012&scanLimit=1", secret)).entities).toHaveLength(0);
    expect((await page("/rest/auditing/1.0/events?search=100%25", secret)).entities).toEqual([]);

    // a search over two categories, read on by cursor, finds what the database finds
    const contains = { contains: "an", mode: "insensitive" } as const;
    const expected = await state.db.prisma.auditEvent.findMany({
      where: {
        category: { in: ["WORK_ITEM", "ARTIFACT"] },
        OR: [
          { actorName: contains },
          { targetUserName: contains },
          { projectName: contains },
          { trackerName: contains },
          { artifactName: contains },
          { message: contains },
        ],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { id: true },
    });
    const searched = "/rest/auditing/1.0/events?search=AN&categories=Work%20Item,Artifact&limit=5";
    const one = await page(searched, secret);
    const two = await page(`${searched}&pageCursor=${encodeURIComponent(one.pagingInfo.nextPageCursor?.cursor ?? "")}`, secret);
    expect([...one.entities, ...two.entities].map(eventId)).toEqual(expected.map((row) => row.id.toString()));
  });

  it("pages by offset as far as 10,000 records, the same pages as the cursor", async () => {
    const secret = await token();
    const first = await page("/rest/auditing/1.0/events?limit=25", secret);
    const second = await page(`/rest/auditing/1.0/events?limit=25&offset=25`, secret);
    const byCursor = await page(`/rest/auditing/1.0/events?limit=25&pageCursor=${encodeURIComponent(first.pagingInfo.nextPageCursor?.cursor ?? "")}`, secret);
    expect(second.entities).toEqual(byCursor.entities);
    expect(second.pagingInfo.nextPageOffset).toBe(50);
    const scanned = await page("/rest/auditing/1.0/events?limit=25&scanLimit=30&offset=10", secret);
    expect(scanned.entities).toHaveLength(20);
    expect(scanned.pagingInfo.lastPage).toBe(true);
  });

  it.each([
    ["from=yesterday", "from", /not an ISO 8601 time/],
    ["from=2026-02-30T00:00:00Z", "from", /not an ISO 8601 time/],
    ["from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to", /must come after from/],
    ["limit=0", "limit", /from 1 to 1,000/],
    ["limit=1001", "limit", /from 1 to 1,000/],
    ["limit=ten", "limit", /whole number/],
    ["limit=10&limit=20", "limit", /given 2 times/],
    ["offset=9990", "offset", /read further with pageCursor/],
    ["pageCursor=yesterday,5", "pageCursor", /not a cursor/],
    ["pageCursor=2026-03-01T00:00:00Z", "pageCursor", /not a cursor/],
    ["affectedObject=PROJECT", "affectedObject", /not "type,id"/],
    ["affectedObject=planet,3", "affectedObject", /types: USER, PROJECT, TRACKER, WORK_ITEM, ARTIFACT/],
    ["categories=Login,Gossip", "categories", /"Gossip" is not a category; use Login, Work Item, Artifact, Permission, Audit Console/],
    ["actions=Coffee", "actions", /"Coffee" is not an action/],
    ["scanLimit=20000", "scanLimit", /from 1 to 10,000/],
    ["outputFormat=xml", "outputFormat", /only json/],
    ["afterId=-1", "afterId", /event id/],
    ["afterId=5&pageCursor=2026-03-01T00:00:00Z,5", "afterId", /takes no pageCursor/],
    [`search=${"x".repeat(201)}`, "search", /at most 200/],
    ["source=elsewhere", "source", /reads the ids of its own source, "demo"/],
  ])("refuses %s in Jira's shape, naming %s", async (query, key, message) => {
    const answer = await call(`/rest/auditing/1.0/events?${query}`, await token());
    expect(answer.status).toBe(400);
    const body = jiraErrorSchema.parse(await answer.json());
    expect(body).toEqual([
      { errors: [{ key, message: expect.stringMatching(message) }], message: expect.stringMatching(message), status: 400, timestamp: expect.any(String) },
    ]);
    expect(Math.abs(Date.parse(body[0].timestamp) - Date.now())).toBeLessThan(60_000);
  });

  it("takes Jira's spellings: an offset as +0100 or an unencoded +, a cursor in epoch milliseconds, scanLimit of Integer.MAX_VALUE", async () => {
    const secret = await token();
    const first = await page("/rest/auditing/1.0/events?limit=3", secret);
    const [time, id] = (first.pagingInfo.nextPageCursor?.cursor ?? "").split(",");
    const byEpoch = await page(`/rest/auditing/1.0/events?limit=3&pageCursor=${Date.parse(time)},${id}`, secret);
    const byIso = await page(`/rest/auditing/1.0/events?limit=3&pageCursor=${encodeURIComponent(`${time},${id}`)}`, secret);
    expect(byEpoch.entities).toEqual(byIso.entities);
    // from = the third entity's time, written at +01:00 in Jira's way and with the + unencoded
    const third = Date.parse(first.entities[2].timestamp);
    const wallClock = new Date(third + 3_600_000).toISOString().slice(0, 23);
    const expected = (await page("/rest/auditing/1.0/events?limit=5", secret)).entities.filter((entity) => Date.parse(entity.timestamp) >= third);
    const zoned = await page(`/rest/auditing/1.0/events?limit=5&from=${wallClock}%2B0100&scanLimit=2147483647`, secret);
    const spaced = await page(`/rest/auditing/1.0/events?limit=5&from=${wallClock}+01:00`, secret);
    expect(zoned.entities.length).toBeGreaterThanOrEqual(3);
    expect(zoned.entities).toEqual(expected);
    expect(spaced.entities).toEqual(expected);
  });

  it("answers 401 without credentials and 403 to an ingest-only token, in the console's shape; a session names its source", async () => {
    const anonymous = await call("/rest/auditing/1.0/events", null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    const ingestOnly = await call("/rest/auditing/1.0/events", await token(["ingest"], "other-alm"));
    expect(ingestOnly.status).toBe(403);
    expect((await ingestOnly.json()).error).toMatchObject({ code: "forbidden" });

    // two sending systems now (demo, other-alm): a console session says whose ids it sends
    const asAdmin = (query: string) => runAs(ADMIN, () => GET(new Request(`${ORIGIN}/rest/auditing/1.0/events?${query}`)));
    const unnamed = await asAdmin("userIds=1");
    expect(unnamed.status).toBe(400);
    expect((await unnamed.json())[0].errors).toEqual([{ key: "source", message: expect.stringMatching(/name which one \(demo, other-alm\)/) }]);
    const named = await asAdmin("userIds=u-zoe&source=demo");
    expect(named.status).toBe(200);
    expect(jiraEventsPageSchema.parse(await named.json()).entities.map((entity) => entity.author.name)).toEqual(["zoe"]);
  });
});
