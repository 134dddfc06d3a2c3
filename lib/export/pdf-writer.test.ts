import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkers } from "@/scripts/lib/bundle";
import type { PdfDocumentInput } from "./pdf-document";
import { layOutPdf } from "./pdf-writer";

// The PDF is laid out in a worker thread, so that the server's own thread goes on answering pages
// and API calls while a large one is made.

function input(rows: number): PdfDocumentInput {
  return {
    title: "Artifacts",
    filters: [{ label: "Users", value: "Zoë Müller, Łukasz Żółć, 山田 太郎" }],
    timeZone: "Europe/Berlin",
    generatedAt: new Date("2026-11-27T10:00:00Z"),
    generatedBy: "auditor",
    rows,
    columns: [
      { header: "Created at", width: 24 },
      { header: "User", width: 18 },
      { header: "Changes", width: 50 },
    ],
    body: Array.from({ length: rows }, (_, row) => [
      "2026-11-27 11:00:00",
      row % 2 ? "zoe.mueller" : "taro.yamada",
      `Description: ${row % 7} words removed, ${row % 11} added`,
    ]),
    struck: new Set(["1:1"]),
  };
}

const pages = (bytes: Uint8Array) =>
  (
    Buffer.from(bytes)
      .toString("latin1")
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;

describe("laying out a PDF", () => {
  const workerFile = process.env.PDF_WORKER_FILE;
  let folder: string;
  beforeAll(async () => {
    // Inside the project, as in the build: the worker finds jsPDF in the project's node_modules.
    mkdirSync(".data", { recursive: true });
    folder = mkdtempSync(path.join(process.cwd(), ".data", "workers-"));
    [process.env.PDF_WORKER_FILE] = await buildWorkers(process.cwd(), folder);
  });
  afterAll(() => {
    if (workerFile === undefined) delete process.env.PDF_WORKER_FILE;
    else process.env.PDF_WORKER_FILE = workerFile;
    rmSync(folder, { recursive: true, force: true });
  });

  it("in a worker thread, while this thread goes on", async () => {
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 10);
    try {
      const bytes = await layOutPdf(input(3_000));
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
      expect(pages(bytes)).toBeGreaterThan(20);
      // On this thread the layout is one synchronous call: no timer could fire until it was done.
      expect(turns).toBeGreaterThan(5);
    } finally {
      clearInterval(ticking);
    }
  });

  it("stops the worker when the download ends, and lays out the next one", async () => {
    const ended = new AbortController();
    const first = layOutPdf(input(5_000), ended.signal);
    const second = layOutPdf(input(10));
    setTimeout(() => ended.abort(new Error("The client went away")), 50);
    await expect(first).rejects.toThrow("The client went away");
    expect(pages(await second)).toBe(1);
  });

  it("on this thread when the build made no worker", async () => {
    process.env.PDF_WORKER_FILE = path.join(folder, "missing.mjs");
    try {
      const bytes = await layOutPdf(input(10));
      expect(pages(bytes)).toBe(1);
    } finally {
      [process.env.PDF_WORKER_FILE] = [path.join(folder, "pdf-worker.mjs")];
    }
  });
});
