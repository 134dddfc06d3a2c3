// Checks an export against its manifest (export-manifest.ts) with the log's public key alone, the
// way an auditor would away from the console (`npm run verify -- --export`), and names the first
// problem found, in this order: the manifest cannot be read; the checkpoint's signature; the
// manifest's signature; the manifest edited after it was signed; the batch proof does not tie the
// rows' leaves to the checkpoint's root; the file edited (the row and line when it can tell).
//
// JSON lines: a line does not hold every field its leaf covers (no details nor sourceEventId, and
// its changes are the parsed list, not the stored JSON), so a line is checked by its digest in the
// manifest, as a CSV row is, not by recomputing its leaf.
import { canonicalJsonBytes } from "./canonical-json";
import { verifyCheckpoint } from "./checkpoint";
import {
  type ExportFileFormat,
  type ExportManifest,
  type ExportManifestBody,
  leavesBySeq,
  MANIFEST_NOTE_KIND,
  MANIFEST_PART_LABEL,
  MANIFEST_SHEET,
  MANIFEST_VERSION,
  type ManifestRow,
  rowDigest,
  sha256Hex,
  sheetRowsDigest,
} from "./export-manifest";
import { verifyBatch } from "./merkle-verify";
import { openNote, parseVerifierKey, SignedNoteError } from "./signed-note";

export type ExportProblem = "manifest-unreadable" | "checkpoint-signature" | "signature" | "manifest-edited" | "batch-proof" | "file-edited";

export type ExportVerification =
  | {
      ok: true;
      format: ExportFileFormat;
      rows: number;
      checkpoint: { treeSize: number; rootHash: string; time: string };
    }
  | {
      ok: false;
      problem: ExportProblem;
      message: string;
      /** the row of the file (1 = its first event) where the file and the manifest part */
      row?: number;
      /** the line of a text file (1 = its first line) where that row starts */
      line?: number;
      /** that row's sequence number in the log */
      seq?: number;
    };

export interface VerifyExportInput {
  /** the export's bytes */
  file: Uint8Array;
  /** the manifest's JSON; for Excel it may be left out: the file's Manifest sheet holds it */
  manifest?: string | Uint8Array;
  /** the log's verifier key, "<name>+<key id>+<base64 key>" (GET /api/audit/checkpoints/public-key) */
  verifierKey: string;
}

type Failure = Extract<ExportVerification, { ok: false }>;
const fail = (problem: ExportProblem, message: string, at: Partial<Failure> = {}): Failure => ({ ok: false, problem, message, ...at });

export async function verifyExport(input: VerifyExportInput): Promise<ExportVerification> {
  const file = Buffer.from(input.file);
  let text: string;
  if (input.manifest !== undefined) text = Buffer.from(input.manifest).toString("utf8");
  else {
    const inside = isZip(file) ? await manifestInWorkbook(file) : null;
    if (inside === null) return fail("manifest-unreadable", "no manifest given, and the file holds none (only an Excel export carries its manifest inside)");
    text = inside;
  }
  const manifest = readManifest(text);
  if (typeof manifest === "string") return fail("manifest-unreadable", manifest);
  const { signature, ...body } = manifest;

  const verifier = parseVerifierKey(input.verifierKey);
  let checkpoint: ReturnType<typeof verifyCheckpoint>;
  try {
    checkpoint = verifyCheckpoint(body.checkpoint.note, verifier);
  } catch (error) {
    return fail("checkpoint-signature", `the checkpoint's signed note does not verify with this key: ${messageOf(error)}`);
  }
  try {
    const opened = openNote(signature, [verifier]);
    const [origin, kind, fileLine, manifestLine] = opened.text.split("\n");
    if (origin !== checkpoint.origin || kind !== MANIFEST_NOTE_KIND || !fileLine?.startsWith("file ") || !manifestLine?.startsWith("manifest ")) {
      return fail("signature", "the manifest's signature is not over an export manifest of this log");
    }
    if (manifestLine.slice("manifest ".length) !== sha256Hex(canonicalJsonBytes(body))) {
      return fail("manifest-edited", "the manifest was edited after it was signed: its content does not match its signature");
    }
    if (fileLine.slice("file ".length) !== (body.file.sha256 ?? "-")) {
      return fail("manifest-edited", "the manifest's file hash is not the one its signature names");
    }
  } catch (error) {
    return fail("signature", `the manifest's signature does not verify with this key: ${messageOf(error)}`);
  }
  if (
    checkpoint.treeSize !== body.checkpoint.treeSize ||
    checkpoint.rootHash.toString("base64") !== body.checkpoint.rootHash ||
    checkpoint.time?.toISOString() !== body.checkpoint.time
  ) {
    return fail("manifest-edited", "the manifest's checkpoint facts are not those of its signed checkpoint");
  }

  const { indices, leaves } = leavesBySeq(body.rows);
  const proof = { treeSize: checkpoint.treeSize, indices, hashes: body.batchProof.hashes.map((hash) => Buffer.from(hash, "base64")) };
  if (indices.length > 0 && !verifyBatch(proof, leaves, checkpoint.rootHash)) {
    return fail("batch-proof", `the batch proof does not tie the ${body.rows.length} rows' leaves to the checkpoint's root (tree size ${checkpoint.treeSize})`);
  }

  const edited = await fileProblem(file, body);
  if (edited) return edited;
  return {
    ok: true,
    format: body.file.format,
    rows: body.rows.length,
    checkpoint: { treeSize: checkpoint.treeSize, rootHash: body.checkpoint.rootHash, time: body.checkpoint.time },
  };
}

const messageOf = (error: unknown) => (error instanceof SignedNoteError || error instanceof Error ? error.message : String(error));

