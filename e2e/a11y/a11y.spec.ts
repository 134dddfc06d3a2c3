import { expect, test } from "@playwright/test";
import { openDescriptionDiff } from "../diff/description-diff";
import { signInAsAdmin } from "../fixtures";
import { seriousViolations } from "./serious-violations";

for (const tab of ["logins", "artifacts", "permissions"]) {
  test(`the ${tab} tab has no serious or critical accessibility violation`, async ({ page }) => {
    await signInAsAdmin(page, `/audit/${tab}?range=Last_365_Days`);
    await expect(page.getByRole("table")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the diff view has no serious or critical accessibility violation, over the table and as a page", async ({ page }) => {
  await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days&size=100");
  await openDescriptionDiff(page, page.getByRole("table", { name: "Work item and artifact events" }));
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator("ins").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto("/audit/permissions?types=ARTIFACT_PERMISSION_UPDATE&range=Last_365_Days");
  await page
    .getByRole("link", { name: /Show changes/ })
    .first()
    .click();
  await expect(page.getByRole("dialog").getByRole("columnheader", { name: "Role or group" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("an artifact's page has no serious or critical accessibility violation", async ({ page }) => {
  await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days");
  await page.getByRole("table").locator("tbody tr").first().locator("td").nth(2).getByRole("link").click();
  await expect(page.getByRole("table", { name: "The artifact's audit timeline" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a user's, a project's and a tracker's pages have no serious or critical accessibility violation", async ({ page }) => {
  await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days");
  const firstRow = page.getByRole("table").locator("tbody tr").first();
  const pages = [
    await firstRow.locator("td").nth(0).getByRole("link").getAttribute("href"),
    await firstRow.locator("td").nth(4).getByRole("link").getAttribute("href"),
    await firstRow.locator("td").nth(5).getByRole("link").getAttribute("href"),
  ];
  for (const path of pages) {
    expect(path).toMatch(/^\/(users|projects|trackers)\/\d+\?back=/);
    await page.goto(path!);
    await expect(page.getByRole("table", { name: /audit timeline/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test("the Console users page has no serious or critical accessibility violation", async ({ page }) => {
  await signInAsAdmin(page, "/settings/console-users");
  await expect(page.getByRole("table", { name: "Console users" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
