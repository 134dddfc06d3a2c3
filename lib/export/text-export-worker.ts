// A worker thread's whole life: one CSV or JSON lines export (text-export-job.ts), read through two
// connections of its own (the cursor, and the users its rows name) and written as byte chunks that
// move to the server's thread, at most CHUNKS_AHEAD ahead of the download. Bundled by
// scripts/lib/bundle.ts; started by run-export.ts.
import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { cursorBatches } from "@/lib/db/cursor-batches";
import { TEXT_SESSION_OPTIONS } from "@/lib/db/pg-text";
import { exportEvents } from "./export-event";
import { ManifestRows, type RecordWithLeaf, recordWithLeafReader, withLeaves } from "./export-manifest-rows";
import { CHUNKS_AHEAD, type TextExportJob, type TextExportMessage, type TextExportRequest } from "./text-export-job";
import { csvChunks, jsonLinesChunks } from "./text-writers";

const job = workerData as TextExportJob;
const port = parentPort as NonNullable<typeof parentPort>;
let credit = CHUNKS_AHEAD;
let onCredit: (() => void) | null = null;
/** chunks' buffers the download is done with (text-export-job.ts), to write new chunks in */
const returned: ArrayBuffer[] = [];
port.on("message", (message: TextExportRequest) => {
  if (message.done) returned.push(message.done);
  credit += 1;
  onCredit?.();
  onCredit = null;
});
const say = (message: TextExportMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function run(): Promise<void> {
  const clients = [0, 1].map(() => new pg.Client({ ...job.connection, options: TEXT_SESSION_OPTIONS }));
  const [cursorClient, lookupClient] = clients;
  try {
    await Promise.all(clients.map((client) => client.connect()));
    say({ ready: true });
    // The job's SELECT reads each event's leaf last (selectEvents' `leaf`), for the manifest; for
    // JSON lines, the columns only the leaf covers before it (`stored`).
    const records = cursorBatches<RecordWithLeaf>(cursorClient, job.sql, job.params, job.batchSize, { fromText: recordWithLeafReader(job.format === "jsonl") });
    const query = async <T>(sql: string, params: unknown[]) => (await lookupClient.query(sql, params)).rows as T[];
    // Rows go to the manifest's rows file through the descriptor the server's thread opened (and closes).
    const manifest = new ManifestRows(() => job.manifestFd);
    const input = { batches: exportEvents(withLeaves(records, manifest), query), timeZone: job.timeZone, manifest, reuse: () => returned.pop() };
    for await (const chunk of job.format === "csv" ? csvChunks(input) : jsonLinesChunks(input)) {
      if (credit === 0) await new Promise<void>((resolve) => (onCredit = resolve));
      credit -= 1;
      // A chunk is the only view of its buffer (text-writers.ts ChunkWriter starts a new one after
      // each): the buffer moves. One from Node's pool of small buffers shares it: that one is copied.
      const own = chunk.buffer.byteLength > Buffer.poolSize ? chunk : new Uint8Array(chunk);
      say({ chunk: own }, [own.buffer as ArrayBuffer]);
    }
    say({ done: true, rows: manifest.finish() });
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}

run().catch((error: unknown) => say({ error: error instanceof Error ? error.message : String(error) }));
