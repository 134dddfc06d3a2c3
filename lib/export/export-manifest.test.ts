import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadManifest } from "@/app/api/export/manifests/[id]/route";
import { GET as downloadExport } from "@/app/api/export/[file]/route";
import { type ExportManifest, MANIFEST_SHEET, signManifest } from "@/lib/audit/integrity/export-manifest";
import { EVENT_LEAF_COLUMNS, eventLeafRecord, type EventLeafRow } from "@/lib/audit/integrity/event-leaf";
import { jsonLineLeafRecord, verifyExport } from "@/lib/audit/integrity/export-verify";
import { logSigningKey } from "@/lib/audit/integrity/log-key";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { testDatabases } from "@/lib/test/databases";
import { AUDITOR, useTabFixture } from "@/lib/test/tab-fixture-hooks";

// An export's manifest as an auditor meets it: downloaded beside the file (or inside the Excel
// file), checked with the log's public key alone, and every edit of the file or the manifest named.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));
vi.mock("@/lib/time/admin-time-zone", () => ({ getAdminTimeZone: async () => "Europe/Berlin" }));

interface Downloaded {
  file: Buffer;
  href: string;
  manifest: string;
  rows: number;
  checkpoint: number;
}

async function exported(file: string, query = "range=Last_365_Days", as: Principal = AUDITOR): Promise<Downloaded> {
  return runAs(as, async () => {
    const response = await downloadExport(new Request(`http://console.test/api/export/${file}?${query}`), { params: Promise.resolve({ file }) });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const href = response.headers.get("X-Export-Manifest") as string;
    expect(href).toMatch(/^\/api\/export\/manifests\/[0-9a-f-]{36}$/);
    const id = href.split("/").at(-1) as string;
    const manifest = await downloadManifest(new Request(`http://console.test${href}`), { params: Promise.resolve({ id }) });
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get("Content-Disposition")).toContain(".manifest.json");
    return {
      file: bytes,
      href,
      manifest: await manifest.text(),
      rows: Number(response.headers.get("X-Export-Rows")),
      checkpoint: Number(response.headers.get("X-Export-Checkpoint")),
    };
  });
}

const verifierKey = () => logSigningKey().verifierKey;

/** The file with one byte changed at the first place `marker` occurs after `from`. */
function editByte(file: Buffer, marker: string, from = 0): Buffer {
  const copy = Buffer.from(file);
  const at = copy.indexOf(marker, from);
  expect(at, `"${marker}" in the file`).toBeGreaterThanOrEqual(0);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
}

// ---- an independent check of a batch proof: RFC 9162's tree over node:crypto alone ----
const sha = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
function rootFromBatch(size: number, leaves: Map<number, Buffer>, proof: Buffer[]): Buffer {
  const walk = (start: number, end: number): Buffer => {
    const inside = [...leaves.keys()].some((seq) => seq >= start && seq < end);
    if (!inside) return proof.shift() as Buffer;
    if (end - start === 1) return leaves.get(start) as Buffer;
    let k = 1;
    while (k * 2 < end - start) k *= 2;
    const left = walk(start, start + k);
    return sha(Buffer.from([1]), left, walk(start + k, end));
  };
  return walk(0, size);
}
// ---- end of the independent check ----

// Manifests and their work files in a folder of this file's own, to see which files are left.
const manifestDir = mkdtempSync(path.join(tmpdir(), "export-manifests-"));
const savedManifestDir = process.env.EXPORT_MANIFEST_DIR;
beforeAll(() => {
  process.env.EXPORT_MANIFEST_DIR = manifestDir;
});
afterAll(() => {
  if (savedManifestDir === undefined) delete process.env.EXPORT_MANIFEST_DIR;
  else process.env.EXPORT_MANIFEST_DIR = savedManifestDir;
  rmSync(manifestDir, { recursive: true, force: true });
});
/** The rows and proof files exports in the making keep beside the manifests. */
const workFiles = () => readdirSync(manifestDir).filter((name) => name.endsWith(".tmp"));

/** The JSON lines file with line `index` (0: the first) changed by `edit`. */
function editLine(file: Buffer, index: number, edit: (line: Record<string, unknown>) => void): Buffer {
  const lines = file.toString("utf8").split("\n");
  const line = JSON.parse(lines[index] as string) as Record<string, unknown>;
  edit(line);
  lines[index] = JSON.stringify(line);
  return Buffer.from(lines.join("\n"));
}

