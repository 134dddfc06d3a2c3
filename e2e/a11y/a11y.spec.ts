// axe finds no violation of any impact on any page of the console, at 1440 and at 390 px wide:
// every page the build has (from its manifests, so a new page is checked without a line here), the
// sign-in page, the diff open over a tab, and the menu a narrow screen opens.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { fillSegments, readBuiltRoutes } from "../../scripts/lib/app-routes";
import { SEGMENT_SAMPLES } from "../access/segment-samples";
import { openDescriptionDiff } from "../diff/description-diff";
import { signInAsAdmin } from "../fixtures";
import { axeViolations, settled } from "./axe-violations";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const WIDTHS = [
  { name: "1440", viewport: { width: 1440, height: 900 } },
  { name: "390", viewport: { width: 390, height: 844 } },
] as const;

// Every page of the build but the sign-in page (checked signed out, below). Read when this file
// loads: the e2e server builds the app first. Without a build the list is empty and the test on it fails.
const PAGES = (() => {
  try {
    return readBuiltRoutes(path.join(ROOT, ".next"))
      .filter((route) => route.kind === "page" && route.path !== "/login")
      .map((route) => route.path);
  } catch {
    return [];
  }
})();

const ENTITY_PAGES = new Set(["/users/[id]", "/artifacts/[id]", "/projects/[id]", "/trackers/[id]", "/audit/changes/[id]"]);

/** Ids the seed has for the entity and diff pages, from the first Work Item Update on the Artifacts tab. */
async function realIds(page: Page): Promise<Record<string, string>> {
  await page.goto("/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days");
  const row = page.getByRole("table").locator("tbody tr").first();
  await expect(row).toBeVisible();
  // an entity link's way back to the tab (?back=) is left out: the page is what is checked
  const link = async (cell: number) => ((await row.locator("td").nth(cell).getByRole("link").first().getAttribute("href")) ?? "").split("?")[0]!;
  return {
    "/users/[id]": await link(0),
    "/artifacts/[id]": await link(2),
    "/projects/[id]": await link(4),
    "/trackers/[id]": await link(5),
    "/audit/changes/[id]": ((await row.getByRole("link", { name: /Show changes/ }).getAttribute("href")) ?? "").split("?")[0]!,
  };
}

/** The URL to check for a page of the build: a real id where one is needed and known, else the access spec's samples. */
async function urlOf(page: Page, routePath: string): Promise<string> {
  if (!routePath.includes("[")) return routePath;
  const ids: Record<string, string> = ENTITY_PAGES.has(routePath) ? await realIds(page) : {};
  const url = ids[routePath] ?? fillSegments(routePath, SEGMENT_SAMPLES)[0];
  expect(url, `a URL for ${routePath}`).toMatch(/^\/[\w/-]*$/);
  return url;
}

test("the build's pages are known to this spec", () => {
  expect(PAGES.length, "pages in the build's manifests (build the app first)").toBeGreaterThan(10);
});

for (const { name, viewport } of WIDTHS) {
  test.describe(`at ${name} px wide`, () => {
    test.use({ viewport });

    for (const routePath of PAGES) {
      test(`${routePath} has no axe violation`, async ({ page }) => {
        test.setTimeout(120_000);
        await signInAsAdmin(page);
        const url = await urlOf(page, routePath);
        await page.goto(url);
        await settled(page);
        const violations = await axeViolations(page);
        test.info().annotations.push({ type: "axe violations", description: `${url} at ${name} px: ${violations.length}` });
        expect(violations).toEqual([]);
      });
    }

    test("the sign-in page has no axe violation", async ({ page }) => {
      await page.goto("/login");
      await expect(page.getByRole("main")).toContainText("Sign in with your console account");
      expect(await axeViolations(page)).toEqual([]);
      // With a refusal on screen too.
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Enter your username.")).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });

    test("the diff open over a tab has no axe violation: a description's and a permission's", async ({ page }) => {
      test.setTimeout(180_000);
      await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_365_Days&size=100");
      const dialog = await openDescriptionDiff(page, page.getByRole("table", { name: "Work item and artifact events" }));
      await expect(dialog).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);

      await page.goto("/audit/permissions?types=ARTIFACT_PERMISSION_UPDATE&range=Last_365_Days");
      await page
        .getByRole("link", { name: /Show changes/ })
        .first()
        .click();
      await expect(page.getByRole("dialog").getByRole("columnheader", { name: "Role or group" })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test("the menu of a narrow screen has no axe violation", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsAdmin(page, "/audit/logins");
  await page.getByRole("button", { name: "Open the menu" }).click();
  await expect(page.getByRole("dialog", { name: "Menu" }).getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
