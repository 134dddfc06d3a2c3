// Checks a console sign-in: blank fields, the per-IP and per-account throttles, the argon2id hash,
// the account's state. Every checked attempt is stored for the lockout rule; a success opens a
// ConsoleSession and is audited as User Login.
import "server-only";
import { recordEvent } from "@/lib/audit/events/record-event";
import { getDb } from "@/lib/db";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";
import { isValidTimeZone, zoneName } from "@/lib/time/zoned";
import { LOCKOUT_POLICY } from "./lockout";
import { readAccountLock } from "./lockout-state";
import { MAX_PASSWORD_LENGTH } from "./console-users/console-user-schema";
import { hashPassword, verifyPassword } from "./password";
import type { RequestInfo } from "./request-info";
import { createConsoleSession } from "./sessions";

export const INVALID_CREDENTIALS = "Invalid username or password.";

/** Failed sign-ins from one address per hour before it is refused (password spraying). */
export const IP_FAILURE_LIMIT = 100;
const IP_WINDOW_MS = 60 * 60_000;
const MAX_USERNAME_LENGTH = 200;

/** A refused sign-in; its message is shown on the sign-in page as is. */
export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignInError";
  }
}

export interface SignInRequest extends RequestInfo {
  /** the browser's time zone, for the time in the lockout message; default UTC */
  timeZone?: string;
}

export interface SignedInUser {
  /** next-auth wants a string id */
  id: string;
  userId: number;
  username: string;
  name: string;
  role: ConsoleRole;
  tokenVersion: number;
  sessionId: string;
}

/** The username as stored: trimmed and lower-case. */
export function normalizeUsername(value: unknown): string {
  return typeof value === "string" ? value.trim().toLowerCase() : "";
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real hash check, so that an unknown user answers as slowly as a known one. */
async function spendHashTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("audit-console-timing-equalizer");
  await verifyPassword(await dummyHash, password);
}

/** "08:42 UTC" in the given zone. */
function formatClock(instant: Date, timeZone: string | undefined): string {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";
  const clock = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${clock.format(instant)} ${zoneName(instant, zone)}`;
}

export function lockedMessage(until: Date, timeZone?: string): string {
  const minutes = Math.round(LOCKOUT_POLICY.lockMs / 60_000);
  return `Too many failed sign-ins. This account is locked for ${minutes} minutes, until ${formatClock(until, timeZone)}.`;
}

async function checkIpThrottle(request: SignInRequest, now: Date): Promise<void> {
  if (!request.ip) return;
  const since = new Date(now.getTime() - IP_WINDOW_MS);
  const failures = await getDb().prisma.loginAttempt.findMany({
    where: { ip: request.ip, succeeded: false, createdAt: { gt: since, lte: now } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: IP_FAILURE_LIMIT,
  });
  if (failures.length < IP_FAILURE_LIMIT) return;
  // Refused until the oldest of the last IP_FAILURE_LIMIT failures leaves the window.
  const until = new Date(failures[failures.length - 1].createdAt.getTime() + IP_WINDOW_MS);
  throw new SignInError(`Too many failed sign-ins from your network address. Try again after ${formatClock(until, request.timeZone)}.`);
}

async function checkAccountLock(username: string, request: SignInRequest, now: Date): Promise<void> {
  const state = await readAccountLock(username, now);
  if (state.locked) throw new SignInError(lockedMessage(state.until, request.timeZone));
}

async function refuse(username: string, request: SignInRequest, now: Date): Promise<never> {
  const { prisma } = getDb();
  await prisma.loginAttempt.create({ data: { username, succeeded: false, ip: request.ip, createdAt: now } });
  // The failure that locks the account says so at once.
  const state = await readAccountLock(username, now);
  throw new SignInError(state.locked ? lockedMessage(state.until, request.timeZone) : INVALID_CREDENTIALS);
}

/**
 * Signs in with a username and password, or throws SignInError with the message to show. Users
 * whose console role is NONE may sign in (they see the 403 page); users without a password never.
 */
export async function authorizeCredentials(credentials: Record<string, unknown> | undefined, request: SignInRequest, now = new Date()): Promise<SignedInUser> {
  const username = normalizeUsername(credentials?.username);
  const password = typeof credentials?.password === "string" ? credentials.password : "";
  const blank = [!username && "username", !password && "password"].filter(Boolean);
  if (blank.length > 0) throw new SignInError(`Enter your ${blank.join(" and ")}.`);
  // No stored username holds a NUL, and PostgreSQL text cannot: the attempt could not even be recorded.
  if (username.length > MAX_USERNAME_LENGTH || password.length > MAX_PASSWORD_LENGTH || username.includes("\0")) throw new SignInError(INVALID_CREDENTIALS);

  await checkIpThrottle(request, now);
  await checkAccountLock(username, request, now);

  const { prisma } = getDb();
  const user = await prisma.user.findFirst({ where: { username, source: null } });
  if (!user?.passwordHash) {
    await spendHashTime(password);
    return refuse(username, request, now);
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || !user.enabled) return refuse(username, request, now);

  await prisma.loginAttempt.create({ data: { username, succeeded: true, ip: request.ip, createdAt: now } });
  const sessionId = await createConsoleSession(user.id, user.consoleRole, request, now);
  await recordEvent({
    eventType: "USER_LOGIN",
    actor: { id: user.id, name: user.username },
    details: { sessionId },
    ip: request.ip,
    userAgent: request.userAgent,
    createdAt: now,
  });
  return {
    id: String(user.id),
    userId: user.id,
    username: user.username,
    name: user.displayName,
    role: user.consoleRole,
    tokenVersion: user.tokenVersion,
    sessionId,
  };
}
