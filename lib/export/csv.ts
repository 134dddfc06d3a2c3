// RFC 4180 CSV text with the spreadsheet formula-injection guard (ASVS 1.2.10). Pure.

/** Excel reads a file that starts with it as UTF-8. */
export const UTF8_BOM = "\uFEFF";

// A cell starting with one of these is a formula (or may become one) in Excel, LibreOffice and Sheets.
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\0"].map((character) => character.charCodeAt(0)));

const NEEDS_QUOTES = /[",\r\n]/;

/** "=SUM(A1)" becomes "'=SUM(A1)": shown as text, never run. Also for xlsx text cells. */
export function neutralizeFormula(text: string): string {
  return text !== "" && FORMULA_START.has(text.charCodeAt(0)) ? `'${text}` : text;
}

/** One field: guarded, and quoted when it holds a comma, quote, CR or LF (quotes doubled). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return String(value);
  const text = neutralizeFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const constantFields = new Map<string, string>();

/** csvField of one of the product's own labels ("Work Item Update"), made once per label. */
export function csvConstant(label: string): string {
  let field = constantFields.get(label);
  if (field === undefined) {
    field = csvField(label);
    constantFields.set(label, field);
  }
  return field;
}

/** One record, ended by CRLF as RFC 4180 says (or by `end`). */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>, end = "\r\n"): string {
  const fields = new Array<string>(values.length);
  for (let index = 0; index < values.length; index += 1) fields[index] = csvField(values[index]);
  // join makes one flat string; `+=` would make a rope that costs more to write out than to build.
  return fields.join(",") + end;
}
