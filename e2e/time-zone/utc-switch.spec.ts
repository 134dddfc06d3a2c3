import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "../fixtures";
import { download, downloadDir, pdfText } from "../exports/export-helpers";

// The header's "Times in UTC" switch: the browser runs in Europe/Berlin (playwright.config.ts), so
// the tables, an entity page and an export move from Berlin time to UTC and back, and the choice
// survives a reload (a cookie).
const SHOTS = "test-results/time-zone";

const logins = (page: Page) => page.getByRole("table", { name: "Login events" });
const utcSwitch = (page: Page) => page.getByRole("banner").getByRole("switch", { name: "Times in UTC" });

/** The first row's Created at: its wall clock as epoch milliseconds read as UTC, and its zone name. */
async function firstTime(page: Page): Promise<{ wall: number; zone: string }> {
  const text = await logins(page).locator("tbody tr").first().locator("td").nth(2).innerText();
  const match = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})\s+(\S+)/.exec(text);
  if (!match) throw new Error(`not a time: ${text}`);
  return { wall: Date.parse(`${match[1]}T${match[2]}Z`), zone: match[3] };
}

test("Times in UTC moves the tables, an entity page and the exports to UTC, and back", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page, "/audit/logins?types=USER_LOGIN&range=Last_7_Days");
  await expect(page.getByRole("banner").getByRole("note", { name: /^Time zone: Europe\/Berlin/ })).toBeVisible();
  await expect(page.getByText("Times in Europe/Berlin (CET)")).toBeVisible();
  const berlin = await firstTime(page);
  expect(berlin.zone).toBe("CET");

  await utcSwitch(page).check();
  await expect(page.getByText("Times in UTC", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("banner").getByRole("note", { name: /^Time zone: UTC/ })).toBeVisible();
  await expect.poll(async () => (await firstTime(page)).zone).toBe("UTC");
  const utc = await firstTime(page);
  // November: Berlin is an hour ahead of UTC.
  expect(berlin.wall - utc.wall).toBe(3_600_000);
  await page.screenshot({ path: `${SHOTS}/logins-in-utc.png` });

  // The choice is a cookie: a reload keeps it.
  await page.reload();
  await expect(utcSwitch(page)).toBeChecked();
  expect((await firstTime(page)).zone).toBe("UTC");

  // The export states the zone it uses, in its name and in the PDF's title block.
  const pdf = await download(page, downloadDir(), () => page.getByRole("group", { name: "Export" }).getByRole("button", { name: "PDF" }).click());
  expect(path.basename(pdf)).toMatch(/_UTC\.pdf$/);
  expect(pdfText(pdf)).toContain("times in UTC (UTC)");

  // An entity page follows it too.
  await logins(page).locator("tbody tr").first().locator("td").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/users\/\d+/);
  await expect(page.getByText("Times in UTC", { exact: true }).first()).toBeVisible();

  await utcSwitch(page).uncheck();
  await expect(page.getByText("Times in Europe/Berlin (CET)")).toBeVisible();
  await expect(page.getByRole("banner").getByRole("note", { name: /^Time zone: Europe\/Berlin/ })).toBeVisible();
});
