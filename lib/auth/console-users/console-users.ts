// The console's own accounts (users without a source), managed by administrators on the Console
// users page: add one, change its role, disable or enable it, unlock it, reset its password. Each
// change is a Console event written in the transaction that makes it; the sessions a change ends are
// ended (and recorded) once it has committed. `npm run create-admin` stays for the first
// administrator and for recovery.
import "server-only";
import { InputError } from "@/lib/api/input-error";
import { recordEvent, type EntityRef, type NewAuditEvent } from "@/lib/audit/events/record-event";
import type { DbClient } from "@/lib/audit/config/event-switches";
import { getDb } from "@/lib/db";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";
import { requireAdmin } from "../guard";
import { readAccountLocks } from "../lockout-state";
import { hashPassword } from "../password";
import type { Principal } from "../principal";
import type { RequestInfo } from "../request-info";
import { SESSION_MAX_AGE_MS } from "../session-policy";
import { revokeUserSessions } from "../sessions";
import { type AddConsoleUserSpec, CONSOLE_ROLE_LABELS } from "./console-user-schema";
import { newOneTimePassword } from "./one-time-password";

export interface ConsoleUserSummary {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: ConsoleRole;
  enabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  /** when the account last signed in, from its sessions */
  lastSignInAt: Date | null;
  /** sessions open now (signed in, not ended, not idle past the session lifetime) */
  openSessions: number;
  /** the end of a lockout in force now */
  lockedUntil: Date | null;
}

/** A change's answer: the account as it is now. */
export interface ConsoleUserChange {
  user: ConsoleUserSummary;
  /** false when the account was already as asked (nothing recorded) */
  changed: boolean;
  /** sessions the change ended */
  sessionsEnded: number;
}

const NO_REQUEST: RequestInfo = { ip: null, userAgent: null };

// Serializes changes to console accounts (across processes too): the last-administrator rule reads
// the other administrators and must not race a concurrent change of one of them.
const CONSOLE_USERS_LOCK = 0x41554355;

async function lockConsoleUsers(tx: DbClient): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${CONSOLE_USERS_LOCK}::bigint)`;
}

const ACCOUNT_SELECT = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  consoleRole: true,
  enabled: true,
  mustChangePassword: true,
  createdAt: true,
  lockoutClearedAt: true,
  passwordHash: true,
} as const;

type Account = { id: number; username: string; displayName: string; consoleRole: ConsoleRole; enabled: boolean };

const actorOf = (principal: Principal): EntityRef => ({ id: principal.userId, name: principal.username });
const targetOf = (account: Account): EntityRef => ({ id: account.id, name: account.username });
const roleLabel = (role: ConsoleRole) => CONSOLE_ROLE_LABELS[role];

async function findAccount(tx: DbClient, id: number): Promise<Account> {
  const account = await tx.user.findFirst({ where: { id, source: null }, select: ACCOUNT_SELECT });
  if (!account) throw new InputError("id", `There is no console account #${id}. Reload the page to see the accounts there are.`);
  return account;
}

/**
 * The last-administrator rule: the console keeps at least one enabled administrator who can sign
 * in. Called under lockConsoleUsers, so that two administrators demoting each other at once cannot
 * both pass it.
 */
async function keepAnAdministrator(tx: DbClient, account: Account, change: string, field: string): Promise<void> {
  if (account.consoleRole !== "ADMIN" || !account.enabled) return;
  const others = await tx.user.count({
    where: { source: null, consoleRole: "ADMIN", enabled: true, passwordHash: { not: null }, id: { not: account.id } },
  });
  if (others > 0) return;
  throw new InputError(
    field,
    `${account.username} is the last enabled administrator and cannot be ${change}: make another account an administrator first, or the console has nobody left to manage it.`,
  );
}

async function record(tx: DbClient, event: NewAuditEvent): Promise<void> {
  await recordEvent(event, { client: tx });
}

