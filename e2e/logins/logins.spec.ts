import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin, tableRows } from "../fixtures";

// Two users with many sign-ins in the demo seed: the admin (the most active console account) and
// Jürgen Weiß, one of the seed's named people.
const USERS = [
  { search: "admin", option: /@admin\b/, pill: "Ada Admin" },
  { search: "weiß", option: /@jweiss\b/, pill: "Jürgen Weiß" },
];
const ROW_USER = /@(admin|jweiss)\b/;

const table = (page: Page) => page.getByRole("table", { name: "Login events" });

/** The text of each cell of each row on screen: [user, event type, created at, ip]. */
const rows = (page: Page) => tableRows(table(page));

/** Waits until every row on screen is a User Login of one of the two users. */
async function expectOnlyChosenLogins(page: Page): Promise<string[][]> {
  await expect
    .poll(async () => {
      const shown = await rows(page);
      return shown.length > 0 && shown.every(([user, type]) => ROW_USER.test(user) && type === "User Login");
    })
    .toBe(true);
  return rows(page);
}

async function expectFiltersInForm(page: Page): Promise<void> {
  const form = page.getByRole("search", { name: "Filter login events" });
  for (const user of USERS) await expect(form.getByText(user.pill, { exact: true })).toBeVisible();
  await expect(form.getByText("User Login", { exact: true })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Login range" })).toHaveValue("Last 30 Days");
}

test("filters Logins by two users, User Login and Last 30 Days; the URL keeps them; pages", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins");
  await expect(page.getByRole("navigation", { name: "Audit sections" }).getByRole("link", { name: "Logins" })).toHaveAttribute("aria-current", "page");

  const users = page.getByRole("combobox", { name: "Users" });
  for (const user of USERS) {
    await users.click();
    await users.fill(user.search);
    await page.getByRole("option", { name: user.option }).click();
  }
  await page.keyboard.press("Escape");

  await page.getByRole("combobox", { name: "Event Types" }).click();
  await page.getByRole("option", { name: "User Login", exact: true }).click();
  await page.keyboard.press("Escape");

  await page.getByRole("combobox", { name: "Login range" }).click();
  await page.getByRole("option", { name: "Last 30 Days" }).click();

  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]users=\d+,\d+(&|$)/);
  const url = new URL(page.url());
  expect(url.searchParams.get("types")).toBe("USER_LOGIN");
  expect(url.searchParams.get("range")).toBe("Last_30_Days");
  expect(url.searchParams.get("page")).toBeNull();

  const firstPage = await expectOnlyChosenLogins(page);
  expect(firstPage).toHaveLength(25);
  const total = Number((await page.getByText(/^[\d,]+\+? events?$/).innerText()).replace(/\D/g, ""));
  expect(total, "the demo seed gives these two users more than one page of sign-ins").toBeGreaterThan(25);

  // A reload keeps the filters, in the URL, in the form and in the rows.
  await page.reload();
  await expect(page).toHaveURL(url.toString());
  await expectFiltersInForm(page);
  expect(await expectOnlyChosenLogins(page)).toEqual(firstPage);

  // The next page: page=2 in the URL with the position it continues from, other rows, the same filters.
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  expect(new URL(page.url()).searchParams.get("after")).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z,\d+$/);
  await expect(page.getByText(/^Showing 26–/)).toBeVisible();
  const secondPage = await expectOnlyChosenLogins(page);
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.map((row) => row[2])).not.toEqual(firstPage.slice(0, secondPage.length).map((row) => row[2]));
  await expectFiltersInForm(page);
  // The shared link shows the same page.
  await page.reload();
  expect(await expectOnlyChosenLogins(page)).toEqual(secondPage);

  // Back to page 1 from the first row of page 2, the same rows as before.
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByText(/^Showing 1–25 of/)).toBeVisible();
  expect(await expectOnlyChosenLogins(page)).toEqual(firstPage);

  // The last page, read from the end of the list: its rows end at the total.
  expect(total, "two users' sign-ins are counted exactly").toBeLessThan(10_000);
  const lastPage = Math.ceil(total / 25);
  await page.getByRole("button", { name: `Page ${lastPage}` }).click();
  // The seed follows the clock: when two pages hold every row, the last page is also the next one,
  // reached from page 1's last row; from further away it is read from the end.
  await expect(page).toHaveURL(lastPage === 2 ? /[?&]after=/ : /[?&]before=end(&|$)/);
  const first = (lastPage - 1) * 25 + 1;
  const count = (value: number) => value.toLocaleString("en-US");
  await expect(page.getByText(`Showing ${count(first)}–${count(total)} of ${count(total)}`)).toBeVisible();
  expect(await expectOnlyChosenLogins(page)).toHaveLength(total - first + 1);
});

test("a custom range of two years is refused, naming the field", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins?range=custom&from=2024-01-01&to=2025-12-31");
  const form = page.getByRole("search", { name: "Filter login events" });
  await expect(form.getByText("Login range: may not exceed one year")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be searched" })).toContainText("Login range: may not exceed one year");
  await expect(table(page)).toHaveCount(0);
  // The form keeps the refused days, so the admin can correct them.
  await expect(page.getByRole("combobox", { name: "Login range" })).toHaveValue("Custom range");
  await expect(form.getByRole("textbox", { name: "First day" })).toHaveValue("2024-01-01");
  await expect(form.getByRole("textbox", { name: "Last day" })).toHaveValue("2025-12-31");
});

test("a custom range is typed, checked as it is typed, and searched", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins?range=custom&from=2024-01-01&to=2024-01-31");
  const form = page.getByRole("search", { name: "Filter login events" });
  const first = form.getByRole("textbox", { name: "First day" });
  const last = form.getByRole("textbox", { name: "Last day" });
  // A day that is no day is said when leaving the field, and not searched with.
  await first.fill("2026-02-30");
  await last.focus();
  await expect(form.getByText('First day: "2026-02-30" is not a date; type it as YYYY-MM-DD')).toBeVisible();
  // More than a year: said next to the field before searching.
  await first.fill("2024-01-01");
  await last.fill("2025-06-30");
  await first.focus();
  await expect(form.getByText("Login range: may not exceed one year")).toBeVisible();
  await last.fill("2024-03-31");
  await first.focus();
  await expect(form.getByText("Login range: may not exceed one year")).toHaveCount(0);
  await form.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/range=custom&from=2024-01-01&to=2024-03-31|from=2024-01-01.*to=2024-03-31/);
  await expect(first).toHaveValue("2024-01-01");
  await expect(last).toHaveValue("2024-03-31");
});
