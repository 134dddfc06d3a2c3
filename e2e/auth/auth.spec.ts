import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "../fixtures";

// Sign-in, sign-out, the 403 page and the lockout. The lockout test locks an account of its own
// (created by scripts/e2e-server.ts), so no other spec finds a demo account locked.
test.describe.configure({ mode: "serial" });

/** The sign-in page, with or without a query (and not /audit/logins). */
const SIGN_IN_PAGE = /\/login(\?.*)?$/;

/** Fills in the form and submits it, waiting for the server's answer (the previous alert may still show). */
async function submitSignIn(page: Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

test("an admin signs in and lands on the Logins tab, with their name, role and time zone in the header", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Audit Console" })).toBeVisible();
  await submitSignIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page).toHaveURL(/\/audit\/logins$/);
  const header = page.getByRole("banner");
  await expect(header.getByText("Audit Console")).toBeVisible();
  await expect(header.getByText("Administrator", { exact: true })).toBeVisible();
  await expect(header.getByText(DEMO.admin.username, { exact: true })).toBeVisible();
  await expect(header.getByText(/Europe\/Berlin/)).toBeVisible();
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("a wrong password shows one generic message; the right one then works", async ({ page }) => {
  await page.goto("/login");
  await submitSignIn(page, DEMO.auditor.username, "not-the-password");
  await expect(page.getByRole("alert", { name: "Sign-in failed" })).toContainText("Invalid username or password.");
  await expect(page).toHaveURL(SIGN_IN_PAGE);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

  await submitSignIn(page, "no-such-user", "whatever");
  await expect(page.getByRole("alert", { name: "Sign-in failed" })).toContainText("Invalid username or password.");

  await submitSignIn(page, DEMO.auditor.username, DEMO.auditor.password);
  await expect(page).toHaveURL(/\/audit\/logins$/);
  await expect(page.getByRole("banner").getByText("Auditor", { exact: true })).toBeVisible();
});

test("blank fields are named", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your username.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("anonymous visitors are sent to sign-in and come back to the page they asked for", async ({ page }) => {
  await page.goto("/audit/logins?range=Last_7_Days");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faudit%2Flogins%3Frange%3DLast_7_Days$/);
  await submitSignIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page).toHaveURL(/\/audit\/logins\?range=Last_7_Days$/);
});

test("a callbackUrl to another site is ignored", async ({ page }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent("https://evil.example/phish")}`);
  await submitSignIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page).toHaveURL(/\/audit\/logins$/);
});

test("signing out returns to the sign-in page and closes the console", async ({ page }) => {
  await page.goto("/login");
  await submitSignIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page).toHaveURL(/\/audit\/logins$/);
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(SIGN_IN_PAGE);
  await expect(page.getByText("You have been signed out.")).toBeVisible();
  await page.goto("/audit/permissions");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faudit%2Fpermissions$/);
});

test("a signed-in user without a console role sees the 403 page and can sign out", async ({ page }) => {
  await page.goto("/login");
  await submitSignIn(page, DEMO.viewer.username, DEMO.viewer.password);
  await expect(page.getByRole("heading", { name: /403.*Access denied/ })).toBeVisible();
  await expect(page.getByText("You don't have access to the Audit Console. It is for system administrators and auditors.")).toBeVisible();
  await expect(page.getByText(/You are signed in as/)).toContainText(DEMO.viewer.username);
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(SIGN_IN_PAGE);
});

test("5 failed sign-ins lock the account for 15 minutes, even against the right password", async ({ page }) => {
  await page.goto("/login");
  for (let attempt = 1; attempt <= 4; attempt++) {
    await submitSignIn(page, DEMO.lockout.username, `wrong-password-${attempt}`);
    await expect(page.getByRole("alert", { name: "Sign-in failed" })).toContainText("Invalid username or password.");
  }
  const locked = /Too many failed sign-ins\. This account is locked for 15 minutes, until \d{2}:\d{2} \S+\./;
  await submitSignIn(page, DEMO.lockout.username, "wrong-password-5");
  await expect(page.getByRole("alert", { name: "Sign-in failed" })).toContainText(locked);
  await submitSignIn(page, DEMO.lockout.username, DEMO.lockout.password);
  await expect(page.getByRole("alert", { name: "Sign-in failed" })).toContainText(locked);
  await expect(page).toHaveURL(SIGN_IN_PAGE);
});
