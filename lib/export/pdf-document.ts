// The PDF itself, from rows already read: landscape A4, a title block with the filters, a table
// whose header repeats on every page, zebra rows, "Page x of y", Unicode fonts chosen per cell,
// disabled users struck through. Pure and synchronous (jsPDF lays out the whole document at once):
// it runs in a worker thread (pdf-worker.ts) so that the server goes on answering meanwhile.
import { jsPDF } from "jspdf";
import { autoTable, type CellHookData } from "jspdf-autotable";
import { formatCount } from "@/lib/audit/search/list-result";
import { formatDateTime, zoneName } from "@/lib/time/zoned";
import type { FilterLine } from "./filter-summary";
import { fontFor, PDF_FONT, pdfFonts } from "./pdf-fonts";

/** A PDF column: what the export's column says of itself, without its value function. */
export interface PdfColumn {
  header: string;
  /** Excel width in characters: the page is shared out in the same proportions */
  width: number;
}

/** Everything a PDF is made of, as plain data that a worker thread can be sent. */
export interface PdfDocumentInput {
  title: string;
  filters: readonly FilterLine[];
  timeZone: string;
  generatedAt: Date;
  generatedBy: string;
  /** how many events the export counted */
  rows: number;
  columns: readonly PdfColumn[];
  /** the table's cells as text, a row per event */
  body: readonly string[][];
  /** "row:column" of each cell naming a disabled user: struck through once drawn */
  struck: ReadonlySet<string>;
}

const MARGIN = 36;
const STRIKE_COLOR = [134, 142, 150] as const;

function registerFonts(doc: jsPDF): void {
  for (const font of pdfFonts()) {
    doc.addFileToVFS(font.vfsName, font.base64);
    doc.addFont(font.vfsName, font.name, font.style);
  }
}

/**
 * Text whose words may need different fonts ("山田 太郎 (@taro.yamada), Łukasz Żółć"): each word in
 * the font its characters need, wrapped at `right`. Returns the baseline of the last line.
 */
function drawMixedText(doc: jsPDF, text: string, left: number, right: number, top: number, lineHeight: number): number {
  let x = left;
  let y = top;
  for (const word of text.split(/(?<=\s)/)) {
    doc.setFont(fontFor(word), "normal");
    const width = doc.getTextWidth(word);
    if (x > left && x + width > right) {
      x = left;
      y += lineHeight;
    }
    doc.text(word, x, y);
    x += width;
  }
  return y;
}

function titleBlock(doc: jsPDF, input: PdfDocumentInput): number {
  const zone = zoneName(input.generatedAt, input.timeZone);
  let y = MARGIN + 6;
  doc.setFont(PDF_FONT, "bold");
  doc.setFontSize(16);
  doc.text(`Audit export: ${input.title}`, MARGIN, y);
  y += 20;
  doc.setFontSize(9);
  const labelWidth = 110;
  const right = doc.internal.pageSize.getWidth() - MARGIN;
  for (const line of input.filters) {
    doc.setFont(PDF_FONT, "bold");
    doc.text(`${line.label}:`, MARGIN, y);
    y = drawMixedText(doc, line.value, MARGIN + labelWidth, right, y, 12);
    y += 12;
  }
  doc.setFont(PDF_FONT, "normal");
  doc.setTextColor(90);
  const facts = `${formatCount(input.rows)} events · times in ${input.timeZone} (${zone}) · generated ${formatDateTime(input.generatedAt, input.timeZone)} ${zone} by ${input.generatedBy}`;
  doc.text(facts, MARGIN, y + 2);
  doc.setTextColor(0);
  return y + 12;
}

function pageFooters(doc: jsPDF, input: PdfDocumentInput): void {
  const pages = doc.getNumberOfPages();
  const width = doc.internal.pageSize.getWidth();
  const bottom = doc.internal.pageSize.getHeight() - 16;
  doc.setFont(PDF_FONT, "normal");
  doc.setFontSize(8);
  doc.setTextColor(110);
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    doc.text(
      `Audit Console · ${input.title} · ${formatDateTime(input.generatedAt, input.timeZone)} ${zoneName(input.generatedAt, input.timeZone)}`,
      MARGIN,
      bottom,
    );
    doc.text(`Page ${page} of ${pages}`, width - MARGIN, bottom, { align: "right" });
  }
}

const FONT_SIZE = 7.5;
const CELL_PADDING = 3;
// Columns at least this wide (in Excel characters) hold prose; narrower ones must fit their longest word.
const PROSE_WIDTH = 30;

