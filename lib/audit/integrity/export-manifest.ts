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
import { canonicalJson, canonicalJsonBytes } from "./canonical-json";
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
  return noteText(origin, body.file.sha256, sha256Hex(canonicalJsonBytes(body)));
}

function noteText(origin: string, fileSha256: string | null, bodySha256: string): string {
  return `${origin}\n${MANIFEST_NOTE_KIND}\nfile ${fileSha256 ?? "-"}\nmanifest ${bodySha256}\n`;
}

export function signManifest(body: ExportManifestBody, key: Pick<SigningKey, "name" | "privateKey">): ExportManifest {
  return { ...body, signature: signNote(manifestNoteText(key.name, body), key.name, key.privateKey) };
}

/** A manifest's body but its rows and batch proof: what is small. */
export type ManifestHead = Omit<ExportManifestBody, "rows" | "batchProof">;

/**
 * A manifest too large to hold (a million rows: about 80 MB of JSON, and as many proof hashes):
 * its rows and proof hashes are read again, from files, each time they are needed, as JSON text in
 * pieces (the items joined by commas, the pieces cut anywhere).
 */
export interface ManifestSource {
  head: ManifestHead;
  /** each row's JSON text ([seq,"leaf","digest"]; integers and base64 only, so also its canonical JSON), joined by commas */
  rows(): AsyncIterable<string>;
  /** each proof hash as a JSON string, joined by commas */
  proofHashes(): AsyncIterable<string>;
}

/** A signed manifest read from its source: its JSON as JSON.stringify(signManifest(body)) writes it, in pieces. */
export interface SignedManifestSource extends ManifestSource {
  signature: string;
}

/** The body's canonical JSON (RFC 8785: keys in UTF-16 order) in pieces. */
async function* canonicalBodyText(source: ManifestSource): AsyncGenerator<string> {
  const { head } = source;
  yield '{"batchProof":{"hashes":[';
  yield* source.proofHashes();
  yield `]},"checkpoint":${canonicalJson(head.checkpoint)},"export":${canonicalJson(head.export)},"file":${canonicalJson(head.file)},"rows":[`;
  yield* source.rows();
  yield `],"version":${canonicalJson(head.version)}}`;
}

/** signManifest for a manifest read from its source: the same signature, never holding its rows. */
export async function signManifestSource(source: ManifestSource, key: Pick<SigningKey, "name" | "privateKey">): Promise<SignedManifestSource> {
  const hash = createHash("sha256");
  for await (const piece of canonicalBodyText(source)) hash.update(piece);
  const signature = signNote(noteText(key.name, source.head.file.sha256, hash.digest("hex")), key.name, key.privateKey);
  return { ...source, signature };
}

/** The signed manifest's JSON in pieces, its keys in the order signManifest gives them. */
export async function* manifestJsonText(manifest: SignedManifestSource): AsyncGenerator<string> {
  const { head } = manifest;
  yield `{"version":${JSON.stringify(head.version)},"file":${JSON.stringify(head.file)},"export":${JSON.stringify(head.export)},"checkpoint":${JSON.stringify(head.checkpoint)},"rows":[`;
  yield* manifest.rows();
  yield '],"batchProof":{"hashes":[';
  yield* manifest.proofHashes();
  yield `]},"signature":${JSON.stringify(manifest.signature)}}`;
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
  for (let rest = json; rest.length > 0; ) {
    const end = partEnd(rest, size);
    parts.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  return parts;
}

/** manifestParts of JSON that comes in pieces: the same parts, never the whole text at once. */
export async function* manifestPartsOf(pieces: AsyncIterable<string>, size = MANIFEST_PART_CHARS): AsyncGenerator<string> {
  let text = "";
  for await (const piece of pieces) {
    // Never more than a part and a character at hand: a longer string, made again for each piece
    // (and two bytes a character, once the signature's dash is in it), goes to V8's large-object
    // space, which only a full collection frees: a million rows' manifest grew the server by 40 MB.
    for (let at = 0; at < piece.length; ) {
      const take = size + 1 - text.length;
      text += piece.slice(at, at + take);
      at += take;
      // Cut only with a character past the cut at hand: whether a part may end there depends on it.
      if (text.length > size) {
        const end = partEnd(text, size);
        yield text.slice(0, end);
        text = text.slice(end);
      }
    }
  }
  if (text.length > 0) yield* manifestParts(text, size);
}

/** Where the part that starts `text` ends: at most `size`, never before a formula's first character nor inside a surrogate pair. */
function partEnd(text: string, size: number): number {
  let end = Math.min(text.length, size);
  while (end < text.length && end > 1 && (FORMULA_START.test(text[end] as string) || /[\ud800-\udbff]/.test(text[end - 1] as string))) end -= 1;
  return end;
}

// Where a file's proof is: a PDF's manifest is downloaded beside it; an Excel file holds its own.
const PROOF_PLACES = {
  sidecar: "the signed manifest downloaded beside this file, named after it with .manifest.json",
  sheet: `the signed manifest in this workbook's ${MANIFEST_SHEET} sheet`,
} as const;

/** What the PDF's title block and the Excel's About sheet say of the checkpoint a file is bounded by. */
export function checkpointFact(
  checkpoint: { treeSize: number; rootHash: Buffer; createdAt: Date },
  proof: keyof typeof PROOF_PLACES,
): { label: string; value: string } {
  return {
    label: "Signed checkpoint",
    value: `tree size ${checkpoint.treeSize}, root ${checkpoint.rootHash.toString("base64")}, signed ${checkpoint.createdAt.toISOString()}; every row is in it (proof: ${PROOF_PLACES[proof]})`,
  };
}
