// Sends anonymous visitors of console pages to the sign-in page. A convenience only: every page,
// server action and route handler checks the session itself (lib/auth/guard.ts), because a proxy can
// be bypassed (CVE-2025-29927). Route handlers answer 401 JSON on their own, so /api and /rest are left alone.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { CONSOLE_PATH_HEADER, signInPath } from "@/lib/auth/callback-url";
import { authSecret, sessionCookieName } from "@/lib/auth/secret";

export async function proxy(request: NextRequest) {
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const token = await getToken({ req: request, secret: authSecret(), cookieName: sessionCookieName() });
  if (!token) return NextResponse.redirect(new URL(signInPath(path), request.url));
  // Tells the console layout where the visitor was going, should the session turn out to be ended.
  const headers = new Headers(request.headers);
  headers.set(CONSOLE_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything but the sign-in page, the APIs (/api and /rest, the bare prefixes too), Next's own files, avatars and other static files.
  matcher: ["/((?!login|api(?:/|$)|rest(?:/|$)|_next/|avatars/|favicon\\.ico|robots\\.txt|.*\\.[A-Za-z0-9]+$).*)"],
};
