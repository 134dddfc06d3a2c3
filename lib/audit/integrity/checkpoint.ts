// C2SP transparency-log checkpoint (c2sp.org/tlog-checkpoint): the signed-note body that commits
// to the log's tree. Ours carries the checkpoint's time as its one extension line, so a verifier
// can say when the log was in that state:
//
//   <origin>\n                 a unique name of this log, e.g. "audit.example.com/audit-log"
//   <tree size>\n              decimal, no leading zeros
//   <base64 root hash>\n       RFC 9162 MTH over the first <tree size> leaves
//   time <RFC 3339 UTC>\n      extension line (ours), e.g. "time 2026-11-28T07:00:00.000Z"
import type { KeyObject } from "node:crypto";
import { type OpenedNote, openNote, parseVerifierKey, SignedNoteError, signNote, type Verifier } from "./signed-note";

export type Checkpoint = {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  /** When the checkpoint was made; null for a checkpoint without our time line (another log's). */
  time: Date | null;
  /** Extension lines other than our time line, kept as they were. */
  extensions: string[];
};

const TIME_LINE = /^time (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)$/;

/** The checkpoint body (the note text that is signed). */
export function checkpointText({ origin, treeSize, rootHash, time, extensions }: Checkpoint): string {
  if (origin.length === 0 || origin.includes("\n")) throw new SignedNoteError("origin must be one non-empty line");
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new SignedNoteError(`tree size ${treeSize} is not a whole number ≥ 0`);
  if (rootHash.length !== 32) throw new SignedNoteError("root hash must be 32 bytes (SHA-256)");
  const lines = [origin, String(treeSize), rootHash.toString("base64")];
  if (time) lines.push(`time ${time.toISOString()}`);
  for (const line of extensions) {
    if (line.length === 0 || line.includes("\n")) throw new SignedNoteError("extension lines must be non-empty single lines");
    lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}

/** Reads a checkpoint body, refusing anything tlog-checkpoint does not allow. */
export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : [];
  const [origin, size, root, ...rest] = lines;
  if (!origin || size === undefined || root === undefined) {
    throw new SignedNoteError("a checkpoint has an origin, a tree size and a root hash line");
  }
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new SignedNoteError(`tree size "${size}" is not a decimal number without leading zeros`);
  }
  const rootHash = Buffer.from(root, "base64");
  if (rootHash.length !== 32 || rootHash.toString("base64") !== root) {
    throw new SignedNoteError("root hash is not the base64 of 32 bytes");
  }
  let time: Date | null = null;
  const extensions: string[] = [];
  for (const line of rest) {
    if (line.length === 0) throw new SignedNoteError("extension lines must be non-empty");
    const match: RegExpExecArray | null = time === null ? TIME_LINE.exec(line) : null;
    if (match) time = new Date(match[1] as string);
    else extensions.push(line);
  }
  if (time && Number.isNaN(time.getTime())) throw new SignedNoteError("the checkpoint's time line is not a valid time");
  return { origin, treeSize: Number(size), rootHash, time, extensions };
}

/** Signs a checkpoint with the log's key; `keyName` is usually the origin (as Go's tlogs do). */
export function signCheckpoint(checkpoint: Checkpoint, keyName: string, privateKey: KeyObject): string {
  return signNote(checkpointText(checkpoint), keyName, privateKey);
}

export type VerifiedCheckpoint = Checkpoint & { note: OpenedNote };

/**
 * Verifies a signed checkpoint with the log's verifier key (string or parsed) and, when given,
 * that it is for the expected origin: a valid signature over another log's tree proves nothing here.
 */
export function verifyCheckpoint(note: string, verifierKey: string | Verifier, expectedOrigin?: string): VerifiedCheckpoint {
  const verifier = typeof verifierKey === "string" ? parseVerifierKey(verifierKey) : verifierKey;
  const opened = openNote(note, [verifier]);
  const checkpoint = parseCheckpointText(opened.text);
  if (expectedOrigin !== undefined && checkpoint.origin !== expectedOrigin) {
    throw new SignedNoteError(`the checkpoint is for "${checkpoint.origin}", not "${expectedOrigin}"`);
  }
  return { ...checkpoint, note: opened };
}
