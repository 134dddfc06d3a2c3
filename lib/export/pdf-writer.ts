// The PDF export: the rows are read here, in batches like every format; the document is laid out in
// a worker thread (pdf-worker.ts), because jsPDF lays out the whole table in one synchronous call
// that takes seconds at the PDF's row limit, and on the server's own thread every page and API call
// would wait for it. One PDF is laid out at a time; the next waits its turn.
import { Worker } from "node:worker_threads";
import { checkpointFact } from "@/lib/audit/integrity/export-manifest";
import { formatDateTime } from "@/lib/time/zoned";
import { yieldToEventLoop, type ExportContext } from "./export-context";
import type { ExportColumn } from "./export-columns";
import { renderPdf, type PdfColumn, type PdfDocumentInput } from "./pdf-document";
import { workerFile } from "./worker-files";

/** The worker's bundle (worker-files.ts), or PDF_WORKER_FILE. */
export function pdfWorkerFile(): string | null {
  return workerFile("pdf-worker", "PDF_WORKER_FILE");
}

// A PDF at its row limit peaks at about 420 MB, 500-570 MB with three CJK fonts embedded (each parsed
// whole by jsPDF): room for that, and a bound past which the worker, not the server, runs out of memory.
const WORKER_HEAP_MB = 1024;

let turn: Promise<unknown> = Promise.resolve();

/** Runs `work` when the PDFs before it are done, one at a time. */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const mine = turn.then(work, work);
  turn = mine.catch(() => undefined);
  return mine;
}

function renderInWorker(file: string, input: PdfDocumentInput, signal: AbortSignal | undefined): Promise<Uint8Array> {
  return inTurn(
    () =>
      new Promise<Uint8Array>((resolve, reject) => {
        signal?.throwIfAborted();
        const worker = new Worker(file, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
        const stop = () => void worker.terminate();
        signal?.addEventListener("abort", stop, { once: true });
        let answered = false;
        worker.once("message", (bytes: Uint8Array) => {
          answered = true;
          resolve(bytes);
        });
        worker.once("error", reject);
        worker.once("exit", (code) => {
          signal?.removeEventListener("abort", stop);
          if (answered) return;
          reject(signal?.aborted ? signal.reason : new Error(`The PDF worker stopped (exit code ${code}) before the document was done.`));
        });
      }),
  );
}

/** A column as the PDF lays it out: its header, and its share of the page. */
export function pdfColumn({ header, width, pdfWidth }: ExportColumn): PdfColumn {
  return { header, width: pdfWidth ?? width };
}

/** The rows of the PDF as text, read batch by batch; stops when the download ends. */
async function pdfInput(context: ExportContext): Promise<PdfDocumentInput> {
  const columns = context.columns.filter((column) => column.pdf !== false);
  const body: string[][] = [];
  const struck = new Set<string>();
  for await (const batch of context.batches) {
    for (const event of batch) {
      body.push(
        columns.map((column, index) => {
          const value = column.value(event);
          const user = column.user?.(event);
          if (user?.exists && !user.enabled) struck.add(`${body.length}:${index}`);
          return value instanceof Date ? formatDateTime(value, context.timeZone) : value;
        }),
      );
    }
    await yieldToEventLoop();
    // The client went away: stop reading, which gives the connection back, and build nothing.
    context.signal?.throwIfAborted();
  }
  const { title, timeZone, generatedAt, generatedBy, rows } = context;
  // The title block states the checkpoint the rows are in; the manifest (a sidecar download) proves it.
  const filters = context.checkpoint ? [...context.filters, checkpointFact(context.checkpoint, "sidecar")] : context.filters;
  return { title, filters, timeZone, generatedAt, generatedBy, rows, columns: columns.map(pdfColumn), body, struck };
}

/** The document laid out: in a worker thread where the build made one, else on this thread. */
export async function layOutPdf(input: PdfDocumentInput, signal?: AbortSignal): Promise<Uint8Array> {
  const file = pdfWorkerFile();
  if (file) return renderInWorker(file, input, signal);
  signal?.throwIfAborted();
  return renderPdf(input);
}

/** The whole PDF, in memory. */
export async function pdfBytes(context: ExportContext): Promise<Uint8Array> {
  return layOutPdf(await pdfInput(context), context.signal);
}
