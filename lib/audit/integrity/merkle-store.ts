// The Merkle log in the database: leaves in "AuditLeaf" (seq = leaf index), perfect subtrees of
// level STORED_FROM_LEVEL and up in "AuditMerkleNode", signed checkpoints in "AuditCheckpoint".
// Any hash a root or proof needs is one query: stored subtrees by their key, smaller ones folded
// from the at most 2^STORED_FROM_LEVEL - 1 leaves they cover. Reads take any session (pages' pool,
// a transaction, a verifier's own connection).
import type { SqlSession } from "@/lib/db/database";
import {
  batchRangesOf,
  type CompletedSubtree,
  consistencyRanges,
  frontierIds,
  type Hash,
  hashRangesFetched,
  inclusionRanges,
  type Range,
  rootOf,
  type SubtreeId,
  subtreesOf,
} from "./merkle";

/** Subtrees from this level up are stored (one row per 256 leaves); below, leaves are folded. */
export const STORED_FROM_LEVEL = 8;

type Query = Pick<SqlSession, "query">;

const toHash = (value: unknown): Hash => Buffer.from(value as Uint8Array);

/** The stored or folded hashes of `ids`; a leaf or node the log lacks is an error naming it. */
export async function fetchSubtrees(session: Query, ids: readonly SubtreeId[]): Promise<CompletedSubtree[]> {
  const stored = ids.filter((id) => id.level >= STORED_FROM_LEVEL);
  const folded = ids.filter((id) => id.level < STORED_FROM_LEVEL);
  const found: CompletedSubtree[] = [];
  if (stored.length > 0) {
    const rows = await session.query<{ level: number; index: string; hash: Uint8Array }>(
      `SELECT n."level", n."index"::text AS "index", n."hash" FROM "AuditMerkleNode" n
       JOIN unnest($1::int[], $2::bigint[]) AS wanted("level", "index") ON n."level" = wanted."level" AND n."index" = wanted."index"`,
      [stored.map((id) => id.level), stored.map((id) => String(id.index))],
    );
    for (const row of rows) found.push({ level: row.level, index: Number(row.index), hash: toHash(row.hash) });
  }
  if (folded.length > 0) {
    const starts = folded.map((id) => id.index * 2 ** id.level);
    const ends = folded.map((id) => (id.index + 1) * 2 ** id.level);
    // LATERAL: one index range scan per wanted range. As a plain join on the two inequalities, a batch
    // proof of 100,000 rows spread over 200,000 leaves ran for minutes (every leaf against every range).
    const rows = await session.query<{ seq: string; hash: Uint8Array }>(
      `SELECT l."seq"::text AS "seq", l."hash" FROM unnest($1::bigint[], $2::bigint[]) AS wanted("start", "end")
       CROSS JOIN LATERAL (SELECT x."seq", x."hash" FROM "AuditLeaf" x WHERE x."seq" >= wanted."start" AND x."seq" < wanted."end") l`,
      [starts.map(String), ends.map(String)],
    );
    const leaves = new Map(rows.map((row) => [Number(row.seq), toHash(row.hash)]));
    folded.forEach((id, i) => {
      const hashes: Hash[] = [];
      for (let seq = starts[i] as number; seq < (ends[i] as number); seq++) {
        const hash = leaves.get(seq);
        if (!hash) throw new RangeError(`leaf ${seq} is not in the log`);
        hashes.push(hash);
      }
      found.push({ ...id, hash: rootOf(hashes) });
    });
  }
  return found;
}

const fetcher = (session: Query) => (ids: SubtreeId[]) => fetchSubtrees(session, ids);

/** The log's size (leaves sequenced) and the id of the last event sequenced (0 when none). */
export async function logHead(session: Query): Promise<{ size: number; lastEventId: bigint }> {
  const [row] = await session.query<{ seq: string; eventId: string }>(
    `SELECT l."seq"::text AS "seq", l."eventId"::text AS "eventId" FROM "AuditLeaf" l ORDER BY l."seq" DESC LIMIT 1`,
  );
  return row ? { size: Number(row.seq) + 1, lastEventId: BigInt(row.eventId) } : { size: 0, lastEventId: 0n };
}

/** MTH of the first `size` leaves. */
export async function rootAt(session: Query, size: number): Promise<Hash> {
  const [root] = await hashRangesFetched([{ start: 0, end: size }], fetcher(session));
  return root as Hash;
}

/** The frontier hashes of the tree of `size` leaves (what an appender continues from). */
export async function frontierAt(session: Query, size: number): Promise<Hash[]> {
  return hashRangesFetched(
    frontierIds(size).map(({ level, index }) => ({ start: index * 2 ** level, end: (index + 1) * 2 ** level })),
    fetcher(session),
  );
}

/** RFC 9162 §2.1.3 inclusion proof of leaf `seq` in the tree of `size` leaves. */
export async function inclusionProofAt(session: Query, seq: number, size: number): Promise<Hash[]> {
  return hashRangesFetched(inclusionRanges(seq, size), fetcher(session));
}

/** RFC 9162 §2.1.4 consistency proof between the trees of `from` and `to` leaves. */
export async function consistencyProofAt(session: Query, from: number, to: number): Promise<Hash[]> {
  return hashRangesFetched(consistencyRanges(from, to), fetcher(session));
}

/** Leaves a slice of a batch proof may fold (sparse rows need many small subtrees, each read leaf by leaf). */
const FOLDED_LEAVES_PER_SLICE = 16_384;
/** Ranges a slice of a batch proof may hash at most. */
const RANGES_PER_SLICE = 2_048;

/**
 * One proof tying the leaves at `indices` (ascending) to the tree of `size` leaves, in slices of its
 * hashes, in order: one query a slice, so that the proof of a million sparse rows (as many hashes,
 * and more leaves read to fold them) is never in memory whole.
 */
export async function* batchProofSlicesAt(session: Query, indices: ArrayLike<number>, size: number): AsyncGenerator<Hash[]> {
  let ranges: Range[] = [];
  let folded = 0;
  for (const range of batchRangesOf(indices, size)) {
    ranges.push(range);
    for (const id of subtreesOf([range])) if (id.level < STORED_FROM_LEVEL) folded += 2 ** id.level;
    if (ranges.length >= RANGES_PER_SLICE || folded >= FOLDED_LEAVES_PER_SLICE) {
      yield await hashRangesFetched(ranges, fetcher(session));
      ranges = [];
      folded = 0;
    }
  }
  if (ranges.length > 0) yield await hashRangesFetched(ranges, fetcher(session));
}