async function summaries(where: { id?: number }, now: Date): Promise<ConsoleUserSummary[]> {
  const { prisma } = getDb();
  const accounts = await prisma.user.findMany({
    where: { source: null, ...where },
    select: ACCOUNT_SELECT,
    orderBy: [{ username: "asc" }],
  });
  const ids = accounts.map((account) => account.id);
  const [signIns, open, locks] = await Promise.all([
    prisma.consoleSession.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { createdAt: true } }),
    prisma.consoleSession.groupBy({
      by: ["userId"],
      where: { userId: { in: ids }, endedAt: null, lastSeenAt: { gt: new Date(now.getTime() - SESSION_MAX_AGE_MS) } },
      _count: { _all: true },
    }),
    readAccountLocks(accounts, now),
  ]);
  const lastSignIn = new Map(signIns.map((row) => [row.userId, row._max.createdAt]));
  const openCount = new Map(open.map((row) => [row.userId, row._count._all]));
  return accounts.map((account) => ({
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    email: account.email,
    role: account.consoleRole,
    enabled: account.enabled,
    mustChangePassword: account.mustChangePassword,
    createdAt: account.createdAt,
    lastSignInAt: lastSignIn.get(account.id) ?? null,
    openSessions: openCount.get(account.id) ?? 0,
    lockedUntil: locks.get(account.username) ?? null,
  }));
}

async function summaryOf(id: number, now: Date): Promise<ConsoleUserSummary> {
  const [summary] = await summaries({ id }, now);
  if (!summary) throw new InputError("id", `There is no console account #${id}.`);
  return summary;
}

/** Every console account, by username (administrators only). */
export async function listConsoleUsers(now = new Date()): Promise<ConsoleUserSummary[]> {
  await requireAdmin("Listing console users");
  return summaries({}, now);
}

/** Adds a console account with a one-time password, shown once in the answer; it must be changed at the first sign-in. */
export async function addConsoleUser(
  spec: AddConsoleUserSpec,
  request: RequestInfo = NO_REQUEST,
  now = new Date(),
): Promise<{ user: ConsoleUserSummary; oneTimePassword: string }> {
  const actor = actorOf(await requireAdmin("Adding a console user"));
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const id = await getDb().prisma.$transaction(async (tx) => {
    await lockConsoleUsers(tx);
    const taken = await tx.user.findFirst({ where: { username: spec.username, source: null }, select: { id: true } });
    if (taken) throw new InputError("username", `Username: a console account "${spec.username}" exists already.`);
    const created = await tx.user.create({
      data: {
        username: spec.username,
        displayName: spec.displayName,
        email: spec.email,
        consoleRole: spec.role,
        passwordHash,
        mustChangePassword: true,
        createdAt: now,
      },
      select: ACCOUNT_SELECT,
    });
    await record(tx, {
      eventType: "CONSOLE_USER_CREATE",
      actor,
      targetUser: targetOf(created),
      message: `Console account ${created.username} (${created.displayName}) added with the ${roleLabel(created.consoleRole)} role; a one-time password was issued`,
      details: { userId: created.id, username: created.username, role: created.consoleRole, email: created.email },
      ...request,
      createdAt: now,
    });
    return created.id;
  });
  return { user: await summaryOf(id, now), oneTimePassword };
}

/** Gives an account another role; the last enabled administrator keeps theirs. Its sessions end (a session holds the role it began with). */
export async function changeConsoleUserRole(
  input: { id: number; role: ConsoleRole },
  request: RequestInfo = NO_REQUEST,
  now = new Date(),
): Promise<ConsoleUserChange> {
  const principal = await requireAdmin("Changing a console user's role");
  const account = await getDb().prisma.$transaction(async (tx) => {
    await lockConsoleUsers(tx);
    const account = await findAccount(tx, input.id);
    if (account.consoleRole === input.role) return null;
    if (input.role !== "ADMIN") await keepAnAdministrator(tx, account, `made ${roleLabel(input.role)}`, "role");
    await tx.user.update({ where: { id: account.id }, data: { consoleRole: input.role } });
    await record(tx, {
      eventType: "CONSOLE_USER_ROLE_CHANGE",
      actor: actorOf(principal),
      targetUser: targetOf(account),
      message: `Console account ${account.username}: role ${roleLabel(account.consoleRole)} -> ${roleLabel(input.role)}`,
      changes: [{ field: "Console role", kind: "enum", old: roleLabel(account.consoleRole), new: roleLabel(input.role) }],
      details: { userId: account.id, username: account.username, oldRole: account.consoleRole, newRole: input.role },
      ...request,
      createdAt: now,
    });
    return account;
  });
  const sessionsEnded = account
    ? await revokeUserSessions(account.id, now, {
        cause: `console role changed from ${roleLabel(account.consoleRole)} to ${roleLabel(input.role)} by ${principal.username}`,
      })
    : 0;
  return { user: await summaryOf(input.id, now), changed: account !== null, sessionsEnded };
}

