import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { createConsoleSession, endConsoleSession } from "@/lib/auth/sessions";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { updateCoverage } from "../config/coverage";
import { InvalidAuditEventError, recordEvent } from "./record-event";

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const CONTEXT = { via: "console" as const, request: { ip: "192.0.2.1", userAgent: "Test" } };

describe.each(testDatabases())("recordEvent on $name", ({ open }) => {
  const fixture = useAppDatabase(open);

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
    const row = await fixture.db.prisma.auditEvent.findFirstOrThrow({ where: { id: result.id } });
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
    const before = await fixture.db.prisma.auditEvent.count();
    await expect(recordEvent({ eventType: "ARTIFACT_UPDATE", actor: { id: 1, name: "ada" }, changes: [{ field: "" }] })).rejects.toThrow(
      InvalidAuditEventError,
    );
    await expect(recordEvent({ eventType: "USER_LOGIN", actor: { id: 1, name: " " } })).rejects.toThrow("actor.name");
    expect(await fixture.db.prisma.auditEvent.count()).toBe(before);
  });

  it("drops the events of a type switched off and counts them, and stores them again once it is on", async () => {
    const user = await fixture.db.prisma.user.create({ data: { username: "logout.test", displayName: "Logout Test" } });
    const logouts = () => fixture.db.prisma.auditEvent.count({ where: { eventType: "USER_LOGOUT", actorId: user.id } });
    const dropped = async () => Number((await fixture.db.prisma.droppedEventCount.findUnique({ where: { eventType: "USER_LOGOUT" } }))?.count ?? 0);

    await runAs(ADMIN, () => updateCoverage({ eventTypes: { USER_LOGOUT: false } }, CONTEXT));
    const first = await createConsoleSession(user.id, user.consoleRole, CONTEXT.request);
    expect(await endConsoleSession(first, "LOGOUT")).toBe(true);
    expect(await recordEvent({ eventType: "USER_LOGOUT", actor: { id: user.id, name: user.username } })).toEqual({ stored: false });
    expect(await logouts()).toBe(0);
    expect(await dropped()).toBe(2);
    // other types are not affected
    expect((await recordEvent({ eventType: "USER_LOGIN", actor: { id: user.id, name: user.username } })).stored).toBe(true);

    await runAs(ADMIN, () => updateCoverage({ eventTypes: { USER_LOGOUT: true } }, CONTEXT));
    const second = await createConsoleSession(user.id, user.consoleRole, CONTEXT.request);
    await endConsoleSession(second, "LOGOUT");
    expect(await logouts()).toBe(1);
    expect(await dropped()).toBe(2);
  });

  it("checks a dropped event's shape all the same", async () => {
    await runAs(ADMIN, () => updateCoverage({ eventTypes: { ARTIFACT_UPDATE: false } }, CONTEXT));
    await expect(recordEvent({ eventType: "ARTIFACT_UPDATE", actor: { id: 1, name: "" } })).rejects.toThrow("actor.name");
    await runAs(ADMIN, () => updateCoverage({ eventTypes: { ARTIFACT_UPDATE: true } }, CONTEXT));
  });
});
