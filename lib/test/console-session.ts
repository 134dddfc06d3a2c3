// Signing in for tests of the guard: authorizeCredentials opens the session, and the claims go
// where the test's mocked getServerSession reads them, as the browser's cookie would carry them.
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authorize";
import type { SessionClaims } from "@/lib/auth/guard";
import type { RequestInfo } from "@/lib/auth/request-info";
import { hashPassword } from "@/lib/auth/password";
import { SESSION_MAX_AGE_MS } from "@/lib/auth/session-policy";
import { type Database, setDb } from "@/lib/db";
import { deleteEvents } from "./delete-events";

export interface SessionHolder {
  current: Session | null;
}

export async function signInSession(holder: SessionHolder, username: string, password: string, request: RequestInfo, at = new Date()): Promise<SessionClaims> {
  const user = await authorizeCredentials({ username, password }, request, at);
  const claims = { userId: user.userId, tokenVersion: user.tokenVersion, sessionId: user.sessionId };
  holder.current = {
    user: { id: user.userId, username, name: user.name, role: user.role },
    claims,
    expires: new Date(at.getTime() + SESSION_MAX_AGE_MS).toISOString(),
  };
  return claims;
}

/**
 * A database of console accounts for a describe block: opened once (and set as the app's), emptied
 * of events, sign-in attempts, sessions and users before each test, the signed-in session cleared.
 * `use` hands the test file the database and the hash of `password`.
 */
export function useConsoleAccounts(
  open: () => Promise<Database>,
  holder: SessionHolder,
  password: string,
  use: (db: Database, passwordHash: string) => void,
): void {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    setDb(db);
    use(db, await hashPassword(password));
  });
  afterAll(async () => {
    holder.current = null;
    setDb(undefined);
    await db.close();
  });
  beforeEach(async () => {
    holder.current = null;
    await deleteEvents(db);
    await db.prisma.loginAttempt.deleteMany();
    await db.prisma.consoleSession.deleteMany();
    await db.prisma.user.deleteMany();
  });
}
