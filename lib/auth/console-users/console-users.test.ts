import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import { InputError } from "@/lib/api/input-error";
import type { Database } from "@/lib/db";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";
import { signInSession, useConsoleAccounts } from "@/lib/test/console-session";
import { testDatabases } from "@/lib/test/databases";
import { authorizeCredentials, SignInError } from "../authorize";
import { AuthError, checkSessionClaims, getViewer, requireAuditReader, type SessionClaims } from "../guard";
import type { Principal } from "../principal";
import { runAs } from "../principal-context";
import { addConsoleUser, changeConsoleUserRole, listConsoleUsers, resetConsoleUserPassword, setConsoleUserEnabled, unlockConsoleUser } from "./console-users";
import { changeOwnPassword } from "./own-password";

const serverSession = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => serverSession.current,
}));

const PASSWORD = "correct horse battery";
const REQUEST = { ip: "192.0.2.20", userAgent: "Console Users Test" };

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe.each(testDatabases())("console users on $name", ({ open }) => {
  let db: Database;
  let passwordHash: string;
  let ada: Principal;

  useConsoleAccounts(open, serverSession, PASSWORD, (opened, hash) => {
    db = opened;
    passwordHash = hash;
  });
  beforeEach(async () => {
    const admin = await account("ada", "ADMIN");
    ada = { userId: admin.id, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
  });

  function account(username: string, role: ConsoleRole, extra: { enabled?: boolean; source?: string } = {}) {
    return db.prisma.user.create({ data: { username, displayName: `${username} Example`, consoleRole: role, passwordHash, ...extra } });
  }

  /** Signs a user in and makes the session the request's, as the browser's cookie would. */
  function signIn(username: string, password = PASSWORD, at = new Date()): Promise<SessionClaims> {
    return signInSession(serverSession, username, password, REQUEST, at);
  }

  const asAda = <T>(fn: () => Promise<T>) => runAs(ada, fn);
  const events = (eventType: string) =>
    db.prisma.auditEvent.findMany({
      where: { eventType: eventType as never },
      orderBy: { id: "asc" },
      select: { message: true, actorName: true, targetUserName: true, category: true, ip: true },
    });

  it("refuses anonymous callers (401) and auditors (403), and writes nothing", async () => {
    const bob = await account("bob", "AUDITOR");
    const calls: Array<() => Promise<unknown>> = [
      () => listConsoleUsers(),
      () => addConsoleUser({ username: "eve", displayName: "Eve", email: null, role: "ADMIN" }),
      () => changeConsoleUserRole({ id: bob.id, role: "ADMIN" }),
      () => setConsoleUserEnabled({ id: ada.userId!, enabled: false }),
      () => unlockConsoleUser({ id: ada.userId! }),
      () => resetConsoleUserPassword({ id: ada.userId! }),
    ];
    const auditor: Principal = { userId: bob.id, username: "bob", displayName: "Bob", role: "AUDITOR", sessionId: null };
    for (const call of calls) {
      const anonymous = await thrown(call());
      expect(anonymous).toBeInstanceOf(AuthError);
      expect((anonymous as AuthError).status).toBe(401);
      const refused = await thrown(runAs(auditor, call));
      expect(refused).toBeInstanceOf(AuthError);
      expect((refused as AuthError).status).toBe(403);
      expect((refused as AuthError).message).toMatch(/needs the Administrator role\. You are signed in as bob \(Auditor\)/);
    }
    expect(await db.prisma.user.count({ where: { username: "eve" } })).toBe(0);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: bob.id } })).toMatchObject({ consoleRole: "AUDITOR", enabled: true });
    expect(await db.prisma.auditEvent.count()).toBe(0);
  });

  it("adds an account with a one-time password that signs in once to a forced password change", async () => {
    const { user, oneTimePassword } = await asAda(() =>
      addConsoleUser({ username: "carol", displayName: "Carol Auditor", email: "carol@example.com", role: "AUDITOR" }, REQUEST),
    );
    expect(user).toMatchObject({
      username: "carol",
      displayName: "Carol Auditor",
      role: "AUDITOR",
      enabled: true,
      mustChangePassword: true,
      lastSignInAt: null,
    });
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(await events("CONSOLE_USER_CREATE")).toEqual([
      {
        message: "Console account carol (Carol Auditor) added with the Auditor role; a one-time password was issued",
        actorName: "ada",
        targetUserName: "carol",
        category: "SYSTEM",
        ip: "192.0.2.20",
      },
    ]);
    // The password itself is nowhere in the trail.
    expect(JSON.stringify(await db.prisma.auditEvent.findMany({ select: { message: true, details: true, changes: true } }))).not.toContain(oneTimePassword);

    await signIn("carol", oneTimePassword);
    expect(await getViewer()).toMatchObject({ kind: "passwordChange", username: "carol" });
    const refused = await thrown(requireAuditReader());
    expect(refused).toBeInstanceOf(AuthError);
    expect((refused as AuthError).message).toMatch(/signed in with a one-time password: choose a password of your own first/);

    const wrong = await thrown(changeOwnPassword({ currentPassword: "not it at all", newPassword: "carol's own passphrase" }));
    expect(wrong).toBeInstanceOf(InputError);
    expect(wrong).toMatchObject({ field: "currentPassword" });
    expect(await changeOwnPassword({ currentPassword: oneTimePassword, newPassword: "carol's own passphrase" }, REQUEST)).toEqual({
      forced: true,
      sessionsEnded: 0,
    });
    expect(await getViewer()).toMatchObject({ kind: "allowed", principal: { username: "carol", role: "AUDITOR" } });
    expect(await events("CONSOLE_USER_PASSWORD_CHANGE")).toEqual([
      expect.objectContaining({ message: "Console account carol replaced its one-time password with a password of its own", actorName: "carol" }),
    ]);
    await expect(authorizeCredentials({ username: "carol", password: oneTimePassword }, REQUEST)).rejects.toBeInstanceOf(SignInError);
    await expect(authorizeCredentials({ username: "carol", password: "carol's own passphrase" }, REQUEST)).resolves.toMatchObject({ username: "carol" });
  });

  it("refuses a username a console account has, but not one a sending system's user has", async () => {
    await account("dave", "NONE", { source: "alm" });
    await asAda(() => addConsoleUser({ username: "dave", displayName: "Dave", email: null, role: "NONE" }));
    const taken = await thrown(asAda(() => addConsoleUser({ username: "dave", displayName: "Dave again", email: null, role: "ADMIN" })));
    expect(taken).toBeInstanceOf(InputError);
    expect(taken).toMatchObject({ field: "username", message: 'Username: a console account "dave" exists already.' });
    expect(await events("CONSOLE_USER_CREATE")).toHaveLength(1);
  });

  it("never demotes or disables the last enabled administrator", async () => {
    const demote = await thrown(asAda(() => changeConsoleUserRole({ id: ada.userId!, role: "AUDITOR" })));
    expect(demote).toBeInstanceOf(InputError);
    expect(demote).toMatchObject({ field: "role", message: expect.stringContaining("ada is the last enabled administrator and cannot be made Auditor") });
    const disable = await thrown(asAda(() => setConsoleUserEnabled({ id: ada.userId!, enabled: false })));
    expect(disable).toMatchObject({ field: "id", message: expect.stringContaining("ada is the last enabled administrator and cannot be disabled") });

    // A disabled administrator, or one of a sending system, is no administrator of the console.
    await account("old-admin", "ADMIN", { enabled: false });
    await account("alm-admin", "ADMIN", { source: "alm" });
    expect(await thrown(asAda(() => changeConsoleUserRole({ id: ada.userId!, role: "NONE" })))).toBeInstanceOf(InputError);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: ada.userId! } })).toMatchObject({ consoleRole: "ADMIN", enabled: true });

    // With a second administrator either may go, and the other is then the last.
    const bert = await account("bert", "ADMIN");
    expect(await asAda(() => changeConsoleUserRole({ id: bert.id, role: "AUDITOR" }, REQUEST))).toMatchObject({ changed: true, user: { role: "AUDITOR" } });
    expect(await events("CONSOLE_USER_ROLE_CHANGE")).toEqual([
      expect.objectContaining({ message: "Console account bert: role Administrator -> Auditor", actorName: "ada", targetUserName: "bert" }),
    ]);
    expect(await thrown(asAda(() => setConsoleUserEnabled({ id: ada.userId!, enabled: false })))).toBeInstanceOf(InputError);
  });

  it("lets only one of two administrators demoting each other at once succeed", async () => {
    const bert = await account("bert", "ADMIN");
    const outcomes = await Promise.allSettled([
      asAda(() => changeConsoleUserRole({ id: bert.id, role: "AUDITOR" })),
      asAda(() => changeConsoleUserRole({ id: ada.userId!, role: "AUDITOR" })),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.prisma.user.count({ where: { consoleRole: "ADMIN", enabled: true, source: null } })).toBe(1);
    expect(await events("CONSOLE_USER_ROLE_CHANGE")).toHaveLength(1);
  });

  it("ends every session of a disabled account at once, and records disable and enable", async () => {
    const bob = await account("bob", "AUDITOR");
    const claims = await signIn("bob");
    serverSession.current = null;
    const disabled = await asAda(() => setConsoleUserEnabled({ id: bob.id, enabled: false }, REQUEST));
    expect(disabled).toMatchObject({ changed: true, sessionsEnded: 1, user: { enabled: false, openSessions: 0 } });
    expect(await db.prisma.consoleSession.findUniqueOrThrow({ where: { id: claims.sessionId } })).toMatchObject({ endReason: "REVOKED" });
    expect(await events("USER_SYSTEM_LOGOUT")).toEqual([
      expect.objectContaining({ message: "Session revoked: account disabled by ada", targetUserName: null }),
    ]);
    expect(await checkSessionClaims(claims)).toEqual({ kind: "anonymous" });
    await expect(authorizeCredentials({ username: "bob", password: PASSWORD }, REQUEST)).rejects.toBeInstanceOf(SignInError);

    expect(await asAda(() => setConsoleUserEnabled({ id: bob.id, enabled: false }))).toMatchObject({ changed: false, sessionsEnded: 0 });
    expect(await asAda(() => setConsoleUserEnabled({ id: bob.id, enabled: true }))).toMatchObject({ changed: true, user: { enabled: true } });
    expect((await events("CONSOLE_USER_DISABLE")).map((event) => event.message)).toEqual(["Console account bob disabled"]);
    expect((await events("CONSOLE_USER_ENABLE")).map((event) => event.message)).toEqual(["Console account bob enabled"]);
    await expect(authorizeCredentials({ username: "bob", password: PASSWORD }, REQUEST)).resolves.toMatchObject({ username: "bob" });
  });

  it("resets a password: the old one stops working, open sessions end, the lockout lifts", async () => {
    const bob = await account("bob", "AUDITOR");
    const claims = await signIn("bob");
    serverSession.current = null;
    for (let i = 0; i < 5; i++) await thrown(authorizeCredentials({ username: "bob", password: "wrong guess" }, REQUEST));
    expect((await asAda(() => listConsoleUsers())).find((user) => user.username === "bob")?.lockedUntil).toBeInstanceOf(Date);

    const reset = await asAda(() => resetConsoleUserPassword({ id: bob.id }, REQUEST));
    expect(reset).toMatchObject({ changed: true, sessionsEnded: 1, user: { mustChangePassword: true, lockedUntil: null } });
    expect(await checkSessionClaims(claims)).toEqual({ kind: "anonymous" });
    await expect(authorizeCredentials({ username: "bob", password: PASSWORD }, REQUEST)).rejects.toBeInstanceOf(SignInError);
    await expect(authorizeCredentials({ username: "bob", password: reset.oneTimePassword }, REQUEST)).resolves.toMatchObject({ username: "bob" });
    expect(await events("CONSOLE_USER_PASSWORD_RESET")).toEqual([
      expect.objectContaining({
        message: "Console account bob: password reset to a one-time password, to be changed at the next sign-in",
        actorName: "ada",
        targetUserName: "bob",
      }),
    ]);
  });

  it("unlocks a locked account, and records nothing for one that is not locked", async () => {
    const bob = await account("bob", "AUDITOR");
    expect(await asAda(() => unlockConsoleUser({ id: bob.id }))).toMatchObject({ changed: false });
    for (let i = 0; i < 5; i++) await thrown(authorizeCredentials({ username: "bob", password: "wrong guess" }, REQUEST));
    await expect(authorizeCredentials({ username: "bob", password: PASSWORD }, REQUEST)).rejects.toThrow(/locked/);

    expect(await asAda(() => unlockConsoleUser({ id: bob.id }, REQUEST))).toMatchObject({ changed: true, user: { lockedUntil: null } });
    await expect(authorizeCredentials({ username: "bob", password: PASSWORD }, REQUEST)).resolves.toMatchObject({ username: "bob" });
    expect(await events("CONSOLE_USER_UNLOCK")).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Console account bob unlocked \(it was locked until \d{4}-/), actorName: "ada" }),
    ]);
  });

  it("lists the console's accounts only, with their last sign-in and open sessions", async () => {
    await account("bob", "AUDITOR");
    await account("alm-user", "NONE", { source: "alm" });
    const at = new Date(Date.now() - 60_000);
    await signIn("bob", PASSWORD, at);
    const users = await asAda(() => listConsoleUsers());
    expect(users.map((user) => user.username)).toEqual(["ada", "bob"]);
    expect(users[1]).toMatchObject({ role: "AUDITOR", enabled: true, lastSignInAt: at, openSessions: 1, lockedUntil: null, mustChangePassword: false });
    expect(users[0]).toMatchObject({ lastSignInAt: null, openSessions: 0 });
  });

  it("refuses an unknown account by naming the id", async () => {
    const unknown = await thrown(asAda(() => resetConsoleUserPassword({ id: 999_999 })));
    expect(unknown).toMatchObject({ field: "id", message: expect.stringContaining("There is no console account #999999") });
  });
});
