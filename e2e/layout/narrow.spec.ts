// The console on a phone (390 x 844): no page scrolls sideways, wide tables scroll in their own box,
// the header's sections, account and Sign out are in its menu, every tab and export control can be
// reached. Then a tablet and laptops (800, 1024, 1440): the header's controls side by side, none cut
// off, the time zone and its "Times in UTC" switch at hand. Screenshots of each page land in
// test-results (not committed) to be looked at.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAsAdmin } from "../fixtures";
import { settled } from "../a11y/axe-violations";

test.use({ viewport: { width: 390, height: 844 } });

const screenWidth = (page: Page) => page.viewportSize()!.width;

async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} is ${width} px wide`).toBeLessThanOrEqual(screenWidth(page));
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

/** Fully within the screen's width (it may be further down the page). */
async function expectWithinWidth(locator: Locator, what: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends on screen`).toBeLessThanOrEqual(screenWidth(locator.page()));
}

const TABS = [
  { name: "Logins", path: "/audit/logins" },
  { name: "Artifacts", path: "/audit/artifacts?range=Last_365_Days" },
  { name: "Permissions", path: "/audit/permissions?range=Last_365_Days" },
];

test("each search tab fits a phone: the table scrolls in its own box, the exports and the pager are on screen", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins");
  for (const tab of TABS) {
    await page.goto(tab.path);
    await settled(page);
    const table = page.getByRole("table");
    await expect(table).toBeVisible();
    await expectNoSidewaysScroll(page, tab.name);
    await shoot(page, `tab-${tab.name.toLowerCase()}`);
    // The table scrolls sideways inside its own box (the Artifacts table is far wider than a phone).
    const box = table.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' mantine-TableScrollContainer-scrollContainer ')][1]");
    expect(await box.evaluate((element) => getComputedStyle(element).overflowX), `${tab.name}: the table's box scrolls`).toBe("auto");
    if (tab.name === "Artifacts")
      expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth + 200), "the Artifacts table scrolls").toBe(true);
    const exports = page.getByRole("group", { name: "Export" });
    for (const button of ["PDF", "Excel", "More formats"]) await expectWithinWidth(exports.getByRole("button", { name: button }), `${tab.name}: ${button}`);
    await expectWithinWidth(page.getByRole("navigation", { name: "Pages" }), `${tab.name}: the pager`);
    await expectWithinWidth(page.getByRole("button", { name: "Search", exact: true }), `${tab.name}: Search`);
    await expectNoSidewaysScroll(page, `${tab.name}, scrolled down`);
  }
  // Scrolled down to the pager: what a phone shows there.
  await shoot(page, "tab-permissions-pager");
  // The Console tab may have no events yet: its empty state fits too.
  await page.goto("/audit/console?range=Last_365_Days");
  await settled(page);
  await expect(page.locator("#results")).toBeVisible();
  await expectNoSidewaysScroll(page, "Console");
  await expectWithinWidth(page.getByRole("button", { name: "Search", exact: true }), "Console: Search");
  await shoot(page, "tab-console");
});

test("every tab can be reached in the tab bar, the Config tab too", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins");
  const bar = page.getByRole("navigation", { name: "Audit sections" });
  for (const name of ["Logins", "Artifacts", "Permissions", "Console", "Config"]) await expectWithinWidth(bar.getByRole("link", { name }), `the ${name} tab`);
  await bar.getByRole("link", { name: "Config" }).click();
  await expect(page).toHaveURL(/\/audit\/config$/);
  await settled(page);
  await expect(bar.getByRole("link", { name: "Config" })).toHaveAttribute("aria-current", "page");
  await expectWithinWidth(bar.getByRole("link", { name: "Config" }), "the current Config tab");
  await expectNoSidewaysScroll(page, "Config");
  await shoot(page, "tab-config");
  await page
    .getByRole("heading", { name: /Retention/ })
    .first()
    .scrollIntoViewIfNeeded();
  await shoot(page, "tab-config-retention");
  await expectNoSidewaysScroll(page, "Config, scrolled down");
});

test("the header's menu holds the sections, the time zone, the account and Sign out", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins");
  const header = page.getByRole("banner");
  await expect(header.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expectWithinWidth(header.getByRole("button", { name: "Open the menu" }), "the menu button");
  await shoot(page, "header");
  await header.getByRole("button", { name: "Open the menu" }).click();
  const menu = page.getByRole("dialog", { name: "Menu" });
  await expect(menu.getByRole("group", { name: "Signed-in user" })).toContainText("admin");
  await expect(menu.getByRole("note", { name: /Time zone: Europe\/Berlin/ })).toBeVisible();
  await expectWithinWidth(menu.getByRole("button", { name: "Sign out" }), "Sign out");
  await shoot(page, "header-menu");
  await menu.getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/settings\/api-tokens$/);
  await expect(menu).toBeHidden();
});

