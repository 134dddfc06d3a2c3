// CSV (Blueprint's columns, one line per changed field) and JSON lines, as UTF-8 byte chunks.
import { BLUEPRINT_HEADERS, blueprintLines, jsonLineObject } from "./export-columns";
import type { ExportContext } from "./export-context";
import { csvLine, UTF8_BOM } from "./csv";
import { rowDigest } from "@/lib/audit/integrity/export-manifest";
import type { ManifestRows } from "./export-manifest-rows";

/** About the size of a socket write; a chunk is handed on once it is this full. */
const CHUNK_BYTES = 1 << 18;
// UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units).
const MAX_BYTES_PER_UNIT = 3;

/**
 * Text lines encoded straight into byte chunks. Each line goes into the chunk's buffer as it is made:
 * joining a batch's lines into one string first, then encoding that, cost twice the time of making
 * them (V8 copies every line twice, and a line built by `+=` is a rope to walk), and made garbage.
 */
export class ChunkWriter {
  private buffer: Buffer;
  private used = 0;
  private full: Buffer[] = [];

  constructor(
    private readonly chunkBytes = CHUNK_BYTES,
    /** a used chunk's buffer to write the next chunk in, if one has come back (text-export-worker.ts) */
    private readonly reuse: () => ArrayBuffer | undefined = () => undefined,
  ) {
    this.buffer = this.fresh();
  }

  private fresh(): Buffer {
    const returned = this.reuse();
    return returned && returned.byteLength === this.chunkBytes ? Buffer.from(returned) : Buffer.allocUnsafe(this.chunkBytes);
  }

  /** Adds `text`, starting a new chunk when it might not fit in this one. */
  write(text: string): void {
    if (this.used + text.length * MAX_BYTES_PER_UNIT > this.buffer.length) {
      if (this.used > 0) this.full.push(this.cut());
      if (text.length * MAX_BYTES_PER_UNIT > this.buffer.length) {
        this.full.push(Buffer.from(text, "utf8"));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  /** Whether a chunk is full and waits to be taken. */
  hasFull(): boolean {
    return this.full.length > 0;
  }

  /** The full chunks so far, and with `all` the part-filled one too. */
  take(all = false): Buffer[] {
    if (all && this.used > 0) this.full.push(this.cut());
    const chunks = this.full;
    this.full = [];
    return chunks;
  }

  /** The written part of the buffer; the writer goes on in a new one (the reader keeps this). */
  private cut(): Buffer {
    const chunk = this.buffer.subarray(0, this.used);
    this.buffer = this.fresh();
    this.used = 0;
    return chunk;
  }
}

/** Each batch's lines (from `lines`) as chunks of about CHUNK_BYTES, the first line before them. */
async function* lineChunks<Event>(
  batches: AsyncIterable<readonly Event[]>,
  first: string,
  lines: (event: Event, writer: ChunkWriter) => void,
  reuse?: () => ArrayBuffer | undefined,
): AsyncGenerator<Uint8Array> {
  const writer = new ChunkWriter(CHUNK_BYTES, reuse);
  writer.write(first);
  for await (const batch of batches) {
    // A chunk is handed on as soon as it is full, not after the batch: making a batch's chunks all
    // at once would hold the event loop for as long (tens of ms) and every page with it.
    for (const event of batch) {
      lines(event, writer);
      if (writer.hasFull()) yield* writer.take();
    }
  }
  yield* writer.take(true);
}

/** What the text formats read of an export's context (a worker thread has no more). */
export type TextExportInput = Pick<ExportContext, "batches" | "timeZone" | "manifest"> & {
  /** a chunk's buffer the download is done with, to write a new chunk in (text-export-worker.ts) */
  reuse?: () => ArrayBuffer | undefined;
};

export function csvChunks(context: TextExportInput): AsyncGenerator<Uint8Array> {
  const { timeZone, manifest } = context;
  return lineChunks(
    context.batches,
    UTF8_BOM + csvLine(BLUEPRINT_HEADERS),
    (event, writer) => {
      const lines = blueprintLines(event, timeZone);
      for (const line of lines) writer.write(line);
      // The row is all the event's lines: a verifier cuts the file into rows by these digests.
      manifest?.digest(rowDigest(lines.length === 1 ? (lines[0] as string) : lines.join("")));
    },
    context.reuse,
  );
}

export function jsonLinesChunks(context: TextExportInput): AsyncGenerator<Uint8Array> {
  return jsonObjectLineChunks(context.batches, (event) => jsonLineObject(event, context.timeZone), context.manifest, context.reuse);
}

/** Each item of `batches` as one line of JSON: the object `toObject` makes of it. */
export function jsonObjectLineChunks<Item>(
  batches: AsyncIterable<readonly Item[]>,
  toObject: (item: Item) => unknown,
  manifest?: ManifestRows,
  reuse?: () => ArrayBuffer | undefined,
): AsyncGenerator<Uint8Array> {
  return lineChunks(
    batches,
    "",
    (item, writer) => {
      const line = `${JSON.stringify(toObject(item))}\n`;
      writer.write(line);
      manifest?.digest(rowDigest(line));
    },
    reuse,
  );
}