describe.each(testDatabases())("export manifests on $name", ({ open }) => {
  const fixture = useTabFixture(open);

  it("ties a CSV export's rows to a signed checkpoint, which an independent check of the batch proof confirms", async () => {
    const { file, manifest, rows, checkpoint } = await exported("artifacts.csv");
    expect(rows).toBeGreaterThan(3);
    expect(await verifyExport({ file, manifest, verifierKey: verifierKey() })).toMatchObject({
      ok: true,
      format: "csv",
      rows,
      checkpoint: { treeSize: checkpoint },
    });

    const parsed = JSON.parse(manifest) as ExportManifest;
    expect(parsed.export).toMatchObject({ title: "Artifacts", timeZone: "Europe/Berlin", rows });
    expect(parsed.export.filters.some((filter) => filter.value.startsWith("Last 365 Days"))).toBe(true);
    expect(parsed.file.sha256).toBe(createHash("sha256").update(file).digest("hex"));
    // Each row is the leaf of its event: joined on the event id, as the log stored it.
    const leaves = await fixture.db.query<{ seq: string; hash: Uint8Array }>(`SELECT "seq"::text AS "seq", "hash" FROM "AuditLeaf"`);
    const stored = new Map(leaves.map((leaf) => [Number(leaf.seq), Buffer.from(leaf.hash).toString("base64")]));
    for (const [seq, leaf] of parsed.rows) expect(stored.get(seq)).toBe(leaf);
    // The root the rows and the proof give is the one the checkpoint's note signs.
    const noteRoot = Buffer.from(parsed.checkpoint.note.split("\n")[2] as string, "base64");
    const root = rootFromBatch(
      checkpoint,
      new Map(parsed.rows.map(([seq, leaf]) => [seq, Buffer.from(leaf, "base64")])),
      parsed.batchProof.hashes.map((hash) => Buffer.from(hash, "base64")),
    );
    expect(root.equals(noteRoot)).toBe(true);
  });

  it("is checked by the command line with the public key, away from the console", async () => {
    const { file, manifest } = await exported("artifacts.csv");
    const dir = mkdtempSync(path.join(tmpdir(), "verify-export-"));
    try {
      const csv = path.join(dir, "artifacts.csv");
      writeFileSync(csv, file);
      writeFileSync(`${csv}.manifest.json`, manifest);
      const run = () => {
        try {
          return {
            code: 0,
            out: execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/verify.ts", "--export", csv, "--key", verifierKey()], { encoding: "utf8" }),
          };
        } catch (error) {
          const failed = error as { status: number; stdout: string };
          return { code: failed.status, out: failed.stdout };
        }
      };
      expect(run()).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: .* unedited, all in the checkpoint of tree size \d+/) });
      writeFileSync(csv, editByte(file, "Work Item"));
      expect(run()).toMatchObject({ code: 1, out: expect.stringContaining("FAILED (file-edited)") });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("names the row of a CSV and the line of JSON lines where one byte was edited", async () => {
    const csv = await exported("artifacts.csv");
    // The third row's time: rows start after the header line.
    const csvLines = csv.file.toString("utf8").split("\r\n");
    const thirdRowAt = Buffer.byteLength(`${csvLines.slice(0, 3).join("\r\n")}\r\n`);
    const row = await verifyExport({ file: editByte(csv.file, "2026", thirdRowAt), manifest: csv.manifest, verifierKey: verifierKey() });
    expect(row).toMatchObject({ ok: false, problem: "file-edited", row: 3, line: 4 });

    const jsonl = await exported("artifacts.jsonl");
    const second = jsonl.file.indexOf("\n") + 1;
    const line = await verifyExport({ file: editByte(jsonl.file, '"eventType"', second), manifest: jsonl.manifest, verifierKey: verifierKey() });
    expect(line).toMatchObject({ ok: false, problem: "file-edited", row: 2, line: 2 });
    // A row taken away, or one added, is found too.
    const lines = jsonl.file.toString("utf8").split("\n");
    const removed = Buffer.from([...lines.slice(0, 1), ...lines.slice(2)].join("\n"));
    expect(await verifyExport({ file: removed, manifest: jsonl.manifest, verifierKey: verifierKey() })).toMatchObject({ problem: "file-edited", row: 2 });
    const added = Buffer.concat([jsonl.file, Buffer.from(`${lines[0]}\n`)]);
    expect(await verifyExport({ file: added, manifest: jsonl.manifest, verifierKey: verifierKey() })).toMatchObject({
      problem: "file-edited",
      row: jsonl.rows + 1,
    });
  });

  it("recomputes each JSON line's leaf from its fields, and names the line whose field was edited, even one only the leaf covers", async () => {
    const jsonl = await exported("artifacts.jsonl");
    expect(await verifyExport({ file: jsonl.file, manifest: jsonl.manifest, verifierKey: verifierKey() })).toMatchObject({ ok: true, rows: jsonl.rows });
    // Every line gives its event's leaf record exactly as the log reads it back from the database.
    const lines = jsonl.file
      .toString("utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(jsonl.rows);
    const stored = await fixture.db.query<EventLeafRow>(`SELECT ${EVENT_LEAF_COLUMNS} FROM "AuditEvent" e WHERE e."id"::text = ANY($1::text[])`, [
      lines.map((line) => String(line.id)),
    ]);
    const byId = new Map(stored.map((row) => [String(row.id), eventLeafRecord(row)]));
    for (const line of lines) expect(jsonLineLeafRecord(line)).toEqual(byId.get(String(line.id)));
    expect(lines.every((line) => "details" in line && "sourceEventId" in line && "storedChanges" in line)).toBe(true);
    expect(lines.some((line) => line.sourceEventId !== null && (line.storedChanges as unknown[] | null)?.length)).toBe(true);

    const key = verifierKey();
    const check = (file: Buffer) => verifyExport({ file, manifest: jsonl.manifest, verifierKey: key });
    const named = (line: number) => ({ ok: false, problem: "file-edited", row: line, line, message: expect.stringContaining(`line ${line} `) });
    // details and sourceEventId: only the leaf covers them, no column of the other formats. The
    // console's own export events have details (their filters): the export above is one of them.
    const consoleLines = await exported("console.jsonl");
    const withDetails = consoleLines.file
      .toString("utf8")
      .trimEnd()
      .split("\n")
      .findIndex((line) => (JSON.parse(line) as { details: unknown }).details !== null);
    expect(withDetails).toBeGreaterThanOrEqual(0);
    const editedDetails = editLine(consoleLines.file, withDetails, (line) => (line.details = { ...(line.details as object), rows: 1 }));
    expect(await verifyExport({ file: consoleLines.file, manifest: consoleLines.manifest, verifierKey: key })).toMatchObject({ ok: true });
    expect(await verifyExport({ file: editedDetails, manifest: consoleLines.manifest, verifierKey: key })).toMatchObject(named(withDetails + 1));
    expect(await check(editLine(jsonl.file, 2, (line) => (line.details = { reason: "edited" })))).toMatchObject(named(3));
    expect(await check(editLine(jsonl.file, 0, (line) => (line.sourceEventId = "forged-1")))).toMatchObject(named(1));
    expect(await check(editLine(jsonl.file, 1, (line) => (line.message = `${line.message ?? ""}!`)))).toMatchObject(named(2));
    expect(await check(editLine(jsonl.file, 1, (line) => (line.user = { ...(line.user as object), nameAtEvent: "mallory" })))).toMatchObject(named(2));
    expect(await check(editLine(jsonl.file, 3, (line) => (line.storedChanges = [])))).toMatchObject(named(4));
    // A line without the fields its leaf needs cannot pass either.
    expect(await check(editLine(jsonl.file, 0, (line) => delete line.details))).toMatchObject({
      ...named(1),
      message: expect.stringContaining('no "details"'),
    });
  });

  it("finds an edited manifest, signature and checkpoint, and a signed proof that does not tie the rows", async () => {
    const { file, manifest } = await exported("logins.jsonl");
    const key = verifierKey();
    const edited = manifest.replace('"timeZone":"Europe/Berlin"', '"timeZone":"Europe/Bertin"');
    expect(edited).not.toBe(manifest);
    expect(await verifyExport({ file, manifest: edited, verifierKey: key })).toMatchObject({ ok: false, problem: "manifest-edited" });

    const parsed = JSON.parse(manifest) as ExportManifest;
    const signatureLine = parsed.signature.split("\n").at(-2) as string;
    const forgedSignature = { ...parsed, signature: parsed.signature.replace(signatureLine, `${signatureLine.slice(0, -6)}AAAA==`) };
    expect(await verifyExport({ file, manifest: JSON.stringify(forgedSignature), verifierKey: key })).toMatchObject({ ok: false, problem: "signature" });

    const note = parsed.checkpoint.note;
    const otherSize = note.replace(`\n${parsed.checkpoint.treeSize}\n`, `\n${parsed.checkpoint.treeSize + 1}\n`);
    const forgedCheckpoint = { ...parsed, checkpoint: { ...parsed.checkpoint, note: otherSize } };
    expect(await verifyExport({ file, manifest: JSON.stringify(forgedCheckpoint), verifierKey: key })).toMatchObject({
      ok: false,
      problem: "checkpoint-signature",
    });

    // Signed by the log's own key, yet the proof is not that of these rows: the proof is checked, not trusted.
    const { signature: _signature, ...body } = parsed;
    const wrongProof = signManifest(
      { ...body, batchProof: { hashes: body.batchProof.hashes.map(() => Buffer.alloc(32, 7).toString("base64")) } },
      logSigningKey(),
    );
    expect(body.batchProof.hashes.length).toBeGreaterThan(0);
    expect(await verifyExport({ file, manifest: JSON.stringify(wrongProof), verifierKey: key })).toMatchObject({ ok: false, problem: "batch-proof" });
  });

  it("carries an Excel export's manifest in a sheet of its own, and names an edited cell's row", async () => {
    const { file, manifest, rows } = await exported("permissions.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Permissions", "About", MANIFEST_SHEET]);
    const about = workbook.getWorksheet("About");
    const facts = new Map<string, string>();
    about?.eachRow((row) => facts.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(facts.get("Signed checkpoint")).toMatch(/^tree size \d+, root [A-Za-z0-9+/]{43}=, signed /);
    // The sheet alone verifies (the sidecar is the same manifest).
    expect(await verifyExport({ file, verifierKey: verifierKey() })).toMatchObject({ ok: true, format: "xlsx", rows });
    expect(await verifyExport({ file, manifest, verifierKey: verifierKey() })).toMatchObject({ ok: true, rows });

    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const cell = sheet.getRow(3).getCell(2);
    cell.value = `${String(cell.value)}x`;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await verifyExport({ file: edited, verifierKey: verifierKey() })).toMatchObject({ ok: false, problem: "file-edited", row: 2, line: 3 });
  });

  it("states the checkpoint in a PDF, whose sidecar manifest finds any edited byte", async () => {
    const { file, manifest, checkpoint } = await exported("logins.pdf");
    expect(await verifyExport({ file, manifest, verifierKey: verifierKey() })).toMatchObject({ ok: true, format: "pdf", checkpoint: { treeSize: checkpoint } });
    expect(await verifyExport({ file: editByte(file, "/Producer"), manifest, verifierKey: verifierKey() })).toMatchObject({
      ok: false,
      problem: "file-edited",
    });
  });

  it("keeps a manifest for who made the export only, and bounds the file by its checkpoint", async () => {
    const { manifest, checkpoint, rows, href } = await exported("logins.csv");
    const id = href.split("/").at(-1) as string;
    const other: Principal = { ...AUDITOR, userId: 99, username: "other" };
    const theirs = await runAs(other, () => downloadManifest(new Request(`http://console.test${href}`), { params: Promise.resolve({ id }) }));
    expect(theirs.status).toBe(404);
    // A download read to its end only: one cut short has no manifest.
    const cut = await runAs(AUDITOR, () =>
      downloadExport(new Request("http://console.test/api/export/logins.csv?range=Last_365_Days"), { params: Promise.resolve({ file: "logins.csv" }) }),
    );
    const cutHref = cut.headers.get("X-Export-Manifest") as string;
    await cut.body?.cancel();
    const none = await runAs(AUDITOR, () =>
      downloadManifest(new Request(`http://console.test${cutHref}`), { params: Promise.resolve({ id: cutHref.split("/").at(-1) as string }) }),
    );
    expect(none.status).toBe(404);
    // Excel's writer goes on by itself until its next turn: cut after its first bytes.
    const cutSheet = await runAs(AUDITOR, () =>
      downloadExport(new Request("http://console.test/api/export/logins.xlsx?range=Last_365_Days"), { params: Promise.resolve({ file: "logins.xlsx" }) }),
    );
    const reader = cutSheet.body?.getReader();
    await reader?.read();
    await reader?.cancel();
    // The manifest's rows and proof wait on disk only while the export runs: gone once it is stored, or cut short.
    await vi.waitFor(() => expect(workFiles()).toEqual([]));
    expect(readdirSync(manifestDir)).toContain(`${id}.json`);
    // Every row has a leaf below the checkpoint's size: the export was bounded by it.
    const parsed = JSON.parse(manifest) as ExportManifest;
    expect(parsed.rows).toHaveLength(rows);
    expect(Math.max(...parsed.rows.map(([seq]) => seq))).toBeLessThan(checkpoint);
  });
});
