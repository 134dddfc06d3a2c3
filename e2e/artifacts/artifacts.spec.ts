import { expect, test, type Locator, type Page } from "@playwright/test";
import { openDescriptionDiff } from "../diff/description-diff";
import { signInAsAdmin, tableRows } from "../fixtures";

// The seed is deterministic but dated from the run day: filter values are picked from the page.

const table = (page: Page) => page.getByRole("table", { name: "Work item and artifact events" });

/** The text of each cell of each row: [user, artifact, work item, type, project, tracker, changes, created at]. */
const rows = (page: Page) => tableRows(table(page));

async function chooseFirstOption(page: Page, field: Locator): Promise<string> {
  await field.click();
  const option = page.getByRole("option").first();
  await expect(option).toBeVisible();
  const text = (await option.innerText()).trim();
  await option.click();
  await page.keyboard.press("Escape");
  return text;
}

test("filters Artifacts by project, tracker and Work Item Update; the diff marks removed and added words", async ({ page }) => {
  await signInAsAdmin(page, "/audit/artifacts");
  await expect(page.getByRole("navigation", { name: "Audit sections" }).getByRole("link", { name: "Artifacts" })).toHaveAttribute("aria-current", "page");
  const form = page.getByRole("search", { name: "Filter work item and artifact events" });

  const project = await chooseFirstOption(page, form.getByRole("combobox", { name: "Projects" }));
  const projectName = project.replace(/\s+\S+$/, ""); // the option ends with the project key

  // Trackers are narrowed to the chosen project: every option names it.
  await form.getByRole("combobox", { name: "Trackers" }).click();
  const trackerOptions = page.getByRole("option");
  await expect(trackerOptions.first()).toBeVisible();
  for (const text of await trackerOptions.allInnerTexts()) expect(text).toContain(projectName);
  const tracker = (await trackerOptions.first().innerText()).replace(projectName, "").trim();
  await trackerOptions.first().click();
  await page.keyboard.press("Escape");

  await form.getByRole("combobox", { name: "Event Types" }).click();
  await page.getByRole("option", { name: "Work Item Update", exact: true }).click();
  await page.keyboard.press("Escape");
  await form.getByRole("combobox", { name: "Created at range" }).click();
  await page.getByRole("option", { name: "Last 365 Days" }).click();
  await form.getByRole("button", { name: "Search", exact: true }).click();

  await expect(page).toHaveURL(/[?&]projects=\d+/);
  const url = new URL(page.url());
  expect(url.searchParams.get("trackers")).toMatch(/^\d+$/);
  expect(url.searchParams.get("types")).toBe("WORK_ITEM_UPDATE");
  expect(url.searchParams.get("range")).toBe("Last_365_Days");

  await expect.poll(async () => (await rows(page)).every((row) => row[3] === "Work Item Update" && row[4] === projectName && row[5] === tracker)).toBe(true);
  expect((await rows(page)).length).toBeGreaterThan(0);

  // The most rows on one page, then the first whose changes include the description (long text).
  await page.getByRole("combobox", { name: "Rows per page" }).click();
  await page.getByRole("option", { name: "100" }).click();
  await expect(page).toHaveURL(/[?&]size=100/);
  const dialog = await openDescriptionDiff(page, table(page));
  await expect(page).toHaveURL(/\/audit\/changes\/\d+$/);
  await expect(dialog.getByText("Work Item Update").first()).toBeVisible();
  const description = dialog.getByRole("region", { name: "Description", exact: true });
  await expect(description.locator("del").first()).toBeVisible();
  await expect(description.locator("ins").first()).toBeVisible();
  // Not by color alone: the marks say what they are to screen readers.
  await expect(description.locator("del").first()).toContainText("removed:");
  await expect(description.locator("ins").first()).toContainText("added:");

  // Unified: the same marks in one text; the choice is in the URL.
  await dialog.getByText("Unified").click();
  await expect(page).toHaveURL(/[?&]layout=unified/);
  await expect(description.getByText("Changes in place")).toBeVisible();
  await expect(description.locator("del").first()).toBeVisible();
  await expect(description.locator("ins").first()).toBeVisible();

  // Closing goes back to the table as it was.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/audit\/artifacts\?/);
  await expect(table(page)).toBeVisible();
});

test("a work item link leads to the item's page with its history", async ({ page }) => {
  await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days");
  const link = table(page).locator("tbody tr").first().locator("td").nth(2).getByRole("link");
  const name = (await link.innerText()).trim();
  await link.click();

  await expect(page).toHaveURL(/\/artifacts\/\d+\?back=%2Faudit%2Fartifacts%3F/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(/^Work item #\d+$/i)).toBeVisible();
  const timeline = page.getByRole("table", { name: "The artifact's audit timeline" });
  await expect(timeline).toBeVisible();
  const types = await timeline.locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(types.length).toBeGreaterThan(0);
  for (const type of types) expect(type).toMatch(/^Work Item (Create|Update|Remove|Restore|Delete)/);
  expect(types.some((type) => type.startsWith("Work Item Update"))).toBe(true);

  // Oldest first, to read the item's life in order.
  await timeline.getByRole("button", { name: /Created at/ }).click();
  await expect(page).toHaveURL(/[?&]sort=createdAt\.asc/);
  await expect(timeline.getByRole("columnheader", { name: /Created at/ })).toHaveAttribute("aria-sort", "ascending");
});
