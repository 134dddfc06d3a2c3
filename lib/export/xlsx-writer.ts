// Excel through exceljs's streaming WorkbookWriter: rows leave as zip chunks while later rows are
// still being read. Real date cells (the wall clock of the export's zone), a frozen bold header,
// auto-filter, column widths, disabled users struck through, and an "About" sheet. A text longer
// than a cell holds goes on in continuation rows below its event's row, each saying so.
import { once } from "node:events";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { formatDateTime, wallClock, zoneName } from "@/lib/time/zoned";
import { formatCount } from "@/lib/audit/search/list-result";
import { checkpointFact, MANIFEST_PART_LABEL, MANIFEST_SHEET, manifestJsonText, manifestPartsOf, sheetRowsDigest } from "@/lib/audit/integrity/export-manifest";
import { neutralizeFormula } from "./csv";
import { yieldToEventLoop, type ExportContext } from "./export-context";
import type { ExportEvent } from "./export-event";

/** Excel dates carry no zone: the cell holds the wall clock in the export's zone, which the header names. */
export function excelWallClock(instant: Date, timeZone: string): Date {
  const wall = wallClock(instant, timeZone);
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, instant.getUTCMilliseconds()));
}

const DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE9ECEF" } };
const DISABLED_FONT: Partial<ExcelJS.Font> = { strike: true, color: { argb: "FF868E96" } };
// Per the exceljs notes: a turn every 10 rows keeps 1M rows near 116 MB; every 1,000 rows, ~550 MB.
const ROWS_PER_TURN = 10;

/** The most characters an Excel cell holds (Excel's specifications and limits). */
export const EXCEL_CELL_LIMIT = 32_767;
// Room kept in each part for the note that says where the text goes on.
const NOTE_ROOM = 200;

/**
 * A text in the parts of it that fit a cell, each part but the last saying that the text goes on in
 * the next row, each but the first that it goes on from the row above: one part for a text that fits.
 */
export function cellParts(text: string, limit = EXCEL_CELL_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const size = limit - NOTE_ROOM;
  const pieces: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    // Never between the two halves of a character outside the BMP.
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces.map((piece, index) => {
    const part = `part ${index + 1} of ${pieces.length}`;
    const from = index > 0 ? `[continued from the row above, ${part}]\n` : "";
    const on =
      index < pieces.length - 1
        ? `\n[continued in the next row: longer than Excel's ${EXCEL_CELL_LIMIT.toLocaleString("en-US")}-character cell limit, ${part}]`
        : "";
    return `${from}${piece}${on}`;
  });
}

