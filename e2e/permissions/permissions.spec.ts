import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin, tableRows } from "../fixtures";

const table = (page: Page) => page.getByRole("table", { name: "Permission events" });

/** [user, artifact, event type, project, tracker, message, created at] per row. */
const rows = (page: Page) => tableRows(table(page));

const IMPACTED = /^Impacted User: (\S+) \((Enabled|Disabled)\)$/;

test("filters Permissions by a target user and shows Group Assign with the impacted user's status", async ({ page }) => {
  await signInAsAdmin(page, "/audit/permissions?types=GROUP_ASSIGN&range=Last_365_Days");
  const first = (await rows(page)).find((row) => IMPACTED.test(row[5]));
  expect(first, "the demo seed assigns users to groups").toBeDefined();
  const username = IMPACTED.exec(first![5])![1];

  await page.goto("/audit/permissions?range=Last_365_Days");
  const form = page.getByRole("search", { name: "Filter permission events" });
  const target = form.getByRole("combobox", { name: "Target Users" });
  await target.click();
  await target.fill(username);
  await page.getByRole("option", { name: new RegExp(`@${username.replace(/\./g, "\\.")}\\b`) }).click();
  await page.keyboard.press("Escape");
  await form.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]targetUsers=\d+/);

  // Every group event names the target user with a status; account events leave Message blank.
  const impacted = new RegExp(`^Impacted User: ${username.replace(/\./g, "\\.")} \\((Enabled|Disabled)\\)$`);
  const matches = (row: string[]) =>
    row[2] === "Group Assign" || row[2] === "Group Remove" ? impacted.test(row[5]) : /^User (Create|Enable|Disable)$/.test(row[2]) && row[5] === "";
  await expect
    .poll(async () => {
      const shown = await rows(page);
      return shown.some((row) => row[2] === "Group Assign") && shown.every(matches);
    })
    .toBe(true);
  // A reload keeps the target user in the form: its pill names the user (title "@username").
  await page.reload();
  await expect(form.getByTitle(new RegExp(`^@${username.replace(/\./g, "\\.")}( \\(disabled\\))?$`))).toBeVisible();
});

test("account pairs sit side by side, and a disabled impacted user is struck through", async ({ page }) => {
  await signInAsAdmin(page, "/audit/permissions?types=USER_DISABLE,GROUP_REMOVE&range=Last_365_Days&size=100");
  const shown = await rows(page);
  const disable = shown.findIndex((row) => row[2] === "User Disable");
  expect(disable, "the demo seed disables users").toBeGreaterThanOrEqual(0);
  // Newest first: the Group Remove logged 1 ms after the User Disable sits right above it.
  expect(shown[disable - 1]?.[2]).toBe("Group Remove");
  expect(shown[disable - 1]?.[5]).toMatch(/\(Disabled\)$/);

  const struck = table(page).locator("tbody tr td:nth-child(6) a span").filter({ hasText: /\S/ }).first();
  const decorations = await table(page)
    .locator("tbody tr td:nth-child(6)")
    .filter({ hasText: "(disabled now)" })
    .first()
    .locator("a span")
    .first()
    .evaluate((element) => getComputedStyle(element).textDecorationLine);
  expect(decorations).toContain("line-through");
  await expect(struck).toBeVisible();
});
