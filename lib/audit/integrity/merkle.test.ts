import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  batchProof,
  batchRanges,
  consistencyProof,
  EMPTY_ROOT,
  frontierIds,
  type Hash,
  hashRange,
  hashRangesFetched,
  inclusionProof,
  inclusionRanges,
  leafHash,
  MerkleAppender,
  rootOf,
  type SubtreeId,
  type SubtreeLookup,
  subtreesOf,
} from "./merkle";
import { batchRoot, verifyBatch, verifyConsistency, verifyInclusion } from "./merkle-verify";

// The RFC 6962 reference tree of Certificate Transparency (and Go's tlog, Trillian): its leaves,
// the root at every size, and a few of its proofs.
const REFERENCE_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
const REFERENCE_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const REFERENCE_INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
];
const REFERENCE_CONSISTENCY = [
  {
    from: 2,
    to: 8,
    proof: ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
  },
  {
    from: 6,
    to: 8,
    proof: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  {
    from: 2,
    to: 5,
    proof: ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"],
  },
];

const hex = (hashes: Hash[]) => hashes.map((h) => h.toString("hex"));
const unhex = (s: string) => Buffer.from(s, "hex");

/** A store holding every perfect subtree, filled the way a checkpoint job would fill it. */
function storeOf(leaves: Hash[]): { lookup: SubtreeLookup; root: (n: number) => Hash } {
  const appender = new MerkleAppender(0, [], 0);
  for (const leaf of leaves) appender.append(leaf);
  const stored = new Map(appender.drainCompleted().map((s) => [`${s.level}:${s.index}`, s.hash]));
  const lookup: SubtreeLookup = ({ level, index }) => {
    const hash = stored.get(`${level}:${index}`);
    if (!hash) throw new Error(`subtree ${level}:${index} is not stored`);
    return hash;
  };
  return { lookup, root: (n) => hashRange({ start: 0, end: n }, lookup) };
}

const syntheticLeaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
const flipped = (hash: Hash, byte = 0) => {
  const copy = Buffer.from(hash);
  copy[byte % 32] = (copy[byte % 32] as number) ^ 0x01;
  return copy;
};

describe("Merkle tree hashing (RFC 9162 §2.1)", () => {
  const leaves = REFERENCE_LEAVES.map((h) => leafHash(unhex(h)));
  const store = storeOf(leaves);

  it("gives the reference root at every size, from leaves and from stored subtrees", () => {
    expect(EMPTY_ROOT.toString("hex")).toBe(REFERENCE_ROOTS[0]);
    for (let n = 0; n <= 8; n++) {
      expect(rootOf(leaves.slice(0, n)).toString("hex"), `size ${n}`).toBe(REFERENCE_ROOTS[n]);
      expect(store.root(n).toString("hex"), `size ${n}`).toBe(REFERENCE_ROOTS[n]);
    }
  });

  it("makes the reference inclusion and consistency proofs, and they verify", () => {
    for (const { index, size, proof } of REFERENCE_INCLUSION) {
      expect(hex(inclusionProof(index, size, store.lookup))).toEqual(proof);
      expect(verifyInclusion(leaves[index] as Hash, index, size, proof.map(unhex), unhex(REFERENCE_ROOTS[size] as string))).toBe(true);
    }
    for (const { from, to, proof } of REFERENCE_CONSISTENCY) {
      expect(hex(consistencyProof(from, to, store.lookup))).toEqual(proof);
      const [oldRoot, newRoot] = [unhex(REFERENCE_ROOTS[from] as string), unhex(REFERENCE_ROOTS[to] as string)];
      expect(verifyConsistency(from, to, oldRoot, newRoot, proof.map(unhex))).toBe(true);
    }
  });

  it("treats the empty tree as the RFC does: consistent with any tree, but only with its own root", () => {
    const root8 = unhex(REFERENCE_ROOTS[8] as string);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, root8, [])).toBe(true);
    expect(verifyConsistency(0, 8, root8, root8, [])).toBe(false);
    expect(verifyConsistency(8, 8, root8, root8, [])).toBe(true);
    expect(verifyConsistency(8, 8, root8, EMPTY_ROOT, [])).toBe(false);
  });

  it("refuses indices and sizes outside the tree", () => {
    expect(() => inclusionProof(8, 8, store.lookup)).toThrow(/not in a tree of size 8/);
    expect(() => consistencyProof(5, 4, store.lookup)).toThrow(/larger than new size/);
    expect(() => batchRanges([3, 3], 8)).toThrow(/ascending, unique/);
  });
});

