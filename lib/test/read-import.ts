// The events an import would send for a file or a text, without a sink: what the readers' tests look at.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { IngestEventInput } from "@/lib/ingest/ingest-schema";
import type { ImportFormat } from "@/lib/import/import-formats";
import { ReadTally } from "@/lib/import/import-tally";
import { fileBatches } from "@/lib/import/run-import";

export interface ReadResult {
  events: IngestEventInput[];
  batches: number;
  tally: ReadTally;
}

/** Reads `input` (a file's path, or { text }) as `format`. */
export async function readImport(format: ImportFormat, input: string | { text: string }, timeZone = "UTC"): Promise<ReadResult> {
  const name = typeof input === "string" ? input : "input";
  const stream = typeof input === "string" ? createReadStream(input) : Readable.from([input.text]);
  const tally = new ReadTally(name);
  const events: IngestEventInput[] = [];
  let batches = 0;
  for await (const batch of fileBatches(stream, tally, format, timeZone)) {
    batches++;
    events.push(...batch.raw);
  }
  return { events, batches, tally };
}

/** What a read made of a file, in brief: lines read, the events' types, lines skipped by kind, unreadable lines. */
export function readSummary({ events, tally }: ReadResult) {
  return {
    lines: tally.linesRead,
    types: events.map((event) => event.type),
    skipped: Object.fromEntries(tally.skipped),
    unreadable: tally.unreadableCount,
  };
}
