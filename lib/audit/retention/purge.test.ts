import { beforeEach, describe, expect, it } from "vitest";
import { AuthError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { setDb, type Database } from "@/lib/db";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { listEventPartitions } from "@/lib/db/event-partitions";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { reopenableDatabases } from "../config/reopenable-databases";
import { updateRetention } from "../config/retention-settings";
import { ALL_EVENT_TYPES, categoryOf } from "../events/event-types";
import { previewPurge, purgeExpiredEvents } from "./purge";
import { PURGED_CATEGORIES, type PurgeResult, type PurgeRun } from "./purge-shapes";
import { getRemoverStatus } from "./remover-status";
import { runScheduledPurge, scheduleSlot } from "./remover-schedule";
import { deleteEvents } from "@/lib/test/delete-events";

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, userId: 2, username: "audrey", role: "AUDITOR" };
const NOW = new Date();
const DAY = 86_400_000;
const asAdmin = <T>(fn: () => Promise<T>) => runAs(ADMIN, fn);

const purged = (type: AuditEventType) => (PURGED_CATEGORIES as readonly string[]).includes(categoryOf(type));
/** the purge events the runs recorded, not the fixture's */
const PURGE_EVENTS = { eventType: "AUDIT_PURGE", actorName: { not: "fixture" } } as const;

/**
 * Every event type: four events older than the default retention of 180 days (three of them at the
 * same instant, so that batches split ties) and two newer ones, one a minute inside the retention.
 */
async function seedFixture(db: Database): Promise<{ oldPurged: number; kept: number }> {
  const tie = new Date(NOW.getTime() - 200 * DAY);
  const stamps = [
    { at: tie, old: true },
    { at: tie, old: true },
    { at: tie, old: true },
    { at: new Date(NOW.getTime() - 400 * DAY), old: true },
    { at: new Date(NOW.getTime() - 180 * DAY + 60_000), old: false },
    { at: new Date(NOW.getTime() - 5 * DAY), old: false },
  ];
  const data = ALL_EVENT_TYPES.flatMap((type) =>
    stamps.map(({ at, old }) => ({
      category: categoryOf(type),
      eventType: type,
      actorId: 9,
      actorName: "fixture",
      message: old ? "old" : "new",
      createdAt: at,
    })),
  );
  await db.prisma.auditEvent.createMany({ data });
  const oldPurged = ALL_EVENT_TYPES.filter(purged).length * 4;
  return { oldPurged, kept: data.length - oldPurged };
}

