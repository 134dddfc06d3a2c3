// Signing in for tests of the guard: authorizeCredentials opens the session, and the claims go
// where the test's mocked getServerSession reads them, as the browser's cookie would carry them.
import type { Session } from "next-auth";
import { authorizeCredentials } from "@/lib/auth/authorize";
import type { SessionClaims } from "@/lib/auth/guard";
import type { RequestInfo } from "@/lib/auth/request-info";
import { SESSION_MAX_AGE_MS } from "@/lib/auth/session-policy";

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
