// Entity pages as an admin uses them: filter a timeline, export it, go back to the tab as it was,
// and open the entity in the system that sent it.
import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin, tableRows } from "../fixtures";
import { download, downloadDir, downloadMore, jsonLines, pdfText, shownTotal } from "../exports/export-helpers";

const ARTIFACTS_TAB = "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days&size=50";
const artifactTimeline = (page: Page) => page.getByRole("table", { name: "The artifact's audit timeline" });
const artifactsTable = (page: Page) => page.getByRole("table", { name: "Work item and artifact events" });

/** From the filtered Artifacts tab to the first row's work item page. */
async function openFirstWorkItem(page: Page): Promise<number> {
  await signInAsAdmin(page, ARTIFACTS_TAB);
  await artifactsTable(page).locator("tbody tr").first().locator("td").nth(2).getByRole("link").click();
  await expect(page).toHaveURL(/\/artifacts\/\d+\?back=/);
  await expect(artifactTimeline(page)).toBeVisible();
  return Number(new URL(page.url()).pathname.split("/").at(-1));
}

test("an artifact's timeline filters by event type and range in the URL, and Back returns to the tab as it was", async ({ page }) => {
  const id = await openFirstWorkItem(page);
  const form = page.getByRole("search", { name: "Filter the artifact's audit timeline" });
  await expect(form.getByRole("combobox", { name: "Created at range" })).toHaveValue("Last 365 Days");
  await page.screenshot({ path: "test-results/screens/entity-artifact-page.png", fullPage: true });

  await form.getByRole("combobox", { name: "Event Types" }).click();
  // An artifact's timeline offers no login types.
  await expect(page.getByRole("option", { name: "User Login", exact: true })).toHaveCount(0);
  await page.getByRole("option", { name: "Work Item Update", exact: true }).click();
  await page.keyboard.press("Escape");
  await form.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]types=WORK_ITEM_UPDATE/);
  expect(new URL(page.url()).searchParams.get("back")).toBe(ARTIFACTS_TAB);
  await expect.poll(async () => (await tableRows(artifactTimeline(page))).every((row) => row[1].startsWith("Work Item Update"))).toBe(true);
  expect(await shownTotal(page)).toBeGreaterThan(0);

  // The diff opened from here goes back to the same tab, filters and all.
  await artifactTimeline(page).getByRole("link", { name: "Show changes" }).first().click();
  await expect(page).toHaveURL(/\/audit\/changes\/\d+\?back=/);
  await expect(page.getByRole("link", { name: "Back to Artifacts" })).toHaveAttribute("href", ARTIFACTS_TAB);
  await page.goBack();
  await expect(artifactTimeline(page)).toBeVisible();

  // More than a year is refused next to the field, as on the tabs.
  await page.goto(`/artifacts/${id}?range=custom&from=2024-01-01&to=2025-12-31&back=${encodeURIComponent(ARTIFACTS_TAB)}`);
  await expect(form.getByText("Created at range: may not exceed one year")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be searched" })).toBeVisible();

  // Back: the tab with the filters and page size the admin left it with.
  await page.getByRole("link", { name: "Back to Artifacts" }).click();
  await expect(page).toHaveURL(ARTIFACTS_TAB);
  await expect(page.getByRole("combobox", { name: "Rows per page" })).toHaveValue("50");
  await expect(page.getByRole("search", { name: "Filter work item and artifact events" }).getByText("Work Item Update")).toBeVisible();

  // A way back to anywhere but a tab of this console is ignored.
  await page.goto(`/artifacts/${id}?back=${encodeURIComponent("https://evil.example/audit/artifacts")}`);
  await expect(page.getByRole("link", { name: "Back to Artifacts" })).toHaveAttribute("href", "/audit/artifacts");
  await page.goto(`/artifacts/${id}?back=${encodeURIComponent("//evil.example/audit/artifacts")}`);
  await expect(page.getByRole("link", { name: "Back to Artifacts" })).toHaveAttribute("href", "/audit/artifacts");
});

