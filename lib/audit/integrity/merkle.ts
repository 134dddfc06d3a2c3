// Merkle tree hashing of RFC 9162 §2.1 (the RFC 6962 tree, SHA-256), so that any Certificate
// Transparency style tool can check our proofs. Sizes and indices are JavaScript numbers (exact to
// 2^53 leaves); bit tricks use arithmetic, not 32-bit operators, so nothing breaks at 2^31.
//
// Storage model. The stored unit is a PERFECT SUBTREE: `{ level, index }` covers leaves
// [index·2^level, (index+1)·2^level); level 0 is a leaf hash. Every range the RFC's recursion
// uses is either one perfect subtree or a right edge [a, n) that is a few perfect subtrees
// (n - a in binary), so a root, an inclusion proof or a consistency proof of a tree of any size
// needs O(log n) stored hashes, never all leaves. The functions come in two halves so that a
// database can fetch in one query: `*Ranges(...)` plans which ranges are needed (pure),
// `subtreesOf(ranges)` lists the perfect subtrees to fetch, `hashRange(range, lookup)` folds them.
// `MerkleAppender` extends a tree from its frontier (the perfect subtrees of its size's binary
// form), so a checkpoint over N new leaves costs O(N) hashing plus O(log n) lookups, and reports
// every perfect subtree it completes for the caller to store (optionally only from a level up,
// trading lookups that recompute a small subtree from leaf hashes for less storage).
//
// Batch proof (our format, for exports: one proof for many rows). For a tree of size n and a set
// S of leaf indices, walk the RFC 9162 §2.1.1 recursion MTH(D[a:b]) from [0, n) depth first, left
// before right: a range with no index of S contributes its hash (MTH of that range) and is not
// entered; a single leaf in S contributes nothing (the verifier has it). `hashes` lists the
// contributed hashes in the order the walk meets them. These are exactly the sibling subtrees of
// the union of the leaves' paths, so no hash is redundant; a contiguous run of k leaves needs at
// most about 2·log2(n) hashes, whatever k. Verification repeats the walk with the leaf hashes
// (ascending index order) and must use every hash exactly once and reproduce the signed root.
import { createHash, hash } from "node:crypto";

export type Hash = Buffer;
/** The perfect subtree covering leaves [index·2^level, (index+1)·2^level). */
export type SubtreeId = { level: number; index: number };
/** A half-open range of leaf indices [start, end) as the RFC recursion produces it. */
export type Range = { start: number; end: number };
/** Where stored subtree hashes come from (a map in memory, rows fetched from the database). */
export type SubtreeLookup = (id: SubtreeId) => Hash;
export type BatchProof = { treeSize: number; indices: number[]; hashes: Hash[] };

const HASH_SIZE = 32;
/** RFC 9162 §2.1.1: MTH({}) = HASH(), the hash of an empty string. */
export const EMPTY_ROOT: Hash = createHash("sha256").digest();

// crypto.hash, one call, not createHash().update().digest(): hashing was a third of the
// checkpoint job's time on the server's thread, and most of it the three calls' overhead. Its
// digest as a "binary" (latin1) string copied into a pooled Buffer: a "buffer" digest is an ArrayBuffer of its
// own, which cost more than the hashing (about 1 µs a hash, and the garbage collector's time).
function sha256(data: string | Uint8Array): Hash {
  return Buffer.from(hash("sha256", data, "binary"), "latin1");
}

/** RFC 9162 §2.1.1: MTH({d(0)}) = HASH(0x00 || d(0)). */
export function leafHash(leaf: Uint8Array): Hash {
  return sha256(Buffer.concat([LEAF_PREFIX, leaf]));
}

/** leafHash of `text`'s UTF-8 bytes. */
export function leafHashOfText(text: string): Hash {
  // U+0000 is the one byte 0x00 in UTF-8: the prefix and the text are hashed as one string.
  return sha256(`\u0000${text}`);
}

/** RFC 9162 §2.1.1: HASH(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  // One input buffer reused (hashing is synchronous), not 65 fresh bytes for each of a million nodes.
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) return sha256(Buffer.concat([NODE_INPUT.subarray(0, 1), left, right]));
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 33);
  return sha256(NODE_INPUT);
}
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_INPUT = Buffer.alloc(65, 0x01);

/** RFC 9162 §2.1.1: the largest power of two smaller than n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function assertSize(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

/** MTH over leaf hashes held in memory (RFC 9162 §2.1.1), in one pass with a log-size stack. */
export function rootOf(leafHashes: readonly Hash[]): Hash {
  const appender = new MerkleAppender(0, []);
  for (const h of leafHashes) appender.append(h);
  return appender.root();
}

