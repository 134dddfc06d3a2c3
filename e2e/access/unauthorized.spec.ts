import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../fixtures";

// Every console page, walked as nobody and as a signed-in user without a console role.
const PAGES = ["/audit", "/audit/logins", "/audit/logins?users=1&range=Last_7_Days", "/audit/config", "/users/1"];

test.describe("as nobody", () => {
  for (const path of PAGES) {
    test(`${path} sends to sign-in`, async ({ page }) => {
      await page.goto(path);
      // The way back is named, unless it is the Logins tab, where signing in leads anyway.
      await expect(page).toHaveURL(path === "/audit/logins" ? /\/login$/ : `/login?callbackUrl=${encodeURIComponent(path)}`);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    });
  }

  test("a forged middleware header does not open the console", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" });
    await page.goto("/audit/logins");
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page).toHaveURL(/\/login/);
  });
});

const EXPORTS = ["/api/export/logins.csv", "/api/export/artifacts.xlsx", "/api/export/permissions.pdf"];

test.describe("the configuration and export APIs", () => {
  test("answer 401 to nobody and 403 to a user without a console role", async ({ page, request }) => {
    for (const path of ["/api/audit/config/coverage", "/api/audit/config/retention"]) {
      expect((await request.get(path)).status()).toBe(401);
    }
    expect((await request.put("/api/audit/config/retention", { data: { period: { days: 90 } } })).status()).toBe(401);
    for (const path of EXPORTS) expect((await request.get(path)).status()).toBe(401);
    await signIn(page, DEMO.viewer.username, DEMO.viewer.password, "/audit/logins");
    const asViewer = page.request;
    expect((await asViewer.get("/api/audit/config/retention")).status()).toBe(403);
    expect((await asViewer.put("/api/audit/config/retention", { data: { period: { days: 90 } } })).status()).toBe(403);
    for (const path of EXPORTS) expect((await asViewer.get(path)).status()).toBe(403);
  });
});

test.describe("as a user without a console role", () => {
  for (const path of PAGES) {
    test(`${path} answers 403`, async ({ page }) => {
      await signIn(page, DEMO.viewer.username, DEMO.viewer.password, "/audit/logins");
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: /403.*Access denied/ })).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
    });
  }
});
