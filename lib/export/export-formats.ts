// The export formats and their hard limits. Pure: the buttons (client) and the routes share it.

export const EXPORT_FORMATS = ["pdf", "xlsx", "csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  label: string;
  contentType: string;
  /** most events one file may hold; null: no limit but the reader's */
  maxRows: number | null;
  /** why the limit, said in the refusal */
  limitReason: string;
}

/** An .xlsx sheet holds 1,048,576 rows; one is the header. */
export const XLSX_MAX_ROWS = 1_048_575;

/**
 * jsPDF builds the whole document in memory. Measured here (npm run bench:export, both fonts
 * embedded, PostgreSQL, 2 cores): 5,000 rows took 4.9 s at 415 MB peak RSS over a 155 MB baseline;
 * the notes measured 10,000 rows at 4.4 s and 401 MB unloaded and 50,000 at 960 MB. 5,000 rows
 * keeps one PDF export within a quarter GB of a server's memory and a few seconds, and a longer
 * PDF is no longer read page by page: Excel and CSV take the rest. How many pages depends on the
 * tab (rows with changes wrap): on the demo data about 34 Logins events a page (5,000 in ~150
 * pages), 12-13 Permissions and Artifacts events (~400 pages).
 */
export const PDF_MAX_ROWS = 5_000;

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  pdf: {
    label: "PDF",
    contentType: "application/pdf",
    maxRows: PDF_MAX_ROWS,
    limitReason: `A PDF holds at most ${PDF_MAX_ROWS.toLocaleString("en-US")} events; narrow the filters, or export to Excel or CSV`,
  },
  xlsx: {
    label: "Excel",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    maxRows: XLSX_MAX_ROWS,
    limitReason: `An Excel sheet holds at most ${XLSX_MAX_ROWS.toLocaleString("en-US")} events; narrow the filters, or export to CSV or JSON lines`,
  },
  csv: { label: "CSV", contentType: "text/csv; charset=utf-8", maxRows: null, limitReason: "" },
  jsonl: { label: "JSON lines", contentType: "application/x-ndjson; charset=utf-8", maxRows: null, limitReason: "" },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The refusal for `rows` events in `format`, or null when the file may be made. */
export function limitRefusal(format: ExportFormat, rows: number): string | null {
  const { maxRows, limitReason } = FORMAT_INFO[format];
  if (maxRows === null || rows <= maxRows) return null;
  // Counted only to one past the limit (run-export.ts): more than that is all that is known.
  return `More than ${maxRows.toLocaleString("en-US")} events match these filters. ${limitReason}.`;
}

/** "/api/export/logins.xlsx?users=3&range=Today" */
export function exportHref(tab: string, format: ExportFormat, query: string): string {
  return `/api/export/${tab}.${format}${query}`;
}