/** The perfect subtrees that make up the range, largest first (only MTH-shaped ranges). */
export function perfectCover({ start, end }: Range): SubtreeId[] {
  const out: SubtreeId[] = [];
  let at = start;
  let previous = Number.POSITIVE_INFINITY;
  while (at < end) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
    if (size >= previous) throw new RangeError(`[${start}, ${end}) is not a range of the RFC 9162 tree`);
    previous = size;
    out.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return out;
}

/** MTH(D[start:end]) from stored perfect subtrees: the right edge folds right to left. */
export function hashRange(range: Range, lookup: SubtreeLookup): Hash {
  const parts = perfectCover(range);
  if (parts.length === 0) return EMPTY_ROOT;
  let hash = lookup(parts[parts.length - 1] as SubtreeId);
  for (let i = parts.length - 2; i >= 0; i--) hash = nodeHash(lookup(parts[i] as SubtreeId), hash);
  return hash;
}

/** Every perfect subtree the ranges need, without repeats: what to fetch before hashing. */
export function subtreesOf(ranges: readonly Range[]): SubtreeId[] {
  const seen = new Map<string, SubtreeId>();
  for (const range of ranges) for (const id of perfectCover(range)) seen.set(`${id.level}:${id.index}`, id);
  return [...seen.values()];
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): the ranges whose hashes form the inclusion proof, leaf upward. */
export function inclusionRanges(index: number, size: number): Range[] {
  assertSize(size, "tree size");
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`leaf index ${index} is not in a tree of size ${size}`);
  }
  const path: Range[] = [];
  let [start, end, m] = [0, size, index];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      path.push({ start: start + k, end });
      end = start + k;
    } else {
      path.push({ start, end: start + k });
      start += k;
      m -= k;
    }
  }
  return path.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), as ranges, in the RFC's order. */
