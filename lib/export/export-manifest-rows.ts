// The rows of an export's manifest (lib/audit/integrity/export-manifest.ts) as the file is written:
// each event's sequence number and leaf hash, read beside its batch, then the digest of the row
// the writer made of it. Runs in the server's thread and in the text export's worker alike.
import type { ManifestRow } from "@/lib/audit/integrity/export-manifest";
import type { ExportEvent, LookupQuery } from "./export-event";

export class ManifestRows {
  readonly rows: ManifestRow[] = [];
  /** the next row whose digest the writer gives */
  private digested = 0;

  /** The rows a worker thread gathered (text-export-job.ts), for an export that read none here. */
  adopt(rows: ManifestRow[]): void {
    for (const row of rows) this.rows.push(row);
    this.digested = this.rows.length;
  }

  /** The next event's row, in file order. */
  add(seq: number, leaf: string): void {
    this.rows.push([seq, leaf, null]);
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

/**
 * `batches` with each event's leaf added to `rows` in order. An event without a leaf cannot be in
 * a bounded export (run-export.ts): it fails the file rather than leave a row the manifest cannot prove.
 */
export async function* withLeaves(batches: AsyncIterable<ExportEvent[]>, query: LookupQuery, rows: ManifestRows): AsyncGenerator<ExportEvent[]> {
  for await (const batch of batches) {
    if (batch.length > 0) {
      const found = await query<{ eventId: string; seq: string; hash: string }>(
        `SELECT l."eventId"::text AS "eventId", l."seq"::text AS "seq", encode(l."hash", 'base64') AS "hash" FROM "AuditLeaf" l WHERE l."eventId" = ANY($1::bigint[])`,
        [batch.map((event) => event.id)],
      );
      const byEvent = new Map(found.map((leaf) => [leaf.eventId, leaf]));
      for (const event of batch) {
        const leaf = byEvent.get(event.id);
        if (!leaf) throw new Error(`event ${event.id} has no leaf in the audit log: the export cannot prove it`);
        rows.add(Number(leaf.seq), leaf.hash);
      }
    }
    yield batch;
  }
}
