import { expect, test, type APIResponse } from "@playwright/test";
import { signInAsAdmin } from "../fixtures";

// Every kind of answer forbids framing by another site, keeps its URL (filters, usernames) from
// other sites, and is taken for the type it declares.

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
}

test("pages, redirects, API answers, errors and static files all carry the security headers", async ({ page, request }) => {
  const anonymous: Array<[string, number]> = [
    ["/login", 200],
    ["/", 307],
    ["/audit/config", 307],
    ["/api/export/logins.csv", 401],
    ["/api/audit/config/retention", 401],
    ["/api/nope", 404],
    // Jira's paths are API paths too: JSON, never the sign-in page.
    ["/rest/auditing/1.0/events", 401],
    ["/rest/nope", 404],
    ["/api/auth/session", 200],
    ["/avatars/01.svg", 200],
    ["/favicon.ico", 200],
  ];
  for (const [path, status] of anonymous) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(response, path);
  }

  await signInAsAdmin(page);
  const script = await page.locator("script[src^='/_next/']").first().getAttribute("src");
  const signedIn: Array<[string, number]> = [
    ["/audit/logins", 200],
    ["/audit/config", 200],
    ["/audit/nope", 404],
    ["/api/audit/config/retention", 200],
    ["/api/export/logins.csv?range=Today", 200],
    [script!, 200],
  ];
  for (const [path, status] of signedIn) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(response, path);
  }
});

test("another site cannot frame the sign-in page or the Config tab", async ({ page, baseURL }) => {
  await signInAsAdmin(page);
  for (const path of ["/login", "/audit/config"]) {
    // A page of another origin (about:blank) framing the console.
    await page.goto("about:blank");
    await page.setContent(`<iframe title="framed" src="${baseURL}${path}" width="800" height="600" onload="document.title = 'frame loaded'"></iframe>`);
    await expect(page).toHaveTitle("frame loaded");
    const frame = page.frameLocator("iframe[title=framed]");
    await expect(frame.getByRole("button")).toHaveCount(0);
    await expect(frame.getByRole("heading")).toHaveCount(0);
  }
});
