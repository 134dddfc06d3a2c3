// The log's name and its signing key, as the server and `npm run verify` find them. The key lives
// in a file outside the database (AUDIT_SIGNING_KEY_DIR, default .data/ beside the embedded
// database): whoever can rewrite the database must not also be able to re-sign the log.
import { createPrivateKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseVerifierKey, SignedNoteError, verifierKeyString } from "./signed-note";
import { loadOrCreateSigningKey, SIGNING_KEY_FILE, type SigningKey } from "./signing-key";

/** The log's origin line (c2sp.org/tlog-checkpoint): AUDIT_LOG_ORIGIN, or a name for this console. */
export function auditLogOrigin(): string {
  return process.env.AUDIT_LOG_ORIGIN?.trim() || "audit-console.local/audit-log";
}

export function signingKeyDir(): string {
  return process.env.AUDIT_SIGNING_KEY_DIR || path.join(process.cwd(), ".data");
}

const holder = globalThis as { __auditConsoleSigningKey?: SigningKey };

/** The log's key, made on first use and kept for the process. */
export function logSigningKey(): SigningKey {
  holder.__auditConsoleSigningKey ??= loadOrCreateSigningKey(signingKeyDir(), auditLogOrigin());
  return holder.__auditConsoleSigningKey;
}

/**
 * The verifier key a verifier is given: a verifier key string, or a file holding one (what
 * /api/audit/checkpoints/public-key serves) or the log's PEM signing key, whose public half is
 * taken under the name `name`. Without `given`, the signing key file in signingKeyDir().
 */
export function readVerifierKey(given: string | undefined, name = auditLogOrigin()): string {
  if (given !== undefined && /^[^+\s]+\+[0-9a-f]{8}\+/.test(given.trim())) {
    try {
      parseVerifierKey(given);
      return given.trim();
    } catch (error) {
      throw new SignedNoteError(`--key: ${(error as Error).message}`);
    }
  }
  const file = given ?? path.join(/*turbopackIgnore: true*/ signingKeyDir(), SIGNING_KEY_FILE);
  if (!existsSync(/*turbopackIgnore: true*/ file)) {
    throw new SignedNoteError(
      given === undefined
        ? `no key given and no signing key in ${file}: pass --key with the log's public key (GET /api/audit/checkpoints/public-key) or its file`
        : `--key: "${given}" is neither a verifier key ("<name>+<key id>+<base64 key>") nor a file`,
    );
  }
  const text = readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  if (text.startsWith("-----BEGIN")) return verifierKeyString(name, createPrivateKey(text));
  parseVerifierKey(text);
  return text;
}
