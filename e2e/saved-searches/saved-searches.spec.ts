import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "../a11y/axe-violations";
import { DEMO, signIn, signInAsAdmin, tableRows } from "../fixtures";

// Saved searches as administrators and auditors use them: an admin names the Logins tab's filters
// and shares them, finds them in the list on a bare tab and opens them in a click; an auditor sees
// the shared one but may neither share nor delete it; the admin deletes it. Saving and deleting are
// Console events.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const NAME = `Weekly sign-ins ${run}`;
const FILTERS = "types=USER_LOGIN&range=Last_7_Days&size=50&sort=user.asc";
const SHOTS = "test-results/saved-searches";

const savedList = (page: Page) => page.getByRole("navigation", { name: "Saved searches of the Logins tab" });
const listButton = (page: Page) => page.getByRole("button", { name: /^Saved searches \(\d+\)$/ });

async function openList(page: Page): Promise<void> {
  await listButton(page).click();
  await expect(savedList(page)).toBeVisible();
}

/** The Console tab's rows of one event type (newest first): [user, event type, message, created at]. */
async function consoleRows(page: Page, type: string): Promise<string[][]> {
  await page.goto(`/audit/console?types=${type}&range=Today`);
  return tableRows(page.getByRole("table", { name: "Audit Console events" }));
}

test("an admin saves the Logins tab's filters, shared, and opens them again in a click", async ({ page }) => {
  await signInAsAdmin(page, `/audit/logins?${FILTERS}&page=2`);
  await page.getByRole("button", { name: "Save search" }).click();
  const dialog = page.getByRole("dialog", { name: "Save the Logins tab's filters" });
  await expect(dialog.getByRole("row", { name: /Event Types\s+User Login/ })).toBeVisible();
  await expect(dialog.getByRole("row", { name: /Login range\s+Last 7 Days: / })).toBeVisible();
  await expect(dialog.getByRole("row", { name: /Sort\s+User, ascending/ })).toBeVisible();
  await expect(dialog.getByRole("row", { name: /Rows per page\s+50/ })).toBeVisible();

  // A name is needed, and said so next to the field.
  await dialog.getByRole("button", { name: "Save search" }).click();
  await expect(dialog.getByText("give the search a name")).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveAttribute("aria-invalid", "true");

  await dialog.getByRole("textbox", { name: "Name" }).fill(NAME);
  await dialog.getByRole("switch", { name: "Share with every administrator and auditor" }).check();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/save-dialog.png` });
  await dialog.getByRole("button", { name: "Save search" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`“${NAME}” is in Saved searches of the Logins tab, for every administrator and auditor.`)).toBeVisible();
  await expect(page.getByText(`Saved search: ${NAME}`)).toBeVisible();

  // The same name again on this tab is refused next to the field.
  await page.getByRole("button", { name: "Save search" }).click();
  await dialog.getByRole("textbox", { name: "Name" }).fill(NAME.toUpperCase());
  await dialog.getByRole("button", { name: "Save search" }).click();
  await expect(dialog.getByText(`you already have a saved search called "${NAME}" on the Logins tab`)).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // From the bare tab, one click opens it: every filter but the page.
  await page.goto("/audit/logins");
  await expect(page.getByText(`Saved search: ${NAME}`)).toBeHidden();
  await openList(page);
  const entry = savedList(page).getByRole("list", { name: "Yours" }).getByRole("listitem").filter({ hasText: NAME });
  await expect(entry.getByText("Shared", { exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/list.png` });
  await entry.getByRole("link", { name: NAME }).click();
  await expect(page).toHaveURL((url) => url.search === `?${FILTERS}`);
  await expect(page.getByRole("search", { name: "Filter login events" }).getByText("User Login", { exact: true })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Login range" })).toHaveValue("Last 7 Days");
  await expect(page.getByText(`Saved search: ${NAME}`)).toBeVisible();
  const rows = await tableRows(page.getByRole("table", { name: "Login events" }));
  expect(rows.length).toBeGreaterThan(25);
  expect(rows.every(([, type]) => type === "User Login")).toBe(true);

  const [created] = await consoleRows(page, "SAVED_SEARCH_CREATE");
  expect(created?.[1]).toBe("Saved Search Create");
  expect(created?.[2]).toBe(`Saved search "${NAME}" on the Logins tab, shared with every administrator and auditor: ?${FILTERS}`);
});

test("filters the tab cannot search cannot be saved", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins?types=NOPE");
  await expect(page.getByRole("button", { name: "Save search" })).toBeDisabled();
});

test("an auditor opens the shared search but may neither share one nor delete it", async ({ page }) => {
  await signIn(page, DEMO.auditor.username, DEMO.auditor.password, "/audit/logins");
  await openList(page);
  const entry = savedList(page).getByRole("list", { name: "Shared by others" }).getByRole("listitem").filter({ hasText: NAME });
  await expect(entry.getByText(`Shared by ${DEMO.admin.username}`)).toBeVisible();
  await expect(entry.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await entry.getByRole("link", { name: NAME }).click();
  await expect(page).toHaveURL((url) => url.search === `?${FILTERS}`);

  await page.getByRole("button", { name: "Save search" }).click();
  const dialog = page.getByRole("dialog", { name: "Save the Logins tab's filters" });
  await expect(dialog.getByRole("switch", { name: "Share with every administrator and auditor" })).toBeDisabled();
  await expect(dialog.getByText("Only administrators share searches: this one is yours alone.")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Name" }).fill(`Auditor's own ${run}`);
  await dialog.getByRole("button", { name: "Save search" }).click();
  await expect(dialog).toBeHidden();
  await openList(page);
  const own = savedList(page)
    .getByRole("list", { name: "Yours" })
    .getByRole("listitem")
    .filter({ hasText: `Auditor's own ${run}` });
  await own.getByRole("button", { name: `Delete the saved search "Auditor's own ${run}"` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete saved search" }).click();
  await expect(page.getByText(`“Auditor's own ${run}” is no longer in Saved searches.`)).toBeVisible();
});

test("an admin deletes the shared search: it leaves the list, and the deletion is a Console event", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins");
  await openList(page);
  await savedList(page)
    .getByRole("button", { name: `Delete the saved search "${NAME}"` })
    .click();
  const confirm = page.getByRole("dialog", { name: `Delete the saved search “${NAME}”?` });
  await expect(confirm).toContainText("It is shared: it goes from every administrator's and auditor's list too.");
  await page.screenshot({ path: `${SHOTS}/delete-confirm.png` });
  await confirm.getByRole("button", { name: "Delete saved search" }).click();
  await expect(confirm).toBeHidden();
  await openList(page);
  await expect(savedList(page).getByRole("link", { name: NAME })).toHaveCount(0);

  const [deleted] = await consoleRows(page, "SAVED_SEARCH_DELETE");
  expect(deleted?.[1]).toBe("Saved Search Delete");
  expect(deleted?.[2]).toBe(`Saved search "${NAME}" on the Logins tab deleted`);
});
