// While the database does not answer (restarting, unreachable, every connection taken), the console
// layout cannot tell who is signing in: it sends the browser here, and proxy.ts answers this path
// itself, without the database: 503 with Retry-After and a page that goes back where the admin was
// once the database answers. Monitors and load balancers see the 503 (and /api/health/ready).
import { MAX_CALLBACK_LENGTH, safeCallbackPath } from "@/lib/auth/callback-url";
import { SECURITY_HEADERS } from "./security-headers.mjs";
import { NOTICE_PAGE_POLICY, noticePage } from "./notice-page.mjs";

export const UNAVAILABLE_PATH = "/unavailable";
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** This page, going back to `path` (a console path) once the database answers; a way back past MAX_CALLBACK_LENGTH would not fit a Location header, and is left out. */
export function unavailablePath(path: string | null): string {
  const back = safeCallbackPath(path);
  return back.length > MAX_CALLBACK_LENGTH ? UNAVAILABLE_PATH : `${UNAVAILABLE_PATH}?back=${encodeURIComponent(back)}`;
}

/** proxy.ts's answer on UNAVAILABLE_PATH. */
export function unavailableAnswer(url: URL): Response {
  const back = safeCallbackPath(url.searchParams.get("back"));
  const headers = new Headers(SECURITY_HEADERS.map(({ key, value }): [string, string] => [key, value]));
  headers.set("Content-Security-Policy", NOTICE_PAGE_POLICY);
  headers.set("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  headers.set("Cache-Control", "no-store");
  headers.set("Content-Type", "text/html; charset=utf-8");
  const page = noticePage({
    title: "The database is not answering",
    text: `The console's database is restarting, unreachable or too busy to answer. Nothing was changed. This page tries again in ${UNAVAILABLE_RETRY_AFTER_SECONDS} seconds and goes back to ${back} once it answers.`,
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    reloadTo: back,
  });
  return new Response(page, { status: 503, headers });
}
