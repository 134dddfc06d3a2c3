// The client's address and user agent as a request reports them, for LoginAttempt rows, sessions
// and audit events.
import { clientAddress, configuredTrustedProxies, PEER_HEADER, peerHeaderIsSet } from "./client-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/** Every value of a header that may come more than once, joined with commas as HTTP allows. */
function allValues(headers: HeaderSource, name: string): string | undefined {
  if (!headers || headers instanceof Headers) return header(headers, name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

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

let warnedNoPeer = false;

/**
 * The client's address: the socket's peer as scripts/server.mjs reports it, and X-Forwarded-For
 * only as far as TRUSTED_PROXIES trusts the hops (lib/auth/client-address.ts). Never the first entry
 * of X-Forwarded-For as is: a client writes that itself. Null when the server did not say (the app
 * was started by plain `next start`), rather than a guess a client could choose.
 */
export function clientIp(headers: HeaderSource): string | null {
  const peer = peerHeaderIsSet() ? header(headers, PEER_HEADER) : undefined;
  if (!peer) {
    if (headers && !warnedNoPeer) {
      warnedNoPeer = true;
      console.warn("No client address on requests: start the console with `npm start` (scripts/server.mjs), not `next start`.");
    }
    return null;
  }
  return clientAddress(peer, allValues(headers, "x-forwarded-for"), configuredTrustedProxies())?.slice(0, 100) ?? null;
}

export function requestInfo(headers: HeaderSource): RequestInfo {
  const userAgent = header(headers, "user-agent")?.trim();
  return { ip: clientIp(headers), userAgent: userAgent ? userAgent.slice(0, 1000) : null };
}
