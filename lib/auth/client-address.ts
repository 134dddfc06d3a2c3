// Whose address a request comes from, for sign-in throttles, sessions and audit events. The socket's
// peer is known for sure (scripts/server.mjs passes it in PEER_HEADER); X-Forwarded-For is believed
// only as far as TRUSTED_PROXIES says the hops that wrote it are ours. The rules are Express's
// "trust proxy" setting: a number of hops, or the addresses and CIDR ranges of the proxies.
import { BlockList, isIP } from "node:net";

/** Set by scripts/server.mjs on every request to the socket's remote address, replacing any a client sent. */
export const PEER_HEADER = "x-audit-console-peer";

/**
 * Whether this process runs under scripts/server.mjs, which says so in AUDIT_CONSOLE_PEER_HEADER.
 * Under another server (plain `next start`) nobody overwrites PEER_HEADER: a client could send it.
 */
export function peerHeaderIsSet(): boolean {
  return process.env.AUDIT_CONSOLE_PEER_HEADER === PEER_HEADER;
}

export type TrustedProxies =
  | { kind: "none" }
  /** the nearest `hops` hops are ours, whatever their addresses */
  | { kind: "hops"; hops: number }
  /** a hop is ours when its address is in `list` */
  | { kind: "addresses"; list: BlockList };

class TrustedProxiesError extends Error {
  constructor(message: string) {
    super(`TRUSTED_PROXIES: ${message}`);
    this.name = "TrustedProxiesError";
  }
}

const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

const MAX_HOPS = 10;

/** "1.2.3.4", "::ffff:1.2.3.4", "[::1]:443" or "1.2.3.4:5678" as a plain address, or null when it is none. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let address = value?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1];
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * TRUSTED_PROXIES as set: empty or "none" (default: no proxy, the socket's peer is the client), a
 * number of proxy hops (1 for one nginx in front), or a comma-separated list of addresses, CIDR
 * ranges and the names loopback, linklocal and uniquelocal. Throws TrustedProxiesError on anything else.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "" || text.toLowerCase() === "none" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw new TrustedProxiesError(`${hops} proxy hops is more than any real chain (at most ${MAX_HOPS}).`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim())) {
    if (!entry) throw new TrustedProxiesError(`an empty entry in "${text}"; separate addresses with single commas.`);
    const named = NAMED_RANGES[entry.toLowerCase()];
    for (const range of named ?? [entry]) addRange(list, range, entry);
  }
  return { kind: "addresses", list };
}

function addRange(list: BlockList, range: string, entry: string): void {
  const [address, prefixText, ...rest] = range.split("/");
  const normalized = normalizeAddress(address);
  const family = normalized ? isIP(normalized) : 0;
  const width = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? width : /^\d+$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!normalized || rest.length > 0 || !(prefix >= 0 && prefix <= width)) {
    throw new TrustedProxiesError(`"${entry}" is not a number of hops, an IP address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal.`);
  }
  list.addSubnet(normalized, prefix, family === 4 ? "ipv4" : "ipv6");
}

function isTrusted(address: string, trusted: TrustedProxies, hop: number): boolean {
  if (trusted.kind === "none") return false;
  if (trusted.kind === "hops") return hop < trusted.hops;
  return trusted.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: walks from the socket's peer back through X-Forwarded-For (each proxy
 * appends the address it was reached from) while the hop is a trusted proxy, and stops at the first
 * one that is not. An entry that is no address ends the walk at the hop that wrote it.
 */
export function clientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined, trusted: TrustedProxies): string | null {
  let client = normalizeAddress(peer);
  if (!client) return null;
  const forwarded = (forwardedFor ?? "").split(",").reverse();
  for (let hop = 0; isTrusted(client, trusted, hop) && hop < forwarded.length; hop++) {
    const previous = normalizeAddress(forwarded[hop]);
    if (!previous) break;
    client = previous;
  }
  return client;
}

let configured: TrustedProxies | undefined;

/** TRUSTED_PROXIES of this process, read once. */
export function configuredTrustedProxies(): TrustedProxies {
  configured ??= parseTrustedProxies(process.env.TRUSTED_PROXIES);
  return configured;
}
