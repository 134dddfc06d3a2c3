import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { deleteEvents } from "@/lib/test/delete-events";
import { recordEvent } from "../events/record-event";
import { runCheckpoint } from "./checkpoint-job";
import { getIntegrityStatus, INTEGRITY_JOB_PRINCIPAL, integrityAlertFor, runIntegrityCheck, startIntegrityCheck } from "./integrity-check";
import { logSigningKey } from "./log-key";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, userId: 2, username: "audrey", role: "AUDITOR" };

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
    expect(passed).toMatchObject({ outcome: "passed", trigger: "schedule", eventsChecked: 20, checkpointsChecked: 1 });
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
    expect(failed).toMatchObject({ outcome: "failed", problemCount: 1, problems: [{ kind: "altered", seq: 7 }] });
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
