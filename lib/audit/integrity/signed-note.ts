// C2SP signed-note (c2sp.org/signed-note), the envelope of Go's sumdb and of transparency-log
// checkpoints, so that existing tools (Go's golang.org/x/mod/sumdb/note, transparency-dev) read and
// verify our checkpoints. Ed25519 only (signature type 0x01), through node:crypto.
//
//   <text: one or more lines, each ending in \n>
//   \n
//   — <key name> <base64(key ID (4 bytes, big-endian) || signature)>\n   (one line per signature)
//
// key ID = first 4 bytes of SHA-256(key name || 0x0A || 0x01 || 32-byte public key);
// verifier key = "<key name>+<key ID as 8 lowercase hex digits>+<base64(0x01 || public key)>".
import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

const ED25519 = 0x01;
const SIGNATURE_PREFIX = "\u2014 "; // em dash, space
const MAX_SIGNATURES = 100; // as Go's note.Open: bounds the work an untrusted note can cause

export class SignedNoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignedNoteError";
  }
}

export type Verifier = { name: string; keyId: number; publicKey: KeyObject; rawPublicKey: Buffer };
export type NoteSignature = { name: string; keyId: number; signature: Buffer };
export type OpenedNote = { text: string; verified: NoteSignature[]; unverified: NoteSignature[] };

/** Key names may not be empty nor hold whitespace or '+' (signed-note: they delimit the key). */
export function checkKeyName(name: string): void {
  if (name.length === 0 || /[\s+]/u.test(name)) {
    throw new SignedNoteError(`key name "${name}" must be non-empty, without spaces or "+"`);
  }
}

/** signed-note key ID of an Ed25519 public key. */
export function keyIdOf(name: string, rawPublicKey: Buffer): number {
  const digest = createHash("sha256")
    .update(Buffer.from(`${name}\n`, "utf8"))
    .update(Buffer.from([ED25519]))
    .update(rawPublicKey)
    .digest();
  return digest.readUInt32BE(0);
}

/** The raw 32 bytes of an Ed25519 public (or private) key object. */
export function rawEd25519PublicKey(key: KeyObject): Buffer {
  const jwk = (key.type === "private" ? createPublicKey(key) : key).export({ format: "jwk" });
  if (jwk.crv !== "Ed25519" || typeof jwk.x !== "string") throw new SignedNoteError("the key is not an Ed25519 key");
  return Buffer.from(jwk.x, "base64url");
}

/** "<name>+<hex key ID>+<base64(0x01 || key)>", the string a verifier is configured with. */
export function verifierKeyString(name: string, publicKey: KeyObject): string {
  checkKeyName(name);
  const raw = rawEd25519PublicKey(publicKey);
  const id = keyIdOf(name, raw).toString(16).padStart(8, "0");
  return `${name}+${id}+${Buffer.concat([Buffer.from([ED25519]), raw]).toString("base64")}`;
}

/** Parses a verifier key string, checking that its key ID matches its name and key. */
export function parseVerifierKey(text: string): Verifier {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(text.trim());
  if (!match) throw new SignedNoteError('a verifier key reads "<name>+<8 hex digits>+<base64 key>"');
  const [, name, idHex, keyB64] = match as unknown as [string, string, string, string];
  const typed = Buffer.from(keyB64, "base64");
  if (typed.toString("base64") !== keyB64 || typed.length !== 33 || typed[0] !== ED25519) {
    throw new SignedNoteError("the verifier key is not a base64 Ed25519 key (type 0x01 and 32 bytes)");
  }
  const rawPublicKey = typed.subarray(1);
  const keyId = Number.parseInt(idHex, 16);
  if (keyIdOf(name, rawPublicKey) !== keyId) {
    throw new SignedNoteError(`the verifier key's ID ${idHex} does not match its name and key`);
  }
  const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: rawPublicKey.toString("base64url") }, format: "jwk" });
  return { name, keyId, publicKey, rawPublicKey };
}

function checkText(text: string): void {
  if (text.length === 0 || !text.endsWith("\n")) throw new SignedNoteError("note text must be non-empty and end with a newline");
  if (text.includes("\n\n") || text.startsWith("\n")) throw new SignedNoteError("note text may not hold an empty line");
  // Control characters other than newline would let two readers split the text differently.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || c === 0x7f) throw new SignedNoteError("note text may not hold control characters");
  }
  // A lone surrogate has no UTF-8 form: the signed bytes would not be the text shown.
  if (Buffer.from(text, "utf8").toString("utf8") !== text) throw new SignedNoteError("note text is not valid UTF-8");
}

/** Signs `text` and returns the whole note: text, blank line, signature line. */
export function signNote(text: string, name: string, privateKey: KeyObject): string {
  checkText(text);
  checkKeyName(name);
  const id = Buffer.alloc(4);
  id.writeUInt32BE(keyIdOf(name, rawEd25519PublicKey(privateKey)));
  const signature = sign(null, Buffer.from(text, "utf8"), privateKey);
  return `${text}\n${SIGNATURE_PREFIX}${name} ${Buffer.concat([id, signature]).toString("base64")}\n`;
}

/**
 * Splits a note, verifies the signatures by known keys and sets aside the others. Throws unless
 * at least one known key signed it; a known key's bad signature is an error, never "unverified".
 */
export function openNote(note: string, verifiers: readonly Verifier[]): OpenedNote {
  if (!note.endsWith("\n")) throw new SignedNoteError("a signed note ends with a newline");
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw new SignedNoteError("a signed note has a blank line before its signatures");
  const text = note.slice(0, split + 1);
  checkText(text);
  const lines = note.slice(split + 2, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new SignedNoteError(`a note may carry at most ${MAX_SIGNATURES} signatures`);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/.exec(line);
    const blob = match ? Buffer.from(match[2] as string, "base64") : Buffer.alloc(0);
    // Canonical base64 only: Node's decoder skips junk, and two spellings of one signature
    // would let a note change without its signature changing.
    if (!match || blob.length < 5 || blob.toString("base64") !== match[2]) throw new SignedNoteError(`malformed signature line "${line}"`);
    const signature: NoteSignature = { name: match[1] as string, keyId: blob.readUInt32BE(0), signature: blob.subarray(4) };
    const key = verifiers.find((v) => v.name === signature.name && v.keyId === signature.keyId);
    if (!key) {
      unverified.push(signature);
      continue;
    }
    const valid = signature.signature.length === 64 && verify(null, Buffer.from(text, "utf8"), key.publicKey, signature.signature);
    if (!valid) {
      throw new SignedNoteError(`the signature by ${signature.name} does not match the note: it was altered`);
    }
    verified.push(signature);
  }
  if (verified.length === 0) throw new SignedNoteError("the note carries no signature by a known key");
  return { text, verified, unverified };
}
