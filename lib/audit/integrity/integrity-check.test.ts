import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { setDb, type Database } from "@/lib/db";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { deleteEvents } from "@/lib/test/delete-events";
import { type ReopenableDatabase, reopenableDatabases } from "../config/reopenable-databases";
import { recordEvent } from "../events/record-event";
import { purgeExpiredEvents } from "../retention/purge";
import { LOG_REMOVAL_LOCK_KEY } from "../retention/purge-lock";
import { checkpointAll, runCheckpoint } from "./checkpoint-job";
import {
  getIntegrityStatus,
  INTEGRITY_JOB_PRINCIPAL,
  integrityAlertFor,
  runIntegrityCheck,
  runningIntegrityCheck,
  startIntegrityCheck,
} from "./integrity-check";
import { logSigningKey } from "./log-key";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, userId: 2, username: "audrey", role: "AUDITOR" };
const OTHER_ADMIN: Principal = { ...ADMIN, userId: 3, username: "otto" };

describe.each(testDatabases())("the console's verification of the log on $name", ({ open }) => {
  const fixture = useAppDatabase(open);

  beforeEach(async () => {
    await deleteEvents(fixture.db);
    for (let i = 0; i < 20; i++) await recordEvent({ eventType: "USER_LOGIN", actor: { id: i, name: `user${i}` } });
    await runCheckpoint(fixture.db, logSigningKey());
  });

  it("records each verification as an Audit Log Verification event, and alerts administrators while the last one failed", async () => {
    const { db } = fixture;
    const passed = await runIntegrityCheck("schedule", INTEGRITY_JOB_PRINCIPAL);
    expect(passed).toMatchObject({ ran: true });
    expect(passed.ran && passed.details).toMatchObject({ outcome: "passed", trigger: "schedule", eventsChecked: 20, checkpointsChecked: 1 });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { eventType: "AUDIT_INTEGRITY_CHECK" } });
    expect(event).toMatchObject({ category: "SYSTEM", actorName: "integrity-check" });
    expect(event.message).toMatch(/^The audit log verifies: 20 events/);
    expect(await integrityAlertFor(ADMIN)).toBeNull();

    // Someone with the owner's login edits an event.
    await db.withTransaction(async (session) => {
      await session.query("SET LOCAL session_replication_role = replica");
      await session.query(`UPDATE "AuditEvent" SET "actorName" = 'someone else' WHERE "actorName" = 'user7'`);
    });
    const failed = await runAs(ADMIN, () => runIntegrityCheck("manual", ADMIN));
    expect(failed.ran && failed.details).toMatchObject({ outcome: "failed", problemCount: 1, problems: [{ kind: "altered", seq: 7 }] });
    const alert = await integrityAlertFor(ADMIN);
    expect(alert?.message).toMatch(/does not verify: Altered content: seq 7/);
    expect(await integrityAlertFor(AUDITOR)).toBeNull();
    const status = await runAs(AUDITOR, () => getIntegrityStatus());
    expect(status).toMatchObject({ verifierKey: logSigningKey().verifierKey, latestCheckpoint: { treeSize: 20 }, lastCheck: { outcome: "failed" } });
  });

  it("starts in the background for administrators only, one at a time", async () => {
    await expect(runAs(AUDITOR, () => startIntegrityCheck())).rejects.toThrow(/Administrator/);
    const [first, second] = await runAs(ADMIN, () => Promise.all([startIntegrityCheck(), startIntegrityCheck()]));
    expect([first.started, second.started].sort()).toEqual([false, true]);
    await vi.waitFor(async () => expect(await fixture.db.prisma.auditEvent.count({ where: { eventType: "AUDIT_INTEGRITY_CHECK" } })).toBe(1), {
      timeout: 20_000,
    });
    const event = await fixture.db.prisma.auditEvent.findFirstOrThrow({ where: { eventType: "AUDIT_INTEGRITY_CHECK" } });
    expect(event).toMatchObject({ actorName: "ada", details: expect.objectContaining({ outcome: "passed", trigger: "manual" }) });
  });
});

/** A promise and the function that resolves it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * Holds every reader of the log's leaves at its first read until `release`: a lock on "AuditLeaf" in
 * a transaction of `db`'s own. Resolves once the lock is taken.
 */
async function holdLeaves(db: Database): Promise<{ release: () => Promise<void> }> {
  const taken = deferred();
  const gate = deferred();
  const held = db.withTransaction(async (session) => {
    await session.query(`LOCK TABLE "AuditLeaf" IN ACCESS EXCLUSIVE MODE`);
    taken.resolve();
    await gate.promise;
  });
  await taken.promise;
  return {
    release: async () => {
      gate.resolve();
      await held;
    },
  };
}

/** The sessions holding or awaiting the removal lock, by mode: "ShareLock granted", "ExclusiveLock waiting". */
async function removalLock(db: Database): Promise<string[]> {
  const rows = await db.query<{ mode: string; granted: boolean }>(
    `SELECT mode, granted FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = $1::bigint::oid
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY granted DESC, mode`,
    [LOG_REMOVAL_LOCK_KEY],
  );
  return rows.map((row) => `${row.mode} ${row.granted ? "granted" : "waiting"}`);
}