/** The "Show changes" link of the first row `tabUrl` lists. */
async function firstChangeLink(page: Page, tabUrl: string): Promise<string | null> {
  await page.goto(tabUrl);
  return page
    .getByRole("table")
    .locator("tbody tr")
    .first()
    .getByRole("link", { name: /Show changes/ })
    .getAttribute("href");
}

test("entity, diff and settings pages fit a phone", async ({ page }) => {
  await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days");
  const row = page.getByRole("table").locator("tbody tr").first();
  const pages = {
    user: await row.locator("td").nth(0).getByRole("link").first().getAttribute("href"),
    artifact: await row.locator("td").nth(2).getByRole("link").first().getAttribute("href"),
    diff: await row.getByRole("link", { name: /Show changes/ }).getAttribute("href"),
    "access-diff": await firstChangeLink(page, "/audit/permissions?types=ARTIFACT_PERMISSION_UPDATE&range=Last_365_Days"),
    "api-tokens": "/settings/api-tokens",
    "api-reference": "/settings/api-reference",
  };
  for (const [name, path] of Object.entries(pages)) {
    expect(path, name).toBeTruthy();
    await page.goto(path!);
    await settled(page);
    await expectNoSidewaysScroll(page, name);
    await shoot(page, `page-${name}`);
  }
  // The access grid's four columns, each word whole, are wider than a phone: they scroll in their own box.
  await page.goto(pages["access-diff"]!);
  const box = page.getByRole("region", { name: /access by role and group$/ });
  await expect(box.getByRole("columnheader", { name: "Change" })).toBeVisible();
  const scroller = await box.evaluate((element) => {
    element.scrollTo({ left: 1_000 });
    return { table: (element.querySelector("table") as HTMLElement).offsetWidth, width: element.clientWidth, scrolled: element.scrollLeft };
  });
  expect(scroller.table, "the grid is wider than its box").toBeGreaterThan(scroller.width);
  expect(scroller.width, "the box is within the screen").toBeLessThanOrEqual(screenWidth(page));
  expect(scroller.scrolled, "the box scrolled sideways").toBeGreaterThan(0);
  await shoot(page, "page-access-diff-scrolled");
});

test("from a tablet to a wide screen the header's controls sit side by side, the time zone and its switch at hand", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins");
  const header = page.getByRole("banner");
  const controls = [
    header.getByRole("navigation", { name: "Console" }),
    header.getByRole("group", { name: "Signed-in user" }),
    header.getByRole("button", { name: "Sign out" }),
  ];
  for (const width of [800, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(header.getByRole("button", { name: "Open the menu" })).toBeHidden();
    // Left to right, each control ends before the next begins, the last one on screen.
    const zone = width >= 1408 ? header.getByRole("switch", { name: "Times in UTC" }) : header.getByRole("button", { name: /^Time zone: Europe\/Berlin/ });
    let end = 0;
    for (const [index, control] of [controls[0], zone, ...controls.slice(1)].entries()) {
      await expectWithinWidth(control, `at ${width} px, control ${index + 1}`);
      const box = (await control.boundingBox())!;
      expect(box.x, `at ${width} px, control ${index + 1} starts after the one before`).toBeGreaterThanOrEqual(end);
      end = box.x + box.width;
    }
    await expectNoSidewaysScroll(page, `Logins at ${width} px`);
    await shoot(page, `header-${width}`);
  }

  // 1024 px: the zone is a button that opens the zone's name and the switch.
  await page.setViewportSize({ width: 1024, height: 900 });
  await header.getByRole("button", { name: /^Time zone: Europe\/Berlin/ }).click();
  const zone = page.getByRole("dialog", { name: "Time zone" });
  await expect(zone.getByRole("note", { name: /^Time zone: Europe\/Berlin/ })).toBeVisible();
  await shoot(page, "header-1024-zone");
  await expect(page.getByText("Times in Europe/Berlin (CET)")).toBeVisible();
  await zone.getByRole("switch", { name: "Times in UTC" }).check();
  await expect(header.getByRole("button", { name: /^Time zone: UTC/ })).toHaveText("UTC");
  await expect(page.getByText("Times in Europe/Berlin (CET)")).toBeHidden();
  // Escape closes it and gives the focus back to its button.
  await page.keyboard.press("Escape");
  await expect(zone).toBeHidden();
  await expect(header.getByRole("button", { name: /^Time zone: UTC/ })).toBeFocused();
  await header.getByRole("button", { name: /^Time zone: UTC/ }).click();
  await page.getByRole("dialog", { name: "Time zone" }).getByRole("switch", { name: "Times in UTC" }).uncheck();
  await expect(header.getByRole("button", { name: /^Time zone: Europe\/Berlin/ })).toBeVisible();
});