/** The manifest, or why it cannot be read as one. */
function readManifest(text: string): ExportManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "the manifest is not JSON";
  }
  const manifest = value as ExportManifest;
  const ok =
    manifest?.version === MANIFEST_VERSION &&
    typeof manifest.signature === "string" &&
    typeof manifest.checkpoint?.note === "string" &&
    Array.isArray(manifest.rows) &&
    manifest.rows.every((row: unknown) => Array.isArray(row) && Number.isSafeInteger(row[0]) && typeof row[1] === "string") &&
    Array.isArray(manifest.batchProof?.hashes) &&
    ["csv", "jsonl", "xlsx", "pdf"].includes(manifest.file?.format);
  return ok ? manifest : `the manifest is not an ${MANIFEST_VERSION} manifest`;
}

/** Where the file and its manifest part, or null when every row and byte is as signed. */
async function fileProblem(file: Buffer, body: ExportManifestBody): Promise<Failure | null> {
  const { format } = body.file;
  const rowProblem = format === "csv" ? textRows(file, body.rows, csvRecordEnd) : format === "jsonl" ? textRows(file, body.rows, lineEnd) : null;
  if (rowProblem) return rowProblem;
  if (format === "xlsx") return sheetRows(file, body.rows);
  if (sha256Hex(file) !== body.file.sha256) {
    return fail(
      "file-edited",
      format === "pdf" ? "the file's bytes are not those the manifest signed" : "the file was edited outside its rows (its header or its end)",
    );
  }
  return null;
}

/** The end of the line that starts at `at` (past its \n), or the file's end. */
function lineEnd(file: Buffer, at: number): number {
  const end = file.indexOf(0x0a, at);
  return end < 0 ? file.length : end + 1;
}

/** The end of the RFC 4180 record that starts at `at` (past its line break; quoted breaks are inside it). */
function csvRecordEnd(file: Buffer, at: number): number {
  let quoted = false;
  for (let i = at; i < file.length; i++) {
    const byte = file[i];
    if (byte === 0x22) quoted = !quoted;
    else if (byte === 0x0a && !quoted) return i + 1;
  }
  return file.length;
}

/** A CSV event is one record per changed field: at most this many are tried before the row is called edited. */
const MAX_RECORDS_PER_ROW = 10_000;

/**
 * The rows of a text file checked against their digests in order: a JSON line is one line; a CSV
 * row is as many records as make its digest (one per changed field), after the header record.
 */
function textRows(file: Buffer, rows: readonly ManifestRow[], recordEnd: (file: Buffer, at: number) => number): Failure | null {
  let at = recordEnd === csvRecordEnd ? csvRecordEnd(file, 0) : 0;
  let line = 1 + newlines(file, 0, at);
  for (const [index, [seq, , digest]] of rows.entries()) {
    const where = { row: index + 1, seq, line };
    if (at >= file.length) return fail("file-edited", `the file ends before row ${index + 1} of ${rows.length}: rows were removed`, where);
    let end = at;
    let matched = false;
    for (let records = 0; records < MAX_RECORDS_PER_ROW && end < file.length && !matched; records++) {
      end = recordEnd(file, end);
      matched = rowDigest(file.subarray(at, end)) === digest;
    }
    if (!matched) return fail("file-edited", `row ${index + 1} (line ${where.line}, sequence number ${seq}) is not the row the manifest signed`, where);
    line += newlines(file, at, end);
    at = end;
  }
  if (at < file.length)
    return fail("file-edited", `the file goes on after its ${rows.length} signed rows (line ${line}): rows were added`, { row: rows.length + 1, line });
  return null;
}

function newlines(file: Buffer, start: number, end: number): number {
  let count = 0;
  for (let i = file.indexOf(0x0a, start); i >= 0 && i < end; i = file.indexOf(0x0a, i + 1)) count++;
  return count;
}

const isZip = (file: Buffer) => file.length > 4 && file.readUInt32LE(0) === 0x04034b50;

type Workbook = import("exceljs").Workbook;

async function loadWorkbook(file: Buffer): Promise<Workbook> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as never);
  return workbook;
}

/** The manifest's JSON from an Excel file's Manifest sheet, or null. */
async function manifestInWorkbook(file: Buffer): Promise<string | null> {
  const sheet = (await loadWorkbook(file)).getWorksheet(MANIFEST_SHEET);
  if (!sheet) return null;
  const parts: string[] = [];
  sheet.eachRow((row) => {
    if (String(row.getCell(1).value ?? "").startsWith(`${MANIFEST_PART_LABEL} `)) parts.push(String(row.getCell(2).value ?? ""));
  });
  return parts.length > 0 ? parts.join("") : null;
}

/** The events' sheet (the first) checked row by row against the digests: an event's row and its continuation rows. */
async function sheetRows(file: Buffer, rows: readonly ManifestRow[]): Promise<Failure | null> {
  const sheet = (await loadWorkbook(file)).worksheets[0];
  if (!sheet) return fail("file-edited", "the file has no sheet of events");
  const columns = sheet.getRow(1).cellCount;
  const cells = (at: number) => Array.from({ length: columns }, (_, column) => sheet.getRow(at).getCell(column + 1).value as unknown);
  let at = 2;
  for (const [index, [seq, , digest, count = 1]] of rows.entries()) {
    const values = Array.from({ length: count }, (_, part) => cells(at + part));
    if (sheetRowsDigest(values) !== digest) {
      return fail("file-edited", `row ${index + 1} (sheet row ${at}, sequence number ${seq}) is not the row the manifest signed`, {
        row: index + 1,
        line: at,
        seq,
      });
    }
    at += count;
  }
  if (sheet.actualRowCount > at - 1)
    return fail("file-edited", `the sheet goes on after its ${rows.length} signed rows: rows were added`, { row: rows.length + 1, line: at });
  return null;
}
