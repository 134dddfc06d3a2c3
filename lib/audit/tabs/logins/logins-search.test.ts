import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AuthError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { setDb, type Database } from "@/lib/db";
import type { AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";
import { testDatabases } from "@/lib/test/databases";
import { FilterValidationError } from "../../search/filter-schema";
import type { EventRow } from "../../events/event-rows";
import { searchTabEvents } from "../../search/tab-search";
import { loginsTab } from "./logins-tab";

// No request, no session: only runAs lets a caller through.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const NOW = new Date("2026-03-16T09:00:00Z");
const ADMIN: Principal = { userId: 1, username: "admin", displayName: "Admin", role: "ADMIN", sessionId: null };

type Actor = "alice" | "bob" | "carol" | "ghost";

// Each event carries its key as sourceEventId; the tests compare keys.
const EVENTS: Array<[key: string, actor: Actor, type: AuditEventType, at: string]> = [
  ["a-login", "alice", "USER_LOGIN", "2026-03-16T08:00:00Z"],
  ["a-logout", "alice", "USER_LOGOUT", "2026-03-16T08:30:00Z"],
  ["b-login", "bob", "USER_LOGIN", "2026-03-10T12:00:00Z"],
  ["b-system-logout", "bob", "USER_SYSTEM_LOGOUT", "2026-03-10T20:00:00Z"],
  ["a-tie-1", "alice", "USER_LOGIN", "2026-03-05T05:00:00Z"],
  ["a-tie-2", "alice", "USER_LOGIN", "2026-03-05T05:00:00Z"],
  ["ghost-login", "ghost", "USER_LOGIN", "2026-03-01T00:00:00Z"],
  ["c-login", "carol", "USER_LOGIN", "2026-02-20T07:00:00Z"],
  ["c-first-instant", "carol", "USER_LOGIN", "2026-02-15T00:00:00Z"],
  ["c-after-end", "carol", "USER_LOGOUT", "2026-03-17T00:00:00Z"],
  ["a-january", "alice", "USER_LOGIN", "2026-01-10T10:00:00Z"],
  // Other categories: never on the Logins tab, even for the same users and times.
  ["a-work-item", "alice", "WORK_ITEM_UPDATE", "2026-03-15T10:00:00Z"],
  ["b-group-assign", "bob", "GROUP_ASSIGN", "2026-03-14T10:00:00Z"],
  ["a-export", "alice", "AUDIT_EXPORT", "2026-03-13T10:00:00Z"],
];

const CATEGORY: Partial<Record<AuditEventType, AuditCategory>> = {
  WORK_ITEM_UPDATE: "WORK_ITEM",
  GROUP_ASSIGN: "PERMISSION",
  AUDIT_EXPORT: "SYSTEM",
};

const LAST_30_DAYS_NEWEST_FIRST = ["a-logout", "a-login", "b-system-logout", "b-login", "a-tie-2", "a-tie-1", "ghost-login", "c-login", "c-first-instant"];

describe.each(testDatabases())("the Logins tab's search on $name", ({ open }) => {
  let db: Database;
  const userIds = {} as Record<Actor, number>;
  const keyOf = new Map<string, string>();

  beforeAll(async () => {
    db = await open();
    setDb(db);
    const { prisma } = db;
    const alice = await prisma.user.create({ data: { username: "alice", displayName: "Alice Zoë Müller", avatarUrl: "/avatars/01.svg" } });
    const bob = await prisma.user.create({ data: { username: "bob", displayName: "Bob Łukasz", enabled: false } });
    const carol = await prisma.user.create({ data: { username: "carol", displayName: "山田 Carol" } });
    Object.assign(userIds, { alice: alice.id, bob: bob.id, carol: carol.id, ghost: 9_999 });
    // One by one, in the listed order, so that ids grow down the list (a-tie-2 after a-tie-1).
    for (const [key, actor, eventType, at] of EVENTS) {
      await prisma.auditEvent.create({
        data: {
          category: CATEGORY[eventType] ?? "LOGIN",
          eventType,
          actorId: userIds[actor],
          actorName: actor,
          createdAt: new Date(at),
          ip: "192.0.2.1",
          userAgent: "Fixture",
          source: "fixture",
          sourceEventId: key,
        },
      });
    }
    for (const event of await prisma.auditEvent.findMany({ select: { id: true, sourceEventId: true } })) {
      keyOf.set(event.id.toString(), event.sourceEventId ?? "");
    }
    // 10,001 logins of carol, one a minute from 2025-01-01: past the count cap.
    await db.withSession((session) =>
      session.exec(`
        INSERT INTO "AuditEvent" ("category", "eventType", "actorId", "actorName", "createdAt")
        SELECT 'LOGIN', 'USER_LOGIN', ${carol.id}, 'carol', TIMESTAMPTZ '2025-01-01 00:00:00+00' + n * INTERVAL '1 minute'
        FROM generate_series(1, 10001) AS n`),
    );
  });

  afterAll(async () => {
    setDb(undefined);
    await db?.close();
  });

  const search = (overrides: Partial<typeof loginsTab.defaultSearch>, timeZone = "UTC") =>
    runAs(ADMIN, () => searchTabEvents(loginsTab, { ...loginsTab.defaultSearch, ...overrides }, { timeZone, now: NOW }));
  const keys = (rows: EventRow[]) => rows.map((row) => keyOf.get(row.id));

  it("lists the last 30 days' login events newest first, and nothing else", async () => {
    const result = await search({});
    expect(keys(result.rows)).toEqual(LAST_30_DAYS_NEWEST_FIRST);
    expect(result).toMatchObject({ total: 9, totalIsCapped: false, nextCursor: null });
  });

  it("filters by users", async () => {
    expect(keys((await search({ users: [userIds.alice] })).rows)).toEqual(["a-logout", "a-login", "a-tie-2", "a-tie-1"]);
    expect(keys((await search({ users: [userIds.bob, userIds.ghost] })).rows)).toEqual(["b-system-logout", "b-login", "ghost-login"]);
  });

  it("filters by event types", async () => {
    expect(keys((await search({ types: ["USER_SYSTEM_LOGOUT"] })).rows)).toEqual(["b-system-logout"]);
    expect(keys((await search({ types: ["USER_LOGOUT", "USER_SYSTEM_LOGOUT"] })).rows)).toEqual(["a-logout", "b-system-logout"]);
  });

  it("filters by a custom range of days in the admin's time zone", async () => {
    expect(keys((await search({ range: "custom", from: "2026-01-01", to: "2026-01-31" })).rows)).toEqual(["a-january"]);
    // 2026-03-16 in New York (EDT, UTC-4) runs from 04:00 UTC to 04:00 UTC the next day.
    const newYork = await search({ range: "custom", from: "2026-03-16", to: "2026-03-16" }, "America/New_York");
    expect(keys(newYork.rows)).toEqual(["c-after-end", "a-logout", "a-login"]);
  });

  it("filters by presets", async () => {
    expect(keys((await search({ range: "Today" })).rows)).toEqual(["a-logout", "a-login"]);
    expect(keys((await search({ range: "Last_Week" })).rows)).toEqual(["b-system-logout", "b-login"]);
  });

  it("combines filters", async () => {
    const result = await search({ users: [userIds.bob, userIds.carol], types: ["USER_LOGIN"], range: "Last_30_Days" });
    expect(keys(result.rows)).toEqual(["b-login", "c-login", "c-first-instant"]);
  });

  it("sorts by user, event type or time, with the id as tie-breaker", async () => {
    expect(keys((await search({ sort: "user.asc" })).rows)).toEqual([
      "a-logout",
      "a-login",
      "a-tie-2",
      "a-tie-1",
      "b-system-logout",
      "b-login",
      "c-login",
      "c-first-instant",
      "ghost-login",
    ]);
    expect(keys((await search({ sort: "createdAt.asc" })).rows)).toEqual([...LAST_30_DAYS_NEWEST_FIRST].reverse());
    expect((await search({ sort: "eventType.desc" })).rows.map((row) => row.eventType)).toEqual([
      "USER_SYSTEM_LOGOUT",
      "USER_LOGOUT",
      ...Array(7).fill("USER_LOGIN"),
    ]);
  });

  it("shows each user's current state, and a deleted user's snapshot name", async () => {
    const rows = (await search({})).rows;
    const row = (key: string) => rows.find((candidate) => keyOf.get(candidate.id) === key) as EventRow;
    expect(row("a-login")).toMatchObject({
      eventType: "USER_LOGIN",
      label: "User Login",
      createdAt: new Date("2026-03-16T08:00:00Z"),
      ip: "192.0.2.1",
      userAgent: "Fixture",
      actor: { id: userIds.alice, name: "alice", displayName: "Alice Zoë Müller", avatarUrl: "/avatars/01.svg", enabled: true, exists: true },
    });
    expect(row("b-login").actor).toMatchObject({ displayName: "Bob Łukasz", enabled: false, exists: true });
    expect(row("ghost-login").actor).toEqual({
      id: 9_999,
      name: "ghost",
      username: "ghost",
      displayName: "ghost",
      avatarUrl: null,
      enabled: true,
      exists: false,
    });
  });

  it("caps the total at 10,000 and pages by number or by keyset position", async () => {
    const january2025 = { range: "custom", from: "2025-01-01", to: "2025-01-31" } as const;
    const page2 = await search({ ...january2025, page: 2 });
    expect(page2).toMatchObject({ total: 10_000, totalIsCapped: true, page: 2, firstRow: 26 });
    expect(page2.rows).toHaveLength(25);
    // Newest first: minute 10,001 is row 1, so page 2 starts at minute 9,976.
    expect(page2.rows[0].createdAt).toEqual(new Date(Date.UTC(2025, 0, 1) + 9_976 * 60_000));
    const last = page2.rows[24];
    expect(page2.nextCursor).toBe(`${last.createdAt.toISOString()},${last.id}`);
    expect(page2.previousCursor).toBe(`${page2.rows[0].createdAt.toISOString()},${page2.rows[0].id}`);
    const ids = (page: { rows: { id: string }[] }) => page.rows.map((row) => row.id);
    const page3 = await search({ ...january2025, page: 3 });
    const next = await search({ ...january2025, page: 3, after: page2.nextCursor });
    expect(ids(next)).toEqual(ids(page3));
    expect(next).toMatchObject({ total: 10_000, page: 3, firstRow: 51 });
    const back = await search({ ...january2025, page: 2, before: next.previousCursor });
    expect(ids(back)).toEqual(ids(page2));
    const first = await search({ ...january2025, page: 1, before: back.previousCursor });
    expect(first).toMatchObject({ page: 1, firstRow: 1, previousCursor: null });
    expect(ids(first)).toEqual(ids(await search(january2025)));
    // The end of a capped list: the oldest rows, at a position the cap does not tell.
    const end = await search({ ...january2025, page: 9, before: "end" });
    expect(end).toMatchObject({ firstRow: null, nextCursor: null });
    expect(end.rows.at(-1)?.createdAt).toEqual(new Date(Date.UTC(2025, 0, 1, 0, 1)));
    expect(end.rows).toHaveLength(25);
    const lastPage = await search({ ...january2025, page: 401, size: 25 });
    expect(lastPage.rows).toHaveLength(1);
    expect(lastPage.nextCursor).toBeNull();
  });

  it("reads the last page of an exact count from the end, and walks a list by keyset as by page number", async () => {
    const firstDay = { range: "custom", from: "2025-01-01", to: "2025-01-01", size: 100 } as const;
    const byNumber = await search({ ...firstDay, page: 15 });
    // Minutes 1 to 1,439 of the day: 15 pages of 100, the last with 39.
    expect(byNumber).toMatchObject({ total: 1_439, totalIsCapped: false, firstRow: 1_401 });
    expect(byNumber.rows).toHaveLength(39);
    const last = await search({ ...firstDay, page: 3, before: "end" });
    expect(last).toMatchObject({ page: 15, firstRow: 1_401, nextCursor: null });
    expect(last.rows.map((row) => row.id)).toEqual(byNumber.rows.map((row) => row.id));
    let page = await search(firstDay);
    for (let number = 2; number <= 15; number += 1) {
      page = await search({ ...firstDay, page: number, after: page.nextCursor });
      const offset = await search({ ...firstDay, page: number });
      expect(page.rows.map((row) => row.id)).toEqual(offset.rows.map((row) => row.id));
    }
    expect(page.nextCursor).toBeNull();
    for (let number = 14; number >= 1; number -= 1) {
      page = await search({ ...firstDay, page: number, before: page.previousCursor });
      expect(page).toMatchObject({ page: number, firstRow: (number - 1) * 100 + 1 });
    }
    expect(page.previousCursor).toBeNull();
  });

  it("counts exactly below the cap", async () => {
    expect(await search({ users: [userIds.carol], range: "Last_365_Days", size: 50 })).toMatchObject({ total: 2, totalIsCapped: false });
  });

  it("refuses a range over one year, naming the field", async () => {
    const refusal = search({ range: "custom", from: "2024-01-01", to: "2026-01-01" });
    await expect(refusal).rejects.toBeInstanceOf(FilterValidationError);
    await expect(refusal).rejects.toThrow("Login range: may not exceed one year");
  });

  it("is refused without a principal", async () => {
    const refusal = searchTabEvents(loginsTab, loginsTab.defaultSearch, { timeZone: "UTC", now: NOW });
    await expect(refusal).rejects.toBeInstanceOf(AuthError);
    await expect(refusal).rejects.toMatchObject({ status: 401 });
  });
});
