// What an auditor would run: a verifier written from the RFCs over node:crypto alone, sharing no
// code with the production modules, checks what production made (the Tests section).
// It uses the recursive definition of RFC 9162 §2.1.1 where production uses the iterative
// algorithm of §2.1.3.2, so one mistake cannot hide in both.
import { createHash, createPublicKey, verify } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalJsonBytes } from "./canonical-json";
import { signCheckpoint } from "./checkpoint";
import { inclusionProof, leafHash, MerkleAppender, type SubtreeLookup } from "./merkle";
import { loadOrCreateSigningKey } from "./signing-key";

// ---- the independent verifier: a few lines over node:crypto ----
const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();

function rootFromPath(leaf: Buffer, index: number, size: number, path: Buffer[]): Buffer | null {
  if (size === 1) return path.length === 0 ? leaf : null;
  if (path.length === 0) return null;
  let k = 1;
  while (k * 2 < size) k *= 2;
  const sibling = path[path.length - 1] as Buffer;
  const rest = path.slice(0, -1);
  if (index < k) {
    const left = rootFromPath(leaf, index, k, rest);
    return left && sha256(Buffer.from([1]), left, sibling);
  }
  const right = rootFromPath(leaf, index - k, size - k, rest);
  return right && sha256(Buffer.from([1]), sibling, right);
}

function checkpointSignedBy(note: string, verifierKey: string): { size: number; root: Buffer } | null {
  const [name, keyIdHex, typedKey] = [verifierKey.split("+")[0], verifierKey.split("+")[1], verifierKey.split("+").slice(2).join("+")];
  const raw = Buffer.from(typedKey, "base64").subarray(1);
  const keyId = sha256(Buffer.from(`${name}\n\x01`, "latin1"), raw).subarray(0, 4);
  if (keyId.toString("hex") !== keyIdHex) return null;
  const split = note.lastIndexOf("\n\n");
  const text = note.slice(0, split + 1);
  const line = note
    .slice(split + 2)
    .split("\n")
    .find((l) => l.startsWith(`\u2014 ${name} `));
  const blob = Buffer.from(line?.split(" ")[2] ?? "", "base64");
  if (!blob.subarray(0, 4).equals(keyId)) return null;
  const spki = Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), raw]);
  const publicKey = createPublicKey({ key: spki, format: "der", type: "spki" });
  if (!verify(null, Buffer.from(text, "utf8"), publicKey, blob.subarray(4))) return null;
  const [, size, root] = text.split("\n");
  return { size: Number(size), root: Buffer.from(root ?? "", "base64") };
}
// ---- end of the independent verifier ----

const dir = mkdtempSync(path.join(tmpdir(), "integrity-independent-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("an independent verifier accepts what production makes", () => {
  // Events as a verifier would read them back, hashed as the log hashes them.
  const events = Array.from({ length: 1000 }, (_, seq) => ({
    seq,
    eventType: seq % 3 === 0 ? "USER_LOGIN" : "WORK_ITEM_UPDATE",
    message: `event ${seq} by Zoë`,
    createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, seq)).toISOString(),
    changes: seq % 2 ? [{ field: "status", old: "Open", new: "Done" }] : null,
  }));
  const leaves = events.map((event) => leafHash(canonicalJsonBytes(event)));
  const appender = new MerkleAppender(0, [], 0);
  for (const leaf of leaves) appender.append(leaf);
  const stored = new Map(appender.drainCompleted().map((s) => [`${s.level}:${s.index}`, s.hash]));
  const lookup: SubtreeLookup = ({ level, index }) => stored.get(`${level}:${index}`) as Buffer;
  const key = loadOrCreateSigningKey(dir, "audit.example.com/audit-log");
  const note = signCheckpoint(
    { origin: key.name, treeSize: events.length, rootHash: appender.root(), time: new Date(), extensions: [] },
    key.name,
    key.privateKey,
  );

  it("checks the checkpoint's signature and every sampled event's inclusion proof", () => {
    const checkpoint = checkpointSignedBy(note, key.verifierKey);
    expect(checkpoint?.size).toBe(1000);
    for (const seq of [0, 1, 499, 511, 512, 998, 999]) {
      const leaf = sha256(Buffer.from([0]), Buffer.from(JSON.stringify(sortKeys(events[seq])), "utf8"));
      const root = rootFromPath(leaf, seq, 1000, inclusionProof(seq, 1000, lookup));
      expect(root?.equals(checkpoint?.root as Buffer), `event ${seq}`).toBe(true);
    }
  });

  it("notices an altered event, an altered checkpoint and another key", () => {
    const altered = { ...events[42], message: "event 42 by Zoe" };
    const leaf = sha256(Buffer.from([0]), Buffer.from(JSON.stringify(sortKeys(altered)), "utf8"));
    const root = rootFromPath(leaf, 42, 1000, inclusionProof(42, 1000, lookup));
    expect(root?.equals(appender.root())).toBe(false);
    expect(checkpointSignedBy(note.replace("\n1000\n", "\n1001\n"), key.verifierKey)).toBeNull();
    const other = loadOrCreateSigningKey(mkdtempSync(path.join(dir, "other-")), key.name);
    expect(checkpointSignedBy(note, other.verifierKey)).toBeNull();
  });
});

/** The verifier's own canonical form for these ASCII-keyed, integer-valued events. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