const DAY = 86_400_000;
const OLD_LOGINS = 12;

describe.each(reopenableDatabases().filter((kind) => kind.concurrent))("the verification in two server processes on $name", ({ create }) => {
  let data: ReopenableDatabase;
  let one: Database;
  let two: Database;

  // Each client is a server process: its own pools and its own flags. Twelve logins older than the
  // retention (180 days by default) and twenty new ones, all in the signed log.
  beforeEach(async () => {
    data = await create();
    [one, two] = [await data.open(), await data.open()];
    setDb(one);
    const old = new Date(Date.now() - 400 * DAY);
    await one.prisma.auditEvent.createMany({
      data: Array.from({ length: OLD_LOGINS }, (_, i) => ({
        category: "LOGIN" as const,
        eventType: "USER_LOGIN" as const,
        actorId: i,
        actorName: `old${i}`,
        createdAt: old,
      })),
    });
    for (let i = 0; i < 20; i++) await recordEvent({ eventType: "USER_LOGIN", actor: { id: i, name: `user${i}` } });
    await checkpointAll(one, logSigningKey());
  });
  afterEach(async () => {
    setDb(undefined);
    await one.close();
    await two.close();
    await data.dispose();
  });

  it("runs one verification at a time per database: another process is told who started the running one and when", async () => {
    const leaves = await holdLeaves(two);
    const started = deferred();
    const first = runAs(ADMIN, () => runIntegrityCheck("manual", ADMIN, { database: one, onStarted: started.resolve }));
    await started.promise;

    // The daily check in the other process, and an administrator's "Verify now" there.
    const scheduled = await runIntegrityCheck("schedule", INTEGRITY_JOB_PRINCIPAL, { database: two });
    const running = { startedBy: "ada", trigger: "manual", startedAt: expect.any(Date), progress: null };
    expect(scheduled).toEqual({ ran: false, running });
    setDb(two);
    expect(await runAs(OTHER_ADMIN, () => startIntegrityCheck())).toEqual({ started: false, running });
    expect(await runningIntegrityCheck(two)).toEqual(running);
    const startedAt = (scheduled as { running: { startedAt: Date } }).running.startedAt;
    expect(Math.abs(startedAt.getTime() - Date.now())).toBeLessThan(60_000);

    await leaves.release();
    const done = await first;
    expect(done.ran && done.details).toMatchObject({ outcome: "passed", eventsChecked: OLD_LOGINS + 20 });
    expect(await one.prisma.auditEvent.count({ where: { eventType: "AUDIT_INTEGRITY_CHECK" } })).toBe(1);
    expect(await runningIntegrityCheck(two)).toBeNull();
  });

  it("a purge that starts during a verification waits for it, and the verification finds nothing missing", async () => {
    const leaves = await holdLeaves(two);
    const verification = runAs(ADMIN, () => runIntegrityCheck("manual", ADMIN, { database: one }));
    await vi.waitFor(async () => expect(await removalLock(two)).toEqual(["ShareLock granted"]));
    const purge = runAs(ADMIN, () => purgeExpiredEvents({ trigger: "manual", database: two }));
    await vi.waitFor(async () => expect(await removalLock(two)).toEqual(["ShareLock granted", "ExclusiveLock waiting"]));

    await leaves.release();
    const verified = await verification;
    expect(verified.ran && verified.details).toMatchObject({ outcome: "passed", eventsChecked: OLD_LOGINS + 20, purged: 0, problemCount: 0 });
    expect(await purge).toMatchObject({ status: "completed", total: OLD_LOGINS });
    const after = await runIntegrityCheck("schedule", INTEGRITY_JOB_PRINCIPAL, { database: one });
    expect(after.ran && after.details).toMatchObject({ outcome: "passed", purged: OLD_LOGINS, problemCount: 0 });
  });

  it("a verification that starts during a purge waits for it, and counts what it removed as purged, not missing", async () => {
    const leaves = await holdLeaves(two);
    const purge = runAs(ADMIN, () => purgeExpiredEvents({ trigger: "manual", database: two }));
    await vi.waitFor(async () => expect(await removalLock(two)).toEqual(["ExclusiveLock granted"]));
    const verification = runAs(ADMIN, () => runIntegrityCheck("manual", ADMIN, { database: one }));
    await vi.waitFor(async () => expect(await removalLock(two)).toEqual(["ExclusiveLock granted", "ShareLock waiting"]));
    // What the Config tab shows meanwhile: that it waits for the remover, not "0 of 0 events".
    expect((await runningIntegrityCheck(one))?.progress).toMatchObject({ waitingForRemover: true });

    await leaves.release();
    expect(await purge).toMatchObject({ status: "completed", total: OLD_LOGINS });
    const verified = await verification;
    expect(verified.ran && verified.details).toMatchObject({ outcome: "passed", purged: OLD_LOGINS, problemCount: 0 });
  });
});
