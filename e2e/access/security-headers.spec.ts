import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { signInAsAdmin } from "../fixtures";
import { API_REFERENCE_PATH, contentSecurityPolicy } from "../../lib/security/content-security-policy";
import { descriptionDiffHref } from "../diff/description-diff";

// Every kind of answer forbids framing by another site, keeps its URL (filters, usernames) from
// other sites, is taken for the type it declares and may use no camera, microphone or location.
// Pages run only the scripts their answer's nonce allows; other answers may load nothing at all.

const NOT_A_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["permissions-policy"], what).toContain("camera=(), ");
  expect(headers["permissions-policy"], what).toContain("microphone=(), ");
  expect(headers["permissions-policy"], what).toContain("geolocation=(), ");
  // The console's own test server speaks http: no HSTS, which would pin a name to https.
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

/** A page's policy: the one lib/security builds for the path with a nonce of its own, on every <script> of its HTML; returns the nonce. */
async function expectPagePolicy(response: APIResponse, path: string): Promise<string> {
  const policy = response.headers()["content-security-policy"];
  const nonce = /'nonce-([A-Za-z0-9+/=]{24})'/.exec(policy)?.[1] as string;
  expect(nonce, `${path}: ${policy}`).toBeTruthy();
  expect(policy, path).toBe(contentSecurityPolicy(nonce, path));
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, path).toBeGreaterThan(1);
  for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  return nonce;
}

/** Records what the page's policy refuses, and errors its console reports, from the next navigation on. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${location.pathname}: ${event.effectiveDirective} refused ${event.blockedURI || "inline"} (${event.sample})`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Permissions-Policy|Permissions policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
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
    ["/api/health", 200],
    ["/api/health/ready", 200],
  ];
  for (const [path, status] of anonymous) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(response, path);
    if (path !== "/login") expect(response.headers()["content-security-policy"], path).toMatch(/'nonce-|^default-src 'none'/);
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

test("every page answer has a policy of its own nonce, the sign-in page's too; answers that are not pages may load nothing", async ({ page, request }) => {
  const first = await expectPagePolicy(await request.get("/login"), "/login");
  const second = await expectPagePolicy(await request.get("/login"), "/login");
  expect(second).not.toBe(first);
  for (const path of ["/api/health", "/api/nope", "/avatars/01.svg"]) {
    expect((await request.get(path)).headers()["content-security-policy"], path).toBe(NOT_A_PAGE_POLICY);
  }
  // The redirect of an anonymous visitor is the proxy's answer too.
  expect((await request.get("/audit/config", { maxRedirects: 0 })).headers()["content-security-policy"]).toContain("'strict-dynamic'");

  await signInAsAdmin(page);
  for (const path of ["/audit/logins", "/audit/config", "/settings/api-tokens"]) await expectPagePolicy(await page.request.get(path), path);
  // Scalar's bundle adds <style> elements without a nonce: that page alone allows inline ones.
  const reference = await page.request.get(API_REFERENCE_PATH);
  await expectPagePolicy(reference, API_REFERENCE_PATH);
  expect(reference.headers()["content-security-policy"]).toContain("style-src-elem 'self' 'unsafe-inline'");
  expect((await page.request.get("/api/audit/config/retention")).headers()["content-security-policy"]).toBe(NOT_A_PAGE_POLICY);
});

test("the sign-in page, the tabs, Config, the diff, the entity pages, the tokens and the API reference run without a refusal of the policy", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days&size=100");
  const href = await descriptionDiffHref(page, page.getByRole("table", { name: "Work item and artifact events" }));
  await page.goto(href);
  await expect(page.getByRole("region", { name: "Description", exact: true }).locator("ins").first()).toBeVisible();
  for (const [path, heading] of [
    ["/audit/logins", "Logins"],
    ["/audit/permissions", "Permissions"],
    ["/audit/console", "Console"],
    ["/audit/config", "Config"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Audit sections" }).getByRole("link", { name: heading })).toHaveAttribute("aria-current", "page");
    await page.waitForLoadState("networkidle");
  }
  // The entity pages and the tokens page, their charts and tables too.
  for (const path of ["/users/1", "/projects/1", "/trackers/1", "/artifacts/1", "/settings/api-tokens"]) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
  }
  // Mantine's <style> elements carry the nonce and apply: the primary colour variable is set.
  const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--mantine-primary-color-filled"));
  expect(primary.trim()).not.toBe("");
  await page.goto("/settings/api-reference");
  await expect(page.getByRole("heading", { name: "Audit Console API" })).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});