/**
 * Each column's width in points: the page shared out as the Excel widths are, except that a narrow
 * column is never narrower than its longest word ("Requirements", a username), so that no word is
 * split across lines; the prose columns give up what that takes.
 */
function columnWidths(doc: jsPDF, columns: readonly PdfColumn[], rows: readonly string[][], tableWidth: number): number[] {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const proportional = columns.map((column) => (tableWidth * column.width) / total);
  const wordWidth = (word: string) => (doc.getStringUnitWidth(word) * FONT_SIZE) / doc.internal.scaleFactor;
  const minimum = columns.map((column, index) => {
    if (column.width >= PROSE_WIDTH) return 0;
    let widest = 0;
    for (const text of [column.header, ...rows.map((row) => row[index])]) {
      // No glyph is wider than 1 em: a word that short cannot be the widest, and is not measured.
      for (const word of text.split(/\s+/)) if (word.length * FONT_SIZE > widest) widest = Math.max(widest, wordWidth(word));
    }
    return widest + CELL_PADDING * 2 + 2;
  });
  const widths = proportional.map((width, index) => Math.max(width, minimum[index]));
  const excess = widths.reduce((sum, width) => sum + width, 0) - tableWidth;
  const flexible = columns.map((column, index) => column.width >= PROSE_WIDTH || widths[index] > minimum[index]);
  const room = widths.reduce((sum, width, index) => sum + (flexible[index] ? width - minimum[index] : 0), 0);
  if (excess <= 0 || room <= 0) return widths;
  const share = Math.min(1, excess / room);
  return widths.map((width, index) => (flexible[index] ? width - (width - minimum[index]) * share : width));
}

/** The whole PDF, in memory. */
export function renderPdf(input: PdfDocumentInput): Uint8Array {
  const doc = new jsPDF({ orientation: "landscape", unit: "pt", format: "a4", compress: true });
  registerFonts(doc);
  doc.setProperties({ title: `Audit export: ${input.title}`, author: input.generatedBy, creator: "Audit Console" });
  const startY = titleBlock(doc, input);
  const { columns, body, struck } = input;

  // Columns nothing in the result fills (Artifact, when only work items matched) give their width to the others.
  const kept = body.length === 0 ? columns.map((_, index) => index) : columns.map((_, index) => index).filter((index) => body.some((row) => row[index] !== ""));
  const shown = kept.map((index) => columns[index]);
  const rows = body.map((row) => kept.map((index) => row[index]));
  const struckShown = new Set(
    [...struck]
      .map((key) => key.split(":").map(Number))
      .filter(([, index]) => kept.includes(index))
      .map(([row, index]) => `${row}:${kept.indexOf(index)}`),
  );
  doc.setFont(PDF_FONT, "normal");
  doc.setFontSize(FONT_SIZE);
  const widths = columnWidths(doc, shown, rows, doc.internal.pageSize.getWidth() - MARGIN * 2);
  autoTable(doc, {
    startY,
    margin: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 8 },
    head: [shown.map((column) => column.header)],
    body: rows.length > 0 ? rows : [[{ content: "No events match these filters.", colSpan: shown.length }]],
    theme: "striped",
    showHead: "everyPage",
    // An event is read as a whole: a row that fits on a page is never cut in two across pages.
    rowPageBreak: "avoid",
    styles: { font: PDF_FONT, fontSize: FONT_SIZE, cellPadding: CELL_PADDING, overflow: "linebreak", valign: "top" },
    headStyles: { font: PDF_FONT, fontStyle: "bold", fillColor: [52, 58, 64], textColor: 255 },
    alternateRowStyles: { fillColor: [241, 243, 245] },
    columnStyles: Object.fromEntries(widths.map((cellWidth, index) => [index, { cellWidth }])),
    didParseCell(data: CellHookData) {
      if (data.section !== "body") return;
      data.cell.styles.font = fontFor(data.cell.text.join(" "));
    },
    didDrawCell(data: CellHookData) {
      if (data.section !== "body" || !struckShown.has(`${data.row.index}:${data.column.index}`)) return;
      const text = data.cell.text[0] ?? "";
      doc.setFont(String(data.cell.styles.font), "normal");
      doc.setFontSize(data.cell.styles.fontSize);
      const x = data.cell.x + data.cell.padding("left");
      const y = data.cell.y + data.cell.padding("top") + data.cell.styles.fontSize * 0.42;
      doc.setDrawColor(...STRIKE_COLOR);
      doc.setLineWidth(0.6);
      doc.line(x, y, x + doc.getTextWidth(text), y);
    },
  });
  pageFooters(doc, input);
  return new Uint8Array(doc.output("arraybuffer"));
}
