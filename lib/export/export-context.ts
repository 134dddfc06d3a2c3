// What every writer gets: the events in batches, their columns, and the facts a file states about itself.
import type { ExportColumn } from "./export-columns";
import type { ExportEvent } from "./export-event";
import type { SignedManifestSource } from "@/lib/audit/integrity/export-manifest";
import type { ExportCheckpoint } from "./export-checkpoint";
import type { ManifestRows } from "./export-manifest-rows";
import type { FilterLine } from "./filter-summary";

export interface ExportContext {
  /** "Logins" */
  title: string;
  columns: readonly ExportColumn[];
  filters: readonly FilterLine[];
  timeZone: string;
  generatedAt: Date;
  /** the username of who asked for it */
  generatedBy: string;
  /** how many events the file holds (counted before writing) */
  rows: number;
  /** the events, in the file's order, a batch at a time */
  batches: AsyncIterable<readonly ExportEvent[]>;
  /** aborted when the download has ended: a writer that builds the file whole stops early */
  signal?: AbortSignal;
  /** the signed checkpoint the export is bounded by: the PDF and Excel state it */
  checkpoint?: ExportCheckpoint;
  /** where the writer gives each row's digest, in order (the manifest's rows) */
  manifest?: ManifestRows;
  /** Excel: the signed manifest, once every row is written, for its Manifest sheet (read from its files, a part at a time) */
  finishManifest?: () => Promise<SignedManifestSource>;
}

/** Gives the event loop a turn, so that streams downstream can flush (setImmediate: not setTimeout, which is ~13x slower). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
