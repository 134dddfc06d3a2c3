import { describe, expect, it } from "vitest";
import { DEFAULT_LANDING, safeCallbackPath, signInPath } from "./callback-url";

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
});
