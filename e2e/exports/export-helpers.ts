// What the export specs share: the count the tab shows, a download through the export controls,
// and the second readers (LibreOffice for .xlsx, pdftotext for PDF, our CSV reader).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { parseCsv } from "../../lib/test/parse-csv";

export { parseCsv };

export async function shownTotal(page: Page): Promise<number> {
  const text = await page
    .getByRole("status")
    .filter({ hasText: /^[\d,]+ events?$/ })
    .innerText();
  return Number(text.replace(/\D/g, ""));
}

export function downloadDir(): string {
  return mkdtempSync(path.join(tmpdir(), "audit-export-"));
}

/** Clicks an export control, confirms a large export, and saves the file. */
export async function download(page: Page, dir: string, open: () => Promise<void>): Promise<string> {
  const downloaded = page.waitForEvent("download");
  await open();
  const confirm = page.getByRole("dialog", { name: "Export all matching events?" });
  const file = await Promise.race([
    downloaded,
    confirm
      .getByRole("button", { name: /^Export [\d,]+ events$/ })
      .click()
      .then(() => downloaded),
  ]);
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

/** Downloads the format behind "More formats" (CSV, JSON lines). */
export async function downloadMore(page: Page, dir: string, item: RegExp | string): Promise<string> {
  return download(page, dir, async () => {
    await page.getByRole("group", { name: "Export" }).getByRole("button", { name: "More formats" }).click();
    await page.getByRole("menuitem", { name: item }).click();
  });
}

/** The first sheet of an .xlsx as LibreOffice reads it: header and rows. */
export function xlsxRows(xlsx: string): string[][] {
  const converted = mkdtempSync(path.join(tmpdir(), "audit-export-xlsx-"));
  execFileSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", converted, xlsx], {
    stdio: "ignore",
    timeout: 120_000,
  });
  return parseCsv(readFileSync(path.join(converted, path.basename(xlsx).replace(/\.xlsx$/, ".csv")), "utf8"));
}

export function pdfText(pdf: string): string {
  // -q: poppler names the embedded fonts' Identity-H collection "unknown" on every page, yet reads the text.
  return execFileSync("pdftotext", ["-q", "-layout", pdf, "-"]).toString();
}

/** A CSV export without its byte order mark: header and records. */
export function csvRecords(csv: string): string[][] {
  const text = readFileSync(csv, "utf8");
  if (text.charCodeAt(0) !== 0xfeff) throw new Error(`${csv} does not start with a UTF-8 byte order mark`);
  return parseCsv(text.slice(1));
}

export function jsonLines<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as T);
}
