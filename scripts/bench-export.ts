// npm run bench:export -- [--rows N] [--pdf-rows N] [--runs N] [--formats csv,floor-read,...]: writes the newest N seeded events (default
// 1,000,000) to each streaming format (CSV, JSON lines, Excel), and a PDF at its row limit, through
// the same readers and writers as the export routes; prints rows/s, peak RSS and the longest the
// export held the event loop (what a page would have waited for) per format. On PostgreSQL it first
// measures two floors of the same rows: reading them alone, and writing them as plain CSV. Each
// format runs in a child process of its own, so that each peak is its own; --runs repeats each
// (peaks vary from run to run with when V8's collections fall). The children run this
// file bundled by esbuild under plain Node with the server's flags (its heap cap decides how far
// V8 lets the heap grow), as the server runs Next's compiled code: tsx's loader would add about
// 90 MB and its own CPU time to every figure. Seed first:
// npm run db:seed -- --events 1m (embedded PGlite, or DATABASE_URL).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { Writable } from "node:stream";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { getDb, setDb } from "../lib/db";
import { openDatabase } from "../lib/db/database";
import { EXPORT_COLUMNS } from "../lib/export/export-tabs";
import type { ExportContext } from "../lib/export/export-context";
import type { ExportEvent } from "../lib/export/export-event";
import { PDF_MAX_ROWS, type ExportFormat } from "../lib/export/export-formats";
import { ExportLease } from "../lib/export/export-lease";
import { pdfWorkerFile } from "../lib/export/pdf-writer";
import { EXPORT_BATCH_SIZE, eventBatches, formatChunks } from "../lib/export/run-export";
import { ChunkWriter } from "../lib/export/text-writers";
import { selectEvents } from "../lib/audit/search/event-sql";
import pg from "pg";
import Cursor from "pg-cursor";
import { bundleForNode } from "./lib/bundle";
import { SERVER_NODE_FLAGS } from "./lib/serve";

const argValue = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1].replace(/m$/i, "000000").replace(/k$/i, "000")) : fallback;
};
const format = (value: number) => Math.round(value).toLocaleString("en-US");
/** Rows per cursor read: the exports' own (run-export.ts), or --batch N to try another. */
const batchSize = argValue("--batch", EXPORT_BATCH_SIZE.cursor);

async function* firstRows(batches: AsyncIterable<ExportEvent[]>, limit: number): AsyncGenerator<ExportEvent[]> {
  let left = limit;
  for await (const batch of batches) {
    if (left <= 0) return;
    yield batch.slice(0, left);
    left -= batch.length;
  }
}

/** This script as one ES module for plain Node (npm packages stay outside, as in the server). */
async function bundleSelf(): Promise<string> {
  const outfile = path.join(process.cwd(), ".data", "bench", "bench-export.mjs");
  await bundleForNode(path.join(process.cwd(), "scripts", "bench-export.ts"), outfile);
  return outfile;
}

/**
 * The raw floors an export is measured against, the same SELECT through the same cursor and batch
 * size: "floor-read" reads the rows and drops them (what PostgreSQL and the driver cost); "floor-csv"
 * writes each row's values joined by commas to the same consumer (what any CSV of them costs).
 */
type Floor = "floor-read" | "floor-csv";
const FLOORS: readonly Floor[] = ["floor-read", "floor-csv"];

async function* floorChunks(floor: Floor, rows: number): AsyncGenerator<Uint8Array> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { sql, params } = selectEvents({ where: { createdAt: { lte: new Date() } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: rows });
    const cursor = client.query(new Cursor<Record<string, unknown>>(sql, params));
    const writer = new ChunkWriter();
    for (;;) {
      const batch = await cursor.read(batchSize);
      if (floor === "floor-csv") {
        for (const row of batch) {
          writer.write(
            `${Object.values(row)
              .map((value) =>
                value === null ? "" : value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value),
              )
              .join(",")}\n`,
          );
          if (writer.hasFull()) yield* writer.take();
        }
      } else if (batch.length > 0) yield new Uint8Array(batch.length);
      if (batch.length < batchSize) break;
    }
    yield* writer.take(true);
    await cursor.close();
  } finally {
    await client.end();
  }
}