describe("proofs over random trees (property)", () => {
  const leaves = syntheticLeaves(300);
  const store = storeOf(leaves);
  const roots = Array.from({ length: leaves.length + 1 }, (_, n) => store.root(n));
  const sizeAndIndex = fc.integer({ min: 1, max: leaves.length }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1), fc.nat()));

  it("every inclusion proof verifies, and a flipped byte, another index or another root fails", () => {
    fc.assert(
      fc.property(sizeAndIndex, ([size, index, noise]) => {
        const proof = inclusionProof(index, size, store.lookup);
        const leaf = leaves[index] as Hash;
        expect(verifyInclusion(leaf, index, size, proof, roots[size] as Hash)).toBe(true);
        expect(verifyInclusion(flipped(leaf, noise), index, size, proof, roots[size] as Hash)).toBe(false);
        expect(verifyInclusion(leaf, index, size, proof, flipped(roots[size] as Hash, noise))).toBe(false);
        if (proof.length > 0) {
          const at = noise % proof.length;
          const bad = proof.map((p, i) => (i === at ? flipped(p, noise) : p));
          expect(verifyInclusion(leaf, index, size, bad, roots[size] as Hash)).toBe(false);
          expect(verifyInclusion(leaf, index, size, proof.slice(1), roots[size] as Hash)).toBe(false);
          expect(verifyInclusion(leaf, (index + 1) % size, size, proof, roots[size] as Hash)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("every consistency proof verifies, and a flipped byte or a wrong root fails", () => {
    fc.assert(
      fc.property(sizeAndIndex, ([to, fromIndex, noise]) => {
        const from = fromIndex + 1;
        const proof = consistencyProof(from, to, store.lookup);
        const [oldRoot, newRoot] = [roots[from] as Hash, roots[to] as Hash];
        expect(verifyConsistency(from, to, oldRoot, newRoot, proof)).toBe(true);
        if (from < to) {
          const at = noise % proof.length;
          expect(
            verifyConsistency(
              from,
              to,
              oldRoot,
              newRoot,
              proof.map((p, i) => (i === at ? flipped(p, noise) : p)),
            ),
          ).toBe(false);
          expect(verifyConsistency(from, to, flipped(oldRoot, noise), newRoot, proof)).toBe(false);
          expect(verifyConsistency(from, to, oldRoot, flipped(newRoot, noise), proof)).toBe(false);
          expect(verifyConsistency(from, to, oldRoot, newRoot, proof.slice(0, -1))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a batch proof ties any set of leaves to the root, minimal, and no altered set passes", () => {
    const subset = fc
      .integer({ min: 1, max: leaves.length })
      .chain((size) => fc.tuple(fc.constant(size), fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: 40 }), fc.nat()));
    fc.assert(
      fc.property(subset, ([size, picked, noise]) => {
        const indices = [...picked].sort((a, b) => a - b);
        const proof = batchProof(indices, size, store.lookup);
        const chosen = indices.map((i) => leaves[i] as Hash);
        expect(verifyBatch(proof, chosen, roots[size] as Hash)).toBe(true);
        // Never more hashes than one inclusion proof per leaf would carry.
        const separate = indices.reduce((sum, i) => sum + inclusionProof(i, size, store.lookup).length, 0);
        expect(proof.hashes.length).toBeLessThanOrEqual(separate);
        const at = noise % chosen.length;
        expect(
          verifyBatch(
            proof,
            chosen.map((h, i) => (i === at ? flipped(h, noise) : h)),
            roots[size] as Hash,
          ),
        ).toBe(false);
        expect(batchRoot(proof, chosen.slice(1))).toBeNull();
        expect(batchRoot({ ...proof, hashes: [...proof.hashes, leaves[0] as Hash] }, chosen)).toBeNull();
        if (proof.hashes.length > 0) {
          const bad = proof.hashes.map((h, i) => (i === noise % proof.hashes.length ? flipped(h, noise) : h));
          expect(verifyBatch({ ...proof, hashes: bad }, chosen, roots[size] as Hash)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a contiguous run of leaves costs about 2·log2(n) hashes, however long the run", () => {
    const proof = batchProof(
      Array.from({ length: 200 }, (_, i) => i + 37),
      300,
      store.lookup,
    );
    expect(proof.hashes.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(300)));
    expect(verifyBatch(proof, leaves.slice(37, 237), roots[300] as Hash)).toBe(true);
  });
});

describe("checkpointing from stored subtrees", () => {
  it("continues a tree from its frontier and stores what it completes", () => {
    const leaves = syntheticLeaves(1000);
    const full = storeOf(leaves);
    for (const [from, to] of [
      [0, 1000],
      [1, 999],
      [511, 1000],
      [512, 513],
      [777, 1000],
    ] as const) {
      const frontier = frontierIds(from).map(full.lookup);
      const appender = new MerkleAppender(from, frontier, 0);
      for (const leaf of leaves.slice(from, to)) appender.append(leaf);
      expect(appender.root().equals(full.root(to)), `${from}→${to}`).toBe(true);
      for (const s of appender.drainCompleted()) expect(s.hash.equals(full.lookup(s)), `${s.level}:${s.index}`).toBe(true);
      expect(appender.drainCompleted()).toEqual([]);
    }
    expect(() => new MerkleAppender(5, [])).toThrow(/has 2 frontier hashes/);
  });

  it("needs O(log n) stored hashes for a proof in a tree of 10 million leaves", () => {
    const asked: SubtreeId[] = [];
    const counting: SubtreeLookup = (id) => {
      asked.push(id);
      return leafHash(Buffer.from(`${id.level}:${id.index}`));
    };
    const n = 10_000_000;
    inclusionProof(9_876_543, n, counting);
    expect(asked.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)));
    asked.length = 0;
    consistencyProof(7_654_321, n, counting);
    expect(asked.length).toBeLessThanOrEqual(3 * Math.ceil(Math.log2(n)));
    expect(subtreesOf([{ start: 0, end: n }])).toHaveLength(frontierIds(n).length);
  });

  it("fetches what a proof needs in one call, and names a subtree the store lacks", async () => {
    const leaves = syntheticLeaves(100);
    const appender = new MerkleAppender(0, [], 0);
    for (const leaf of leaves) appender.append(leaf);
    const stored = appender.drainCompleted();
    const calls: SubtreeId[][] = [];
    const fetch = async (ids: SubtreeId[]) => {
      calls.push(ids);
      return stored.filter((s) => ids.some((id) => id.level === s.level && id.index === s.index));
    };
    const proof = await hashRangesFetched(inclusionRanges(37, 100), fetch);
    expect(calls).toHaveLength(1);
    expect(verifyInclusion(leaves[37] as Hash, 37, 100, proof, appender.root())).toBe(true);
    const missing = async (ids: SubtreeId[]) => (await fetch(ids)).filter((s) => s.level !== 2);
    await expect(hashRangesFetched(inclusionRanges(37, 100), missing)).rejects.toThrow(/level 2, index \d+ is not stored/);
  });

  it("works when only levels ≥ 4 are stored and smaller subtrees are rehashed from leaf hashes", () => {
    const leaves = syntheticLeaves(700);
    const appender = new MerkleAppender(0, [], 4);
    for (const leaf of leaves) appender.append(leaf);
    const stored = new Map(appender.drainCompleted().map((s) => [`${s.level}:${s.index}`, s.hash]));
    expect(stored.size).toBeLessThan(700 / 8);
    const lookup: SubtreeLookup = ({ level, index }) => stored.get(`${level}:${index}`) ?? rootOf(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level));
    const proof = inclusionProof(421, 700, lookup);
    expect(verifyInclusion(leaves[421] as Hash, 421, 700, proof, appender.root())).toBe(true);
  });
});
