// GET|POST /api/auth/*: next-auth's sign-in, session and sign-out endpoints. A sign-out that
// next-auth accepts (its CSRF check passed) also ends the ConsoleSession and records User Logout;
// so does signing in as someone else over a live session.
import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getToken } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/auth-options";
import { requestInfo } from "@/lib/auth/request-info";
import { authSecret, sessionCookieName } from "@/lib/auth/secret";
import { refuseBadAuthRequest } from "@/lib/auth/next-auth-guard";
import { endConsoleSession } from "@/lib/auth/sessions";

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

const handler = NextAuth(authOptions) as (request: NextRequest, context: RouteContext) => Promise<Response>;

/** The session cookies next-auth's answer sets: cleared ("") on sign-out, a new token on sign-in. */
function sessionCookiesSet(response: Response): { cleared: boolean; replaced: boolean } {
  const name = sessionCookieName();
  const cookies = response.headers.getSetCookie().filter((cookie) => cookie.startsWith(`${name}=`) || cookie.startsWith(`${name}.`));
  // A long token is split into name.0, name.1, ...
  const cleared = cookies.some((cookie) => /^[^=]+=;/.test(cookie));
  return { cleared, replaced: cookies.some((cookie) => !/^[^=]+=;/.test(cookie)) };
}

async function endPreviousSession(request: NextRequest, context: RouteContext, when: "cleared" | "replaced"): Promise<Response> {
  const token = await getToken({ req: request, secret: authSecret(), cookieName: sessionCookieName() });
  const response = await handler(request, context);
  if (token?.sessionId && sessionCookiesSet(response)[when]) {
    try {
      await endConsoleSession(token.sessionId, "LOGOUT", { request: requestInfo(request.headers) });
    } catch (error) {
      // The browser is signed out either way; the expiry sweep ends the session later.
      console.error("Recording the sign-out failed:", error);
    }
  }
  return response;
}

// Input next-auth itself would answer with a 500 (a callbackUrl that is no URL, a body of the wrong
// shape) is refused first, in the one error shape (lib/auth/next-auth-guard.ts).
export async function GET(request: NextRequest, context: RouteContext): Promise<Response> {
  return (await refuseBadAuthRequest(request, (await context.params).nextauth ?? [])) ?? handler(request, context);
}

export async function POST(request: NextRequest, context: RouteContext): Promise<Response> {
  const segments = (await context.params).nextauth ?? [];
  const refused = await refuseBadAuthRequest(request, segments);
  if (refused) return refused;
  const [action] = segments;
  if (action === "signout") return endPreviousSession(request, context, "cleared");
  if (action === "callback") return endPreviousSession(request, context, "replaced");
  return handler(request, context);
}
