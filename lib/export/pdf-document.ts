// The PDF itself, from rows already read: landscape A4, a title block with the filters, a table
// whose header repeats on every page, zebra rows, "Page x of y", Unicode fonts chosen per cell,
// disabled users struck through on every line. Pure and synchronous (jsPDF lays out the whole document at once):
// it runs in a worker thread (pdf-worker.ts) so that the server goes on answering meanwhile.
import { jsPDF } from "jspdf";
import { autoTable, type CellHookData } from "jspdf-autotable";
import { formatCount } from "@/lib/audit/search/list-result";
import { formatDateTime, zoneName } from "@/lib/time/zoned";
import type { FilterLine } from "./filter-summary";
import { PDF_FONT, pdfFontFiles } from "./pdf-fonts";
import { RunLayout } from "./pdf-runs";
import { fontsUsed, isPlainLatin, printable, VISUAL_TEXT, visualOrder } from "./pdf-text";

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

// 10 mm, well within what any printer prints: 16 points more for the table than the half inch it was.
const MARGIN = 28;
const STRIKE_COLOR = [134, 142, 150] as const;

/** Embeds the fonts the document's text uses, and no other (a CJK font is megabytes even subset). */
function registerFonts(doc: jsPDF, fonts: ReadonlySet<string>): void {
  for (const font of pdfFontFiles(fonts)) {
    doc.addFileToVFS(font.vfsName, font.data);
    doc.addFont(font.vfsName, font.name, font.style);
  }
}

/** Text wrapped between `left` and `right`, each run in its font, from the baseline `top`. Returns the baseline of the last line. */
function drawWrapped(layout: RunLayout, text: string, left: number, right: number, top: number, lineHeight: number): number {
  let y = top;
  layout.wrap(printable(text), right - left).forEach((line, index) => {
    if (index > 0) y += lineHeight;
    layout.draw(line, left, y);
  });
  return y;
}

function titleBlock(doc: jsPDF, input: PdfDocumentInput): number {
  const layout = new RunLayout(doc, 9);
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
    y = drawWrapped(layout, line.value, MARGIN + labelWidth, right, y, 12);
    y += 12;
  }
  doc.setTextColor(90);
  const facts = `${formatCount(input.rows)} events · times in ${input.timeZone} (${zone}) · generated ${formatDateTime(input.generatedAt, input.timeZone)} ${zone} by ${input.generatedBy}`;
  y = drawWrapped(layout, facts, MARGIN, right, y + 2, 12);
  doc.setTextColor(0);
  return y + 10;
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

// A dozen columns share a landscape page: at 7 points a permission change reads in three lines, at 7.5 in four or five.
const FONT_SIZE = 7;
// A cell's padding, across (a point more of it in each of a dozen columns is a word less of Changes) and down.
const CELL_PADDING = { horizontal: 2, vertical: 3 };
// Columns at least this wide (in Excel characters) hold prose; narrower ones must fit their longest word.
const PROSE_WIDTH = 30;

/** The widest of `texts` in points, measuring only what may beat the widest so far: no glyph is wider than 1 em. */
function widest(measure: (text: string) => number, texts: Iterable<string>): number {
  let result = 0;
  for (const text of texts) if (text.length * FONT_SIZE > result) result = Math.max(result, measure(text));
  return result;
}

/** A column's cells cut into pieces, one row at a time. */
function* pieces(rows: readonly string[][], index: number, cut: RegExp): Generator<string> {
  for (const row of rows) yield* row[index].split(cut);
}

/** The width of a header's text, set in bold (the headers are the product's own Latin words). */
function boldWidth(doc: jsPDF, text: string): number {
  doc.setFont(PDF_FONT, "bold");
  doc.setFontSize(FONT_SIZE);
  return doc.getTextWidth(text);
}

/**
 * Each column's width in points: the page shared out as the columns' widths say, except that a narrow
 * column is never narrower than its longest word ("Requirements", a username), so that no word is
 * split across lines, nor wider than its longest cell, where the room would be left blank; the prose
 * columns (Message, Changes) give up what the first takes and are given what the second leaves.
 */
function columnWidths(doc: jsPDF, layout: RunLayout, columns: readonly PdfColumn[], rows: readonly string[][], tableWidth: number): number[] {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const proportional = columns.map((column) => (tableWidth * column.width) / total);
  const prose = columns.map((column) => column.width >= PROSE_WIDTH);
  // A narrow column's widest piece of text (its bold header's too), cut where a line may break (words)
  // or must (lines), with the cell's padding.
  const measured = (index: number, cut: RegExp) =>
    Math.max(
      widest((text) => boldWidth(doc, text), columns[index].header.split(cut)),
      widest((text) => layout.width(text), pieces(rows, index, cut)),
    ) +
    CELL_PADDING.horizontal * 2 +
    1;
  const minimum = columns.map((_, index) => (prose[index] ? 0 : measured(index, /\s+/)));
  const natural = columns.map((_, index) => (prose[index] ? Number.POSITIVE_INFINITY : measured(index, /\n/)));
  const widths = proportional.map((width, index) => Math.max(Math.min(width, natural[index]), minimum[index]));
  const excess = widths.reduce((sum, width) => sum + width, 0) - tableWidth;
  if (excess < 0) {
    // Room left over: to the prose columns in their proportions, or to every column where there is none.
    const takers = prose.some(Boolean) ? prose : columns.map(() => true);
    const share = proportional.reduce((sum, width, index) => sum + (takers[index] ? width : 0), 0);
    return widths.map((width, index) => (takers[index] ? width - (excess * proportional[index]) / share : width));
  }
  const flexible = columns.map((_, index) => prose[index] || widths[index] > minimum[index]);
  const room = widths.reduce((sum, width, index) => sum + (flexible[index] ? width - minimum[index] : 0), 0);
  if (excess === 0 || room <= 0) return widths;
  const share = Math.min(1, excess / room);
  return widths.map((width, index) => (flexible[index] ? width - (width - minimum[index]) * share : width));
}