export function consistencyRanges(oldSize: number, newSize: number): Range[] {
  assertSize(oldSize, "old size");
  assertSize(newSize, "new size");
  if (oldSize > newSize) throw new RangeError(`old size ${oldSize} is larger than new size ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const proof: Range[] = [];
  let [start, end, m, complete] = [0, newSize, oldSize, true];
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      proof.push({ start: start + k, end });
      end = start + k;
    } else {
      proof.push({ start, end: start + k });
      start += k;
      m -= k;
      complete = false;
    }
  }
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}: the old tree's subtree is not a root of it.
  if (!complete) proof.push({ start, end });
  return proof.reverse();
}

/** Batch proof ranges (format in the file header). `indices` ascending, unique, < size. */
export function batchRanges(indices: ArrayLike<number>, size: number): Range[] {
  return [...batchRangesOf(indices, size)];
}

/**
 * batchRanges one range at a time, in the walk's order: an export's proof of a million rows is
 * hashed and written a slice at a time (lib/export/export-manifest-build.ts), never held whole.
 * `indices` may be a typed array (8 bytes a row, where an array of numbers costs more).
 */
export function* batchRangesOf(indices: ArrayLike<number>, size: number): Generator<Range> {
  assertSize(size, "tree size");
  for (let i = 0; i < indices.length; i++) {
    const value = indices[i] as number;
    if (!Number.isSafeInteger(value) || value < 0 || value >= size || (i > 0 && value <= (indices[i - 1] as number))) {
      throw new RangeError(`batch indices must be ascending, unique and below ${size}; got ${value} at position ${i}`);
    }
  }
  let next = 0; // position in `indices` of the first index ≥ the current range's start
  // The recursion of the file header, depth first and left before right, on a stack of its own.
  const stack: Range[] = size > 0 ? [{ start: 0, end: size }] : [];
  for (let range = stack.pop(); range !== undefined; range = stack.pop()) {
    const { start, end } = range;
    if (next >= indices.length || (indices[next] as number) >= end) {
      yield range;
      continue;
    }
    if (end - start === 1) {
      next++;
      continue;
    }
    const k = splitPoint(end - start);
    stack.push({ start: start + k, end }, { start, end: start + k });
  }
}

/** Hashes of the ranges, in order: turns any `*Ranges` plan into the proof itself. */
export function hashRanges(ranges: readonly Range[], lookup: SubtreeLookup): Hash[] {
  return ranges.map((range) => hashRange(range, lookup));
}

/**
 * The async form for a database: fetches every subtree the ranges need in one call (one query),
 * then hashes. A subtree the store lacks is an error naming it, never a wrong proof.
 */
export async function hashRangesFetched(ranges: readonly Range[], fetch: (ids: SubtreeId[]) => Promise<readonly CompletedSubtree[]>): Promise<Hash[]> {
  const found = new Map((await fetch(subtreesOf(ranges))).map((s) => [`${s.level}:${s.index}`, s.hash]));
  return hashRanges(ranges, ({ level, index }) => {
    const hash = found.get(`${level}:${index}`);
    if (!hash) throw new RangeError(`subtree at level ${level}, index ${index} is not stored`);
    return checkHash(hash, "stored subtree hash");
  });
}

/** RFC 9162 §2.1.3.1 inclusion proof of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(index: number, size: number, lookup: SubtreeLookup): Hash[] {
  return hashRanges(inclusionRanges(index, size), lookup);
}

/** RFC 9162 §2.1.4.1 consistency proof between the trees of `oldSize` and `newSize` leaves. */
export function consistencyProof(oldSize: number, newSize: number, lookup: SubtreeLookup): Hash[] {
  return hashRanges(consistencyRanges(oldSize, newSize), lookup);
}

/** Batch proof of the leaves at `indices` in the tree of `size` leaves (format in the header). */
export function batchProof(indices: readonly number[], size: number, lookup: SubtreeLookup): BatchProof {
  return { treeSize: size, indices: [...indices], hashes: hashRanges(batchRanges(indices, size), lookup) };
}

/** The perfect subtrees a tree of `size` leaves ends with (its binary form, largest first). */
export function frontierIds(size: number): SubtreeId[] {
  assertSize(size, "tree size");
  return perfectCover({ start: 0, end: size });
}

/** A stored-unit hash the appender completed, for the caller to persist. */
export type CompletedSubtree = SubtreeId & { hash: Hash };

/**
 * Appends leaf hashes to a tree known by its size and frontier (the hashes of `frontierIds(size)`,
 * fetched with O(log n) lookups). Each append costs amortised one node hash; every perfect subtree
 * it completes at `storeFromLevel` or above is queued in `completed` for the caller to store.
 */
export class MerkleAppender {
  private readonly stack: CompletedSubtree[];
  private count: number;
  readonly completed: CompletedSubtree[] = [];

  constructor(
    size: number,
    frontier: readonly Hash[],
    private readonly storeFromLevel = Number.POSITIVE_INFINITY,
  ) {
    const ids = frontierIds(size);
    if (ids.length !== frontier.length) {
      throw new RangeError(`a tree of size ${size} has ${ids.length} frontier hashes, got ${frontier.length}`);
    }
    this.stack = ids.map((id, i) => ({ ...id, hash: checkHash(frontier[i], "frontier hash") }));
    this.count = size;
  }

  get size(): number {
    return this.count;
  }

  append(leaf: Hash): void {
    let top: CompletedSubtree = { level: 0, index: this.count, hash: checkHash(leaf, "leaf hash") };
    this.count++;
    this.keep(top);
    // Two equal-sized neighbours make one perfect subtree a level up (RFC 9162 §2.1.1 split).
    for (let left = this.stack.at(-1); left !== undefined && left.level === top.level; left = this.stack.at(-1)) {
      this.stack.pop();
      top = { level: top.level + 1, index: left.index / 2, hash: nodeHash(left.hash, top.hash) };
      this.keep(top);
    }
    this.stack.push(top);
  }

  /** MTH of the tree so far: the frontier folded right to left (RFC 9162 §2.1.1). */
  root(): Hash {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = (this.stack.at(-1) as CompletedSubtree).hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash((this.stack[i] as CompletedSubtree).hash, hash);
    return hash;
  }

  /** The frontier to keep (with the size) so the next checkpoint can continue from here. */
  frontier(): Hash[] {
    return this.stack.map((s) => s.hash);
  }

  /** Hands over and forgets the completed subtrees, so memory stays bounded between flushes. */
  drainCompleted(): CompletedSubtree[] {
    return this.completed.splice(0, this.completed.length);
  }

  private keep(subtree: CompletedSubtree): void {
    if (subtree.level >= this.storeFromLevel) this.completed.push(subtree);
  }
}

export function checkHash(hash: unknown, what: string): Hash {
  if (!Buffer.isBuffer(hash) || hash.length !== HASH_SIZE) throw new TypeError(`${what} must be ${HASH_SIZE} bytes`);
  return hash;
}
