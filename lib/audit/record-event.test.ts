import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Database } from "@/lib/db";
import { testDatabases } from "@/lib/test/databases";
import { InvalidAuditEventError, recordEvent } from "./record-event";

describe.each(testDatabases())("recordEvent on $name", ({ open }) => {
  let db: Database;

  beforeAll(async () => {
    db = await open();
    setDb(db);
  });
  afterAll(async () => {
    setDb(undefined);
    await db.close();
  });

  it("stores an event with its category, snapshots and validated changes", async () => {
    const createdAt = new Date("2026-02-01T10:00:00.123Z");
    const result = await recordEvent({
      eventType: "WORK_ITEM_UPDATE",
      actor: { id: 7, name: "zoë" },
      project: { id: 1, name: "Apollo" },
      tracker: { id: 2, name: "Bugs" },
      artifact: { id: 3, name: "Crash on save", kind: "WORK_ITEM" },
      changes: [{ field: "Status", old: "Open", new: "Closed" }],
      ip: "192.0.2.1",
      userAgent: "Test",
      createdAt,
    });
    expect(result.stored).toBe(true);
    const row = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      category: "WORK_ITEM",
      actorId: 7,
      actorName: "zoë",
      projectName: "Apollo",
      trackerName: "Bugs",
      artifactName: "Crash on save",
      artifactKind: "WORK_ITEM",
      targetUserId: null,
      details: null,
      createdAt,
      changes: [{ field: "Status", kind: "text", old: "Open", new: "Closed" }],
    });
  });

  it("refuses malformed changes and names the field, storing nothing", async () => {
    const before = await db.prisma.auditEvent.count();
    await expect(
      recordEvent({ eventType: "ARTIFACT_UPDATE", actor: { id: 1, name: "ada" }, changes: [{ field: "" }] }),
    ).rejects.toThrow(InvalidAuditEventError);
    await expect(recordEvent({ eventType: "USER_LOGIN", actor: { id: 1, name: " " } })).rejects.toThrow("actor.name");
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });
});
