import { describe, expect, it } from "vitest";
import { DEFAULT_LANDING, MAX_CALLBACK_LENGTH, safeCallbackPath, sameSiteRedirect, signInPath } from "./callback-url";

const ORIGIN = "https://audit.example.com";

describe("safeCallbackPath", () => {
  it("keeps paths of this site, with their query", () => {
    expect(safeCallbackPath("/audit/artifacts?page=2", ORIGIN)).toBe("/audit/artifacts?page=2");
    expect(safeCallbackPath("https://audit.example.com/users/7", ORIGIN)).toBe("/users/7");
  });

  it.each([
    ["nothing", undefined],
    ["another origin", "https://evil.example/audit"],
    ["a protocol-relative URL", "//evil.example/audit"],
    ["a backslash trick", "/\\evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["the sign-in page itself", "/login?callbackUrl=/audit"],
    ["an API endpoint", "/api/auth/signout"],
    ["the front door, which only leads on to the Logins tab", "/"],
    ["a host that merely starts like this one", "https://audit.example.com.evil.example/audit"],
    ["a site that does not parse", "http://[::1"],
  ])("falls back to the Logins tab for %s", (_, value) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(DEFAULT_LANDING);
  });
});

describe("signInPath", () => {
  it("carries the page to come back to", () => {
    expect(signInPath("/audit/permissions?users=3")).toBe("/login?callbackUrl=%2Faudit%2Fpermissions%3Fusers%3D3");
    expect(signInPath(null)).toBe("/login");
    expect(signInPath("/")).toBe("/login");
  });

  it("leaves out a way back too long for a Location header", () => {
    const long = `/audit/logins?users=${"1,".repeat(1_000)}`;
    expect(signInPath(long.slice(0, MAX_CALLBACK_LENGTH))).toBe(`/login?callbackUrl=${encodeURIComponent(long.slice(0, MAX_CALLBACK_LENGTH))}`);
    expect(signInPath(long)).toBe("/login");
  });
});

describe("sameSiteRedirect", () => {
  it("keeps this site's URLs and paths, the sign-in page too (sign-out goes there)", () => {
    expect(sameSiteRedirect("/login?signedOut=1", ORIGIN)).toBe("https://audit.example.com/login?signedOut=1");
    expect(sameSiteRedirect("https://audit.example.com/audit/logins?users=3", ORIGIN)).toBe("https://audit.example.com/audit/logins?users=3");
  });

  it("reads what is neither a path nor a URL as relative to the site (next-auth's own callback threw on it: a 500)", () => {
    expect(sameSiteRedirect("evil.example", ORIGIN)).toBe("https://audit.example.com/evil.example");
  });

  it.each([
    ["a look-alike host", "http://localhost:3800.evil.example/"],
    ["another origin", "https://evil.example/audit"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash trick", "/\\evil.example"],
    ["an unparsable URL", "http://[::1"],
  ])("answers the site's root for %s", (_, value) => {
    expect(sameSiteRedirect(value, ORIGIN)).toBe(ORIGIN);
  });
});
