// Checks an export against its manifest (export-manifest.ts) with the log's public key alone, the
// way an auditor would away from the console (`npm run verify -- --export`), and names the first
// problem found, in this order: the manifest cannot be read; the checkpoint's signature; the
// manifest's signature; the manifest edited after it was signed; the batch proof does not tie the
// rows' leaves to the checkpoint's root; the file edited (the row and line when it can tell).
//
// JSON lines: each line holds every field its event's leaf covers (lib/export/export-columns.ts
// jsonLineObject), so each line's leaf is recomputed from the line (jsonLineLeafRecord) and compared
// with the manifest's, which the batch proof ties to the signed checkpoint: a line that is not the
// event the log holds is named, whatever field was edited. Then, as for CSV, each line's digest.
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
import { type EventLeafRecord, eventLeafHash } from "./event-leaf";
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
  const rowProblem =
    format === "csv"
      ? textRows(file, body.rows, csvRecordEnd)
      : format === "jsonl"
        ? (jsonLineLeaves(file, body.rows) ?? textRows(file, body.rows, lineEnd))
        : null;
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

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (value: unknown): value is { [key: string]: Json } => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The record a JSON line's event's leaf hash covers (event-leaf.ts), from the line's fields: the
 * users' ids and names at the event, the project's, tracker's and artifact's (none: both null), the
 * time in UTC, the changes as stored; or why the line cannot give it.
 */
export function jsonLineLeafRecord(line: unknown): EventLeafRecord | string {
  if (!isObject(line)) return "it is not a JSON object";
  for (const field of ["storedChanges", "details", "sourceEventId"]) {
    if (!(field in line)) return `it has no "${field}", which its leaf covers (a JSON lines export made before lines carried it)`;
  }
  const ref = (value: Json | undefined, name: string): { id: Json; name: Json; kind?: Json } => {
    if (!isObject(value)) return { id: null, name: null, kind: null };
    return { id: value.id ?? null, name: value[name] ?? null, kind: value.kind ?? null };
  };
  const actor = ref(line.user, "nameAtEvent");
  const target = ref(line.targetUser, "nameAtEvent");
  const project = ref(line.project, "name");
  const tracker = ref(line.tracker, "name");
  const artifact = ref(line.artifact, "name");
  const createdAt = new Date(typeof line.createdAt === "string" ? line.createdAt : Number.NaN);
  if (Number.isNaN(createdAt.getTime())) return `its createdAt is not a time`;
  const value = (field: string): Json => line[field] ?? null;
  return {
    id: typeof line.id === "number" ? String(line.id) : value("id"),
    category: value("category"),
    eventType: value("eventType"),
    actorId: actor.id,
    actorName: actor.name,
    targetUserId: target.id,
    targetUserName: target.name,
    projectId: project.id,
    projectName: project.name,
    trackerId: tracker.id,
    trackerName: tracker.name,
    artifactId: artifact.id,
    artifactName: artifact.name,
    artifactKind: artifact.kind ?? null,
    message: value("message"),
    changes: value("storedChanges"),
    details: value("details"),
    ip: value("ip"),
    userAgent: value("userAgent"),
    createdAt: createdAt.toISOString(),
    source: value("source"),
    sourceEventId: value("sourceEventId"),
  };
}

/** Each JSON line's leaf recomputed from its fields against the manifest's leaf of that row: the first line that differs. */
function jsonLineLeaves(file: Buffer, rows: readonly ManifestRow[]): Failure | null {
  let at = 0;
  for (const [index, [seq, leaf]] of rows.entries()) {
    if (at >= file.length) return null; // fewer lines than rows: the digests' check names it
    const end = lineEnd(file, at);
    const where = { row: index + 1, line: index + 1, seq };
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.subarray(at, end).toString("utf8"));
    } catch {
      return fail("file-edited", `line ${index + 1} (sequence number ${seq}) is not JSON`, where);
    }
    const record = jsonLineLeafRecord(parsed);
    if (typeof record === "string")
      return fail("file-edited", `line ${index + 1} (sequence number ${seq}) cannot be checked against its leaf: ${record}`, where);
    if (eventLeafHash(record).toString("base64") !== leaf) {
      return fail(
        "file-edited",
        `line ${index + 1} (sequence number ${seq}) is not the event the log holds: its fields do not hash to its leaf in the signed checkpoint`,
        where,
      );
    }
    at = end;
  }
  return null;
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
