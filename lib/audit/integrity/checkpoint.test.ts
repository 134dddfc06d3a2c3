import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { type Checkpoint, parseCheckpointText, signCheckpoint, verifyCheckpoint } from "./checkpoint";
import { leafHash, rootOf } from "./merkle";
import { loadOrCreateSigningKey, SIGNING_KEY_FILE } from "./signing-key";

const ORIGIN = "audit.example.com/audit-log";
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "integrity-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sample(): Checkpoint {
  const rootHash = rootOf([leafHash(Buffer.from("a")), leafHash(Buffer.from("b")), leafHash(Buffer.from("c"))]);
  return { origin: ORIGIN, treeSize: 3, rootHash, time: new Date("2026-11-28T07:00:00.123Z"), extensions: [] };
}

describe("checkpoints (c2sp.org/tlog-checkpoint)", () => {
  it("reads the specification's example body", () => {
    const parsed = parseCheckpointText("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    expect(parsed).toMatchObject({ origin: "example.com/behind-the-sofa", treeSize: 20852163, time: null, extensions: [] });
    expect(parsed.rootHash.toString("base64")).toBe("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
  });

  it("signs a checkpoint that verifies with the published key and says when it was made", () => {
    const key = loadOrCreateSigningKey(tempDir(), ORIGIN);
    const note = signCheckpoint(sample(), key.name, key.privateKey);
    expect(note.split("\n").slice(0, 4)).toEqual([ORIGIN, "3", sample().rootHash.toString("base64"), "time 2026-11-28T07:00:00.123Z"]);
    const verified = verifyCheckpoint(note, key.verifierKey, ORIGIN);
    expect(verified.treeSize).toBe(3);
    expect(verified.rootHash.equals(sample().rootHash)).toBe(true);
    expect(verified.time?.toISOString()).toBe("2026-11-28T07:00:00.123Z");
  });

  it("fails when the size, root or time is altered, the key is another or the origin is another log's", () => {
    const key = loadOrCreateSigningKey(tempDir(), ORIGIN);
    const note = signCheckpoint(sample(), key.name, key.privateKey);
    const root = sample().rootHash.toString("base64");
    for (const altered of [
      note.replace(`\n3\n`, "\n4\n"),
      note.replace(root, Buffer.alloc(32).toString("base64")),
      note.replace("07:00:00.123Z", "08:00:00.123Z"),
    ]) {
      expect(() => verifyCheckpoint(altered, key.verifierKey)).toThrow(/altered/);
    }
    const other = loadOrCreateSigningKey(tempDir(), ORIGIN);
    expect(() => verifyCheckpoint(note, other.verifierKey)).toThrow(/no signature by a known key/);
    expect(() => verifyCheckpoint(note, key.verifierKey, "elsewhere.example/log")).toThrow(/not "elsewhere.example\/log"/);
  });

  it("refuses bodies tlog-checkpoint does not allow", () => {
    const root = Buffer.alloc(32).toString("base64");
    expect(() => parseCheckpointText(`o\n007\n${root}\n`)).toThrow(/leading zeros/);
    expect(() => parseCheckpointText(`o\n7\nAAAA\n`)).toThrow(/32 bytes/);
    expect(() => parseCheckpointText("o\n7\n")).toThrow(/origin, a tree size and a root hash/);
    expect(parseCheckpointText(`o\n7\n${root}\ntime 2026-01-01T00:00:00Z\nother line\n`).extensions).toEqual(["other line"]);
  });
});

describe("checkpoint signing key file", () => {
  it("is made on first use, private to its owner, and the same key afterwards", () => {
    const dir = path.join(tempDir(), "nested", ".data");
    const first = loadOrCreateSigningKey(dir, ORIGIN);
    expect(first.created).toBe(true);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const again = loadOrCreateSigningKey(dir, ORIGIN);
    expect(again.created).toBe(false);
    expect(again.verifierKey).toBe(first.verifierKey);
    expect(first.verifierKey).toMatch(/^audit\.example\.com\/audit-log\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
  });

  it("refuses a key file others can read, saying how to fix it", () => {
    const dir = tempDir();
    const { file } = loadOrCreateSigningKey(dir, ORIGIN);
    chmodSync(file, 0o644);
    expect(() => loadOrCreateSigningKey(dir, ORIGIN)).toThrow(`can be read by other users (mode 0644)`);
    expect(() => loadOrCreateSigningKey(dir, ORIGIN)).toThrow(`chmod 600 ${file}`);
  });

  it("refuses a file that is not an Ed25519 private key", () => {
    const dir = tempDir();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" });
    writeFileSync(path.join(dir, SIGNING_KEY_FILE), rsa, { mode: 0o600 });
    expect(() => loadOrCreateSigningKey(dir, ORIGIN)).toThrow(/is a rsa key, not Ed25519/);
    writeFileSync(path.join(dir, SIGNING_KEY_FILE), "not a key", { mode: 0o600 });
    expect(() => loadOrCreateSigningKey(dir, ORIGIN)).toThrow(/not a PEM private key/);
  });
});