/** Disables (every session ends at once) or enables an account; the last enabled administrator stays enabled. */
export async function setConsoleUserEnabled(
  input: { id: number; enabled: boolean },
  request: RequestInfo = NO_REQUEST,
  now = new Date(),
): Promise<ConsoleUserChange> {
  const principal = await requireAdmin(input.enabled ? "Enabling a console user" : "Disabling a console user");
  const changed = await getDb().prisma.$transaction(async (tx) => {
    await lockConsoleUsers(tx);
    const account = await findAccount(tx, input.id);
    if (account.enabled === input.enabled) return false;
    if (!input.enabled) await keepAnAdministrator(tx, account, "disabled", "id");
    // A new token version refuses every JWT of the account even before its sessions are ended below.
    await tx.user.update({ where: { id: account.id }, data: { enabled: input.enabled, ...(input.enabled ? {} : { tokenVersion: { increment: 1 } }) } });
    await record(tx, {
      eventType: input.enabled ? "CONSOLE_USER_ENABLE" : "CONSOLE_USER_DISABLE",
      actor: actorOf(principal),
      targetUser: targetOf(account),
      message: `Console account ${account.username} ${input.enabled ? "enabled" : "disabled"}`,
      changes: [{ field: "Enabled", kind: "boolean", old: account.enabled, new: input.enabled }],
      details: { userId: account.id, username: account.username },
      ...request,
      createdAt: now,
    });
    return true;
  });
  const sessionsEnded = changed && !input.enabled ? await revokeUserSessions(input.id, now, { cause: `account disabled by ${principal.username}` }) : 0;
  return { user: await summaryOf(input.id, now), changed, sessionsEnded };
}

/** Ends a lockout in force: the failed sign-ins so far no longer count. Nothing is recorded for an account that is not locked. */
export async function unlockConsoleUser(input: { id: number }, request: RequestInfo = NO_REQUEST, now = new Date()): Promise<ConsoleUserChange> {
  const principal = await requireAdmin("Unlocking a console user");
  const changed = await getDb().prisma.$transaction(async (tx) => {
    await lockConsoleUsers(tx);
    const account = await tx.user.findFirst({ where: { id: input.id, source: null }, select: ACCOUNT_SELECT });
    if (!account) throw new InputError("id", `There is no console account #${input.id}. Reload the page to see the accounts there are.`);
    const lockedUntil = (await readAccountLocks([account], now, tx)).get(account.username);
    if (!lockedUntil) return false;
    await tx.user.update({ where: { id: account.id }, data: { lockoutClearedAt: now } });
    await record(tx, {
      eventType: "CONSOLE_USER_UNLOCK",
      actor: actorOf(principal),
      targetUser: targetOf(account),
      message: `Console account ${account.username} unlocked (it was locked until ${lockedUntil.toISOString()})`,
      details: { userId: account.id, username: account.username, lockedUntil: lockedUntil.toISOString() },
      ...request,
      createdAt: now,
    });
    return true;
  });
  return { user: await summaryOf(input.id, now), changed, sessionsEnded: 0 };
}

/**
 * Gives an account a new one-time password, shown once in the answer: the user must choose their
 * own at the next sign-in. Every session of the account ends, and a lockout in force is lifted.
 */
export async function resetConsoleUserPassword(
  input: { id: number },
  request: RequestInfo = NO_REQUEST,
  now = new Date(),
): Promise<ConsoleUserChange & { oneTimePassword: string }> {
  const principal = await requireAdmin("Resetting a console user's password");
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await getDb().prisma.$transaction(async (tx) => {
    await lockConsoleUsers(tx);
    const account = await findAccount(tx, input.id);
    await tx.user.update({
      where: { id: account.id },
      data: { passwordHash, mustChangePassword: true, tokenVersion: { increment: 1 }, lockoutClearedAt: now },
    });
    await record(tx, {
      eventType: "CONSOLE_USER_PASSWORD_RESET",
      actor: actorOf(principal),
      targetUser: targetOf(account),
      message: `Console account ${account.username}: password reset to a one-time password, to be changed at the next sign-in`,
      details: { userId: account.id, username: account.username },
      ...request,
      createdAt: now,
    });
  });
  const sessionsEnded = await revokeUserSessions(input.id, now, { cause: `password reset by ${principal.username}` });
  return { user: await summaryOf(input.id, now), changed: true, sessionsEnded, oneTimePassword };
}
