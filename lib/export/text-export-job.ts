// A CSV or JSON lines export made in a worker thread (text-export-worker.ts): at a million rows the
// server's one thread was the limit, reading rows, writing lines and writing the socket, while the
// machine's second core stood partly idle. The worker reads through connections of its own and
// hands back finished byte chunks (moved, not copied); the server's thread only sends them.
import { Worker } from "node:worker_threads";
import type { BulkConnection } from "@/lib/db/database";
import { workerFile } from "./worker-files";

/** The worker's bundle (worker-files.ts), or TEXT_EXPORT_WORKER_FILE. */
export function textExportWorkerFile(): string | null {
  return workerFile("text-export-worker", "TEXT_EXPORT_WORKER_FILE");
}

export interface TextExportJob {
  format: "csv" | "jsonl";
  /** the bulk reads' database (lib/db/database.ts Database.bulkConnection) */
  connection: BulkConnection;
  /** selectEvents' SELECT and its parameters */
  sql: string;
  params: unknown[];
  batchSize: number;
  timeZone: string;
  /** the manifest's rows file (export-manifest-build.ts rowsFd), which the worker appends its rows to */
  manifestFd: number;
}

/** What the worker says: connected, a chunk, the end (with how many rows it gave the manifest's rows file), or why it failed. */
export type TextExportMessage = { ready: true } | { chunk: Uint8Array } | { done: true; rows: number } | { error: string };

/** What the server's thread says: one more chunk, and the buffer of a chunk the download is done with, if any. */
export type TextExportRequest = { done?: ArrayBuffer };

/** Chunks the worker may make ahead of the download: 1 MB at 256 KB a chunk. */
export const CHUNKS_AHEAD = 4;
/**
 * A chunk's buffer goes back to the worker, which writes a later chunk in it, once this many chunks
 * after it have been asked for. The download asks for the next chunk only when the socket has taken
 * the one before last (pullStream's queue of one, Next's writer waiting for 'drain'): eight is far
 * past that. New buffers each chunk were freed only by the server's next collection: 30-37 MB of
 * them waited for it, a tenth of the server's peak.
 */
const RETURN_AFTER = 8;
// Its rows go by in batches; a line is a few hundred bytes: room for the largest change lists. The
// young generation as small as the server's own (scripts/lib/serve.ts: 8 MB semi-spaces): each
// worker's memory is the server's too.
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 24 };

export interface TextExportThread {
  /**
   * The file's bytes, in order; stopping early (or reading to the end) ends the worker. A chunk is
   * the reader's until it has asked for RETURN_AFTER more: its buffer then goes back to the worker
   * (a reader that keeps chunks copies them).
   */
  chunks(): AsyncGenerator<Uint8Array>;
  /** How many rows the worker appended to the manifest's rows file, once the chunks have been read to the end. */
  manifestRows(): number;
}

/** Starts the worker; resolves once it has connected to the database, rejects when it could not. */
export async function startTextExport(file: string, job: TextExportJob): Promise<TextExportThread> {
  const worker = new Worker(file, { workerData: job, resourceLimits: WORKER_LIMITS });
  const inbox: TextExportMessage[] = [];
  let wake: (() => void) | null = null;
  const receive = (message: TextExportMessage) => {
    inbox.push(message);
    wake?.();
    wake = null;
  };
  worker.on("message", receive);
  worker.on("error", (error) => receive({ error: error.message }));
  worker.on("exit", (code) => receive({ error: `The export's worker stopped (exit code ${code}) before the file was done.` }));
  async function next(): Promise<TextExportMessage> {
    while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return inbox.shift() as TextExportMessage;
  }
  const first = await next();
  if (!("ready" in first)) {
    await worker.terminate();
    throw new Error("error" in first ? first.error : "The export's worker did not start.");
  }
  let rows: number | null = null;
  return {
    manifestRows() {
      if (rows === null) throw new Error("The export's worker has not finished the file.");
      return rows;
    },
    async *chunks() {
      const sent: ArrayBuffer[] = [];
      try {
        for (;;) {
          const message = await next();
          if ("chunk" in message) {
            yield message.chunk;
            sent.push(message.chunk.buffer as ArrayBuffer);
            const done = sent.length > RETURN_AFTER ? sent.shift() : undefined;
            const request: TextExportRequest = done ? { done } : {};
            worker.postMessage(request, done ? [done] : []);
          } else if ("done" in message) {
            rows = message.rows;
            return;
          } else if ("error" in message) {
            throw new Error(message.error);
          }
        }
      } finally {
        await worker.terminate();
      }
    },
  };
}
