// Where to go after signing in: only a path of this site, never another origin (open redirect).

export const DEFAULT_LANDING = "/audit/logins";

/** Where a user who signed in with a one-time password must choose their own before anything else. */
export const CHANGE_PASSWORD_PATH = "/change-password";

/** Set by proxy.ts on console pages: the path and query being visited, for the way back after sign-in. */
export const CONSOLE_PATH_HEADER = "x-console-path";

/** `value` (relative or absolute) as a path of `origin`, or undefined when it leads anywhere else or does not parse. */
function sameOriginPath(value: string, origin: string): string | undefined {
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin) return undefined;
  // "//evil.example" and "/\evil.example" parse as other hosts above; backslashes never belong here.
  if (value.includes("\\")) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A same-origin path from a callbackUrl parameter (relative or absolute), else the default landing page. */
export function safeCallbackPath(value: string | null | undefined, origin = "http://console.invalid"): string {
  const path = value ? sameOriginPath(value, origin) : undefined;
  if (!path || path === "/" || path === "/login" || path.startsWith("/login?") || path.startsWith("/api/")) return DEFAULT_LANDING;
  return path;
}

/**
 * next-auth's redirect callback: `url` on this site, else the site's root. next-auth's own default
 * throws on a value that is neither a path nor an absolute URL ("evil.example"), a 500; and the sign-out's
 * "/login?signedOut=1" must pass, so this is not safeCallbackPath.
 */
export function sameSiteRedirect(url: string, baseUrl: string): string {
  const path = sameOriginPath(url, baseUrl);
  return path ? `${new URL(baseUrl).origin}${path}` : baseUrl;
}

/** The change-password page, coming back to `path` afterwards (as signInPath carries it). */
export function changePasswordPath(path: string | null | undefined): string {
  const target = safeCallbackPath(path);
  return target === DEFAULT_LANDING || target === CHANGE_PASSWORD_PATH || target.length > MAX_CALLBACK_LENGTH
    ? CHANGE_PASSWORD_PATH
    : `${CHANGE_PASSWORD_PATH}?callbackUrl=${encodeURIComponent(target)}`;
}

/**
 * The longest way back the sign-in redirect carries. Encoded, a page's 10,000-character query grew
 * into a Location header past the 16 KB that Node's HTTP clients (and many proxies) read: no answer.
 */
export const MAX_CALLBACK_LENGTH = 2_000;

/** The sign-in page, coming back to `path` afterwards (to the default landing page when the path is too long to carry). */
export function signInPath(path: string | null | undefined): string {
  const target = safeCallbackPath(path);
  return target === DEFAULT_LANDING || target.length > MAX_CALLBACK_LENGTH ? "/login" : `/login?callbackUrl=${encodeURIComponent(target)}`;
}
