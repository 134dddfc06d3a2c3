// Gives every page its Content-Security-Policy with a fresh nonce (Next puts it on its own scripts;
// the root layout on Mantine's), and sends anonymous visitors of console pages to the sign-in page.
// The redirect is a convenience only: every page, server action and route handler checks the session
// itself (lib/auth/guard.ts), because a proxy can be bypassed (CVE-2025-29927). Route handlers answer
// 401 JSON on their own and carry next.config.js's fixed headers, so /api and /rest are left alone.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { CONSOLE_PATH_HEADER, signInPath } from "@/lib/auth/callback-url";
import { authSecret, servedOverHttps, sessionCookieName } from "@/lib/auth/secret";
import { refuseMalformedServerAction } from "@/lib/auth/server-action-guard";
import { UNAVAILABLE_PATH, unavailableAnswer } from "@/lib/http/database-unavailable";
import { contentSecurityPolicy, NONCE_HEADER, STRICT_TRANSPORT_SECURITY } from "@/lib/security/content-security-policy";

export async function proxy(request: NextRequest) {
  // Server action requests Next itself would answer with a 500 (lib/auth/server-action-guard.ts).
  const refused = await refuseMalformedServerAction(request);
  if (refused) return refused;
  // Next's own error page, asked for by its name: rendered directly it answers 500.
  if (request.nextUrl.pathname === "/_global-error") {
    return NextResponse.json({ error: { code: "not_found", message: "There is no page here." } }, { status: 404 });
  }
  // Where the console layout sends a visitor while the database does not answer: answered without it.
  if (request.nextUrl.pathname === UNAVAILABLE_PATH) return unavailableAnswer(request.nextUrl);
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = servedOverHttps();
  const policy = contentSecurityPolicy(nonce, request.nextUrl.pathname, { development: process.env.NODE_ENV === "development", https });

  let response: NextResponse;
  if (request.nextUrl.pathname === "/login") {
    response = NextResponse.next({ request: { headers: withHeaders(request, policy, nonce) } });
  } else {
    const token = await getToken({ req: request, secret: authSecret(), cookieName: sessionCookieName() });
    if (!token) {
      response = NextResponse.redirect(new URL(signInPath(path), request.url));
    } else {
      // Tells the console layout where the visitor was going, should the session turn out to be ended.
      const headers = withHeaders(request, policy, nonce);
      headers.set(CONSOLE_PATH_HEADER, path);
      response = NextResponse.next({ request: { headers } });
    }
  }
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// Next reads the nonce from the request's policy and puts it on its scripts; the layout reads NONCE_HEADER.
// Both are set here, whatever the client sent under those names.
function withHeaders(request: NextRequest, policy: string, nonce: string): Headers {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  headers.set(NONCE_HEADER, nonce);
  return headers;
}

export const config = {
  // Every page, the sign-in page too; not the APIs (/api and /rest, the bare prefixes too), Next's own files, avatars and other static files.
  matcher: ["/((?!api(?:/|$)|rest(?:/|$)|_next/|avatars/|favicon\\.ico|robots\\.txt|.*\\.[A-Za-z0-9]+$).*)"],
};
