import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, parseTrustedProxies, PEER_HEADER } from "./client-address";
import { requestInfo } from "./request-info";

const NONE = parseTrustedProxies(undefined);

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("203.0.113.9", "6.6.6.6", NONE)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", "6.6.6.6, 7.7.7.7", NONE)).toBe("127.0.0.1");
    expect(clientAddress("::1", null, NONE)).toBe("::1");
    for (const value of ["", "none", "0", "  "]) expect(parseTrustedProxies(value)).toEqual({ kind: "none" });
  });

  it("believes as many hops as TRUSTED_PROXIES counts, from the nearest", () => {
    const oneHop = parseTrustedProxies("1");
    // nginx appends the address it was reached from; what the client wrote stays in front
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7", oneHop)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", "198.51.100.7", oneHop)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", parseTrustedProxies("2"))).toBe("198.51.100.7");
    // fewer entries than hops: the furthest address known
    expect(clientAddress("127.0.0.1", "198.51.100.7", parseTrustedProxies("3"))).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", null, oneHop)).toBe("127.0.0.1");
  });

  it("believes only hops whose addresses are listed, so a client reaching the app directly cannot pose as a proxy", () => {
    const nginx = parseTrustedProxies("loopback, 10.0.0.0/8");
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7", nginx)).toBe("198.51.100.7");
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9", nginx)).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.9", "6.6.6.6, 10.0.0.1", nginx)).toBe("203.0.113.9");
    // every hop trusted: the first entry is the best there is
    expect(clientAddress("127.0.0.1", "10.0.0.5", nginx)).toBe("10.0.0.5");
    const v6 = parseTrustedProxies("2001:db8::/32, uniquelocal");
    expect(clientAddress("2001:db8::1", "2001:db8:ffff::9, [2a00:1450::1]:443", v6)).toBe("2a00:1450::1");
    expect(clientAddress("fd00::1", "192.0.2.1:5678", v6)).toBe("192.0.2.1");
  });

  it("stops at an entry that is no address, keeping the hop that wrote it", () => {
    const oneHop = parseTrustedProxies("1");
    expect(clientAddress("127.0.0.1", "unknown", oneHop)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "198.51.100.7, <script>", parseTrustedProxies("loopback"))).toBe("127.0.0.1");
    expect(clientAddress("not-an-address", "198.51.100.7", oneHop)).toBeNull();
  });

  it.each(["eleven", "11", "10.0.0.0/33", "10.0.0.0/8/1", "1.2.3", "10.0.0.1,,10.0.0.2", "fe80::/129", "localhost"])(
    "refuses TRUSTED_PROXIES=%s naming the variable",
    (value) => {
      expect(() => parseTrustedProxies(value)).toThrow(/^TRUSTED_PROXIES: /);
    },
  );

  it("normalizes the forms proxies write addresses in", () => {
    expect(normalizeAddress(" ::FFFF:192.0.2.1 ")).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]:8080")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.1:80")).toBe("192.0.2.1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("999.1.1.1")).toBeNull();
  });
});

describe("requestInfo", () => {
  // What scripts/server.mjs sets in its process.
  beforeEach(() => {
    process.env.AUDIT_CONSOLE_PEER_HEADER = PEER_HEADER;
  });
  afterEach(() => {
    delete process.env.AUDIT_CONSOLE_PEER_HEADER;
  });

  it("reads the address from the server's peer header and a forged X-Forwarded-For not at all", () => {
    const headers = new Headers({ [PEER_HEADER]: "::ffff:127.0.0.1", "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "user-agent": "curl/8" });
    expect(requestInfo(headers)).toEqual({ ip: "127.0.0.1", userAgent: "curl/8" });
    expect(requestInfo({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": ["6.6.6.6", "7.7.7.7"] })).toEqual({ ip: "198.51.100.7", userAgent: null });
  });

  it("knows no address when the server did not say, rather than take the client's word", () => {
    expect(requestInfo(new Headers({ "x-forwarded-for": "6.6.6.6" })).ip).toBeNull();
    // Under another server (plain `next start`) nobody overwrites the peer header: a client's is ignored.
    delete process.env.AUDIT_CONSOLE_PEER_HEADER;
    expect(requestInfo(new Headers({ [PEER_HEADER]: "6.6.6.6" })).ip).toBeNull();
  });
});