/** One format in this process: prints a JSON line {rows, bytes, lines, seconds, peakRssMb}. */
async function runOne(exportFormat: ExportFormat | Floor, rows: number): Promise<void> {
  const database = openDatabase();
  setDb(database);
  // What the process holds before the export: Node, the Prisma client and the driver, warm.
  await database.prisma.auditEvent.count({ where: { id: { lt: 0 } } });
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  // How long the export held the event loop at once: what a page request would have waited for.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const now = new Date();
    // Every event (all categories), newest first, as the Artifacts tab's columns show them.
    const floor = FLOORS.find((each) => each === exportFormat);
    // A floor reads through a connection of its own: no lease (it would hold the bulk pool open).
    const batches = floor
      ? (async function* (): AsyncGenerator<ExportEvent[]> {})()
      : firstRows(eventBatches(await ExportLease.open(), { createdAt: { lte: now } }, [{ createdAt: "desc" }, { id: "desc" }], batchSize), rows);
    let written = 0;
    const counted = (async function* () {
      for await (const batch of batches) {
        written += batch.length;
        yield batch;
      }
    })();
    const context: ExportContext = {
      title: "Bench",
      columns: EXPORT_COLUMNS.artifacts,
      filters: [{ label: "Events", value: `the newest ${format(rows)}` }],
      timeZone: "Europe/Berlin",
      generatedAt: now,
      generatedBy: "bench",
      rows,
      batches: counted,
    };
    const chunks = floor ? floorChunks(floor, rows) : formatChunks(exportFormat as ExportFormat, context);
    let bytes = 0;
    let lines = 0;
    const start = performance.now();
    // A consumer that takes its time per chunk, as a socket does: the writers must wait for it.
    await pipeline(
      Readable.from(chunks, { objectMode: false }),
      new Writable({
        highWaterMark: 1 << 16,
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          if (exportFormat === "floor-read") written += chunk.length;
          else if (exportFormat === "csv" || exportFormat === "jsonl" || exportFormat === "floor-csv")
            for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines += 1;
          setImmediate(done);
        },
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    loop.disable();
    console.log(
      JSON.stringify({
        format: exportFormat,
        rows: exportFormat === "floor-csv" ? lines : written,
        bytes,
        lines,
        seconds,
        baselineRssMb: baseline / 1_048_576,
        peakRssMb: peak / 1_048_576,
        loopMaxMs: loop.max / 1e6,
      }),
    );
  } finally {
    clearInterval(sampler);
    await getDb().close();
  }
}

async function main(): Promise<void> {
  const childFormat = process.argv[process.argv.indexOf("--child") + 1] as ExportFormat | Floor | undefined;
  if (process.argv.includes("--child") && childFormat) {
    await runOne(childFormat, argValue("--rows", 1_000_000));
    return;
  }
  const rows = argValue("--rows", 1_000_000);
  const pdfRows = argValue("--pdf-rows", PDF_MAX_ROWS);
  const repeats = argValue("--runs", 1);
  const database = openDatabase();
  const total = await database.prisma.auditEvent.count();
  console.log(`${database.kind} at ${database.location}: ${format(total)} events; each format under node ${SERVER_NODE_FLAGS.join(" ")}`);
  console.log(
    pdfWorkerFile() ? "PDFs are laid out in the build's worker thread." : "No worker build (npm run build): PDFs are laid out on the export's own thread.",
  );
  await database.close();
  if (total < rows) console.log(`Only ${format(total)} events: seed more (npm run db:seed -- --force --events 1m) to bench ${format(rows)}.`);
  const bundle = await bundleSelf();
  console.log(
    `${"format".padEnd(10)} ${"events".padStart(10)} ${"MB".padStart(8)} ${"seconds".padStart(8)} ${"events/s".padStart(9)} ${"lines/s".padStart(9)} ${"base RSS".padStart(9)} ${"peak RSS".padStart(9)} ${"loop held".padStart(9)}`,
  );
  const runs: Array<[ExportFormat | Floor, number]> = [
    ...FLOORS.filter(() => Boolean(process.env.DATABASE_URL)).map((floor): [Floor, number] => [floor, rows]),
    ["csv", rows],
    ["jsonl", rows],
    ["xlsx", rows],
    ["pdf", pdfRows],
  ];
  const only = process.argv.includes("--formats") ? new Set(process.argv[process.argv.indexOf("--formats") + 1].split(",")) : null;
  const chosen = runs.filter(([exportFormat]) => !only || only.has(exportFormat));
  for (const [exportFormat, count] of chosen.flatMap((run) => Array.from({ length: repeats }, () => run))) {
    // react-server: the condition under which server-only modules load, as in the server itself.
    const output = execFileSync(
      process.execPath,
      [...SERVER_NODE_FLAGS, "--conditions=react-server", bundle, "--child", exportFormat, "--rows", String(count), "--batch", String(batchSize)],
      {
        encoding: "utf8",
        maxBuffer: 1 << 24,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const line = output.trim().split("\n").at(-1) ?? "{}";
    const result = JSON.parse(line) as {
      rows: number;
      bytes: number;
      lines: number;
      seconds: number;
      baselineRssMb: number;
      peakRssMb: number;
      loopMaxMs: number;
    };
    // CSV lines: one per changed field (and the header); JSON lines: one per event.
    const linesPerSecond = result.lines > 0 ? format(result.lines / result.seconds) : "";
    console.log(
      `${exportFormat.padEnd(10)} ${format(result.rows).padStart(10)} ${(result.bytes / 1_048_576).toFixed(1).padStart(8)} ${result.seconds.toFixed(1).padStart(8)} ${format(result.rows / result.seconds).padStart(9)} ${linesPerSecond.padStart(9)} ${`${Math.round(result.baselineRssMb)} MB`.padStart(9)} ${`${Math.round(result.peakRssMb)} MB`.padStart(9)} ${`${Math.round(result.loopMaxMs)} ms`.padStart(9)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(`bench:export failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
