import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn } from "../fixtures";

// The specs share one seeded server: every change made here is undone before the test ends, except
// the remover run (older than 365 days only), which later specs do not look at.
test.describe.configure({ mode: "serial" });
test.slow(process.env.E2E_DEV === "1", "next dev compiles each page and action on first use");

// next dev compiles a page on its first visit, which can outlast the sign-in's wait: visit it once.
test.beforeAll(async ({ browser }) => {
  if (process.env.E2E_DEV !== "1") return;
  test.setTimeout(240_000);
  const page = await browser.newPage();
  await page.goto("/login?callbackUrl=%2Faudit%2Fconfig");
  await page.getByLabel("Username").fill(DEMO.auditor.username);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.auditor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Audited event types" }).waitFor({ timeout: 200_000 });
  await page.close();
});

const eventTypeSwitch = (page: Page, label: string) => page.getByRole("switch", { name: label, exact: true });
const history = (page: Page) => page.getByRole("table", { name: "Configuration changes" });
const number = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

/** Signs in to the Config tab and waits until it is hydrated (the Sign out button enables then). */
async function openConfig(page: Page, account: { username: string; password: string } = DEMO.admin): Promise<void> {
  await signIn(page, account.username, account.password, "/audit/config");
  await expect(page.getByRole("heading", { name: "Audited event types" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeEnabled();
}

async function toggle(page: Page, label: string): Promise<void> {
  // Mantine draws the switch over its input: click its label, as a person would.
  await eventTypeSwitch(page, label).locator("xpath=ancestor::label[1]").click();
}

async function saveSwitches(page: Page, expected: { off?: string[]; on?: string[] }): Promise<void> {
  await page.getByRole("button", { name: "Save changes…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save changes to audited event types?" });
  const count = (expected.off?.length ?? 0) + (expected.on?.length ?? 0);
  if (expected.off) await expect(dialog.getByText(`Switch off (${expected.off.length})`)).toBeVisible();
  if (expected.on) await expect(dialog.getByText(`Switch on (${expected.on.length})`)).toBeVisible();
  await expect(dialog.getByRole("listitem")).toHaveText([...(expected.off ?? []), ...(expected.on ?? [])]);
  await dialog.getByRole("button", { name: `Save ${count} ${count === 1 ? "change" : "changes"}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("No unsaved changes.")).toBeVisible();
}

async function firstHistoryRow(page: Page): Promise<Locator> {
  await expect(history(page)).toBeVisible();
  return history(page).locator("tbody tr").first();
}

test("switching User Logout off is saved after a confirmation, survives a reload, is in the history, and drops logouts", async ({ page }) => {
  await openConfig(page);
  await expect(eventTypeSwitch(page, "User Logout")).toBeChecked();

  await toggle(page, "User Logout");
  await expect(eventTypeSwitch(page, "User Logout")).not.toBeChecked();
  await expect(page.getByText("1 unsaved change.")).toBeVisible();
  await saveSwitches(page, { off: ["User Logout (Login)"] });

  await page.reload();
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeEnabled();
  await expect(eventTypeSwitch(page, "User Logout")).not.toBeChecked();
  await expect(eventTypeSwitch(page, "User Login")).toBeChecked();
  const row = await firstHistoryRow(page);
  await expect(row).toContainText("Ada Admin");
  await expect(row).toContainText("User Logout:");
  await expect(row).toContainText("on→off");
  await expect(row).toContainText("Config tab");

  // A sign-out now is dropped, and counted.
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await openConfig(page);
  await expect(page.getByRole("group", { name: "Login" })).toContainText(/1 dropped/);

  // Back on, with All on of the Login group.
  await page.getByRole("button", { name: "All on: switch every Login event type on" }).click();
  await saveSwitches(page, { on: ["User Logout (Login)"] });
  await expect(eventTypeSwitch(page, "User Logout")).toBeChecked();
  await expect(await firstHistoryRow(page)).toContainText("off→on");
});

test("retention is checked in the form and saved after a confirmation", async ({ page }) => {
  await openConfig(page);
  const days = page.getByRole("textbox", { name: "Retention period (days)" });
  await expect(days).toHaveValue("180");
  await days.fill("29");
  await expect(page.getByText("Retention period (days) must be at least 30 days")).toBeVisible();
  await days.fill("365");
  await page.getByRole("button", { name: "Save retention…" }).click();
  const dialog = page.getByRole("dialog", { name: "Change the retention from 180 to 365 days?" });
  await dialog.getByRole("button", { name: "Keep events 365 days" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Retention period (days)" })).toHaveValue("365");
  await expect(await firstHistoryRow(page)).toContainText("Retention period (days):180→365");
});

test("Preview, then Run now deletes what the preview counted and shows it as the last run", async ({ page }) => {
  await openConfig(page);
  const runNow = page.getByRole("button", { name: "Run now…" });
  await expect(runNow).toBeDisabled();
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("status").filter({ hasText: /Would delete/ });
  await expect(preview).toContainText("Older than 365 days");
  const previewed = number(await preview.getByText(/^Would delete/).textContent());
  expect(previewed).toBeGreaterThan(0);

  await runNow.click();
  const dialog = page.getByRole("dialog", { name: "Run the remover job now?" });
  await expect(dialog).toContainText(`about ${previewed.toLocaleString("en-US")} events`);
  await dialog.getByRole("button", { name: "Delete old events" }).click();
  const outcome = page.getByRole("status").filter({ hasText: /^Deleted/ });
  await expect(outcome).toBeVisible({ timeout: 60_000 });
  // Events may age past the limit between the two clicks: the run deletes at least what was previewed.
  const deleted = number(await outcome.getByText(/^Deleted [\d,]+ events?$/).textContent());
  expect(deleted).toBeGreaterThanOrEqual(previewed);
  expect(deleted).toBeLessThan(previewed + 10);
  await expect(page.getByText(`Deleted ${deleted.toLocaleString("en-US")} events older than 365 days`)).toBeVisible();
  await expect(page.getByText(/started by admin/)).toBeVisible();

  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing to delete" })).toBeVisible();
});

test("Verify now checks the whole log in the background, purged events included, and records the result as a Console event", async ({ page }) => {
  await openConfig(page);
  const section = page.getByRole("region", { name: "Tamper evidence" });
  await expect(section.getByText(/^audit-console\.local\/audit-log\+[0-9a-f]{8}\+[A-Za-z0-9+/=]{44}$/)).toBeVisible();
  await expect(section.getByRole("button", { name: "Copy the public key" })).toBeVisible();
  await expect(section).toContainText(/Latest checkpoint: [\d,]+ events, signed/);
  await section.getByRole("button", { name: "Verify now" }).click();
  // The remover run above left tombstones: they verify as purged by retention, not as missing.
  await expect(section.getByText("Passed", { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(section.getByText(/[\d,]+ events checked, [1-9][\d,]* purged by retention, [\d,]+ checkpoints .*started by admin\./)).toBeVisible();
  await expect(section.getByRole("button", { name: "Verify now" })).toBeEnabled();
  await expect(page.getByTestId("integrity-banner")).toHaveCount(0);

  await page.goto("/audit/console?types=AUDIT_INTEGRITY_CHECK");
  const row = page.getByRole("table", { name: "Audit Console events" }).locator("tbody tr").first();
  await expect(row).toContainText("Audit Log Verification");
  await expect(row).toContainText(/The audit log verifies: [\d,]+ events/);
});

test("an auditor reads the configuration with every control disabled", async ({ page }) => {
  await openConfig(page, DEMO.auditor);
  await expect(page.getByText("Only an Administrator can change the audit configuration.").first()).toBeVisible();
  await expect(eventTypeSwitch(page, "User Login")).toBeDisabled();
  await expect(eventTypeSwitch(page, "Group Assign")).toBeDisabled();
  await expect(page.getByRole("button", { name: "All off: switch every Login event type off" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save changes…" })).toBeDisabled();
  await expect(page.getByRole("textbox", { name: "Retention period (days)" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Run now…" })).toBeDisabled();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Would delete|Nothing to delete/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Run now…" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Verify now" })).toBeDisabled();
  await expect(history(page)).toBeVisible();
});
