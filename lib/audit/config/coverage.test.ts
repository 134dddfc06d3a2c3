import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuthError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { setDb, type Database } from "@/lib/db";
import { testDatabases } from "@/lib/test/databases";
import { recordEvent } from "../events/record-event";
import { InputError } from "@/lib/api/input-error";
import { getCoverage, loadCoverage, updateCoverage } from "./coverage";
import { loadEnabledEventTypes } from "./event-switches";
import { listConfigHistory } from "./history";
import { reopenableDatabases } from "./reopenable-databases";
import { getRetention, loadRetention, updateRetention } from "./retention-settings";
import { deleteEvents } from "@/lib/test/delete-events";

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, userId: 2, username: "audrey", role: "AUDITOR" };
const CONTEXT = { via: "console" as const, request: { ip: "192.0.2.7", userAgent: "Config Test" } };

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe.each(testDatabases())("the audit configuration on $name", ({ open }) => {
  let db: Database;

  beforeAll(async () => {
    db = await open();
    setDb(db);
    await db.prisma.user.create({ data: { id: 1, username: "ada", displayName: "Ada Admin", consoleRole: "ADMIN" } });
  });
  afterAll(async () => {
    setDb(undefined);
    await db.close();
  });
  beforeEach(async () => {
    await deleteEvents(db);
    await db.prisma.eventTypeSetting.deleteMany();
    await db.prisma.setting.deleteMany();
    await db.prisma.droppedEventCount.deleteMany();
  });

  it("starts from the defaults file: every type on, the console's own types locked on, 180 days", async () => {
    const coverage = await runAs(AUDITOR, () => getCoverage());
    expect(coverage).toHaveLength(36);
    expect(coverage.map((entry) => entry.category)).toEqual([
      ...Array(3).fill("LOGIN"),
      ...Array(5).fill("WORK_ITEM"),
      ...Array(5).fill("ARTIFACT"),
      ...Array(8).fill("PERMISSION"),
      ...Array(15).fill("SYSTEM"),
    ]);
    expect(coverage.every((entry) => entry.enabled)).toBe(true);
    expect(coverage.filter((entry) => entry.locked).map((entry) => entry.eventType)).toEqual([
      "AUDIT_CONFIG_CHANGE",
      "AUDIT_EXPORT",
      "AUDIT_PURGE",
      "API_TOKEN_CREATE",
      "API_TOKEN_REVOKE",
      "SAVED_SEARCH_CREATE",
      "SAVED_SEARCH_DELETE",
      "CONSOLE_USER_CREATE",
      "CONSOLE_USER_ROLE_CHANGE",
      "CONSOLE_USER_DISABLE",
      "CONSOLE_USER_ENABLE",
      "CONSOLE_USER_UNLOCK",
      "CONSOLE_USER_PASSWORD_RESET",
      "CONSOLE_USER_PASSWORD_CHANGE",
      "AUDIT_INTEGRITY_CHECK",
    ]);
    expect(coverage.find((entry) => entry.eventType === "USER_LOGIN")).toMatchObject({ source: "default", defaultEnabled: true, dropped: 0 });
    expect(await runAs(AUDITOR, () => getRetention())).toMatchObject({ days: 180, source: "default" });
  });

  it("records one config change event per save with every switch's old and new state", async () => {
    const { changes } = await runAs(ADMIN, () => updateCoverage({ eventTypes: { USER_LOGOUT: false, "Work Item Restore": false, USER_LOGIN: true } }, CONTEXT));
    expect(changes.map((change) => [change.eventType, change.old, change.new])).toEqual([
      ["USER_LOGOUT", true, false],
      ["WORK_ITEM_RESTORE", true, false],
    ]);
    const events = await db.prisma.auditEvent.findMany({ where: { eventType: "AUDIT_CONFIG_CHANGE" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      category: "SYSTEM",
      actorId: 1,
      actorName: "ada",
      message: "Switched off: User Logout, Work Item Restore.",
      changes: [
        { field: "User Logout", kind: "enum", old: "on", new: "off" },
        { field: "Work Item Restore", kind: "enum", old: "on", new: "off" },
      ],
      details: { setting: "coverage", via: "console", switchedOff: ["USER_LOGOUT", "WORK_ITEM_RESTORE"], switchedOn: [] },
      ip: "192.0.2.7",
      userAgent: "Config Test",
    });
    const coverage = await loadCoverage(db.prisma);
    expect(coverage.find((entry) => entry.eventType === "USER_LOGOUT")).toMatchObject({ enabled: false, source: "database", updatedBy: "ada" });

    // the same again changes nothing and records nothing
    expect((await runAs(ADMIN, () => updateCoverage({ eventTypes: { USER_LOGOUT: false } }, CONTEXT))).changes).toEqual([]);
    expect(await db.prisma.auditEvent.count({ where: { eventType: "AUDIT_CONFIG_CHANGE" } })).toBe(1);
  });

  it("lists the history newest first, paged, with who and old -> new", async () => {
    await runAs(ADMIN, () => updateRetention({ period: { days: 90 } }, CONTEXT));
    await runAs(ADMIN, () => updateCoverage({ eventTypes: { GROUP_ASSIGN: false } }, { ...CONTEXT, via: "api" }));
    await runAs(ADMIN, () => updateRetention({ period: { days: 120 } }, CONTEXT));
    const page = await runAs(AUDITOR, () => listConfigHistory({ page: 1, size: 25 }));
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.message)).toEqual([
      "Retention period changed from 90 to 120 days.",
      "Switched off: Group Assign.",
      "Retention period changed from 180 to 90 days.",
    ]);
    expect(page.rows[0]).toMatchObject({ actor: { id: 1, username: "ada", displayName: "Ada Admin", exists: true }, via: "console" });
    expect(page.rows[0]?.changes).toEqual([{ field: "Retention period (days)", kind: "number", old: 90, new: 120 }]);
    expect(page.rows[1]?.via).toBe("api");
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    for (const [input, field] of [
      [{ period: { days: 29 } }, "period.days"],
      [{ period: { days: 366 } }, "period.days"],
      [{ period: { days: "abc" } }, "period.days"],
      [{ period: {} }, "period.days"],
      [{}, "period.days"],
    ] as const) {
      const error = await refusal(runAs(ADMIN, () => updateRetention(input, CONTEXT)));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ field, message: expect.stringMatching(/^Retention period \(days\): /) });
    }
    const locked = await refusal(runAs(ADMIN, () => updateCoverage({ eventTypes: { AUDIT_CONFIG_CHANGE: false } }, CONTEXT)));
    expect(locked).toMatchObject({ field: "eventTypes.AUDIT_CONFIG_CHANGE", message: expect.stringContaining("always audited") });
    expect(await refusal(runAs(ADMIN, () => updateCoverage({ eventTypes: { NOPE: false } }, CONTEXT)))).toMatchObject({ field: "eventTypes.NOPE" });
    expect(await db.prisma.auditEvent.count()).toBe(0);
    expect(await db.prisma.setting.count()).toBe(0);
  });

  it("lets only admins change the configuration", async () => {
    const changes: (() => Promise<unknown>)[] = [
      () => updateCoverage({ eventTypes: { USER_LOGIN: false } }, CONTEXT),
      () => updateRetention({ period: { days: 60 } }, CONTEXT),
    ];
    for (const change of changes) {
      const error = await refusal(runAs(AUDITOR, change));
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).status).toBe(403);
    }
    expect(await db.prisma.eventTypeSetting.count()).toBe(0);
  });

  it("tells batch writers which types are audited", async () => {
    await db.prisma.eventTypeSetting.createMany({
      data: [
        { eventType: "USER_LOGOUT", enabled: false },
        { eventType: "AUDIT_EXPORT", enabled: false },
      ],
    });
    const enabled = await loadEnabledEventTypes(db.prisma);
    expect(enabled.size).toBe(35);
    expect(enabled.has("USER_LOGOUT")).toBe(false);
    expect(enabled.has("AUDIT_EXPORT")).toBe(true);
  });

  it("never drops the console's own events", async () => {
    await db.prisma.eventTypeSetting.create({ data: { eventType: "AUDIT_EXPORT", enabled: false } });
    expect((await recordEvent({ eventType: "AUDIT_EXPORT", actor: { id: 1, name: "ada" } })).stored).toBe(true);
  });
});

describe.each(reopenableDatabases())("the audit configuration across a restart on $name", ({ create }) => {
  it("keeps what was saved: the database wins over the defaults file", async () => {
    const data = await create();
    let db = await data.open();
    try {
      setDb(db);
      await runAs(ADMIN, () => updateCoverage({ eventTypes: { USER_LOGOUT: false } }, CONTEXT));
      await runAs(ADMIN, () => updateRetention({ period: { days: 45 } }, CONTEXT));
      await recordEvent({ eventType: "USER_LOGOUT", actor: { id: 1, name: "ada" } });
      await db.close();

      db = await data.open();
      setDb(db);
      const coverage = await loadCoverage(db.prisma);
      expect(coverage.find((entry) => entry.eventType === "USER_LOGOUT")).toMatchObject({ enabled: false, source: "database", dropped: 1 });
      expect(coverage.filter((entry) => !entry.enabled)).toHaveLength(1);
      expect(await loadRetention(db.prisma)).toMatchObject({ days: 45, source: "database", updatedBy: "ada" });
      expect((await recordEvent({ eventType: "USER_LOGOUT", actor: { id: 1, name: "ada" } })).stored).toBe(false);
    } finally {
      setDb(undefined);
      await db.close();
      await data.dispose();
    }
  });
});
