// What an auditor would run: a verifier written from the RFCs over node:crypto alone, sharing no
// code with lib/audit/integrity, for tests to check what production made (issue 19's Tests). Its
// inclusion check uses the recursive definition of RFC 9162 §2.1.1 where production uses the
// iterative algorithm of §2.1.3.2, so one mistake cannot hide in both.
import { createHash, createPublicKey, verify } from "node:crypto";

export const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const node = (left: Buffer, right: Buffer) => sha256(Buffer.from([1]), left, right);

/** The root an inclusion path leads to from `leaf` at `index` of a tree of `size`, or null. */
export function rootFromPath(leaf: Buffer, index: number, size: number, path: Buffer[]): Buffer | null {
  if (size === 1) return path.length === 0 ? leaf : null;
  if (path.length === 0) return null;
  let k = 1;
  while (k * 2 < size) k *= 2;
  const sibling = path[path.length - 1] as Buffer;
  const rest = path.slice(0, -1);
  if (index < k) {
    const left = rootFromPath(leaf, index, k, rest);
    return left && node(left, sibling);
  }
  const right = rootFromPath(leaf, index - k, size - k, rest);
  return right && node(sibling, right);
}

/** RFC 9162 §2.1.4.2, step by step: does `proof` show the tree of size2/root2 extends size1/root1? */
export function consistent(size1: number, size2: number, root1: Buffer, root2: Buffer, proof: Buffer[]): boolean {
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : proof;
  let [fn, sn] = [size1 - 1, size2 - 1];
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let [fr, sr] = [path[0] as Buffer, path[0] as Buffer];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      [fr, sr] = [node(c, fr), node(c, sr)];
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else sr = node(sr, c);
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return fr.equals(root1) && sr.equals(root2) && sn === 0;
}

/** A C2SP checkpoint's origin, size and root if the verifier key's Ed25519 key signed it, else null. */
export function checkpointSignedBy(note: string, verifierKey: string): { origin: string; size: number; root: Buffer } | null {
  const [name = "", keyIdHex = "", ...typed] = verifierKey.trim().split("+");
  const raw = Buffer.from(typed.join("+"), "base64").subarray(1);
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
  const [origin = "", size, root] = text.split("\n");
  return { origin, size: Number(size), root: Buffer.from(root ?? "", "base64") };
}
