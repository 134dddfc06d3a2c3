// A working session with the keyboard alone (page.keyboard only, never the mouse): sign in, skip to
// the results, filter, search, sort, page, change the page size, open and close a diff, export.
// After each step the focus is where the user acted, not lost to the page's body.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO } from "../fixtures";

/** Presses `key` until `target` has the focus (at most `max` times). */
async function pressUntilFocused(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab", max = 150): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** What has the focus, for messages: "BUTTON Next page". */
function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active ? `${active.tagName} ${active.getAttribute("aria-label") ?? (active as HTMLElement).innerText?.slice(0, 40) ?? ""}` : "none";
  });
}

async function expectFocusStays(page: Page, target: Locator): Promise<void> {
  await expect(target, `focus is on ${await focusedElement(page)}`).toBeFocused();
  // Not only for a moment: still there once the list has settled.
  await page.waitForLoadState("networkidle");
  await expect(target, `focus moved to ${await focusedElement(page)}`).toBeFocused();
}

const pager = (page: Page) => page.getByRole("navigation", { name: "Pages" });
const table = (page: Page) => page.getByRole("table", { name: "Work item and artifact events" });

test("filter, search, sort, page, open and close a diff and export without the mouse", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/audit/artifacts?range=Last_365_Days")}`);
  // The username field has the focus on arrival.
  await expect(page.getByLabel("Username")).toBeFocused();
  await page.keyboard.type(DEMO.admin.username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO.admin.password);
  await page.keyboard.press("Enter");
  await expect(table(page)).toBeVisible();

  // The first Tab reaches the skip link, shown while focused; it leads past header, tabs and filters.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to results" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#results")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(page.locator(":focus")).not.toHaveAttribute("id", "results");

  // Filter: the event type, typed into its picker and chosen with Enter.
  const form = page.getByRole("search", { name: "Filter work item and artifact events" });
  const types = form.getByRole("textbox", { name: "Event Types" }).or(form.getByRole("combobox", { name: "Event Types" }));
  await pressUntilFocused(page, types.first(), "Shift+Tab");
  await page.keyboard.type("Work Item Update");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  // Search: the users picker searches the directory as one types.
  const users = form.getByRole("textbox", { name: "Users" }).or(form.getByRole("combobox", { name: "Users" }));
  await pressUntilFocused(page, users.first(), "Shift+Tab");
  await page.keyboard.type("grace");
  await expect(page.getByRole("option", { name: /Grace Jansen/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  const search = form.getByRole("button", { name: "Search", exact: true });
  await pressUntilFocused(page, search);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/types=WORK_ITEM_UPDATE/);
  await expect(page).toHaveURL(/users=\d+/);
  await expect(table(page).locator("tbody tr").first()).toContainText("Work Item Update");
  await expectFocusStays(page, search);

  // Sort: the Created at header, oldest first; the header keeps the focus.
  const createdAt = table(page).getByRole("button", { name: /Created at/ });
  await pressUntilFocused(page, createdAt);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=createdAt\.asc/);
  await expect(table(page).getByRole("columnheader", { name: /Created at/ })).toHaveAttribute("aria-sort", "ascending");
  await expectFocusStays(page, table(page).getByRole("button", { name: /Created at/ }));

  // Page: Next, twice; Next keeps the focus and the pager stays on screen.
  const next = pager(page).getByRole("button", { name: "Next page" });
  await pressUntilFocused(page, next);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/page=2/);
  await expect(pager(page).getByRole("button", { name: "Page 2", exact: true })).toHaveAttribute("aria-current", "page");
  await expectFocusStays(page, next);
  await expect(next).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/page=3/);
  await expectFocusStays(page, next);
  // A page number: it keeps the focus as the page now shown.
  const first = pager(page).getByRole("button", { name: "Page 1", exact: true });
  await pressUntilFocused(page, first, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/page=/);
  await expectFocusStays(page, first);
  await expect(first).toHaveAttribute("aria-current", "page");

  // Rows per page: the select keeps the focus.
  const rows = page.getByRole("textbox", { name: "Rows per page" }).or(page.getByRole("combobox", { name: "Rows per page" }));
  await pressUntilFocused(page, rows.first(), "Shift+Tab");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/size=50/);
  await expectFocusStays(page, rows.first());

  // A diff: Enter on a row's Show changes opens it, Escape closes it, the link has the focus again.
  const showChanges = table(page).getByRole("link", { name: /Show changes/ });
  const opener = showChanges.nth(2);
  const openerHref = await opener.getAttribute("href");
  await pressUntilFocused(page, opener, "Shift+Tab", 400);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/\/audit\/changes\//);
  await expectFocusStays(page, table(page).locator(`a[href="${openerHref}"]`));

  // Export: CSV from More formats, confirmed with the keyboard.
  const more = page.getByRole("group", { name: "Export" }).getByRole("button", { name: "More formats" });
  await pressUntilFocused(page, more, "Shift+Tab", 400);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: /CSV/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: /CSV/ })).toBeFocused();
  const downloaded = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Export all matching events?" });
  const started = await Promise.race([downloaded.then(() => "downloaded" as const), confirm.waitFor().then(() => "confirm" as const)]);
  if (started === "confirm") {
    await pressUntilFocused(page, confirm.getByRole("button", { name: /^Export [\d,]+ events$/ }));
    await page.keyboard.press("Enter");
  }
  expect((await downloaded).suggestedFilename()).toMatch(/\.csv$/);
  // The focus is back at the export controls, not lost.
  await expect(page.getByRole("group", { name: "Export" }).locator(":focus")).toHaveCount(1);
});
