// The seed's description edits are dated from the run day, and some only add words: the diff specs
// look for the first Description change that both removes and adds words, rather than the first row.
import { expect, type Locator, type Page } from "@playwright/test";
import { DEFAULT_PAGE_SIZE } from "../../lib/audit/search/list-result";

const MAX_TRIES = 25;

/** Whether the Description section marks both removed and added words. */
export async function marksRemovedAndAdded(scope: Page | Locator): Promise<boolean> {
  const description = scope.getByRole("region", { name: "Description", exact: true });
  await expect(description).toBeVisible();
  return (await description.locator("del").count()) > 0 && (await description.locator("ins").count()) > 0;
}

/** The rows of `table` whose changes name Description. */
export function descriptionRows(page: Page, table: Locator): Locator {
  return table.locator("tbody tr").filter({ has: page.getByText(/Description/) });
}

const toNumber = (text: string) => Number(text.replaceAll(",", ""));

/**
 * Waits until the table shows the first page at the URL's page size (`size`, else the default), as its
 * pager announces it ("Showing 1–100 of 2,345"): after a change of page size the old rows stay
 * until the new ones replace them.
 */
export async function settledTable(page: Page, table: Locator): Promise<void> {
  await expect
    .poll(async () => {
      const size = Number(new URL(page.url()).searchParams.get("size") ?? DEFAULT_PAGE_SIZE);
      const shown = /Showing 1–([\d,]+) of ([\d,]+)/.exec(await page.getByText(/^Showing /).innerText());
      if (shown === null) return false;
      const last = toNumber(shown[1]);
      return last === Math.min(size, toNumber(shown[2])) && (await table.locator("tbody tr").count()) === last;
    })
    .toBe(true);
}

/** Opens Show changes over the table on row after row until a diff marks both; returns the dialog. */
export async function openDescriptionDiff(page: Page, table: Locator): Promise<Locator> {
  await settledTable(page, table);
  const rows = descriptionRows(page, table);
  await expect(rows.first()).toBeVisible();
  const count = Math.min(await rows.count(), MAX_TRIES);
  const dialog = page.getByRole("dialog");
  for (let index = 0; index < count; index += 1) {
    await rows
      .nth(index)
      .getByRole("link", { name: /Show changes/ })
      .click();
    await expect(dialog).toBeVisible();
    if (await marksRemovedAndAdded(dialog)) return dialog;
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
  }
  throw new Error(`none of the first ${count} Description changes both removes and adds words`);
}

/** The diff URL of the first Description change that both removes and adds words, found page by page. */
export async function descriptionDiffHref(page: Page, table: Locator): Promise<string> {
  await settledTable(page, table);
  await expect(descriptionRows(page, table).first()).toBeVisible();
  const hrefs = await descriptionRows(page, table)
    .getByRole("link", { name: /Show changes/ })
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  for (const href of hrefs.slice(0, MAX_TRIES)) {
    await page.goto(href);
    if (await marksRemovedAndAdded(page)) return href;
  }
  throw new Error(`none of the first ${Math.min(hrefs.length, MAX_TRIES)} Description changes both removes and adds words`);
}
