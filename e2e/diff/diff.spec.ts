import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../fixtures";
import { descriptionDiffHref } from "./description-diff";

test("the diff's URL opens directly as a page: who, when, what, and the marked changes", async ({ page }) => {
  await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days&size=100");
  const href = await descriptionDiffHref(page, page.getByRole("table", { name: "Work item and artifact events" }));
  expect(href).toMatch(/^\/audit\/changes\/\d+$/);

  await page.goto(`${href}?layout=unified`);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to Artifacts" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
  for (const term of ["By", "When", "Where"]) await expect(page.getByText(term, { exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Unified" })).toBeChecked();
  const description = page.getByRole("region", { name: "Description", exact: true });
  await expect(description.locator("del").first()).toBeVisible();
  await expect(description.locator("ins").first()).toBeVisible();

  // Side by side: the text before with its removed words, the text after with its added words.
  await page.getByText("Side by side").click();
  await expect(description.getByText("Before", { exact: true })).toBeVisible();
  await expect(description.getByText("After", { exact: true })).toBeVisible();
  await expect(page).not.toHaveURL(/layout=/);
});

test("a permission update's diff lays out roles and groups before and after", async ({ page }) => {
  await signInAsAdmin(page, "/audit/permissions?types=ARTIFACT_PERMISSION_UPDATE&range=Last_365_Days");
  await page
    .getByRole("table", { name: "Permission events" })
    .getByRole("link", { name: /Show changes/ })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const grid = dialog.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Role or group" }) });
  await expect(grid.getByRole("columnheader", { name: "Before" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "After" })).toBeVisible();
  const changed = grid.locator("tbody tr").filter({ hasText: /Changed|Added|Removed/ });
  expect(await changed.count()).toBeGreaterThan(0);
  await expect(changed.first().locator("del, ins").first()).toBeVisible();
  await dialog.getByRole("button", { name: "Close the changes" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/audit\/permissions\?/);
});

test("an unknown event id is a clear not-found page", async ({ page }) => {
  await signInAsAdmin(page, "/audit/changes/999999999");
  await expect(page.getByRole("heading", { name: "No such event" })).toBeVisible();
});
