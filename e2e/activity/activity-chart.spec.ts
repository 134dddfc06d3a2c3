import { expect, test, type Locator, type Page } from "@playwright/test";
import { axeViolations } from "../a11y/axe-violations";
import { download, downloadDir } from "../exports/export-helpers";
import { signInAsAdmin } from "../fixtures";

// The activity chart above each search tab: drawn for the tab's filters in the admin's zone (the
// browser's, Europe/Berlin), its total the list's, a bar narrowing the range to its day.
const TABS = [
  { id: "logins", title: "Login events over time", table: "Login events" },
  { id: "artifacts", title: "Work item and artifact events over time", table: "Work item and artifact events" },
  { id: "permissions", title: "Permission events over time", table: "Permission events" },
  { id: "console", title: "Audit Console events over time", table: "Audit Console events" },
];

const chartOf = (page: Page, title: string) => page.getByRole("region", { name: title });

/** The number of events the chart's summary and the list's count say. */
async function totals(page: Page, chart: Locator): Promise<{ chart: string; list: string }> {
  const summary = (await chart.getByText(/ events? by (day|hour) in /).innerText()).trim();
  const list = (
    await page
      .getByRole("status")
      .filter({ hasText: /^[\d,]+\+? events?/ })
      .first()
      .innerText()
  ).trim();
  return { chart: summary.split(" ")[0], list: list.split(" ")[0] };
}

/** Clicks the tallest bar segment and returns nothing: the URL says where it went. */
async function clickTallestBar(chart: Locator): Promise<void> {
  const bars = chart.locator("path.recharts-rectangle");
  await expect(bars.first()).toBeVisible();
  const heights = await bars.evaluateAll((paths) => paths.map((path) => path.getBoundingClientRect().height));
  await bars.nth(heights.indexOf(Math.max(...heights))).click();
}

for (const tab of TABS) {
  test(`the ${tab.id} tab charts its events per day, stacked by type, with no accessibility violation`, async ({ page }) => {
    if (tab.id === "console") {
      // The seed writes none of the console's own events: an export is one.
      await signInAsAdmin(page, "/audit/logins?range=Today");
      await download(page, downloadDir(), () => page.getByRole("group", { name: "Export" }).getByRole("button", { name: "Excel" }).click());
      await page.goto("/audit/console");
    } else {
      await signInAsAdmin(page, `/audit/${tab.id}`);
    }
    const chart = chartOf(page, tab.title);
    await expect(chart.getByRole("img", { name: tab.title })).toBeVisible();
    await expect(chart.getByText(/ by day in Europe\/Berlin: /)).toBeVisible();
    await expect(chart.locator("path.recharts-rectangle").first()).toBeVisible();
    await page.getByRole("table", { name: tab.table }).waitFor();
    const { chart: charted, list } = await totals(page, chart);
    // A capped count ("10,000+") cannot be compared; the exact ones must agree.
    if (!list.endsWith("+")) expect(charted).toBe(list);
    await chart.screenshot({ path: `test-results/activity-${tab.id}.png` });

    await chart.getByRole("button", { name: "Show as table" }).click();
    await expect(chart.getByRole("table")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test("clicking a bar narrows the range to its day, page 1, and the chart goes by the hour", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins?range=Last_30_Days&page=3");
  const chart = chartOf(page, "Login events over time");
  await clickTallestBar(chart);
  await expect(page).toHaveURL(/range=custom/);
  const url = new URL(page.url());
  const day = url.searchParams.get("from");
  expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(url.searchParams.get("to")).toBe(day);
  expect(url.searchParams.get("page")).toBeNull();
  await expect(chart.getByText(/ by hour in Europe\/Berlin: /)).toBeVisible();
  const rows = page.getByRole("table", { name: "Login events" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  // Every event listed is of that day on the admin's clock.
  const times = await rows.evaluateAll((trs) => trs.map((tr) => (tr.querySelectorAll("td")[2] as HTMLElement).innerText));
  for (const time of times) expect(time).toContain(day);
  const { chart: charted, list } = await totals(page, chart);
  expect(charted).toBe(list);
  await chart.screenshot({ path: "test-results/activity-logins-one-day.png" });
});

test("a day in the chart's table narrows the range with the keyboard too", async ({ page }) => {
  await signInAsAdmin(page, "/audit/artifacts?range=Last_7_Days");
  const chart = chartOf(page, "Work item and artifact events over time");
  await chart.getByRole("button", { name: "Show as table" }).click();
  const link = chart.getByRole("table").getByRole("link").first();
  const name = (await link.getAttribute("aria-label")) ?? "";
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/range=custom/);
  const day = new URL(page.url()).searchParams.get("from") ?? "";
  const [year, month, date] = day.split("-").map(Number);
  expect(name).toContain(
    new Date(Date.UTC(year, month - 1, date)).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  );
});

test("filters that match nothing show the chart's empty state", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins?range=custom&from=2001-01-01&to=2001-01-31");
  await expect(chartOf(page, "Login events over time").getByText("No events to chart for these filters in this range.")).toBeVisible();
});
