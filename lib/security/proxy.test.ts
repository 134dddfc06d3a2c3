import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authSecret, sessionCookieName } from "@/lib/auth/secret";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, NONCE_HEADER } from "./content-security-policy";

afterEach(() => {
  vi.unstubAllEnvs();
});

function nonceOf(policy: string | null): string {
  return /'nonce-([^']+)'/.exec(policy ?? "")?.[1] as string;
}

// What Next forwards to the page: the middleware's request headers travel as x-middleware-request-*.
function forwarded(response: Response, name: string): string | null {
  return response.headers.get(`x-middleware-request-${name}`);
}

async function signedInRequest(path: string): Promise<NextRequest> {
  const token = await encode({ token: { sub: "1", userId: 1 }, secret: authSecret() as string });
  return new NextRequest(`http://console.test${path}`, { headers: { cookie: `${sessionCookieName()}=${token}` } });
}

describe("proxy", () => {
  it("gives the sign-in page a policy with a nonce of its own, and hands the nonce to the page, whatever the client sent", async () => {
    const request = new NextRequest("http://console.test/login", { headers: { [NONCE_HEADER]: "forged", "content-security-policy": "script-src *" } });
    const first = await proxy(request);
    const second = await proxy(new NextRequest("http://console.test/login"));
    const policy = first.headers.get("content-security-policy");
    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(policy).toBe(contentSecurityPolicy(nonce, "/login"));
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
    expect(forwarded(first, NONCE_HEADER)).toBe(nonce);
    expect(forwarded(first, "content-security-policy")).toBe(policy);
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends an anonymous visitor of a console page to the sign-in page, the redirect under the policy too", async () => {
    const answer = await proxy(new NextRequest("http://console.test/audit/config?x=1"));
    expect(answer.status).toBe(307);
    expect(answer.headers.get("location")).toBe("http://console.test/login?callbackUrl=%2Faudit%2Fconfig%3Fx%3D1");
    expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets a signed-in admin's page through with its nonce and the path it was going to", async () => {
    const answer = await proxy(await signedInRequest("/audit/logins"));
    expect(answer.status).toBe(200);
    expect(forwarded(answer, "x-console-path")).toBe("/audit/logins");
    expect(forwarded(answer, NONCE_HEADER)).toBe(nonceOf(answer.headers.get("content-security-policy")));
  });

  it("adds HSTS and upgrade-insecure-requests when the public URL is https", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://audit.example.com");
    const answer = await proxy(new NextRequest("https://audit.example.com/login"));
    expect(answer.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(answer.headers.get("content-security-policy")).toMatch(/; upgrade-insecure-requests$/);
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
    vi.resetModules();
    const { authOptions } = await import("@/lib/auth/auth-options");
    expect(authOptions.useSecureCookies).toBe(true);
  });

  it("keeps cookies and pages as they are over http", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    vi.resetModules();
    const { authOptions } = await import("@/lib/auth/auth-options");
    expect(authOptions.useSecureCookies).toBe(false);
    expect(sessionCookieName()).toBe("next-auth.session-token");
  });
});
