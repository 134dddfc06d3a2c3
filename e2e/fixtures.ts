import { expect, type Locator, type Page } from "@playwright/test";
import { TEST_ACCOUNTS } from "../scripts/lib/test-accounts";

/** The accounts every seeded database has (lib/seed). */
export const DEMO = {
  admin: { username: "admin", password: "demo-admin" },
  auditor: { username: "auditor", password: "demo-auditor" },
  viewer: { username: "viewer", password: "demo-viewer" },
  /** admins only one spec each uses (scripts/lib/test-accounts.ts) */
  ...TEST_ACCOUNTS,
} as const;

/** Signs in through the sign-in page and waits until the console (or its 403 page) shows. */
export async function signIn(page: Page, username: string, password: string, callbackUrl = "/audit/logins"): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

export async function signInAsAdmin(page: Page, callbackUrl?: string): Promise<void> {
  await signIn(page, DEMO.admin.username, DEMO.admin.password, callbackUrl);
}

/** The text of each cell of each row a table shows, once the table is on screen. */
export async function tableRows(table: Locator): Promise<string[][]> {
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => (td as HTMLElement).innerText.trim())));
}
