// The rows of an export's manifest (lib/audit/integrity/export-manifest.ts) as the file is written:
// each event's sequence number and leaf hash, read with the event (event-sql.ts selectEvents'
// `leaf`), then the digest of the row the writer made of it, appended to a file of rows. Runs in the
// server's thread and in the text export's worker alike.
import { writeSync } from "node:fs";
import type { EventRowRecord } from "@/lib/audit/events/event-rows";
import { EXPORT_COLUMNS, eventRecordFromText, LEAF_ONLY_COLUMNS } from "@/lib/audit/search/event-sql";
import type { StoredColumns } from "./export-event";

/**
 * A record read with its leaf: "<seq> <base64 leaf hash>", null for an event the log has not
 * sequenced; for JSON lines, with the columns only the leaf covers (selectEvents' `stored`).
 */
export type RecordWithLeaf = EventRowRecord & StoredColumns & { leaf?: string | null };

/** eventRecordFromText for a SELECT with the leaf column last, and with `stored`, LEAF_ONLY_COLUMNS before it. */
export function recordWithLeafReader(stored: boolean): (values: ReadonlyArray<string | null>) => RecordWithLeaf {
  const leafAt = EXPORT_COLUMNS.length + (stored ? LEAF_ONLY_COLUMNS.length : 0);
  return (values) => {
    const record: RecordWithLeaf = eventRecordFromText(values);
    if (stored) {
      const details = values[EXPORT_COLUMNS.length] ?? null;
      record.details = details === null ? null : JSON.parse(details);
      record.sourceEventId = values[EXPORT_COLUMNS.length + 1] ?? null;
    }
    record.leaf = values[leafAt] ?? null;
    return record;
  };
}

/** Characters of rows kept before they are appended to the file: about 4,000 rows. */
const ROWS_FLUSH_CHARS = 1 << 18;

/**
 * The manifest's rows as the file is written, appended to a file of their own a few thousand at a
 * time (one row's JSON a line, the manifest's `rows` items as they are): a million rows are about
 * 80 MB, which the export's memory target cannot hold. Only the rows read but not yet written are
 * kept (a batch; a PDF's, whose rows get no digest, until the end). `open` gives the file's
 * descriptor the first time a row is written: the export's own thread or its worker writes through it.
 */
export class ManifestRows {
  /** rows read whose digest the writer has not given yet, from `next` on */
  private pending: Array<[seq: number, leaf: string]> = [];
  private next = 0;
  private written: string[] = [];
  private writtenChars = 0;
  private fd: number | null = null;
  /** rows appended to the file, or waiting in `written` to be */
  count = 0;

  constructor(private readonly open: () => number) {}

  /**
   * The next event's row, in file order. An event without a leaf cannot be in an export bounded by
   * a checkpoint (run-export.ts): it fails the file rather than leave a row the manifest cannot prove.
   */
  add(record: RecordWithLeaf): void {
    const space = record.leaf ? record.leaf.indexOf(" ") : -1;
    if (!record.leaf || space < 0) throw new Error(`event ${record.id} has no leaf in the audit log: the export cannot prove it`);
    this.pending.push([Number(record.leaf.slice(0, space)), record.leaf.slice(space + 1)]);
  }

  /** The digest of the next row the writer finished (rows without one, as in a PDF, keep null). */
  digest(digest: string | null, sheetRows?: number): void {
    const row = this.pending[this.next];
    if (!row) throw new RangeError("a row was written that the export did not read");
    this.next += 1;
    if (this.next === this.pending.length) {
      this.pending = [];
      this.next = 0;
    }
    this.write(JSON.stringify(sheetRows === undefined ? [row[0], row[1], digest] : [row[0], row[1], digest, sheetRows]));
  }

  /** Every row in the file (those read but given no digest, with null): the number of rows. Who opened the file closes it. */
  finish(): number {
    while (this.pending.length > 0) this.digest(null);
    this.flush();
    return this.count;
  }

  private write(row: string): void {
    this.written.push(row);
    this.writtenChars += row.length + 1;
    this.count += 1;
    if (this.writtenChars >= ROWS_FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.written.length === 0) return;
    this.fd ??= this.open();
    writeSync(this.fd, `${this.written.join("\n")}\n`);
    this.written = [];
    this.writtenChars = 0;
  }
}

/** `batches` of records read with their leaves, each leaf added to `rows` in order. */
export async function* withLeaves<Record extends RecordWithLeaf>(batches: AsyncIterable<Record[]>, rows: ManifestRows): AsyncGenerator<Record[]> {
  for await (const batch of batches) {
    for (const record of batch) rows.add(record);
    yield batch;
  }
}
