// Where to go after signing in: only a path of this site, never another origin (open redirect).

export const DEFAULT_LANDING = "/audit/logins";

/** Set by proxy.ts on console pages: the path and query being visited, for the way back after sign-in. */
export const CONSOLE_PATH_HEADER = "x-console-path";

/** A same-origin path from a callbackUrl parameter (relative or absolute), else the default landing page. */
export function safeCallbackPath(value: string | null | undefined, origin = "http://console.invalid"): string {
  if (!value) return DEFAULT_LANDING;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return DEFAULT_LANDING;
  }
  const base = new URL(origin);
  if (url.origin !== base.origin) return DEFAULT_LANDING;
  // "//evil.example" and "/\evil.example" parse as other hosts above; backslashes never belong here.
  if (value.includes("\\")) return DEFAULT_LANDING;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path === "/" || path === "/login" || path.startsWith("/login?") || path.startsWith("/api/")) return DEFAULT_LANDING;
  return path;
}

/** The sign-in page, coming back to `path` afterwards. */
export function signInPath(path: string | null | undefined): string {
  const target = safeCallbackPath(path);
  return target === DEFAULT_LANDING ? "/login" : `/login?callbackUrl=${encodeURIComponent(target)}`;
}
