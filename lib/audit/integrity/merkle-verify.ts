// Proof verification, separate from proof making so a verifier reads only what it runs. Each
// function follows its RFC 9162 algorithm step by step and answers false (never throws) for a
// proof that does not check out, including malformed input: a verifier reports, it does not crash.
import { type BatchProof, EMPTY_ROOT, type Hash, nodeHash, splitPoint } from "./merkle";

const isHash = (h: unknown): h is Hash => Buffer.isBuffer(h) && h.length === 32;
const isSize = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** Both algorithms' "if LSB(fn) is not set, right-shift fn and sn equally until either LSB(fn) is set or fn is 0". */
function climbToRightEdge(fn: number, sn: number): [number, number] {
  while (!odd(fn) && fn !== 0) {
    fn = half(fn);
    sn = half(sn);
  }
  return [fn, sn];
}

/** RFC 9162 §2.1.3.2: does `proof` put `leaf` at `index` of the tree of `size` with `root`? */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (!isHash(leaf) || !isHash(root) || !isSize(index) || !isSize(size) || !Array.isArray(proof)) return false;
  // Step 1.
  if (index >= size) return false;
  // Steps 2-3.
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  // Step 4.
  for (const p of proof) {
    if (!isHash(p) || sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      [fn, sn] = climbToRightEdge(fn, sn);
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: is the tree of `newSize`/`newRoot` an append-only extension of the old? */
export function verifyConsistency(oldSize: number, newSize: number, oldRoot: Hash, newRoot: Hash, proof: readonly Hash[]): boolean {
  if (!isSize(oldSize) || !isSize(newSize) || !isHash(oldRoot) || !isHash(newRoot) || !Array.isArray(proof)) {
    return false;
  }
  if (oldSize > newSize) return false;
  // The RFC's algorithm assumes 0 < first < second; the two edges have an empty proof (§2.1.4.1).
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0 && oldRoot.equals(EMPTY_ROOT);
  // Step 1.
  if (proof.length === 0 || !proof.every(isHash)) return false;
  // Step 2.
  const path = Number.isInteger(Math.log2(oldSize)) ? [oldRoot, ...proof] : [...proof];
  // Steps 3-4.
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  let fr = path[0] as Hash;
  let sr = path[0] as Hash;
  // Step 6.
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      [fn, sn] = climbToRightEdge(fn, sn);
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7.
  return fr.equals(oldRoot) && sr.equals(newRoot) && sn === 0;
}

/**
 * The root a batch proof and its leaves give (format in merkle.ts's header), or null if they do
 * not fit together. `leaves` are the leaf hashes of `proof.indices`, in that (ascending) order.
 */
export function batchRoot(proof: BatchProof, leaves: readonly Hash[]): Hash | null {
  const { treeSize, indices, hashes } = proof;
  if (!isSize(treeSize) || treeSize === 0 || !Array.isArray(indices) || !Array.isArray(hashes)) return null;
  if (leaves.length !== indices.length || !leaves.every(isHash) || !hashes.every(isHash)) return null;
  for (let i = 0; i < indices.length; i++) {
    const at = indices[i] as number;
    if (!isSize(at) || at >= treeSize || (i > 0 && at <= (indices[i - 1] as number))) return null;
  }
  let nextLeaf = 0;
  let nextHash = 0;
  // Same walk as the prover's; returns null as soon as the proof runs short.
  const walk = (start: number, end: number): Hash | null => {
    const first = indices[nextLeaf];
    if (first === undefined || first >= end) return hashes[nextHash++] ?? null;
    if (end - start === 1) return leaves[nextLeaf++] as Hash;
    const k = splitPoint(end - start);
    const left = walk(start, start + k);
    const right = left && walk(start + k, end);
    return right && nodeHash(left as Hash, right);
  };
  const root = walk(0, treeSize);
  // Every hash used exactly once: extra hashes would mean the proof is for another shape.
  return root && nextHash === hashes.length && nextLeaf === leaves.length ? root : null;
}

/** Does the batch proof tie `leaves` (at `proof.indices`) to the tree with `root`? */
export function verifyBatch(proof: BatchProof, leaves: readonly Hash[], root: Hash): boolean {
  const computed = batchRoot(proof, leaves);
  return computed !== null && isHash(root) && computed.equals(root);
}
