import { describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import type { Database } from "@/lib/db";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";
import { signInSession, useConsoleAccounts } from "@/lib/test/console-session";
import { testDatabases } from "@/lib/test/databases";
import { AuthError, checkSessionClaims, getViewer, requireAdmin, requireAuditReader, type SessionClaims } from "./guard";
import type { Principal } from "./principal";
import { runAs } from "./principal-context";
import { SESSION_MAX_AGE_MS } from "./session-policy";
import { endConsoleSession, sweepExpiredSessions } from "./sessions";

const serverSession = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => serverSession.current,
}));

const REQUEST = { ip: "192.0.2.10", userAgent: "Guard Test Browser" };
const PASSWORD = "correct horse battery";

async function expectAuthError(promise: Promise<unknown>, status: 401 | 403, message?: string | RegExp) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).status).toBe(status);
  if (message) expect((error as AuthError).message).toMatch(message);
}

describe("runAs", () => {
  const job: Principal = { userId: 0, username: "system", displayName: "Retention job", role: "ADMIN", sessionId: null };

  it("is trusted by the guard without a session", async () => {
    serverSession.current = null;
    await expect(runAs(job, () => requireAdmin())).resolves.toEqual(job);
    await expect(runAs(job, () => requireAuditReader())).resolves.toEqual(job);
    await expectAuthError(requireAuditReader(), 401, "Sign in to use the Audit Console.");
  });

  it("keeps the role it was given", async () => {
    const auditor: Principal = { ...job, username: "export-bot", role: "AUDITOR" };
    await expect(runAs(auditor, () => requireAuditReader())).resolves.toEqual(auditor);
    await expectAuthError(
      runAs(auditor, () => requireAdmin("Changing retention")),
      403,
      "Changing retention needs the Administrator role. You are signed in as export-bot (Auditor).",
    );
  });
});

