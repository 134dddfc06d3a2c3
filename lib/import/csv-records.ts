// RFC 4180 records from numbered lines, streaming: a quoted field may hold line breaks, and its record
// then spans lines. A quote left open for MAX_RECORD_LINES lines is taken as a broken line, not as
// the start of a field that swallows the rest of the file: that line is reported and the lines after
// it are read again.
import type { NumberedLine } from "./import-reader";
import type { ReadTally } from "./import-tally";

export const MAX_RECORD_LINES = 1_000;

export interface CsvRecord {
  /** the line the record starts at */
  line: number;
  fields: string[];
}

/** The fields of one record's text, or null while a quoted field is still open. */
export function parseCsvRecord(text: string): string[] | null {
  const fields: string[] = [];
  let index = 0;
  for (;;) {
    if (text[index] === '"') {
      let value = "";
      let from = index + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return null;
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        index = quote + 1;
        break;
      }
      // Text after the closing quote, up to the comma, is kept (lenient, as spreadsheets are).
      const comma = text.indexOf(",", index);
      const end = comma === -1 ? text.length : comma;
      fields.push(value + text.slice(index, end));
      if (comma === -1) return fields;
      index = comma + 1;
    } else {
      const comma = text.indexOf(",", index);
      if (comma === -1) {
        fields.push(text.slice(index));
        return fields;
      }
      fields.push(text.slice(index, comma));
      index = comma + 1;
    }
  }
}

export async function* csvRecords(lines: AsyncIterable<NumberedLine>, tally: ReadTally, maxRecordLines = MAX_RECORD_LINES): AsyncGenerator<CsvRecord> {
  const source = lines[Symbol.asyncIterator]();
  // lines to read again after a broken line, before the source's next
  const again: NumberedLine[] = [];
  let pending: NumberedLine[] = [];
  for (;;) {
    let next: NumberedLine | undefined = again.shift();
    if (!next) {
      const read = await source.next();
      if (read.done) break;
      next = read.value;
    }
    pending.push(next);
    const fields = parseCsvRecord(pending.map((line) => line.text).join("\n"));
    if (fields) {
      yield { line: pending[0]!.number, fields };
      pending = [];
    } else if (pending.length >= maxRecordLines) {
      tally.bad(pending[0]!.number, `a quoted field is not closed within ${maxRecordLines} lines`);
      again.unshift(...pending.slice(1));
      pending = [];
    }
  }
  if (pending.length > 0) {
    tally.bad(pending[0]!.number, "a quoted field is not closed before the end of the file");
    // The lines after the broken one may still be records of their own.
    yield* csvRecords(
      (async function* () {
        yield* pending.slice(1);
      })(),
      tally,
      maxRecordLines,
    );
  }
}
