// The manifest of an export: what ties a file's rows to a signed checkpoint of the Merkle log, so
// that an auditor holding only the file, its manifest and the log's public key can check that no
// row was edited and that every row is in the log (export-verify.ts). Pure: the server makes it,
// `npm run verify -- --export` reads it.
//
// A manifest holds, in the file's row order, each row's sequence number (leaf index), its leaf
// hash and a digest of the row as the file holds it; the checkpoint the export was bounded by
// (its signed note); one batch proof for all the rows at once (merkle.ts); the filters, time zone
// and row count; and the SHA-256 of the whole file. It is signed with the log's key as a signed
// note of its own (manifestNoteText): editing the file or the manifest is then found.
import { createHash } from "node:crypto";
import { canonicalJsonBytes } from "./canonical-json";
import type { Hash } from "./merkle";
import { signNote } from "./signed-note";
import type { SigningKey } from "./signing-key";

export const MANIFEST_VERSION = "audit-console-export-manifest/v1";
/** The signed note's second line: never a decimal tree size, so a manifest's note can never pass for a checkpoint. */
export const MANIFEST_NOTE_KIND = "export-manifest v1";
/** Bytes of a row digest kept: it only names the row; the signed file hash guards the whole file. */
export const ROW_DIGEST_BYTES = 16;

export type ExportFileFormat = "csv" | "jsonl" | "xlsx" | "pdf";

/**
 * One row of the file: [sequence number, leaf hash (base64), digest of the row's bytes in the file
 * (base64, ROW_DIGEST_BYTES; null where the format has no rows a reader can cut out: PDF), and for
 * Excel the sheet rows the event takes (1 + its continuation rows)].
 */
export type ManifestRow = [seq: number, leaf: string, digest: string | null, sheetRows?: number];

export interface ExportManifestBody {
  version: typeof MANIFEST_VERSION;
  file: {
    name: string;
    format: ExportFileFormat;
    /** SHA-256 (hex) of the file's bytes; null for Excel, whose manifest is written inside the file */
    sha256: string | null;
  };
  export: {
    title: string;
    filters: Array<{ label: string; value: string }>;
    timeZone: string;
    generatedAt: string;
    generatedBy: string;
    rows: number;
  };
  checkpoint: {
    treeSize: number;
    /** base64, as the checkpoint note writes it */
    rootHash: string;
    time: string;
    /** the checkpoint's C2SP signed note, as the log signed it */
    note: string;
  };
  rows: ManifestRow[];
  /** the batch proof of the rows' leaves (indices: their sequence numbers, ascending) in the checkpoint's tree */
  batchProof: { hashes: string[] };
}

export interface ExportManifest extends ExportManifestBody {
  /** signed note over manifestNoteText(body) by the log's key */
  signature: string;
}

/** The digest a manifest keeps of one row's bytes in the file. */
export function rowDigest(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest().subarray(0, ROW_DIGEST_BYTES).toString("base64");
}

/** An Excel row's cells as the digest covers them: dates as ISO text, blanks as null. */
export function sheetRowsDigest(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cells = rows.map((row) => row.map((value) => (value instanceof Date ? value.toISOString() : value === undefined || value === "" ? null : value)));
  return rowDigest(canonicalJsonBytes(cells));
}

export function sha256Hex(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The text the manifest's signature signs: the log's name, the kind, the file's SHA-256 and the
 * SHA-256 of the body's canonical JSON (RFC 8785), one a line.
 */
export function manifestNoteText(origin: string, body: ExportManifestBody): string {
  return `${origin}\n${MANIFEST_NOTE_KIND}\nfile ${body.file.sha256 ?? "-"}\nmanifest ${sha256Hex(canonicalJsonBytes(body))}\n`;
}

export function signManifest(body: ExportManifestBody, key: Pick<SigningKey, "name" | "privateKey">): ExportManifest {
  return { ...body, signature: signNote(manifestNoteText(key.name, body), key.name, key.privateKey) };
}

/** The rows' sequence numbers ascending and their leaf hashes in that order: what the batch proof covers. */
export function leavesBySeq(rows: readonly ManifestRow[]): { indices: number[]; leaves: Hash[] } {
  const sorted = [...rows].sort((a, b) => a[0] - b[0]);
  return { indices: sorted.map((row) => row[0]), leaves: sorted.map((row) => Buffer.from(row[1], "base64")) };
}

/** "<export name>.manifest.json" */
export function manifestFileName(fileName: string): string {
  return `${fileName}.manifest.json`;
}

/** The Excel sheet that carries the manifest inside the file, and the label of its JSON's parts. */
export const MANIFEST_SHEET = "Manifest";
export const MANIFEST_PART_LABEL = "Manifest JSON";
/** Characters of the manifest's JSON per cell: below Excel's 32,767. */
export const MANIFEST_PART_CHARS = 32_000;
// A cell starting with one of these may be taken for a formula by a spreadsheet: never cut before one.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The manifest's JSON in parts that fit a cell, none starting like a formula: joined, they are the JSON. */
export function manifestParts(json: string, size = MANIFEST_PART_CHARS): string[] {
  const parts: string[] = [];
  for (let start = 0; start < json.length; ) {
    let end = Math.min(json.length, start + size);
    while (end < json.length && end > start + 1 && (FORMULA_START.test(json.slice(end)) || /[\ud800-\udbff]/.test(json[end - 1] as string))) end -= 1;
    parts.push(json.slice(start, end));
    start = end;
  }
  return parts;
}

/** What the PDF's title block and the Excel's About sheet say of the checkpoint a file is bounded by. */
export function checkpointFact(checkpoint: { treeSize: number; rootHash: Buffer; createdAt: Date }): { label: string; value: string } {
  return {
    label: "Signed checkpoint",
    value: `tree size ${checkpoint.treeSize}, root ${checkpoint.rootHash.toString("base64")}, signed ${checkpoint.createdAt.toISOString()}; every row is in it (proof: the manifest, <file>.manifest.json)`,
  };
}