async function writeWorkbook(context: ExportContext, output: PassThrough): Promise<void> {
  // A destroyed output emits no more 'drain': without this the writer would wait for it forever.
  const ended = new AbortController();
  output.once("close", () => ended.abort());
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = context.generatedBy;
  workbook.created = context.generatedAt;
  const zone = zoneName(context.generatedAt, context.timeZone);
  // One style object per column, shared by its cells: exceljs remembers a style object's id, where
  // each cell's own copy was rendered to XML to find it again (about half of the sheet's allocation).
  const styles = context.columns.map((column) => (column.date ? { numFmt: DATE_FORMAT } : {}));
  const disabled = { font: DISABLED_FONT };
  const sheet = workbook.addWorksheet(context.title, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = context.columns.map((column, index) => ({
    key: String(index),
    header: column.date ? `${column.header} (${context.timeZone}, ${zone})` : column.header,
    width: column.date ? Math.max(column.width, 24) : column.width,
    style: styles[index],
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.commit();

  // Continuation rows repeat the event's time and id, so that sorting and filtering keep them with it.
  const keys = context.columns.map((column) => column.date === true || column.header === "Event ID");
  let written = 0;
  let rowsOnSheet = 0;
  let continuations = 0;
  const addRow = (values: unknown[], event: ExportEvent | null) => {
    const row = sheet.addRow(values);
    context.columns.forEach((column, index) => {
      const user = event && column.user?.(event);
      row.getCell(index + 1).style = user?.exists && !user.enabled ? disabled : styles[index];
    });
    row.commit();
    rowsOnSheet += 1;
  };
  for await (const batch of context.batches) {
    for (const event of batch) {
      // An empty value leaves the cell blank, as Excel's own blanks: "(Blanks)" in the filter.
      const values: unknown[] = [];
      // The parts after the first of each text longer than a cell, by column.
      const rest: Array<string[] | undefined> = [];
      context.columns.forEach((column, index) => {
        const value = column.value(event);
        if (value instanceof Date) values.push(excelWallClock(value, context.timeZone));
        else if (value === "") values.push(null);
        else {
          const text = neutralizeFormula(value);
          if (text.length <= EXCEL_CELL_LIMIT) {
            values.push(text);
            return;
          }
          const parts = cellParts(text);
          values.push(parts[0]);
          rest[index] = parts.slice(1);
        }
      });
      addRow(values, event);
      const extra = rest.reduce((most, parts) => Math.max(most, parts?.length ?? 0), 0);
      const sheetRows = [values];
      for (let part = 0; part < extra; part += 1) {
        const continued = values.map((value, index) => (keys[index] ? value : (rest[index]?.[part] ?? null)));
        addRow(continued, null);
        sheetRows.push(continued);
        continuations += 1;
      }
      context.manifest?.digest(sheetRowsDigest(sheetRows), sheetRows.length);
      written += 1;
      if (written % ROWS_PER_TURN === 0) {
        await yieldToEventLoop();
        // The download ended early (the client went away): stop reading, which gives the connection back.
        if (ended.signal.aborted) return;
        if (output.writableNeedDrain) await once(output, "drain", { signal: ended.signal });
      }
    }
  }
  // Written with the sheet's end: the range takes in the continuation rows.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rowsOnSheet + 1), column: context.columns.length } };
  sheet.commit();

  const about = workbook.addWorksheet("About");
  about.columns = [
    { key: "label", width: 22 },
    { key: "value", width: 90 },
  ];
  const facts: Array<[string, string]> = [
    ["Audit Console export", `${context.title} events`],
    ...context.filters.map((line): [string, string] => [line.label, line.value]),
    ["Time zone", `${context.timeZone} (${zone}); date cells show that zone's wall clock`],
    ["Generated at", `${formatDateTime(context.generatedAt, context.timeZone)} ${zone}`],
    ["Generated by", context.generatedBy],
    ["Rows", formatCount(written)],
    ...(continuations > 0
      ? ([
          [
            "Continuation rows",
            `${formatCount(continuations)}: texts longer than Excel's ${EXCEL_CELL_LIMIT.toLocaleString("en-US")}-character cell limit go on in the rows below their event, with its time and Event ID`,
          ],
        ] as Array<[string, string]>)
      : []),
    ["Disabled users", "struck through in grey"],
    ...(context.checkpoint ? [Object.values(checkpointFact(context.checkpoint, "sheet")) as [string, string]] : []),
  ];
  for (const [label, value] of facts) {
    const row = about.addRow({ label, value: neutralizeFormula(value) });
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  about.commit();
  const manifest = await context.finishManifest?.();
  if (manifest) {
    const sheet = workbook.addWorksheet(MANIFEST_SHEET);
    sheet.columns = [
      { key: "label", width: 22 },
      { key: "value", width: 120 },
    ];
    const lines: Array<[string, string]> = [
      [
        "What this is",
        `The proof that every row of the "${context.title}" sheet is in the audit log's signed checkpoint, and that neither the rows nor this sheet were edited. Check it with: npm run verify -- --export <this file> --key <the log's public key>`,
      ],
      ["Checkpoint", `tree size ${manifest.head.checkpoint.treeSize}, root ${manifest.head.checkpoint.rootHash}, signed ${manifest.head.checkpoint.time}`],
      ["Rows", formatCount(manifest.head.export.rows)],
    ];
    for (const [label, value] of lines) sheet.addRow({ label, value }).commit();
    // The JSON is read from the manifest's files twice, a part at a time: once to count its parts
    // (each part's label names their number), once to write them.
    let count = 0;
    for await (const _ of manifestPartsOf(manifestJsonText(manifest))) count += 1;
    let index = 0;
    for await (const part of manifestPartsOf(manifestJsonText(manifest))) {
      index += 1;
      sheet.addRow({ label: `${MANIFEST_PART_LABEL} ${index}/${count}`, value: part }).commit();
      await yieldToEventLoop();
      if (ended.signal.aborted) return;
      if (output.writableNeedDrain) await once(output, "drain", { signal: ended.signal });
    }
    sheet.commit();
  }
  await workbook.commit();
}

/** The .xlsx file as chunks; reading them is what lets the writer go on (backpressure). */
export function xlsxChunks(context: ExportContext): AsyncIterable<Uint8Array> {
  const output = new PassThrough({ highWaterMark: 1 << 20 });
  writeWorkbook(context, output).catch((error: unknown) => {
    if (!output.destroyed) output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}
