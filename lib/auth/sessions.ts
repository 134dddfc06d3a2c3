// Console sessions behind the JWTs: created at sign-in, ended at sign-out, on revocation or on
// expiry, each end recorded exactly once as an audit event.
import "server-only";
import { randomBytes } from "node:crypto";
import { recordEvent } from "@/lib/audit/events/record-event";
import { getDb } from "@/lib/db";
import type { AuditEventType, ConsoleRole } from "@/lib/generated/prisma/enums";
import type { RequestInfo } from "./request-info";
import { LAST_SEEN_THROTTLE_MS, SESSION_MAX_AGE_MS, type SessionEndReason } from "./session-policy";

const EVENT_OF_REASON: Record<SessionEndReason, AuditEventType> = {
  LOGOUT: "USER_LOGOUT",
  EXPIRED: "USER_SYSTEM_LOGOUT",
  REVOKED: "USER_SYSTEM_LOGOUT",
};

export function newSessionId(): string {
  return randomBytes(24).toString("base64url");
}

/** Opens a session for a user who holds `role` now: the session lives only as long as they keep it. */
export async function createConsoleSession(userId: number, role: ConsoleRole, request: RequestInfo, now = new Date()): Promise<string> {
  const id = newSessionId();
  await getDb().prisma.consoleSession.create({
    data: { id, userId, role, ip: request.ip, userAgent: request.userAgent, createdAt: now, lastSeenAt: now },
  });
  return id;
}

export interface EndSessionOptions {
  /** when the session ended; default now (an expired session ends at lastSeenAt + maxAge) */
  at?: Date;
  /** the request that ended it (sign-out); default the session's own IP and user agent */
  request?: RequestInfo;
  /** why it was revoked, when the event should say more than "Session revoked" */
  cause?: string;
}

/**
 * Ends a session that is still open and records its User Logout / User System Logout event.
 * Returns false (and records nothing) when it had already ended: concurrent requests that find the
 * same revoked session record it once.
 */
export async function endConsoleSession(sessionId: string, reason: SessionEndReason, options: EndSessionOptions = {}): Promise<boolean> {
  const { prisma } = getDb();
  const at = options.at ?? new Date();
  const ended = await prisma.consoleSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: at, endReason: reason },
  });
  if (ended.count === 0) return false;
  const session = await prisma.consoleSession.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, username: true } } },
  });
  if (!session) return false;
  await recordEvent({
    eventType: EVENT_OF_REASON[reason],
    actor: { id: session.user.id, name: session.user.username },
    message: reason === "LOGOUT" ? null : reason === "EXPIRED" ? "Session expired" : options.cause ? `Session revoked: ${options.cause}` : "Session revoked",
    details: { sessionId, reason, ...(options.cause ? { cause: options.cause } : {}) },
    ip: options.request?.ip ?? session.ip,
    userAgent: options.request?.userAgent ?? session.userAgent,
    createdAt: at,
  });
  return true;
}

export interface RevokeOptions {
  /** why, as the User System Logout events say it: "password reset by ada" */
  cause?: string;
  /** a session to keep: the one of the user who changed their own password */
  except?: string;
}

/** Ends every open session of a user (disabled, password reset, role removed), recording each. */
export async function revokeUserSessions(userId: number, now = new Date(), options: RevokeOptions = {}): Promise<number> {
  const open = await getDb().prisma.consoleSession.findMany({
    where: { userId, endedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    select: { id: true },
  });
  let count = 0;
  for (const { id } of open) if (await endConsoleSession(id, "REVOKED", { at: now, cause: options.cause })) count++;
  return count;
}

/** The instant an idle session expires. */
export function sessionExpiry(lastSeenAt: Date): Date {
  return new Date(lastSeenAt.getTime() + SESSION_MAX_AGE_MS);
}

/**
 * Ends the sessions idle for longer than the session lifetime (reason EXPIRED) and records a User
 * System Logout at the instant each expired, with the session's own IP and user agent.
 */
export async function sweepExpiredSessions(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - SESSION_MAX_AGE_MS);
  const expired = await getDb().prisma.consoleSession.findMany({
    where: { endedAt: null, lastSeenAt: { lte: cutoff } },
    select: { id: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "asc" },
    take: 1000,
  });
  let count = 0;
  for (const session of expired) {
    if (await endConsoleSession(session.id, "EXPIRED", { at: sessionExpiry(session.lastSeenAt) })) count++;
  }
  return count;
}

/** Marks a session as active now, writing at most once per LAST_SEEN_THROTTLE_MS. */
export async function touchConsoleSession(sessionId: string, lastSeenAt: Date, now = new Date()): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < LAST_SEEN_THROTTLE_MS) return;
  await getDb().prisma.consoleSession.updateMany({
    where: { id: sessionId, endedAt: null, lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_THROTTLE_MS) } },
    data: { lastSeenAt: now },
  });
}
