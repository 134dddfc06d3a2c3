import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { authorizeCredentials, INVALID_CREDENTIALS, IP_FAILURE_LIMIT } from "./authorize";
import { hashPassword } from "./password";
import { deleteEvents } from "@/lib/test/delete-events";

const REQUEST = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Test" };
const NOW = new Date("2026-03-02T08:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword("correct horse battery");
});

describe.each(testDatabases())("authorizeCredentials on $name", ({ open }) => {
  const fixture = useAppDatabase(open);
  beforeEach(async () => {
    await deleteEvents(fixture.db);
    await fixture.db.prisma.loginAttempt.deleteMany();
    await fixture.db.prisma.consoleSession.deleteMany();
    await fixture.db.prisma.user.deleteMany();
  });

  async function createUser(username: string, options: { role?: ConsoleRole; enabled?: boolean; withPassword?: boolean } = {}) {
    return fixture.db.prisma.user.create({
      data: {
        username,
        displayName: `${username[0].toUpperCase()}${username.slice(1)} Example`,
        consoleRole: options.role ?? "ADMIN",
        enabled: options.enabled ?? true,
        passwordHash: options.withPassword === false ? null : passwordHash,
      },
    });
  }

  const attempt = (username: string, password: string, at = NOW, request: Parameters<typeof authorizeCredentials>[1] = REQUEST) =>
    authorizeCredentials({ username, password }, request, at);

  it("signs in with the right password: a User Login event, a console session and a stored attempt", async () => {
    const user = await createUser("alice");
    const signedIn = await attempt("  Alice ", "correct horse battery");
    expect(signedIn).toMatchObject({ id: String(user.id), userId: user.id, username: "alice", name: "Alice Example", role: "ADMIN", tokenVersion: 0 });

    const session = await fixture.db.prisma.consoleSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } });
    expect(session).toMatchObject({ userId: user.id, ip: REQUEST.ip, userAgent: REQUEST.userAgent, endedAt: null });

    const events = await fixture.db.prisma.auditEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "USER_LOGIN",
      category: "LOGIN",
      actorId: user.id,
      actorName: "alice",
      ip: REQUEST.ip,
      userAgent: REQUEST.userAgent,
      createdAt: NOW,
    });
    expect(await fixture.db.prisma.loginAttempt.findMany({ select: { username: true, succeeded: true, ip: true } })).toEqual([
      { username: "alice", succeeded: true, ip: REQUEST.ip },
    ]);
  });

  it("names the blank fields", async () => {
    await expect(authorizeCredentials({ username: " ", password: "" }, REQUEST, NOW)).rejects.toThrow("Enter your username and password.");
    await expect(authorizeCredentials({ username: "alice", password: "" }, REQUEST, NOW)).rejects.toThrow("Enter your password.");
    await expect(authorizeCredentials(undefined, REQUEST, NOW)).rejects.toThrow("Enter your username and password.");
    expect(await fixture.db.prisma.loginAttempt.count()).toBe(0);
  });

  it("gives one generic message for a wrong password and an unknown user", async () => {
    await createUser("alice");
    await expect(attempt("alice", "wrong password")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(attempt("mallory", "correct horse battery")).rejects.toThrow(INVALID_CREDENTIALS);
    expect(await fixture.db.prisma.loginAttempt.count({ where: { succeeded: false } })).toBe(2);
    expect(await fixture.db.prisma.auditEvent.count()).toBe(0);
    expect(await fixture.db.prisma.consoleSession.count()).toBe(0);
  });

  it("refuses a username with a NUL byte as bad credentials, before the database sees it", async () => {
    await createUser("alice");
    await expect(attempt("alice\0", "correct horse battery")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(attempt("\0", "x")).rejects.toThrow(INVALID_CREDENTIALS);
    expect(await fixture.db.prisma.loginAttempt.count()).toBe(0);
    expect(await fixture.db.prisma.consoleSession.count()).toBe(0);
  });

  it("refuses disabled users and users without a password with the same message", async () => {
    await createUser("dora", { enabled: false });
    await createUser("alm-only", { withPassword: false });
    await expect(attempt("dora", "correct horse battery")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(attempt("alm-only", "")).rejects.toThrow("Enter your password.");
    await expect(attempt("alm-only", "anything at all")).rejects.toThrow(INVALID_CREDENTIALS);
    expect(await fixture.db.prisma.consoleSession.count()).toBe(0);
  });

  it("lets users without a console role sign in (they see the 403 page)", async () => {
    await createUser("victor", { role: "NONE" });
    await expect(attempt("victor", "correct horse battery")).resolves.toMatchObject({ role: "NONE" });
  });

  it("locks the account on the 5th failure, refuses even the right password while locked, and opens again after 15 minutes", async () => {
    await createUser("alice");
    for (let i = 0; i < 4; i++) await expect(attempt("alice", `wrong ${i}`, later(i))).rejects.toThrow(INVALID_CREDENTIALS);
    const lockedMessage = "Too many failed sign-ins. This account is locked for 15 minutes, until 08:19 UTC.";
    await expect(attempt("alice", "wrong 4", later(4))).rejects.toThrow(lockedMessage);
    await expect(attempt("alice", "correct horse battery", later(5))).rejects.toThrow(lockedMessage);
    await expect(attempt("alice", "correct horse battery", later(18.9))).rejects.toThrow(lockedMessage);
    expect(await fixture.db.prisma.auditEvent.count()).toBe(0);
    // Refused attempts while locked are not checked, so they are not stored either.
    expect(await fixture.db.prisma.loginAttempt.count()).toBe(5);
    await expect(attempt("alice", "correct horse battery", later(19))).resolves.toMatchObject({ username: "alice" });
  });

  it("states the end of the lock in the browser's time zone", async () => {
    await createUser("alice");
    const berlin = { ...REQUEST, timeZone: "Europe/Berlin" };
    for (let i = 0; i < 4; i++) await expect(attempt("alice", "wrong", later(i), berlin)).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(attempt("alice", "wrong", later(4), berlin)).rejects.toThrow(/until 09:19 (CET|GMT\+1)\.$/);
  });

  it("locks unknown usernames the same way, so a lock does not reveal who exists", async () => {
    for (let i = 0; i < 4; i++) await expect(attempt("nobody", "wrong", later(i))).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(attempt("nobody", "wrong", later(4))).rejects.toThrow("This account is locked");
  });

  it("refuses an address after 100 failures within an hour, whatever the username", async () => {
    await createUser("alice");
    await fixture.db.prisma.loginAttempt.createMany({
      data: Array.from({ length: IP_FAILURE_LIMIT }, (_, i) => ({
        username: `sprayed-${i}`,
        succeeded: false,
        ip: REQUEST.ip,
        createdAt: new Date(NOW.getTime() - 59 * 60_000 + i * 1000),
      })),
    });
    await expect(attempt("alice", "correct horse battery")).rejects.toThrow("Too many failed sign-ins from your network address. Try again after 08:01 UTC.");
    await expect(attempt("alice", "correct horse battery", NOW, { ...REQUEST, ip: "198.51.100.1" })).resolves.toMatchObject({
      username: "alice",
    });
    await expect(attempt("alice", "correct horse battery", later(2))).resolves.toMatchObject({ username: "alice" });
  });
});
