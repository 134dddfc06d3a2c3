// The checkpoint job: sequences the events stored since the last run (seq = leaf index, in id
// order, with no gaps), appends their leaf hashes to the Merkle log, and signs a checkpoint of the
// new tree. Sequencing here rather than in the writers keeps ingestion free of any global lock:
// writers only take the event writers' lock shared (lib/db/event-write-lock.ts), and this job reads
// up to the settled id, below which every event has committed or never will. One run at a time
// (an advisory lock, across processes); each run is one transaction, so a failed run leaves no
// leaf without its checkpoint. It runs each minute, and on demand (an export starts with one).
import "server-only";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database, SqlSession } from "@/lib/db/database";
import { settledEventId } from "@/lib/db/event-write-lock";
import { type Column, insertRows } from "@/lib/db/unnest-insert";
import { signCheckpoint } from "./checkpoint";
import { EVENT_LEAF_COLUMNS, type EventLeafRow, eventLeafTextOfRow } from "./event-leaf";
import { type CompletedSubtree, type Hash, leafHashOfText, MerkleAppender } from "./merkle";
import { frontierAt, logHead, STORED_FROM_LEVEL } from "./merkle-store";
import type { SigningKey } from "./signing-key";

/** pg_advisory_xact_lock key of the checkpoint job ("AUCP"). */
export const CHECKPOINT_LOCK_KEY = 0x41554350;
/** Events read and leaves written per statement. */
export const SEQUENCE_BATCH = 5_000;
/**
 * Leaves one run adds at most: a backlog is caught up by consecutive runs, each signed. PGlite's one
 * connection is held from every other caller while a run's transaction lasts: short runs there.
 */
export const MAX_LEAVES_PER_RUN = { postgres: 200_000, pglite: 10_000 } as const;

/** What the job needs of a database: the server's (Database), or a worker thread's own connection (checkpoint-worker.ts). */
export type CheckpointDatabase = Pick<Database, "kind" | "withTransaction">;

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: Hash;
  createdAt: Date;
  /** the signed note */
  note: string;
}

export interface CheckpointRun {
  /** the newest checkpoint after the run */
  checkpoint: StoredCheckpoint;
  /** false when nothing new was stored since the last checkpoint */
  created: boolean;
  leavesAdded: number;
  /** events still waiting (more than one run's worth): run again */
  more: boolean;
  durationMs: number;
}

// A batch's leaves in one statement: consecutive sequence numbers from $1, the events' ids,
// categories and times as array literals joined in JavaScript (digits, enum names and ISO times
// need no quoting, where the driver quotes every element), their hashes as one bytea of 32 bytes each.
const LEAF_INSERT_SQL = `INSERT INTO "AuditLeaf" ("seq", "eventId", "category", "eventCreatedAt", "hash")
  SELECT $1::bigint + l.ord - 1, l."eventId", l."category"::"AuditCategory", l."createdAt"::timestamptz, substring($5::bytea FROM (l.ord::int - 1) * 32 + 1 FOR 32)
  FROM unnest($2::bigint[], $3::text[], $4::text[]) WITH ORDINALITY AS l("eventId", "category", "createdAt", ord)`;
const arrayLiteral = (rows: readonly EventLeafRow[], field: "id" | "category" | "createdAt") => `{${rows.map((row) => row[field]).join(",")}}`;

const NODE_COLUMNS: Column<CompletedSubtree>[] = [
  ["level", "int", (node) => node.level],
  ["index", "bigint", (node) => String(node.index)],
  ["hash", "bytea", (node) => `\\x${node.hash.toString("hex")}`],
];

export async function latestCheckpoint(session: Pick<SqlSession, "query">): Promise<StoredCheckpoint | null> {
  const [row] = await session.query<{ treeSize: string; rootHash: Uint8Array; createdAt: Date | string; note: string }>(
    `SELECT c."treeSize"::text AS "treeSize", c."rootHash", c."createdAt", c."note" FROM "AuditCheckpoint" c ORDER BY c."treeSize" DESC LIMIT 1`,
  );
  return row ? { treeSize: Number(row.treeSize), rootHash: Buffer.from(row.rootHash), createdAt: new Date(row.createdAt), note: row.note } : null;
}

