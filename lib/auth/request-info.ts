// The client's address and user agent as a request reports them, for LoginAttempt rows, sessions
// and audit events.

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

/**
 * The first address of X-Forwarded-For (the client as the nearest proxy saw it), else X-Real-IP.
 * Run the console behind a reverse proxy that sets these headers; Next.js sets X-Forwarded-For
 * itself when it is reached directly.
 */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || header(headers, "x-real-ip")?.trim();
  if (!ip) return null;
  // IPv4 addresses mapped into IPv6 read better in their IPv4 form.
  return (ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip).slice(0, 100);
}

export function requestInfo(headers: HeaderSource): RequestInfo {
  const userAgent = header(headers, "user-agent")?.trim();
  return { ip: clientIp(headers), userAgent: userAgent ? userAgent.slice(0, 1000) : null };
}