test("a user's filtered timeline exports to JSON lines and PDF, named after the user, and each export is recorded", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_30_Days");
  await artifactsTable(page).locator("tbody tr").first().locator("td").nth(0).getByRole("link").click();
  await expect(page).toHaveURL(/\/users\/\d+\?back=/);
  const userId = Number(new URL(page.url()).pathname.split("/").at(-1));
  const name = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  await page.goto(`/users/${userId}?types=WORK_ITEM_UPDATE&range=Last_30_Days`);
  await expect(page.getByRole("table", { name: "The user's audit timeline" })).toBeVisible();
  const total = await shownTotal(page);
  expect(total).toBeGreaterThan(0);

  const dir = downloadDir();
  const jsonl = await downloadMore(page, dir, "JSON lines");
  expect(jsonl).toMatch(new RegExp(`/audit-user-${userId}-[a-z0-9-]*_last-30-days_work-item-update_\\d{4}-\\d{2}-\\d{2}_\\d{4}_\\w+\\.jsonl$`));
  const events = jsonLines<{ eventType: string; user: { id: number } | null; targetUser: { id: number } | null }>(jsonl);
  expect(events).toHaveLength(total);
  for (const event of events) {
    expect(event.eventType).toBe("WORK_ITEM_UPDATE");
    expect([event.user?.id, event.targetUser?.id]).toContain(userId);
  }

  const pdf = await download(page, dir, () => page.getByRole("group", { name: "Export" }).getByRole("button", { name: "PDF" }).click());
  const text = pdfText(pdf);
  expect(text).toContain("User timeline");
  expect(text).toMatch(new RegExp(`User:\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  expect(text).toContain("Work Item Update");

  await page.goto("/audit/console?types=AUDIT_EXPORT&range=Today");
  const messages = (await tableRows(page.getByRole("table", { name: "Audit Console events" }))).map((row) => row.join(" "));
  expect(messages.filter((message) => message.includes(`events of user "${name}`))).toHaveLength(2);
});

test("an admin sets a source's link template; entity pages and the diff open the item in the source system", async ({ page }) => {
  // A field filled before the page is hydrated is reset by it: wait until Sign out enables (it does then).
  const hydrated = () => expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeEnabled();
  await signInAsAdmin(page, "/settings/api-tokens");
  await hydrated();
  const card = page.getByRole("article", { name: "demo" });
  const field = card.getByRole("textbox", { name: "Link template" });
  await field.fill("https://alm.example.com/cb/item/{itemId}");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByText(/\{itemId\} is not a placeholder; use \{artifactId\}, \{userId\}, \{projectId\}, \{trackerId\}/)).toBeVisible();
  await field.fill("https://alm.example.com/cb/item/{artifactId}");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await card.screenshot({ path: "test-results/screens/source-link-card.png" });

  try {
    await page.goto(ARTIFACTS_TAB);
    await artifactsTable(page).locator("tbody tr").first().locator("td").nth(2).getByRole("link").click();
    const open = page.getByRole("link", { name: /Open in demo/ });
    await expect(open).toHaveAttribute("href", /^https:\/\/alm\.example\.com\/cb\/item\/\d+$/);
    await expect(open).toHaveAttribute("target", "_blank");
    await expect(open).toHaveAttribute("rel", "noopener noreferrer");
    const href = await open.getAttribute("href");
    await page.screenshot({ path: "test-results/screens/entity-source-link.png" });

    // The diff's head links the same item.
    await artifactTimeline(page).getByRole("link", { name: "Show changes" }).first().click();
    await expect(page).toHaveURL(/\/audit\/changes\/\d+\?back=/);
    await expect(page.getByRole("link", { name: /Open in demo/ })).toHaveAttribute("href", href!);

    await page.goto("/audit/console?types=AUDIT_CONFIG_CHANGE&range=Today");
    await expect(page.getByText('Source "demo": link template set to https://alm.example.com/cb/item/{artifactId}').first()).toBeVisible();
  } finally {
    await page.goto("/settings/api-tokens");
    await hydrated();
    await card.getByRole("textbox", { name: "Link template" }).fill("");
    await card.getByRole("button", { name: "Save" }).click();
    await expect(card.getByRole("status").filter({ hasText: "Link removed." })).toBeVisible();
  }
});
