// The guard: every data function, server action and route handler calls requireAuditReader() or
// requireAdmin() before anything else. The JWT only says who signed in; whether they may still act
// is read from the database on every call (enabled, token version, role, session not ended).
import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";
import { authOptions } from "./auth-options";
import { CHANGE_PASSWORD_PATH } from "./callback-url";
import { isConsoleAccessRole, ROLE_LABELS, type ConsoleAccessRole, type Principal } from "./principal";
import { currentPrincipalOverride } from "./principal-context";
import { SWEEP_INTERVAL_MS } from "./session-policy";
import { endConsoleSession, sessionExpiry, sweepExpiredSessions, touchConsoleSession } from "./sessions";

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

export type Viewer =
  | { kind: "anonymous" }
  /** signed in, but the user's console role is NONE */
  | { kind: "forbidden"; userId: number; username: string; displayName: string }
  /** signed in with a one-time password: may do nothing but choose a password of their own */
  | { kind: "passwordChange"; userId: number; username: string; displayName: string; sessionId: string }
  | { kind: "allowed"; principal: Principal };

/** What the JWT claims; trusted only after checkSessionClaims() compared it with the database. */
export interface SessionClaims {
  userId: number;
  tokenVersion: number;
  sessionId: string;
}

function roleName(role: ConsoleRole): string {
  return isConsoleAccessRole(role) ? ROLE_LABELS[role] : "none";
}

const sweepState = globalThis as { __auditConsoleLastSweep?: number };

/** Sweeps expired sessions at most once per SWEEP_INTERVAL_MS in this process. */
async function sweepNowAndThen(now: Date): Promise<void> {
  const last = sweepState.__auditConsoleLastSweep ?? 0;
  if (Math.abs(now.getTime() - last) < SWEEP_INTERVAL_MS) return;
  sweepState.__auditConsoleLastSweep = now.getTime();
  try {
    await sweepExpiredSessions(now);
  } catch (error) {
    console.error("Sweeping expired console sessions failed:", error);
  }
}

async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  const claims = session?.claims;
  if (!claims || !Number.isInteger(claims.userId) || !Number.isInteger(claims.tokenVersion) || !claims.sessionId) {
    return null;
  }
  return claims;
}

/**
 * Compares a token's claims with the database. A session found revoked (user gone or disabled,
 * token version bumped, role changed) or idle past its lifetime is ended here and recorded once.
 */
export async function checkSessionClaims(claims: SessionClaims, now = new Date()): Promise<Viewer> {
  const { prisma } = getDb();
  await sweepNowAndThen(now);
  const session = await prisma.consoleSession.findUnique({
    where: { id: claims.sessionId },
    include: {
      user: { select: { id: true, username: true, displayName: true, enabled: true, tokenVersion: true, consoleRole: true, mustChangePassword: true } },
    },
  });
  if (!session || session.userId !== claims.userId || session.endedAt) return { kind: "anonymous" };
  const { user } = session;
  if (!user.enabled || user.tokenVersion !== claims.tokenVersion) {
    await endConsoleSession(session.id, "REVOKED", { at: now });
    return { kind: "anonymous" };
  }
  const expiresAt = sessionExpiry(session.lastSeenAt);
  if (expiresAt <= now) {
    await endConsoleSession(session.id, "EXPIRED", { at: expiresAt });
    return { kind: "anonymous" };
  }
  // A session holds the role it began with. One whose user lost the role (or got another) is over
  // for good: giving the role back later must not bring the old cookie back to life.
  if (user.consoleRole !== session.role) {
    const cause = `console role changed from ${roleName(session.role)} to ${roleName(user.consoleRole)}`;
    await endConsoleSession(session.id, "REVOKED", { at: now, cause });
    return { kind: "anonymous" };
  }
  if (!isConsoleAccessRole(user.consoleRole)) {
    return { kind: "forbidden", userId: user.id, username: user.username, displayName: user.displayName };
  }
  await touchConsoleSession(session.id, session.lastSeenAt, now);
  if (user.mustChangePassword) {
    return { kind: "passwordChange", userId: user.id, username: user.username, displayName: user.displayName, sessionId: session.id };
  }
  return {
    kind: "allowed",
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.consoleRole,
      sessionId: session.id,
    },
  };
}

// Once per server render: the layout, the page and its data functions share one database check.
// Outside a render (route handlers, tests) React's cache does not cache, and each call checks.
const sessionViewer = cache(async (): Promise<Viewer> => {
  const claims = await readSessionClaims();
  return claims ? checkSessionClaims(claims) : { kind: "anonymous" };
});

/** Who is looking: for layouts, which show sign-in, the 403 page or the console. */
export async function getViewer(): Promise<Viewer> {
  const override = currentPrincipalOverride();
  if (override) return { kind: "allowed", principal: override };
  return sessionViewer();
}

function noAccess(username: string): AuthError {
  return new AuthError(403, `${username} has no access to the Audit Console: it is for system administrators and auditors.`);
}

async function requireRole(roles: readonly ConsoleAccessRole[], action: string): Promise<Principal> {
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") throw new AuthError(401, "Sign in to use the Audit Console.");
  if (viewer.kind === "forbidden") {
    throw noAccess(viewer.username);
  }
  if (viewer.kind === "passwordChange") {
    throw new AuthError(403, `${viewer.username} signed in with a one-time password: choose a password of your own first (${CHANGE_PASSWORD_PATH}).`);
  }
  if (!roles.includes(viewer.principal.role)) {
    const needed = roles.map((role) => ROLE_LABELS[role]).join(" or ");
    const { username, role } = viewer.principal;
    throw new AuthError(403, `${action} needs the ${needed} role. You are signed in as ${username} (${ROLE_LABELS[role]}).`);
  }
  return viewer.principal;
}

/** ADMIN or AUDITOR: may read and export the audit trail. Throws AuthError (401/403) otherwise. */
export function requireAuditReader(action = "Reading the audit trail"): Promise<Principal> {
  return requireRole(["ADMIN", "AUDITOR"], action);
}

/** A console account acting on itself. */
export interface OwnAccount {
  userId: number;
  username: string;
  sessionId: string;
}

/** The signed-in console account, whatever its role, for changing its own password. Throws AuthError (401/403) otherwise. */
export async function requireOwnAccount(action: string): Promise<OwnAccount> {
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") throw new AuthError(401, "Sign in to use the Audit Console.");
  if (viewer.kind === "forbidden") throw noAccess(viewer.username);
  if (viewer.kind === "passwordChange") return { userId: viewer.userId, username: viewer.username, sessionId: viewer.sessionId };
  const { userId, username, sessionId } = viewer.principal;
  if (userId === null || sessionId === null) throw new AuthError(403, `${action} needs a console account signed in through the sign-in page.`);
  return { userId, username, sessionId };
}

/** ADMIN only: may change configuration, retention, purge. Throws AuthError (401/403) otherwise. */
export function requireAdmin(action = "This action"): Promise<Principal> {
  return requireRole(["ADMIN"], action);
}
