// Verifies the whole audit log from the database and the log's public key alone (npm run verify, the
// Config tab's "Verify now", the daily check): every event's leaf recomputed from its stored row and
// compared with "AuditLeaf", sequence numbers without gaps and in event id order, the tree rebuilt
// from the leaves and compared with every stored subtree and every checkpoint's signed root, every
// checkpoint's signature and origin. Consecutive checkpoints are consistent when both roots are of
// prefixes of the one leaf sequence rebuilt here: a stronger check than their consistency proof.
//
// It streams: leaves by seq and events by id, a batch at a time each, merged in order (the log
// sequences events in id order), so memory does not grow with the log. A leaf whose event is gone
// is a tombstone when an AUDIT_PURGE event later in the log covers it (its category is one the
// retention removes and it is older than that purge's cutoff), else a missing event. An event the
// merge passes over is either claimed by a later leaf (reordered) or by none (inserted behind the
// log's back). Problems are reported in log order, the first one named.
import { performance } from "node:perf_hooks";
import type { SqlSession } from "@/lib/db/database";
import { PURGED_CATEGORIES } from "../retention/purge-shapes";
import { verifyCheckpoint } from "./checkpoint";
import { EVENT_LEAF_COLUMNS, type EventLeafRecord, type EventLeafRow, eventLeafHash, eventLeafRecord } from "./event-leaf";
import { type CompletedSubtree, type Hash, MerkleAppender } from "./merkle";
import { fetchSubtrees, STORED_FROM_LEVEL } from "./merkle-store";
import { parseVerifierKey, type Verifier } from "./signed-note";
import { VERIFY_PROBLEMS_KEPT, type VerifyProblem, type VerifyProgress, type VerifyResult } from "./verify-problems";

type Query = Pick<SqlSession, "query">;

/** Leaves, events and checkpoints read per statement. */
export const VERIFY_BATCH = 5_000;
/** Events passed over and not yet claimed by a leaf that a run keeps before it gives up. */
const MAX_SET_ASIDE = 200_000;

export interface VerifyOptions {
  /** the log's verifier key ("<name>+<id>+<key>") */
  verifierKey: string | Verifier;
  /** the checkpoints' origin line; default the key's name (the log signs with its origin as key name) */
  origin?: string;
  batch?: number;
  onProgress?: (progress: VerifyProgress) => void;
  signal?: AbortSignal;
}

type EventRow = EventLeafRow & { id: string };
type Leaf = { seq: number; eventId: bigint; category: string; eventCreatedAt: string; hash: Hash };
type Purge = { seq: number; cutoff: number; at: string };
type Found = { at: number; problem: VerifyProblem };

const PURGED = new Set<string>(PURGED_CATEGORIES);
const ISO_MS = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The events in id order up to `last`, a batch at a time, to be taken one by one. */
class EventStream {
  private rows: EventRow[] = [];
  private next = 0;
  private cursor = "0";
  private exhausted = false;
  constructor(
    private readonly session: Query,
    private readonly last: bigint,
    private readonly batch: number,
  ) {}

  async peek(): Promise<{ id: bigint; row: EventRow } | null> {
    if (this.next === this.rows.length && !this.exhausted) {
      this.rows = await this.session.query<EventRow>(
        `SELECT ${EVENT_LEAF_COLUMNS} FROM "AuditEvent" e WHERE e.id > $1::bigint AND e.id <= $2::bigint ORDER BY e.id LIMIT $3`,
        [this.cursor, String(this.last), this.batch],
      );
      this.next = 0;
      this.exhausted = this.rows.length < this.batch;
      if (this.rows.length > 0) this.cursor = (this.rows.at(-1) as EventRow).id;
    }
    const row = this.rows[this.next];
    return row ? { id: BigInt(row.id), row } : null;
  }

  take(): void {
    this.next++;
  }
}

/** The AUDIT_PURGE events a verifier may trust: sequenced with a matching leaf, or stored after every leaf. */
async function loadPurges(session: Query, maxEventId: bigint): Promise<Purge[]> {
  const rows = await session.query<EventRow & { purgeCutoff: string | null; purgeAt: string; leafSeq: string | null; leafHash: Uint8Array | null }>(
    `SELECT ${EVENT_LEAF_COLUMNS}, e."details"->>'cutoff' AS "purgeCutoff", ${ISO_MS('e."createdAt"')} AS "purgeAt",
            l."seq"::text AS "leafSeq", l."hash" AS "leafHash"
     FROM "AuditEvent" e LEFT JOIN "AuditLeaf" l ON l."eventId" = e.id WHERE e."eventType" = 'AUDIT_PURGE'`,
  );
  const purges: Purge[] = [];
  for (const row of rows) {
    const cutoff = Date.parse(row.purgeCutoff ?? "");
    if (Number.isNaN(cutoff)) continue;
    if (row.leafSeq !== null && row.leafHash && eventLeafHash(eventLeafRecord(row)).equals(Buffer.from(row.leafHash))) {
      purges.push({ seq: Number(row.leafSeq), cutoff, at: row.purgeAt });
    } else if (row.leafSeq === null && BigInt(row.id) > maxEventId) {
      purges.push({ seq: Number.POSITIVE_INFINITY, cutoff, at: row.purgeAt });
    }
  }
  return purges.sort((a, b) => a.seq - b.seq);
}

