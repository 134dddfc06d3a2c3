import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { UserRef } from "@/lib/audit/events/user-refs";
import { xlsxRows } from "@/e2e/exports/export-helpers";
import { bytesOf } from "@/lib/test/export-bytes";
import { zipEntryText } from "@/lib/test/zip-entry";
import { COLUMNS } from "./export-columns";
import type { ExportEvent } from "./export-event";
import { cellParts, EXCEL_CELL_LIMIT, xlsxChunks } from "./xlsx-writer";

const actor: UserRef = { id: 7, name: "zoe", username: "zoe", displayName: "Zoë", avatarUrl: null, enabled: true, exists: true };

function event(id: string, description: string): ExportEvent {
  return {
    id,
    eventType: "WORK_ITEM_UPDATE",
    label: "Work Item Update",
    category: "WORK_ITEM",
    categoryLabel: "Work Item",
    createdAt: new Date("2026-11-23T08:15:02Z"),
    actor,
    targetUser: null,
    project: null,
    tracker: null,
    artifact: { id: 9, name: "Pump alarm", kind: "WORK_ITEM" },
    message: null,
    changedFields: ["Description"],
    changes: [{ field: "Description", kind: "longtext", old: "Short before.", new: description }],
    ip: null,
    userAgent: null,
    source: null,
  };
}

async function workbookOf(events: ExportEvent[]): Promise<{ workbook: ExcelJS.Workbook; bytes: Buffer }> {
  const bytes = await bytesOf(
    xlsxChunks({
      title: "Artifacts",
      columns: [COLUMNS.createdAt, COLUMNS.user, COLUMNS.changes, COLUMNS.oldValues, COLUMNS.newValues, COLUMNS.eventId],
      filters: [],
      timeZone: "UTC",
      generatedAt: new Date("2026-11-27T10:00:00Z"),
      generatedBy: "auditor",
      rows: events.length,
      batches: (async function* () {
        yield events;
      })(),
    }),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return { workbook, bytes };
}

const cellText = (row: ExcelJS.Row, column: number) => String(row.getCell(column).value ?? "");

describe("texts longer than an Excel cell", () => {
  it("are cut into parts that fit, each saying where the text goes on", () => {
    const text = "a".repeat(EXCEL_CELL_LIMIT * 2);
    const parts = cellParts(text);
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(parts[0]).toMatch(/\n\[continued in the next row: longer than Excel's 32,767-character cell limit, part 1 of 3\]$/);
    expect(parts[1]).toMatch(/^\[continued from the row above, part 2 of 3\]\n/);
    expect(parts.map((part) => part.replace(/^\[continued from[^\n]*\n/, "").replace(/\n\[continued in[^\n]*$/, "")).join("")).toBe(text);
    expect(cellParts("short")).toEqual(["short"]);
  });

  it("never split a character outside the BMP in two", () => {
    const text = "😀".repeat(EXCEL_CELL_LIMIT);
    for (const part of cellParts(text)) expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it("go on in continuation rows with the event's time and id; the auto-filter and the About sheet take them in", async () => {
    const long = Array.from({ length: 15_000 }, (_, index) => `word${index}`).join(" ");
    const { workbook, bytes } = await workbookOf([event("1", long), event("2", "Short after.")]);
    const sheet = workbook.getWorksheet("Artifacts");
    const rows = Array.from({ length: (sheet?.rowCount ?? 1) - 1 }, (_, index) => sheet!.getRow(index + 2));
    const parts = cellParts(`Description: ${long}`);
    expect(parts.length).toBeGreaterThan(1);
    expect(rows).toHaveLength(1 + parts.length);
    // The event's row: the summary in Changes, the start of the whole text in New values.
    expect(cellText(rows[0], 3)).toMatch(/^Description: \d+ words removed, \d+ added$/);
    expect(cellText(rows[0], 4)).toBe("Description: Short before.");
    expect(cellText(rows[0], 5)).toBe(parts[0]);
    // Continuation rows: the time and Event ID again, the rest of the text, nothing else.
    for (const [index, row] of rows.slice(1, parts.length).entries()) {
      expect(row.getCell(1).value).toEqual(rows[0].getCell(1).value);
      expect(cellText(row, 6)).toBe("1");
      expect(row.getCell(2).value).toBeNull();
      expect(cellText(row, 5)).toBe(parts[index + 1]);
    }
    expect(cellText(rows[parts.length], 5)).toBe("Description: Short after.");
    expect(cellText(rows[parts.length], 3)).toBe("Description: Short before. → Short after.");
    expect(zipEntryText(bytes, "xl/worksheets/sheet1.xml")).toContain(`<autoFilter ref="A1:F${rows.length + 1}"/>`);
    const facts = new Map<string, string>();
    workbook.getWorksheet("About")?.eachRow((row) => facts.set(cellText(row, 1), cellText(row, 2)));
    expect(facts.get("Rows")).toBe("2");
    expect(facts.get("Continuation rows")).toMatch(new RegExp(`^${parts.length - 1}: texts longer than Excel's 32,767-character cell limit go on`));
  });

  it("read back by LibreOffice, a second reader: every part in its row, the whole text again when joined", async () => {
    const long = `${"Ωmega ".repeat(7_000)}end`;
    const { bytes } = await workbookOf([event("7", long)]);
    const file = path.join(tmpdir(), `continuation-${process.pid}.xlsx`);
    writeFileSync(file, bytes);
    const [header, ...rows] = (() => {
      try {
        return xlsxRows(file);
      } finally {
        rmSync(file, { force: true });
      }
    })();
    expect(header).toEqual(["Created at (UTC, UTC)", "User", "Changes", "Old values", "New values", "Event ID"]);
    const parts = cellParts(`Description: ${long}`);
    expect(rows).toHaveLength(parts.length);
    expect(rows.map((row) => row[5])).toEqual(Array(parts.length).fill("7"));
    const joined = rows.map((row) => row[4].replace(/^\[continued from[^\n]*\n/, "").replace(/\n\[continued in[^\n]*$/, "")).join("");
    expect(joined).toBe(`Description: ${long}`);
  }, 120_000);
});
