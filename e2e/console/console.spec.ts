import { expect, test } from "@playwright/test";
import { signInAsAdmin, tableRows } from "../fixtures";

// The Console tab: the console's own events (exports, configuration changes, purges), from the
// tab's declaration alone, with its filters, its table and its exports.

test("an export is listed on the Console tab, with who made it and its file, and can be filtered and exported", async ({ page }) => {
  await signInAsAdmin(page, "/audit/logins");
  const made = await page.request.get("/api/export/logins.csv?range=Today");
  expect(made.status()).toBe(200);
  const fileName = /filename="([^"]+)"/.exec(made.headers()["content-disposition"] ?? "")?.[1];
  expect(fileName).toMatch(/^audit-logins_today_.*\.csv$/);

  await page.getByRole("navigation", { name: "Audit sections" }).getByRole("link", { name: "Console" }).click();
  await expect(page).toHaveURL(/\/audit\/console$/);
  const table = page.getByRole("table", { name: "Audit Console events" });
  const [newest] = await tableRows(table);
  expect(newest[0]).toContain("@admin");
  expect(newest[1]).toBe("Audit Export");
  expect(newest[2]).toMatch(new RegExp(`^Exported [\\d,]+ Logins events to ${fileName!.replace(/[.]/g, "\\.")}$`));

  // Filtered by type in the form: the URL keeps it.
  await page.getByRole("combobox", { name: "Event Types" }).click();
  await page.getByRole("option", { name: "Audit Export", exact: true }).click();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]types=AUDIT_EXPORT(&|$)/);
  await expect.poll(async () => (await tableRows(table)).every((row) => row[1] === "Audit Export")).toBe(true);

  // The tab's own export holds the export it lists (and is itself recorded).
  const csv = await page.request.get("/api/export/console.csv?types=AUDIT_EXPORT&range=Today");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`Exported `);
});

test("a filter value the tab cannot use is refused next to its field, never widened to every event", async ({ page }) => {
  await signInAsAdmin(page, "/audit/console?types=NOPE&range=Today");
  const form = page.getByRole("search", { name: "Filter Audit Console events" });
  await expect(form.getByText('"NOPE" is not an event type of the Console tab')).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be searched" })).toContainText(
    'Event Types: "NOPE" is not an event type of the Console tab',
  );
  await expect(page.getByRole("table", { name: "Audit Console events" })).toHaveCount(0);

  const refused = await page.request.get("/api/export/logins.csv?types=NOPE");
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual({
    error: { code: "invalid_filter", field: "types", message: 'Event Types: "NOPE" is not an event type of the Logins tab' },
  });
  const tooMany = Array.from({ length: 101 }, (_, index) => index + 1).join(",");
  const page500 = await page.goto(`/audit/artifacts?users=${tooMany}`);
  expect(page500?.status()).toBe(200);
  await expect(page.getByRole("search", { name: "Filter work item and artifact events" }).getByText("101 chosen; choose at most 100")).toBeVisible();
});