/** For a leaf at `seq`: the latest cutoff of a purge after it, and when that purge ran. */
function purgeCoverage(purges: Purge[]): (seq: number) => Purge | null {
  const best: (Purge | null)[] = new Array(purges.length + 1).fill(null);
  for (let i = purges.length - 1; i >= 0; i--) {
    const later = best[i + 1];
    best[i] = later && later.cutoff >= (purges[i] as Purge).cutoff ? later : (purges[i] as Purge);
  }
  return (seq) => {
    let [low, high] = [0, purges.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((purges[mid] as Purge).seq > seq) high = mid;
      else low = mid + 1;
    }
    return best[low] ?? null;
  };
}

export async function verifyLog(session: Query, options: VerifyOptions): Promise<VerifyResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const batch = options.batch ?? VERIFY_BATCH;
  const verifier = typeof options.verifierKey === "string" ? parseVerifierKey(options.verifierKey) : options.verifierKey;
  const origin = options.origin ?? verifier.name;

  const [head] = await session.query<{ maxEventId: string | null }>(`SELECT max("eventId")::text AS "maxEventId" FROM "AuditLeaf"`);
  const maxEventId = BigInt(head?.maxEventId ?? 0);
  const [lastLeaf] = await session.query<{ seq: string }>(`SELECT l."seq"::text AS "seq" FROM "AuditLeaf" l ORDER BY l."seq" DESC LIMIT 1`);
  const total = lastLeaf ? Number(lastLeaf.seq) + 1 : 0;
  const coveringPurge = purgeCoverage(await loadPurges(session, maxEventId));
  const events = new EventStream(session, maxEventId, batch);

  const found: Found[] = [];
  let problemCount = 0;
  const report = (at: number, problem: VerifyProblem) => {
    problemCount++;
    found.push({ at, problem });
    // Keep only the first ones in log order, without sorting a long list each time.
    if (found.length > VERIFY_PROBLEMS_KEPT * 4) {
      found.sort((a, b) => a.at - b.at);
      found.length = VERIFY_PROBLEMS_KEPT;
    }
  };

  const altered: { seq: number; eventId: string; record: EventLeafRecord; leaf: Hash; found: Found }[] = [];
  let eventsChecked = 0;
  let purged = 0;
  let lastPurgeAt: string | null = null;

  const compare = (row: EventRow, leaf: Leaf) => {
    const record = eventLeafRecord(row);
    if (eventLeafHash(record).equals(leaf.hash)) {
      eventsChecked++;
      return;
    }
    const fields = [record.category !== leaf.category && "category", record.createdAt !== leaf.eventCreatedAt && "createdAt"].filter((f): f is string => !!f);
    const which = fields.length > 0 ? ` (${fields.join(" and ")} differ from what the leaf records)` : "";
    const problem: VerifyProblem = {
      kind: "altered",
      seq: leaf.seq,
      eventId: row.id,
      ...(fields.length > 0 ? { fields } : {}),
      message: `seq ${leaf.seq}: event ${row.id} was changed after it was logged${which}: its content no longer hashes to its leaf.`,
    };
    const entry = { at: leaf.seq, problem };
    report(entry.at, problem);
    if (altered.length < 100) altered.push({ seq: leaf.seq, eventId: row.id, record, leaf: leaf.hash, found: entry });
  };

  const tombstone = (leaf: Leaf) => {
    const purge = PURGED.has(leaf.category) ? coveringPurge(leaf.seq) : null;
    if (purge && Date.parse(leaf.eventCreatedAt) < purge.cutoff) {
      purged++;
      if (!lastPurgeAt || purge.at > lastPurgeAt) lastPurgeAt = purge.at;
      return;
    }
    report(leaf.seq, {
      kind: "missing",
      seq: leaf.seq,
      eventId: String(leaf.eventId),
      message: `seq ${leaf.seq}: event ${leaf.eventId} (${leaf.category}, created ${leaf.eventCreatedAt}) is gone, and no retention purge after it covers it: it was deleted.`,
    });
  };

  // Events the merge passed over, by id, with the seq id order gives them (the seq where the merge
  // met them, plus how many it passed there before them): a later leaf may claim one.
  const setAside = new Map<bigint, { row: EventRow; at: number }>();
  let asideAt = -1;
  let asideRank = 0;

  const checkEvent = async (leaf: Leaf) => {
    for (let next = await events.peek(); next && next.id < leaf.eventId; next = await events.peek()) {
      events.take();
      if (setAside.size >= MAX_SET_ASIDE) throw new Error(`more than ${MAX_SET_ASIDE} events are out of the log's order; stopped at seq ${leaf.seq}`);
      asideRank = asideAt === leaf.seq ? asideRank + 1 : 0;
      asideAt = leaf.seq;
      setAside.set(next.id, { row: next.row, at: leaf.seq + asideRank });
    }
    const next = await events.peek();
    if (next && next.id === leaf.eventId) {
      events.take();
      compare(next.row, leaf);
      return;
    }
    const aside = setAside.get(leaf.eventId);
    if (aside) {
      setAside.delete(leaf.eventId);
      compare(aside.row, leaf);
      if (aside.at !== leaf.seq) {
        report(aside.at, {
          kind: "reordered",
          seq: aside.at,
          eventId: aside.row.id,
          otherSeq: leaf.seq,
          message: `seq ${aside.at}: event ${aside.row.id}, which the log's id order puts at seq ${aside.at}, is at seq ${leaf.seq}: the leaves were reordered.`,
        });
      }
      return;
    }
    tombstone(leaf);
  };

  // Checkpoints in tree size order, met as the rebuilt tree reaches their size.
  let checkpointCursor = "-1";
  let checkpointRows: { treeSize: string; note: string; createdAt: string }[] = [];
  const nextCheckpoint = async () => {
    if (checkpointRows.length === 0) {
      checkpointRows = await session.query(
        `SELECT c."treeSize"::text AS "treeSize", c."note", ${ISO_MS('c."createdAt"')} AS "createdAt" FROM "AuditCheckpoint" c
         WHERE c."treeSize" > $1::bigint ORDER BY c."treeSize" LIMIT $2`,
        [checkpointCursor, batch],
      );
      checkpointRows.reverse();
    }
    const row = checkpointRows.pop();
    if (row) checkpointCursor = row.treeSize;
    return row ? { treeSize: Number(row.treeSize), note: row.note, createdAt: row.createdAt } : null;
  };
  let checkpointsChecked = 0;
  let latestCheckpoint: VerifyResult["latestCheckpoint"] = null;

  /** Signature, origin, and (when the tree could be rebuilt to its size) root. */
  const checkCheckpoint = (checkpoint: { treeSize: number; note: string; createdAt: string }, root: Hash | null) => {
    checkpointsChecked++;
    latestCheckpoint = { treeSize: checkpoint.treeSize, time: checkpoint.createdAt };
    const at = checkpoint.treeSize - 0.5;
    const base = { treeSize: checkpoint.treeSize };
    let signed: ReturnType<typeof verifyCheckpoint>;
    try {
      signed = verifyCheckpoint(checkpoint.note, verifier);
    } catch (error) {
      const message = `the checkpoint of size ${checkpoint.treeSize} (${checkpoint.createdAt}) does not verify with the log's key: ${(error as Error).message}.`;
      report(at, { kind: "checkpoint-signature", ...base, message });
      return;
    }
    if (signed.origin !== origin) {
      report(at, {
        kind: "checkpoint-origin",
        ...base,
        message: `the checkpoint of size ${checkpoint.treeSize} is for the log "${signed.origin}", not "${origin}".`,
      });
    } else if (signed.treeSize !== checkpoint.treeSize) {
      report(at, { kind: "checkpoint-root", ...base, message: `the checkpoint stored as size ${checkpoint.treeSize} is signed for size ${signed.treeSize}.` });
    } else if (root && !signed.rootHash.equals(root)) {
      report(at, {
        kind: "checkpoint-root",
        ...base,
        message: `the checkpoint of size ${checkpoint.treeSize} (${checkpoint.createdAt}) signs a root the log's first ${checkpoint.treeSize} leaves do not have: leaves were changed, removed or reordered.`,
      });
    }
  };

  const checkNodes = async (completed: CompletedSubtree[]) => {
    if (completed.length === 0) return;
    const stored = new Map((await fetchSubtrees(session, completed)).map((node) => [`${node.level}:${node.index}`, node.hash]));
    for (const node of completed) {
      const hash = stored.get(`${node.level}:${node.index}`);
      if (hash?.equals(node.hash)) continue;
      const first = node.index * 2 ** node.level;
      const last = first + 2 ** node.level - 1;
      report(last, {
        kind: "node",
        seq: first,
        message: `the stored tree node over seq ${first} to ${last} (level ${node.level}) ${hash ? "does not match its leaves" : "is missing"}: proofs through it would fail.`,
      });
    }
  };

  const appender = new MerkleAppender(0, [], STORED_FROM_LEVEL);
  let treeBroken = false;
  let pendingCheckpoint = await nextCheckpoint();
  // A root is compared where the rebuilt tree has the checkpoint's size; after a gap, sizes no longer line up.
  const advanceCheckpoints = async () => {
    while (pendingCheckpoint && pendingCheckpoint.treeSize <= appender.size) {
      checkCheckpoint(pendingCheckpoint, !treeBroken && pendingCheckpoint.treeSize === appender.size ? appender.root() : null);
      pendingCheckpoint = await nextCheckpoint();
    }
  };
  await advanceCheckpoints();

  let from = 0;
  while (from < total) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error("verification cancelled");
    const rows = await session.query<{ seq: string; eventId: string; category: string; eventCreatedAt: string; hash: Uint8Array }>(
      `SELECT l."seq"::text AS "seq", l."eventId"::text AS "eventId", l."category"::text AS "category", ${ISO_MS('l."eventCreatedAt"')} AS "eventCreatedAt", l."hash"
       FROM "AuditLeaf" l WHERE l."seq" >= $1::bigint ORDER BY l."seq" LIMIT $2`,
      [String(from), batch],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const leaf: Leaf = {
        seq: Number(row.seq),
        eventId: BigInt(row.eventId),
        category: row.category,
        eventCreatedAt: row.eventCreatedAt,
        hash: Buffer.from(row.hash),
      };
      const expected = appender.size;
      if (!treeBroken && leaf.seq !== expected) {
        treeBroken = true;
        report(expected, {
          kind: "gap",
          seq: expected,
          message: `sequence number${leaf.seq - expected > 1 ? `s ${expected} to ${leaf.seq - 1} are` : ` ${expected} is`} missing: the leaf rows were deleted.`,
        });
      }
      await checkEvent(leaf);
      if (!treeBroken) {
        appender.append(leaf.hash);
        if (pendingCheckpoint && pendingCheckpoint.treeSize === appender.size) await advanceCheckpoints();
      }
    }
    if (!treeBroken) await checkNodes(appender.drainCompleted());
    from = Number((rows.at(-1) as { seq: string }).seq) + 1;
    options.onProgress?.({ done: Math.min(from, total), total });
  }

  // Checkpoints past the last leaf: signed for leaves the log no longer has.
  for (let checkpoint = pendingCheckpoint; checkpoint; checkpoint = await nextCheckpoint()) {
    checkCheckpoint(checkpoint, null);
    if (checkpoint.treeSize > total) {
      report(checkpoint.treeSize - 0.5, {
        kind: "truncated",
        treeSize: checkpoint.treeSize,
        message: `the checkpoint of size ${checkpoint.treeSize} was signed, but the log holds only ${total} leaves: the last ones were deleted.`,
      });
    }
  }
  // Events up to the last sequenced one that no leaf claimed.
  for (let next = await events.peek(); next; next = await events.peek()) {
    events.take();
    setAside.set(next.id, { row: next.row, at: total });
  }
  for (const [id, { at }] of setAside) {
    report(at, {
      kind: "unsequenced",
      seq: at,
      eventId: String(id),
      message: `event ${id} is stored among sequenced events (before seq ${at}'s) but has no leaf: it was inserted behind the log's back.`,
    });
  }
  nameSwaps(altered);

  const [pending] = await session.query<{ count: string }>(`SELECT count(*)::text AS "count" FROM "AuditEvent" e WHERE e.id > $1::bigint`, [
    String(maxEventId),
  ]);
  found.sort((a, b) => a.at - b.at);
  const problems = found.slice(0, VERIFY_PROBLEMS_KEPT).map((entry) => entry.problem);
  const durationMs = Math.round(performance.now() - started);
  return {
    ok: problemCount === 0,
    problem: problems[0] ?? null,
    problems,
    problemCount,
    origin,
    treeSize: total,
    eventsChecked,
    purged,
    lastPurgeAt,
    pending: Number(pending?.count ?? 0),
    checkpointsChecked,
    latestCheckpoint,
    startedAt,
    durationMs,
    eventsPerSecond: Math.round(total / Math.max(durationMs / 1000, 0.001)),
  };
}

/** Two altered events whose contents were swapped: each, with the other's id, hashes to the other's leaf. */
function nameSwaps(altered: { seq: number; eventId: string; record: EventLeafRecord; leaf: Hash; found: Found }[]): void {
  for (const a of altered) {
    const b = altered.find((other) => other !== a && eventLeafHash({ ...a.record, id: other.eventId }).equals(other.leaf));
    if (!b) continue;
    Object.assign(a.found.problem, {
      kind: "swapped",
      otherSeq: b.seq,
      message: `seq ${a.seq}: event ${a.eventId} holds the content logged for event ${b.eventId} at seq ${b.seq}: the two events' contents were swapped.`,
    });
  }
}
