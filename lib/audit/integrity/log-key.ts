// The log's name and its signing key, as the server and `npm run verify` find them. The key lives
// in a file outside the database (AUDIT_SIGNING_KEY_DIR, default .data/ beside the embedded
// database): whoever can rewrite the database must not also be able to re-sign the log.
import path from "node:path";
import { loadOrCreateSigningKey, type SigningKey } from "./signing-key";

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
