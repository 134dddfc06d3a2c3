// The checkpoint signing key lives in a file outside the database: whoever can rewrite the
// database must not also be able to re-sign the log. The file is PKCS#8 PEM (what openssl and
// every tool read), mode 0600, made on first use; a key others can read is refused, as ssh does,
// because a leaked key lets anyone forge checkpoints that verify.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { keyIdOf, rawEd25519PublicKey, verifierKeyString } from "./signed-note";

export const SIGNING_KEY_FILE = "checkpoint-signing-key.pem";

export type SigningKey = {
  /** signed-note key name (usually the log's origin). */
  name: string;
  privateKey: KeyObject;
  rawPublicKey: Buffer;
  keyId: number;
  /** What to publish: "<name>+<hex key ID>+<base64 key>". */
  verifierKey: string;
  file: string;
  /** True when this call made the key (the caller may want to record that as an event). */
  created: boolean;
};

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigningKeyError";
  }
}

/** Loads `<dir>/checkpoint-signing-key.pem`, creating the folder (0700) and key (0600) if absent. */
export function loadOrCreateSigningKey(dir: string, name: string): SigningKey {
  const file = path.resolve(dir, SIGNING_KEY_FILE);
  let created = false;
  if (!exists(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ format: "pem", type: "pkcs8" });
    // Written whole under a private name, then linked into place: a process starting at the same
    // moment never reads half a key, and if it made its own key first, theirs wins (link fails
    // with EEXIST) so the log keeps one key.
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    writeFileSync(partial, pem, { mode: 0o600, flag: "wx" });
    try {
      chmodSync(partial, 0o600); // the umask may have taken bits away, never added: make it exact
      linkSync(partial, file);
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(partial);
    }
  }
  const privateKey = readKey(file);
  const rawPublicKey = rawEd25519PublicKey(privateKey);
  return {
    name,
    privateKey,
    rawPublicKey,
    keyId: keyIdOf(name, rawPublicKey),
    verifierKey: verifierKeyString(name, privateKey),
    file,
    created,
  };
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

function readKey(file: string): KeyObject {
  const stat = statSync(file);
  if (!stat.isFile()) throw new SigningKeyError(`the checkpoint signing key ${file} is not a file`);
  const mode = stat.mode & 0o777;
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    throw new SigningKeyError(
      `the checkpoint signing key ${file} can be read by other users (mode ${mode.toString(8).padStart(4, "0")}); ` +
        `anyone who reads it can forge checkpoints. Run: chmod 600 ${file}`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(file));
  } catch {
    throw new SigningKeyError(`the checkpoint signing key ${file} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new SigningKeyError(`the checkpoint signing key ${file} is a ${key.asymmetricKeyType} key, not Ed25519`);
  }
  return key;
}