describe.each(testDatabases())("the guard on $name", ({ open }) => {
  let db: Database;
  let passwordHash: string;

  useConsoleAccounts(open, serverSession, PASSWORD, (opened, hash) => {
    db = opened;
    passwordHash = hash;
  });

  /** Creates a user, signs them in and makes their session the request's. */
  async function signedIn(username: string, role: ConsoleRole, at = new Date()): Promise<SessionClaims> {
    await db.prisma.user.create({ data: { username, displayName: `${username} Example`, consoleRole: role, passwordHash } });
    return signIn(username, at);
  }

  /** Signs an existing user in and makes the new session the request's. */
  function signIn(username: string, at = new Date()): Promise<SessionClaims> {
    return signInSession(serverSession, username, PASSWORD, REQUEST, at);
  }

  const systemLogouts = () => db.prisma.auditEvent.findMany({ where: { eventType: "USER_SYSTEM_LOGOUT" } });

  it("answers 401 when nobody is signed in", async () => {
    expect(await getViewer()).toEqual({ kind: "anonymous" });
    await expectAuthError(requireAuditReader(), 401);
    await expectAuthError(requireAdmin(), 401);
  });

  it("lets an admin do everything", async () => {
    const claims = await signedIn("ada", "ADMIN");
    const principal = await requireAdmin();
    expect(principal).toMatchObject({ username: "ada", displayName: "ada Example", role: "ADMIN", sessionId: claims.sessionId });
    await expect(requireAuditReader()).resolves.toEqual(principal);
  });

  it("lets an auditor read but not change configuration", async () => {
    await signedIn("audrey", "AUDITOR");
    await expect(requireAuditReader()).resolves.toMatchObject({ username: "audrey", role: "AUDITOR" });
    await expectAuthError(requireAdmin(), 403, /needs the Administrator role/);
  });

  it("answers 403 to a signed-in user without a console role", async () => {
    const claims = await signedIn("victor", "NONE");
    expect(await getViewer()).toMatchObject({ kind: "forbidden", username: "victor", displayName: "victor Example" });
    await expectAuthError(requireAuditReader(), 403, "victor has no access to the Audit Console");
    await expectAuthError(requireAdmin(), 403);
    // still signed in: the 403 page offers to sign out
    expect(await db.prisma.consoleSession.findUnique({ where: { id: claims.sessionId } })).toMatchObject({ endedAt: null });
  });

  it("ends the session at once when the role changes in the database, whatever the token says", async () => {
    const claims = await signedIn("ada", "ADMIN");
    await db.prisma.user.update({ where: { id: claims.userId }, data: { consoleRole: "AUDITOR" } });
    await expectAuthError(requireAdmin(), 401);
    await expectAuthError(requireAuditReader(), 401);
    const events = await systemLogouts();
    expect(events.map((event) => event.message)).toEqual(["Session revoked: console role changed from Administrator to Auditor"]);
  });

  it("keeps a session ended by losing the role ended when the role comes back", async () => {
    const claims = await signedIn("ada", "ADMIN");
    await db.prisma.user.update({ where: { id: claims.userId }, data: { consoleRole: "NONE" } });
    await expectAuthError(requireAuditReader(), 401);
    expect(await db.prisma.consoleSession.findUnique({ where: { id: claims.sessionId } })).toMatchObject({ endReason: "REVOKED" });

    await db.prisma.user.update({ where: { id: claims.userId }, data: { consoleRole: "ADMIN" } });
    expect(await getViewer()).toEqual({ kind: "anonymous" });
    await expectAuthError(requireAdmin(), 401);
    const events = await systemLogouts();
    expect(events.map((event) => event.message)).toEqual(["Session revoked: console role changed from Administrator to none"]);

    // Signing in again opens a new session with the role given back.
    const again = await signIn("ada");
    expect(again.sessionId).not.toBe(claims.sessionId);
    await expect(requireAdmin()).resolves.toMatchObject({ username: "ada", sessionId: again.sessionId });
  });

  it("does not let a session begun without a role gain one", async () => {
    const claims = await signedIn("victor", "NONE");
    await db.prisma.user.update({ where: { id: claims.userId }, data: { consoleRole: "AUDITOR" } });
    await expectAuthError(requireAuditReader(), 401);
  });

  it("ends a session revoked by a token version bump and records one User System Logout", async () => {
    const claims = await signedIn("ada", "ADMIN");
    await db.prisma.user.update({ where: { id: claims.userId }, data: { tokenVersion: { increment: 1 } } });
    await Promise.all([expectAuthError(requireAuditReader(), 401), expectAuthError(requireAuditReader(), 401), expectAuthError(requireAdmin(), 401)]);
    await expectAuthError(requireAuditReader(), 401);
    const events = await systemLogouts();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: claims.userId, actorName: "ada", ip: REQUEST.ip, userAgent: REQUEST.userAgent, message: "Session revoked" });
    expect(await db.prisma.consoleSession.findUnique({ where: { id: claims.sessionId } })).toMatchObject({ endReason: "REVOKED" });
  });

  it("ends the session of a disabled user", async () => {
    const claims = await signedIn("ada", "ADMIN");
    await db.prisma.user.update({ where: { id: claims.userId }, data: { enabled: false } });
    await expectAuthError(requireAuditReader(), 401);
    await expectAuthError(requireAuditReader(), 401);
    expect(await systemLogouts()).toHaveLength(1);
  });

  it("refuses a session ended by sign-out or by an admin, without recording it again", async () => {
    const claims = await signedIn("ada", "ADMIN");
    expect(await endConsoleSession(claims.sessionId, "REVOKED")).toBe(true);
    expect(await endConsoleSession(claims.sessionId, "REVOKED")).toBe(false);
    await expectAuthError(requireAuditReader(), 401);
    expect(await systemLogouts()).toHaveLength(1);
  });

  it("refuses a token whose session belongs to someone else", async () => {
    const ada = await signedIn("ada", "ADMIN");
    await signedIn("bob", "ADMIN");
    expect(await checkSessionClaims({ ...ada, userId: ada.userId + 1000 })).toEqual({ kind: "anonymous" });
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const signedInAt = new Date("2026-03-02T08:00:00Z");
    const claims = await signedIn("ada", "ADMIN", signedInAt);
    const lastSeen = async () => (await db.prisma.consoleSession.findUniqueOrThrow({ where: { id: claims.sessionId } })).lastSeenAt;
    await checkSessionClaims(claims, new Date(signedInAt.getTime() + 30_000));
    expect(await lastSeen()).toEqual(signedInAt);
    const minuteLater = new Date(signedInAt.getTime() + 61_000);
    await checkSessionClaims(claims, minuteLater);
    expect(await lastSeen()).toEqual(minuteLater);
  });

  it("ends a session idle past its lifetime when it comes back, at the instant it expired", async () => {
    const signedInAt = new Date("2026-03-02T08:00:00Z");
    const claims = await signedIn("ada", "ADMIN", signedInAt);
    const viewer = await checkSessionClaims(claims, new Date(signedInAt.getTime() + SESSION_MAX_AGE_MS + 5 * 60_000));
    expect(viewer).toEqual({ kind: "anonymous" });
    const events = await systemLogouts();
    expect(events).toHaveLength(1);
    expect(events[0].createdAt).toEqual(new Date(signedInAt.getTime() + SESSION_MAX_AGE_MS));
  });

  it("sweeps expired sessions, recording a User System Logout at each expiry", async () => {
    const now = new Date("2026-03-02T18:00:00Z");
    const stale = await signedIn("ada", "ADMIN", new Date(now.getTime() - SESSION_MAX_AGE_MS - 60 * 60_000));
    const fresh = await signedIn("bob", "AUDITOR", new Date(now.getTime() - 60 * 60_000));
    expect(await sweepExpiredSessions(now)).toBe(1);
    expect(await sweepExpiredSessions(now)).toBe(0);

    const events = await systemLogouts();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: stale.userId,
      ip: REQUEST.ip,
      userAgent: REQUEST.userAgent,
      message: "Session expired",
      createdAt: new Date(now.getTime() - 60 * 60_000),
    });
    const sessions = await db.prisma.consoleSession.findMany({ orderBy: { createdAt: "asc" } });
    expect(sessions.map((session) => [session.id, session.endReason])).toEqual([
      [stale.sessionId, "EXPIRED"],
      [fresh.sessionId, null],
    ]);
  });
});
