// The rows of an export's manifest (lib/audit/integrity/export-manifest.ts) as the file is written:
// each event's sequence number and leaf hash, read with the event (event-sql.ts selectEvents'
// `leaf`), then the digest of the row the writer made of it. Runs in the server's thread and in
// the text export's worker alike.
import type { EventRowRecord } from "@/lib/audit/events/event-rows";
import type { ManifestRow } from "@/lib/audit/integrity/export-manifest";
import { EXPORT_COLUMNS, eventRecordFromText } from "@/lib/audit/search/event-sql";

/** A record read with its leaf: "<seq> <base64 leaf hash>", null for an event the log has not sequenced. */
export type RecordWithLeaf = EventRowRecord & { leaf?: string | null };

/** eventRecordFromText for a SELECT with the leaf column last. */
export function recordWithLeafFromText(values: ReadonlyArray<string | null>): RecordWithLeaf {
  return Object.assign(eventRecordFromText(values), { leaf: values[EXPORT_COLUMNS.length] ?? null });
}

export class ManifestRows {
  readonly rows: ManifestRow[] = [];
  /** the next row whose digest the writer gives */
  private digested = 0;

  /** The rows a worker thread gathered (text-export-job.ts), for an export that read none here. */
  adopt(rows: ManifestRow[]): void {
    for (const row of rows) this.rows.push(row);
    this.digested = this.rows.length;
  }

  /**
   * The next event's row, in file order. An event without a leaf cannot be in an export bounded by
   * a checkpoint (run-export.ts): it fails the file rather than leave a row the manifest cannot prove.
   */
  add(record: RecordWithLeaf): void {
    const space = record.leaf ? record.leaf.indexOf(" ") : -1;
    if (!record.leaf || space < 0) throw new Error(`event ${record.id} has no leaf in the audit log: the export cannot prove it`);
    this.rows.push([Number(record.leaf.slice(0, space)), record.leaf.slice(space + 1), null]);
  }

  /** The digest of the next row the writer finished (rows without one, as in a PDF, keep null). */
  digest(digest: string, sheetRows?: number): void {
    const row = this.rows[this.digested];
    if (!row) throw new RangeError("a row was written that the export did not read");
    row[2] = digest;
    if (sheetRows !== undefined) row[3] = sheetRows;
    this.digested += 1;
  }
}

/** `batches` of records read with their leaves, each leaf added to `rows` in order. */
export async function* withLeaves<Record extends RecordWithLeaf>(batches: AsyncIterable<Record[]>, rows: ManifestRows): AsyncGenerator<Record[]> {
  for await (const batch of batches) {
    for (const record of batch) rows.add(record);
    yield batch;
  }
}
