// One import: each file read by its format's reader, its events checked and sent to the sink a
// batch at a time (the next batch is read only once the last is stored, so memory stays flat
// whatever the file's size), with a tally per file and the sink's answers summed. A refusal of the
// server or a file not of the format stops it, with the counts of what was done before.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { IngestResult } from "@/lib/ingest/ingest-events";
import { IMPORT_FORMATS, type ImportFormat } from "./import-formats";
import { type EventBatch, ImportFormatError, numberedLines, validBatches } from "./import-reader";
import { addResults, type ImportSink, ImportStoppedError, NO_EVENTS } from "./import-sink";
import { ReadTally } from "./import-tally";

export interface ImportProgress {
  file: string;
  tally: ReadTally;
  bytesRead: number;
  fileBytes: number;
  /** what the sink answered so far, all files together */
  totals: IngestResult;
}

export interface ImportOptions {
  format: ImportFormat;
  timeZone: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOutcome {
  tallies: ReadTally[];
  totals: IngestResult;
  /** why the import stopped before its end (the server refused, a file is not of the format), or null */
  stopped: string | null;
}

/** The checked events of one file, in batches; skipped and unreadable lines go to the tally. */
export function fileBatches(input: Readable, tally: ReadTally, format: ImportFormat, timeZone: string): AsyncGenerator<EventBatch> {
  const { reader } = IMPORT_FORMATS[format];
  return validBatches(reader(numberedLines(input, tally), tally, { timeZone }), tally);
}

export async function importFiles(files: readonly string[], sink: ImportSink, options: ImportOptions): Promise<ImportOutcome> {
  const tallies: ReadTally[] = [];
  let totals = NO_EVENTS;
  for (const file of files) {
    const tally = new ReadTally(file);
    tallies.push(tally);
    const fileBytes = (await stat(file)).size;
    const stream = createReadStream(file);
    const report = () => options.onProgress?.({ file, tally, bytesRead: stream.bytesRead, fileBytes, totals });
    try {
      for await (const batch of fileBatches(stream, tally, options.format, options.timeZone)) {
        totals = addResults(totals, await sink.send(batch));
        report();
      }
      report();
    } catch (error) {
      if (!(error instanceof ImportStoppedError || error instanceof ImportFormatError)) throw error;
      return { tallies, totals, stopped: `${file}: ${error.message}` };
    } finally {
      stream.destroy();
    }
  }
  return { tallies, totals, stopped: null };
}
