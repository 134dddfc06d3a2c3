// A worker thread's whole life: lays out one PDF (pdf-document.ts) from the rows it was started
// with and sends the bytes back. Bundled by scripts/lib/bundle.ts; started by pdf-writer.ts.
import { parentPort, workerData } from "node:worker_threads";
import { renderPdf, type PdfDocumentInput } from "./pdf-document";

const bytes = renderPdf(workerData as PdfDocumentInput);
parentPort?.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
