import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { selectEvents } from "@/lib/audit/search/event-sql";
import { runAs } from "@/lib/auth/principal-context";
import { testDatabases } from "@/lib/test/databases";
import { bytesOf } from "@/lib/test/export-bytes";
import { NOW } from "@/lib/test/tab-fixture";
import { AUDITOR, useTabFixture } from "@/lib/test/tab-fixture-hooks";
import { buildWorkers } from "@/scripts/lib/bundle";
import type { ExportFormat } from "./export-formats";
import type { ExportManifest } from "@/lib/audit/integrity/export-manifest";
import { verifyExport } from "@/lib/audit/integrity/export-verify";
import { logSigningKey } from "@/lib/audit/integrity/log-key";
import { openManifest } from "./manifest-store";
import { planExport } from "./run-export";
import { startTextExport, type TextExportJob, textExportWorkerFile } from "./text-export-job";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

// CSV and JSON lines on PostgreSQL are made in a worker thread when the build made one: the same
// bytes as on the server's own thread, and the worker's connections end with the download.

// Runs without PostgreSQL too: a file of PostgreSQL-only suites fails a PGlite-only `npm test`.
describe("where the export's worker is", () => {
  it("is the file TEXT_EXPORT_WORKER_FILE names when it exists, else none: the export runs on its own thread", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "worker-file-"));
    const saved = process.env.TEXT_EXPORT_WORKER_FILE;
    try {
      const file = path.join(folder, "text-export-worker.mjs");
      writeFileSync(file, "");
      process.env.TEXT_EXPORT_WORKER_FILE = file;
      expect(textExportWorkerFile()).toBe(file);
      process.env.TEXT_EXPORT_WORKER_FILE = path.join(folder, "missing.mjs");
      expect(textExportWorkerFile()).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.TEXT_EXPORT_WORKER_FILE;
      else process.env.TEXT_EXPORT_WORKER_FILE = saved;
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("the chunks' buffers", () => {
  it("stay the reader's until it has asked for eight more chunks, then go back to the worker, which writes later chunks in them", async () => {
    // A worker that answers as text-export-worker.ts does: each chunk filled with its number, in a
    // buffer that came back where there is one; its last message says how many came back.
    const folder = mkdtempSync(path.join(tmpdir(), "chunk-buffers-"));
    try {
      const file = path.join(folder, "worker.mjs");
      writeFileSync(
        file,
        `import { parentPort } from "node:worker_threads";
        const returned = [];
        let credit = 4;
        let wake = null;
        parentPort.on("message", (message) => {
          if (message.done) returned.push(message.done);
          credit += 1;
          wake?.();
        });
        parentPort.postMessage({ ready: true });
        let reused = 0;
        for (let i = 0; i < 40; i += 1) {
          if (credit === 0) await new Promise((resolve) => (wake = resolve));
          credit -= 1;
          const back = returned.pop();
          if (back) reused += 1;
          const chunk = new Uint8Array(back ?? new ArrayBuffer(1 << 18)).fill(i);
          parentPort.postMessage({ chunk }, [chunk.buffer]);
        }
        parentPort.postMessage({ done: true, rows: reused });`,
      );
      const thread = await startTextExport(file, {} as TextExportJob);
      const held: Uint8Array[] = [];
      for await (const chunk of thread.chunks()) {
        held.push(chunk);
        const at = held.length - 1;
        // The chunk and the eight before it are whole; those before them have gone back.
        for (let i = Math.max(0, at - 8); i <= at; i += 1) {
          expect(held[i]?.byteLength).toBe(1 << 18);
          expect(held[i]?.every((byte) => byte === i)).toBe(true);
        }
        for (let i = 0; i < at - 8; i += 1) expect(held[i]?.byteLength).toBe(0);
      }
      expect(held).toHaveLength(40);
      // Written in a buffer that came back: every chunk but the 4 made ahead at the start and the 8
      // asked for before the first buffer came back.
      expect(thread.manifestRows()).toBe(28);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabases().filter((database) => database.name !== "PGlite"))("exports in a worker thread on $name", ({ open }) => {
  const fixture = useTabFixture(open);
  const saved = process.env.TEXT_EXPORT_WORKER_FILE;
  const savedManifestDir = process.env.EXPORT_MANIFEST_DIR;
  let folder: string;
  let workerFile: string;
  beforeAll(async () => {
    // Inside the project, as in the build: the worker finds pg in the project's node_modules.
    mkdirSync(".data", { recursive: true });
    folder = mkdtempSync(path.join(process.cwd(), ".data", "workers-"));
    workerFile = (await buildWorkers(process.cwd(), folder)).find((file) => file.endsWith("text-export-worker.mjs")) as string;
    process.env.EXPORT_MANIFEST_DIR = path.join(folder, "manifests");
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TEXT_EXPORT_WORKER_FILE;
    else process.env.TEXT_EXPORT_WORKER_FILE = saved;
    if (savedManifestDir === undefined) delete process.env.EXPORT_MANIFEST_DIR;
    else process.env.EXPORT_MANIFEST_DIR = savedManifestDir;
    rmSync(folder, { recursive: true, force: true });
  });

  /** The export's bytes, made by the worker in `file` or (no such file) on this thread. */
  async function exported(format: ExportFormat, file: string): Promise<Buffer> {
    return (await exportedWithManifest(format, file)).bytes;
  }

  async function exportedWithManifest(format: ExportFormat, file: string) {
    process.env.TEXT_EXPORT_WORKER_FILE = file;
    return runAs(AUDITOR, async () => {
      const plan = await planExport("artifacts", format, new URLSearchParams("range=custom&from=2026-01-01&to=2026-03-16"), {
        timeZone: "Europe/Berlin",
        now: NOW,
      });
      const prepared = await plan.prepare();
      const bytes = await bytesOf(prepared.chunks());
      const stored = await openManifest(prepared.manifestHref.split("/").at(-1) as string, AUDITOR.userId as number);
      const manifest = stored ? (JSON.parse((await bytesOf(stored.json())).toString("utf8")) as ExportManifest) : null;
      return { bytes, manifest };
    });
  }

  it.each(["csv", "jsonl"] as const)("writes the same %s in the worker as on this thread", async (format) => {
    const here = await exportedWithManifest(format, path.join(folder, "none.mjs"));
    const there = await exportedWithManifest(format, workerFile);
    expect(here.bytes.length).toBeGreaterThan(500);
    expect(there.bytes.equals(here.bytes)).toBe(true);
    // The worker gives the manifest its rows: the same as this thread's, and it verifies.
    expect(there.manifest?.rows).toEqual(here.manifest?.rows);
    const verified = await verifyExport({ file: there.bytes, manifest: JSON.stringify(there.manifest), verifierKey: logSigningKey().verifierKey });
    expect(verified).toMatchObject({ ok: true, format });
    // The worker's file is what makes the bytes: a broken one breaks the export.
    const broken = path.join(folder, "broken.mjs");
    writeFileSync(broken, 'throw new Error("a broken worker");');
    await expect(exported(format, broken)).rejects.toThrow(/a broken worker/);
    // The worker wrote its rows to the manifest's rows file: gone with the failed export, as with the finished ones.
    expect(readdirSync(path.join(folder, "manifests")).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("ends its connections when the download stops early, and says why a read failed", async () => {
    const sessions = async () =>
      (await fixture.db.query<{ count: number }>(`SELECT count(*)::int AS "count" FROM pg_stat_activity WHERE datname = current_database()`))[0].count;
    const before = await sessions();
    const { sql, params } = selectEvents({ where: {}, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    const connection = fixture.db.bulkConnection as NonNullable<typeof fixture.db.bulkConnection>;
    const manifestFd = openSync(path.join(folder, "rows.tmp"), "w");
    const thread = await startTextExport(workerFile, { format: "csv", connection, sql, params, batchSize: 2, timeZone: "UTC", manifestFd });
    expect(await sessions()).toBe(before + 2);
    await thread.chunks().return(undefined);
    await vi.waitFor(async () => expect(await sessions()).toBe(before), { timeout: 5_000 });

    const broken = await startTextExport(workerFile, { format: "csv", connection, sql: "SELECT 1 / 0", params: [], batchSize: 2, timeZone: "UTC", manifestFd });
    await expect(bytesOf(broken.chunks())).rejects.toThrow(/division by zero/);
    await expect(
      startTextExport(workerFile, {
        format: "csv",
        connection: { ...connection, connectionString: connection.connectionString.replace(/\/[^/]+$/, "/no_such_database") },
        sql,
        params,
        batchSize: 2,
        timeZone: "UTC",
        manifestFd,
      }),
    ).rejects.toThrow(/no_such_database/);
    closeSync(manifestFd);
  });
});
