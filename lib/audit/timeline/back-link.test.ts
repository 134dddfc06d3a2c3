import { describe, expect, it } from "vitest";
import { backFrom, readBackLink, withBack } from "./back-link";

describe("the way back from an entity page", () => {
  it("returns to a search tab with its filters", () => {
    expect(readBackLink("/audit/artifacts?users=3&range=Last_7_Days&page=2")).toEqual({
      href: "/audit/artifacts?users=3&range=Last_7_Days&page=2",
      label: "Back to Artifacts",
    });
    expect(readBackLink("/audit/logins")).toEqual({ href: "/audit/logins", label: "Back to Logins" });
    expect(readBackLink(["/audit/console?types=AUDIT_EXPORT", "/audit/logins"])?.label).toBe("Back to Console");
  });

  it("never leaves the console's tabs (no open redirect)", () => {
    for (const value of [
      "https://evil.example/audit/artifacts",
      "//evil.example/audit/artifacts",
      "/\\evil.example/audit/artifacts",
      "/audit/artifacts\\..\\x",
      "javascript:alert(1)",
      "/audit/../settings/api-tokens",
      "/settings/api-tokens",
      "/audit/config",
      "/audit/artifacts\n",
      "audit/artifacts",
      `/audit/artifacts?${"x".repeat(4000)}`,
      "",
      null,
      undefined,
    ]) {
      expect(readBackLink(value), String(value)).toBeNull();
    }
  });

  it("is carried by links from a tab, and from one entity page to the next", () => {
    expect(backFrom("/audit/artifacts", new URLSearchParams("projects=2&range=Today"))).toBe("/audit/artifacts?projects=2&range=Today");
    const fromEntity = new URLSearchParams({ back: "/audit/permissions?users=5", types: "USER_CREATE" });
    expect(backFrom("/artifacts/12", fromEntity)).toBe("/audit/permissions?users=5");
    expect(backFrom("/artifacts/12", new URLSearchParams({ back: "https://evil.example" }))).toBeNull();
    expect(backFrom("/audit/changes/7", new URLSearchParams({ back: "/audit/logins" }))).toBe("/audit/logins");
    expect(backFrom("/settings/api-tokens", new URLSearchParams({ back: "/audit/logins" }))).toBeNull();
    expect(withBack("/projects/3", "/audit/artifacts?range=Today")).toBe("/projects/3?back=%2Faudit%2Fartifacts%3Frange%3DToday");
    expect(withBack("/projects/3", null)).toBe("/projects/3");
  });
});
