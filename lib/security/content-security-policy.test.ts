import { describe, expect, it } from "vitest";
import { API_REFERENCE_PATH, contentSecurityPolicy } from "./content-security-policy";

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(policy.split("; ").map((part) => [part.split(" ")[0], part.slice(part.indexOf(" ") + 1)]));
}

describe("contentSecurityPolicy", () => {
  it("lets a page run only its nonce's scripts and <style> elements, with style attributes for Mantine", () => {
    const policy = directives(contentSecurityPolicy("bm9uY2U=", "/audit/logins"));
    expect(policy["script-src"]).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy["style-src-elem"]).toBe("'self' 'nonce-bm9uY2U='");
    expect(policy["style-src-attr"]).toBe("'unsafe-inline'");
    expect(policy).toMatchObject({
      "default-src": "'self'",
      "img-src": "'self' data:",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
    expect(policy["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("allows inline <style> elements on the API reference page alone, scripts still by nonce", () => {
    const policy = directives(contentSecurityPolicy("bm9uY2U=", API_REFERENCE_PATH));
    expect(policy["style-src-elem"]).toBe("'self' 'unsafe-inline'");
    expect(policy["script-src"]).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(directives(contentSecurityPolicy("bm9uY2U=", `${API_REFERENCE_PATH}/x`))["style-src-elem"]).toBe("'self' 'nonce-bm9uY2U='");
  });

  it("adds eval for development and upgrades requests over https", () => {
    expect(directives(contentSecurityPolicy("n", "/", { development: true, https: false }))["script-src"]).toBe(
      "'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'",
    );
    expect(contentSecurityPolicy("n", "/", { development: false, https: true }).endsWith("; upgrade-insecure-requests")).toBe(true);
  });
});
