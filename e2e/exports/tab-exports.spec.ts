import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "../fixtures";
import { csvRecords, download, downloadDir, downloadMore, jsonLines, pdfText, shownTotal, xlsxRows } from "./export-helpers";

interface JsonEvent {
  id: string;
  eventType: string;
  project: { id: number; name: string } | null;
  targetUser: { id: number; username: string } | null;
  changes: unknown[];
}

/** Exports the tab as it stands in all four formats and checks each file against the tab's count. */
async function exportAll(page: Page, tab: "Artifacts" | "Permissions", expectRow: (event: JsonEvent) => void) {
  const total = await shownTotal(page);
  expect(total, "the filters keep the export under the PDF limit and above nothing").toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(5_000);
  const dir = downloadDir();
  const exportBar = page.getByRole("group", { name: "Export" });

  const [header, ...rows] = xlsxRows(await download(page, dir, () => exportBar.getByRole("button", { name: "Excel" }).click()));
  expect(rows).toHaveLength(total);
  const column = (name: string) => header.indexOf(name);
  expect(column("Event Type")).toBeGreaterThan(0);

  const text = pdfText(await download(page, dir, () => exportBar.getByRole("button", { name: "PDF" }).click()));
  expect(text).toContain(`Audit export: ${tab}`);
  expect(text).toMatch(/Page 1 of \d+/);

  const events = jsonLines<JsonEvent>(await downloadMore(page, dir, "JSON lines"));
  expect(events).toHaveLength(total);
  events.forEach(expectRow);
  // Every event is traceable from the PDF and the sheet by its id.
  const ids = events.map((event) => event.id).sort();
  expect(rows.map((row) => row[column("Event ID")]).sort()).toEqual(ids);
  const printed = new Set(text.split(/\s+/));
  expect(ids.filter((id) => !printed.has(id))).toEqual([]);
  expect(header).toEqual(expect.arrayContaining(["Changes", "Old values", "New values"]));

  // One CSV line per changed field, one for an event that changed none.
  const [csvHeader, ...csvRows] = csvRecords(await downloadMore(page, dir, /CSV/));
  expect(csvHeader).toContain("Attribute");
  expect(csvRows).toHaveLength(events.reduce((lines, event) => lines + Math.max(1, event.changes.length), 0));
  return { header, rows, text, csvHeader, csvRows };
}

test("exports a filtered Artifacts tab to all four formats, each holding exactly the tab's events", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(page, "/audit/artifacts?types=WORK_ITEM_UPDATE&range=Last_30_Days");
  const projectLink = page.getByRole("table", { name: "Work item and artifact events" }).locator("tbody tr").first().locator("td").nth(4).getByRole("link");
  const projectId = Number((await projectLink.getAttribute("href"))?.match(/^\/projects\/(\d+)\?back=/)?.[1]);
  const projectName = (await projectLink.innerText()).trim();
  expect(projectId).toBeGreaterThan(0);
  await page.goto(`/audit/artifacts?projects=${projectId}&types=WORK_ITEM_UPDATE&range=Last_30_Days`);

  const { header, rows, text, csvRows } = await exportAll(page, "Artifacts", (event) => {
    expect(event.eventType).toBe("WORK_ITEM_UPDATE");
    expect(event.project?.id).toBe(projectId);
  });
  for (const row of rows) {
    expect(row[header.indexOf("Event Type")]).toBe("Work Item Update");
    expect(row[header.indexOf("Project")]).toBe(projectName);
  }
  expect(text).toContain(projectName);
  expect(csvRows.every((row) => row[5] === projectName && row[7] === "Work Item Update" && row[10] !== "")).toBe(true);
});

test("exports a Permissions tab filtered by a target user to all four formats", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(page, "/audit/permissions?types=GROUP_ASSIGN&range=Last_365_Days");
  // The Message column's "Impacted User: NAME" links to the target user.
  const impacted = page.getByRole("table", { name: "Permission events" }).locator("tbody tr td:nth-child(6) a[href^='/users/']").first();
  const targetId = Number((await impacted.getAttribute("href"))?.match(/^\/users\/(\d+)\?back=/)?.[1]);
  expect(targetId).toBeGreaterThan(0);
  await page.goto(`/audit/permissions?targetUsers=${targetId}&range=Last_365_Days`);

  const { header, rows } = await exportAll(page, "Permissions", (event) => expect(event.targetUser?.id).toBe(targetId));
  const targetColumn = header.indexOf("Target user");
  expect(new Set(rows.map((row) => row[targetColumn])).size).toBe(1);
});