const CUTOFF = new Date(NOW.getTime() - 180 * DAY);
const monthEnd = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
const partitionOf = (at: Date) => `AuditEvent_expiring_${at.getUTCFullYear()}_${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
/** The old events in months wholly before the cutoff: the remover drops those months as partitions. */
const OLD_STAMPS = [200, 200, 200, 400].map((days) => new Date(NOW.getTime() - days * DAY));
const DROPPED_STAMPS = OLD_STAMPS.filter((at) => monthEnd(at) <= CUTOFF).length;
const typesOf = (category: string) => ALL_EVENT_TYPES.filter((type) => categoryOf(type) === category).length;

function completed(result: PurgeResult): PurgeRun {
  expect(result.status).toBe("completed");
  return result as PurgeRun;
}

describe.each(testDatabases())("the remover job on $name", ({ open }) => {
  const fixture = useAppDatabase(open);
  beforeEach(async () => {
    await deleteEvents(fixture.db);
    await fixture.db.prisma.setting.deleteMany();
  });

  it("deletes exactly the old Login, Work Item and Artifact events and keeps Permission and Audit Console events", async () => {
    const { oldPurged, kept } = await seedFixture(fixture.db);
    const preview = await runAs(AUDITOR, () => previewPurge(NOW));
    expect(preview).toMatchObject({ retentionDays: 180, total: oldPurged, byCategory: { LOGIN: 12, WORK_ITEM: 20, ARTIFACT: 20 } });
    expect(preview.oldest?.getTime()).toBe(NOW.getTime() - 400 * DAY);

    const run = completed(await asAdmin(() => purgeExpiredEvents({ trigger: "manual", now: NOW, batchSize: 2, pauseMs: 0 })));
    expect(run).toMatchObject({ total: oldPurged, deleted: { LOGIN: 12, WORK_ITEM: 20, ARTIFACT: 20 }, retentionDays: 180 });
    // The month 400 days back goes whole, as a partition; the rest row by row, two a batch.
    expect(run.monthsDropped).toContain(partitionOf(OLD_STAMPS[3]));
    const rowByRow = (category: string) => typesOf(category) * (OLD_STAMPS.length - DROPPED_STAMPS);
    expect(run.batches).toBe(PURGED_CATEGORIES.reduce((sum, category) => sum + Math.ceil(rowByRow(category) / 2), 0));
    const months = await fixture.db.withSession((session) => listEventPartitions(session, "expiring"));
    expect(months.map((month) => month.name)).not.toContain(partitionOf(OLD_STAMPS[3]));
    expect(months.every((month) => month.to > CUTOFF)).toBe(true);

    const left = await fixture.db.prisma.auditEvent.findMany({ where: { actorName: "fixture" } });
    expect(left).toHaveLength(kept);
    for (const event of left) expect(event.message === "new" || !purged(event.eventType)).toBe(true);
    const permissionAndSystem = ALL_EVENT_TYPES.filter((type) => !purged(type)).length;
    expect(left.filter((event) => event.message === "old")).toHaveLength(permissionAndSystem * 4);

    const [purge] = await fixture.db.prisma.auditEvent.findMany({ where: PURGE_EVENTS });
    expect(purge).toMatchObject({ category: "SYSTEM", actorId: 1, actorName: "ada" });
    expect(purge?.details).toMatchObject({
      outcome: "completed",
      trigger: "manual",
      retentionDays: 180,
      cutoff: new Date(NOW.getTime() - 180 * DAY).toISOString(),
      deleted: { LOGIN: 12, WORK_ITEM: 20, ARTIFACT: 20 },
      total: oldPurged,
    });
    expect(await runAs(AUDITOR, () => getRemoverStatus())).toMatchObject({
      running: null,
      lastRun: { outcome: "completed", trigger: "manual", startedBy: "ada", total: oldPurged },
    });
    expect((await runAs(AUDITOR, () => previewPurge(NOW))).total).toBe(0);
  });

  it("follows the retention setting", async () => {
    await seedFixture(fixture.db);
    await asAdmin(() => updateRetention({ period: { days: 365 } }, { via: "api", request: { ip: null, userAgent: null } }));
    const run = completed(await asAdmin(() => purgeExpiredEvents({ trigger: "manual", now: NOW, pauseMs: 0 })));
    expect(run).toMatchObject({ retentionDays: 365, deleted: { LOGIN: 3, WORK_ITEM: 5, ARTIFACT: 5 } });
  });

  it("runs once when two runs start at once, and each old row is deleted once", async () => {
    const { oldPurged } = await seedFixture(fixture.db);
    const results = await Promise.all([
      asAdmin(() => purgeExpiredEvents({ trigger: "manual", now: NOW, batchSize: 3, pauseMs: 1 })),
      asAdmin(() => purgeExpiredEvents({ trigger: "manual", now: NOW, batchSize: 3, pauseMs: 1 })),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["already-running", "completed"]);
    const total = results.reduce((sum, result) => sum + ("total" in result ? result.total : 0), 0);
    expect(total).toBe(oldPurged);
    expect(await fixture.db.prisma.auditEvent.count({ where: PURGE_EVENTS })).toBe(1);
  });

  it("runs a scheduled slot once, as the job, and refuses manual runs to auditors", async () => {
    const { oldPurged } = await seedFixture(fixture.db);
    const firedAt = new Date(Date.now() - 1_000);
    const first = completed(await runScheduledPurge(firedAt));
    expect(first).toMatchObject({ trigger: "schedule", total: oldPurged });
    expect(await runScheduledPurge(firedAt)).toMatchObject({ status: "skipped" });
    const [event] = await fixture.db.prisma.auditEvent.findMany({ where: PURGE_EVENTS });
    expect(event).toMatchObject({ actorId: null, actorName: "remover-job" });
    expect(event?.details).toMatchObject({ trigger: "schedule", scheduledFor: scheduleSlot(firedAt).toISOString() });

    const refused = await runAs(AUDITOR, () => purgeExpiredEvents({ trigger: "manual" })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AuthError);
    expect((refused as AuthError).status).toBe(403);
  });

  it("records a failed run with what it removed before failing", async () => {
    await seedFixture(fixture.db);
    const result = await asAdmin(() => purgeExpiredEvents({ trigger: "manual", now: NOW, batchSize: -1 }));
    // The whole months went before the row deletes failed.
    const dropped = DROPPED_STAMPS * ALL_EVENT_TYPES.filter(purged).length;
    expect(result).toMatchObject({ status: "failed", total: dropped });
    const [event] = await fixture.db.prisma.auditEvent.findMany({ where: PURGE_EVENTS });
    expect(event?.details).toMatchObject({ outcome: "failed", total: dropped });
    expect(event?.message).toMatch(new RegExp(`^The remover job failed after removing ${dropped} events`));
  });
});

describe.each(reopenableDatabases().filter((kind) => kind.concurrent))("the remover job in two processes on $name", ({ create }) => {
  it("takes the advisory lock: two clients purging at once delete each row once", async () => {
    const data = await create();
    const [one, two] = [await data.open(), await data.open()];
    try {
      setDb(one);
      const { oldPurged } = await seedFixture(one);
      // Each client is its own process: its own connection pool and its own purge flag.
      const run = (database: Database) => asAdmin(() => purgeExpiredEvents({ trigger: "manual", now: NOW, batchSize: 2, pauseMs: 5, database }));
      const results = await Promise.all([run(one), run(two)]);
      const total = results.reduce((sum, result) => sum + ("total" in result ? result.total : 0), 0);
      expect(total).toBe(oldPurged);
      expect(results.some((result) => result.status === "already-running")).toBe(true);
      expect(await one.prisma.auditEvent.count({ where: { category: { in: [...PURGED_CATEGORIES] }, message: "old" } })).toBe(0);
    } finally {
      setDb(undefined);
      await one.close();
      await two.close();
      await data.dispose();
    }
  });
});