/**
 * Sequences what has been stored and signs a checkpoint over it (at most `maxLeaves` new leaves;
 * `more` says a backlog remains). Waits for a run in another process to finish first.
 */
export async function runCheckpoint(db: CheckpointDatabase, key: SigningKey, options: { maxLeaves?: number; now?: () => Date } = {}): Promise<CheckpointRun> {
  const started = performance.now();
  const maxLeaves = options.maxLeaves ?? MAX_LEAVES_PER_RUN[db.kind];
  const settled = await settledEventId(db);
  return db.withTransaction(async (tx) => {
    await tx.query(`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${CHECKPOINT_LOCK_KEY}::bigint)`);
    const head = await logHead(tx);
    const appender = new MerkleAppender(head.size, await frontierAt(tx, head.size), STORED_FROM_LEVEL);
    // One cursor over the run's events, read a batch at a time: planned once per run. A query per
    // batch was planned each time, over every partition of the event table (26 ms at 38 partitions,
    // three times the 9 ms its 5,000 rows took to read).
    await tx.query(
      `DECLARE "checkpoint_events" NO SCROLL CURSOR FOR SELECT ${EVENT_LEAF_COLUMNS} FROM "AuditEvent" e
       WHERE e.id > $1::bigint AND e.id <= $2::bigint ORDER BY e.id LIMIT $3`,
      [String(head.lastEventId), String(settled), maxLeaves],
    );
    for (;;) {
      const rows = await tx.query<EventLeafRow>(`FETCH ${SEQUENCE_BATCH} FROM "checkpoint_events"`);
      if (rows.length === 0) break;
      const firstSeq = appender.size;
      const hashes = rows.map((row) => {
        const hash = leafHashOfText(eventLeafTextOfRow(row));
        appender.append(hash);
        return hash;
      });
      await tx.query(LEAF_INSERT_SQL, [
        String(firstSeq),
        arrayLiteral(rows, "id"),
        arrayLiteral(rows, "category"),
        arrayLiteral(rows, "createdAt"),
        Buffer.concat(hashes),
      ]);
      await insertRows(tx, "AuditMerkleNode", NODE_COLUMNS, appender.drainCompleted(), SEQUENCE_BATCH);
      if (rows.length < SEQUENCE_BATCH) break;
    }
    await tx.query(`CLOSE "checkpoint_events"`);
    // A run that took its most may have left some: the caller runs again.
    const more = appender.size - head.size >= maxLeaves;
    const leavesAdded = appender.size - head.size;
    const previous = await latestCheckpoint(tx);
    if (previous && previous.treeSize === appender.size) {
      return { checkpoint: previous, created: false, leavesAdded, more, durationMs: Math.round(performance.now() - started) };
    }
    const createdAt = options.now?.() ?? new Date();
    const rootHash = appender.root();
    const note = signCheckpoint({ origin: key.name, treeSize: appender.size, rootHash, time: createdAt, extensions: [] }, key.name, key.privateKey);
    await tx.query(`INSERT INTO "AuditCheckpoint" ("treeSize", "rootHash", "createdAt", "note") VALUES ($1::bigint, $2::bytea, $3::timestamptz, $4)`, [
      String(appender.size),
      rootHash,
      createdAt.toISOString(),
      note,
    ]);
    const checkpoint = { treeSize: appender.size, rootHash, createdAt, note };
    return { checkpoint, created: true, leavesAdded, more, durationMs: Math.round(performance.now() - started) };
  });
}

/**
 * Runs until the log has caught up with every settled event: the newest checkpoint, whether any run
 * made one, and the leaves and time of all runs. `pauseMs` between runs lets other work have
 * PGlite's one connection during a long catch-up.
 */
export async function checkpointAll(db: CheckpointDatabase, key: SigningKey, pauseMs = 0): Promise<CheckpointRun> {
  const started = performance.now();
  let run = await runCheckpoint(db, key);
  let { created, leavesAdded } = run;
  while (run.more) {
    if (pauseMs > 0) await sleep(pauseMs);
    run = await runCheckpoint(db, key);
    created ||= run.created;
    leavesAdded += run.leavesAdded;
  }
  return { ...run, created, leavesAdded, durationMs: Math.round(performance.now() - started) };
}
