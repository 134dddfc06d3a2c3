import { expect, test } from "@playwright/test";
import { DEMO, signInAsAdmin } from "../fixtures";

// The address the demo prints, opened as a new user would, and addresses that lead nowhere.

test("the printed URL leads a new user through sign-in to the Logins tab", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Username").fill(DEMO.admin.username);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/audit\/logins$/);
  await expect(page.getByRole("table", { name: "Login events" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Audit sections" }).getByRole("link", { name: "Logins" })).toHaveAttribute("aria-current", "page");

  // Signed in, the front door opens the tab at once.
  await page.goto("/");
  await expect(page).toHaveURL(/\/audit\/logins$/);
});

test("an unknown console address shows a not-found page inside the console, with the tabs as the way on", async ({ page }) => {
  await signInAsAdmin(page);
  for (const path of ["/audit/nope", "/nope", "/users/1/nope", "/audit/logins/extra"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
    await expect(page.getByText(path, { exact: true })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page).toHaveTitle("Page not found · Audit Console");
  }
  await page.getByRole("navigation", { name: "Audit sections" }).getByRole("link", { name: "Permissions" }).click();
  await expect(page).toHaveURL(/\/audit\/permissions$/);
  await page.goBack();
  await page.getByRole("link", { name: "Go to the Logins tab", exact: true }).click();
  await expect(page).toHaveURL(/\/audit\/logins$/);
});

test("an unknown address sends a visitor who is not signed in to sign-in first", async ({ page }) => {
  await page.goto("/audit/nope");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faudit%2Fnope$/);
});

test("unknown API paths answer a JSON 404, signed in or not, never a page", async ({ page, request }) => {
  await signInAsAdmin(page);
  for (const client of [request, page.request]) {
    for (const method of ["GET", "POST", "PUT", "DELETE"]) {
      for (const path of ["/api/nope/deeper", "/api"]) {
        const response = await client.fetch(path, { method, maxRedirects: 0 });
        expect(response.status(), `${method} ${path}`).toBe(404);
        expect(response.headers()["content-type"]).toContain("application/json");
        expect(await response.json()).toEqual({ error: { code: "not_found", message: `No API answers at ${method} ${path}.` } });
      }
    }
  }
});