/** Where a body cell's lines start, and how far apart they are (as jspdf-autotable draws them). */
function lineBaselines(cell: CellHookData["cell"], lines: number): number[] {
  const size = cell.styles.fontSize;
  const top = cell.y + cell.padding("top") + size * (2 - 1.15);
  return Array.from({ length: lines }, (_, index) => top + index * size * LINE_HEIGHT);
}

const LINE_HEIGHT = 1.15;

/** The whole PDF, in memory. */
export function renderPdf(input: PdfDocumentInput): Uint8Array {
  const doc = new jsPDF({ orientation: "landscape", unit: "pt", format: "a4", compress: true });
  doc.setLineHeightFactor(LINE_HEIGHT);
  const { columns, struck } = input;
  const body = input.body.map((row) => row.map(printable));
  registerFonts(doc, fontsUsed([...body.flat(), ...input.filters.map((line) => printable(line.value)), printable(input.generatedBy)]));
  doc.setProperties({ title: `Audit export: ${input.title}`, author: input.generatedBy, creator: "Audit Console" });
  const startY = titleBlock(doc, input);

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
  const layout = new RunLayout(doc, FONT_SIZE);
  const widths = columnWidths(doc, layout, shown, rows, doc.internal.pageSize.getWidth() - MARGIN * 2);
  // Cells whose lines need more than one font: drawn run by run once autotable has drawn their background.
  const runCells = new Map<string, string[]>();
  autoTable(doc, {
    startY,
    margin: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 8 },
    head: [shown.map((column) => column.header)],
    body: rows.length > 0 ? rows : [[{ content: "No events match these filters.", colSpan: shown.length }]],
    theme: "striped",
    showHead: "everyPage",
    // An event is read as a whole: a row that fits on a page is never cut in two across pages.
    rowPageBreak: "avoid",
    styles: { font: PDF_FONT, fontSize: FONT_SIZE, cellPadding: CELL_PADDING, overflow: "linebreak", valign: "top", textOptions: VISUAL_TEXT },
    headStyles: { font: PDF_FONT, fontStyle: "bold", fillColor: [52, 58, 64], textColor: 255 },
    alternateRowStyles: { fillColor: [241, 243, 245] },
    columnStyles: Object.fromEntries(widths.map((cellWidth, index) => [index, { cellWidth }])),
    didParseCell(data: CellHookData) {
      if (data.section !== "body" || rows.length === 0) return;
      const text = rows[data.row.index][data.column.index];
      // Latin text is wrapped by autotable in DejaVu Sans; any other, here, each run measured in its own font.
      if (isPlainLatin(text)) return;
      const lines = layout.wrap(text, widths[data.column.index] - CELL_PADDING.horizontal * 2);
      const fonts = new Set(lines.map((line) => layout.singleFont(line)));
      const font = fonts.size === 1 ? [...fonts][0] : null;
      data.cell.styles.overflow = "visible";
      if (font === null && lines.some((line) => line !== "")) runCells.set(`${data.row.index}:${data.column.index}`, lines);
      data.cell.styles.font = font ?? PDF_FONT;
      data.cell.text = lines.map(visualOrder);
    },
    willDrawCell(data: CellHookData) {
      if (data.section === "body" && runCells.has(`${data.row.index}:${data.column.index}`)) data.cell.text = [];
    },
    didDrawCell(data: CellHookData) {
      if (data.section !== "body" || rows.length === 0) return;
      const key = `${data.row.index}:${data.column.index}`;
      // (cell.text is in visual order; the lines' width and runs are the same in either order)
      const lines = runCells.get(key) ?? data.cell.text;
      const x = data.cell.x + data.cell.padding("left");
      const baselines = lineBaselines(data.cell, lines.length);
      if (runCells.has(key)) {
        lines.forEach((line, index) => {
          layout.draw(line, x, baselines[index]);
        });
      }
      if (!struckShown.has(key)) return;
      // A disabled user's name is struck through on every line it wraps to.
      doc.setDrawColor(...STRIKE_COLOR);
      doc.setLineWidth(0.6);
      lines.forEach((line, index) => {
        const y = baselines[index] - FONT_SIZE * 0.3;
        doc.line(x, y, x + layout.width(line), y);
      });
    },
  });
  pageFooters(doc, input);
  return new Uint8Array(doc.output("arraybuffer"));
}
