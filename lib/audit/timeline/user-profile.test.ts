import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AuthError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { setDb, type Database } from "@/lib/db";
import { testDatabases } from "@/lib/test/databases";
import { TIMELINE_TABS } from "./timeline-tabs";
import { searchUserOptions, userOptionsByIds } from "../search/user-lookup";
import { searchTimeline } from "./entity-timeline";
import { getUserProfile } from "./user-profile";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const AUDITOR: Principal = { userId: 1, username: "auditor", displayName: "Auditor", role: "AUDITOR", sessionId: null };
const asAuditor = <T>(work: () => Promise<T>) => runAs(AUDITOR, work);
const DEFAULT_TIMELINE_SEARCH = TIMELINE_TABS.user.defaultSearch;
const UTC = { timeZone: "UTC" };

describe.each(testDatabases())("the user page and the Users filter on $name", ({ open }) => {
  let db: Database;
  let zoe: number;
  let lukasz: number;
  let admin: number;

  beforeAll(async () => {
    db = await open();
    setDb(db);
    const { prisma } = db;
    admin = (await prisma.user.create({ data: { username: "admin", displayName: "Ada Admin", consoleRole: "ADMIN" } })).id;
    zoe = (
      await prisma.user.create({
        data: { username: "zoe.muller", displayName: "Zoë Müller", email: "zoe@example.com", source: "codebeamer-prod", sourceId: "4711" },
      })
    ).id;
    lukasz = (await prisma.user.create({ data: { username: "lukasz.zolc", displayName: "Łukasz Żółć", enabled: false } })).id;
    for (let index = 0; index < 25; index++) {
      await prisma.user.create({ data: { username: `filler${index}`, displayName: `Filler Zo ${String(index).padStart(2, "0")}` } });
    }
    const group = await prisma.group.create({ data: { name: "Developers" } });
    await prisma.groupMembership.create({ data: { userId: zoe, groupId: group.id } });
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));
    await prisma.auditEvent.createMany({
      data: [
        { category: "LOGIN", eventType: "USER_LOGIN", actorId: zoe, actorName: "zoe.muller", ip: "192.0.2.7", createdAt: at(1) },
        {
          category: "WORK_ITEM",
          eventType: "WORK_ITEM_UPDATE",
          actorId: zoe,
          actorName: "zoe.muller",
          projectName: "Pump",
          trackerName: "Bugs",
          artifactName: "Alarm",
          createdAt: at(2),
        },
        {
          category: "PERMISSION",
          eventType: "GROUP_ASSIGN",
          actorId: admin,
          actorName: "admin",
          targetUserId: zoe,
          targetUserName: "zoe.muller",
          message: "Impacted User: zoe.muller (Enabled)",
          createdAt: at(3),
        },
        { category: "LOGIN", eventType: "USER_LOGIN", actorId: lukasz, actorName: "lukasz.zolc", createdAt: at(4) },
      ],
    });
  });

  afterAll(async () => {
    setDb(undefined);
    await db?.close();
  });

  it("describes the user with groups, or null for an unknown id", async () => {
    expect(await asAuditor(() => getUserProfile(zoe))).toMatchObject({
      username: "zoe.muller",
      displayName: "Zoë Müller",
      email: "zoe@example.com",
      enabled: true,
      consoleRole: "NONE",
      source: "codebeamer-prod",
      sourceId: "4711",
      groups: [{ name: "Developers" }],
    });
    // A console account comes from no sending system.
    expect(await asAuditor(() => getUserProfile(admin))).toMatchObject({ source: null, sourceId: null });
    expect(await asAuditor(() => getUserProfile(999_999))).toBeNull();
  });

  it("lists what the user did and what was done to the user, newest first", async () => {
    const timeline = await asAuditor(() => searchTimeline({ kind: "user", id: zoe }, DEFAULT_TIMELINE_SEARCH, UTC));
    expect(timeline).toMatchObject({ total: 3, totalIsCapped: false, nextCursor: null });
    expect(timeline.rows.map((row) => [row.eventType, row.role])).toEqual([
      ["GROUP_ASSIGN", "Target"],
      ["WORK_ITEM_UPDATE", "Actor"],
      ["USER_LOGIN", "Actor"],
    ]);
    expect(timeline.rows[0]).toMatchObject({ category: "PERMISSION", categoryLabel: "Permission", actor: { username: "admin", exists: true } });
    expect(timeline.rows[1]).toMatchObject({ project: { id: null, name: "Pump" }, tracker: { id: null, name: "Bugs" }, artifact: { id: null, name: "Alarm" } });
    expect(timeline.rows[2]).toMatchObject({ ip: "192.0.2.7" });
  });

  it("pages the timeline", async () => {
    const second = await asAuditor(() => searchTimeline({ kind: "user", id: zoe }, { ...DEFAULT_TIMELINE_SEARCH, page: 2 }, UTC));
    expect(second.rows).toEqual([]);
    await expect(asAuditor(() => searchTimeline({ kind: "user", id: zoe }, { ...DEFAULT_TIMELINE_SEARCH, size: 10 }, UTC))).rejects.toThrow(/^Rows per page: /);
  });

  it("finds users by username or display name in any case, 20 at most, enabled first", async () => {
    const byName = await asAuditor(() => searchUserOptions("ZOË"));
    expect(byName.map((user) => user.username)).toEqual(["zoe.muller"]);
    const byUsername = await asAuditor(() => searchUserOptions("zolc"));
    expect(byUsername).toEqual([{ id: lukasz, username: "lukasz.zolc", displayName: "Łukasz Żółć", avatarUrl: null, enabled: false, source: null }]);
    const many = await asAuditor(() => searchUserOptions("zo"));
    expect(many).toHaveLength(20);
    expect(many.at(-1)?.enabled).toBe(true);
    expect(await asAuditor(() => searchUserOptions("nobody-has-this-name"))).toEqual([]);
  });

  it("names the chosen users in the order given, leaving out unknown ids", async () => {
    const options = await asAuditor(() => userOptionsByIds([lukasz, 999_999, zoe]));
    expect(options.map((user) => user.id)).toEqual([lukasz, zoe]);
    await expect(asAuditor(() => userOptionsByIds([-1]))).rejects.toThrow();
  });

  it("refuses callers without a principal", async () => {
    for (const call of [
      () => getUserProfile(zoe),
      () => searchTimeline({ kind: "user", id: zoe }, DEFAULT_TIMELINE_SEARCH, UTC),
      () => searchUserOptions("zo"),
      () => userOptionsByIds([zoe]),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(AuthError);
    }
  });
});
