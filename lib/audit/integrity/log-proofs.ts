// The Merkle log as the API serves it to audit readers: signed checkpoints, and RFC 9162 inclusion
// and consistency proofs that lead to one of them. A proof is only served for a tree size that has
// a stored checkpoint: a verifier needs a signed root to check a proof against, and a size between
// checkpoints has none. Read from the primary, where the checkpoint job writes.
import "server-only";
import type { z } from "zod";
import { InputError } from "@/lib/api/input-error";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { SqlSession } from "@/lib/db/database";
import { latestCheckpoint, type StoredCheckpoint } from "./checkpoint-job";
import type { checkpointAnswerSchema, checkpointListSchema, consistencyAnswerSchema, inclusionAnswerSchema } from "./log-api-docs";
import { consistencyProofAt, inclusionProofAt } from "./merkle-store";

type Query = Pick<SqlSession, "query">;
export type CheckpointAnswer = z.infer<typeof checkpointAnswerSchema>;

const READING = "Reading the audit log's proofs";
export const CHECKPOINT_PAGE_MAX = 1000;
const CHECKPOINT_PAGE_DEFAULT = 100;

type CheckpointRow = { treeSize: string; rootHash: Uint8Array; createdAt: Date | string; note: string };
const CHECKPOINT_COLUMNS = `c."treeSize"::text AS "treeSize", c."rootHash", c."createdAt", c."note"`;

function toStored(row: CheckpointRow): StoredCheckpoint {
  return { treeSize: Number(row.treeSize), rootHash: Buffer.from(row.rootHash), createdAt: new Date(row.createdAt), note: row.note };
}

export function checkpointAnswer(checkpoint: StoredCheckpoint): CheckpointAnswer {
  return {
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash.toString("base64"),
    time: checkpoint.createdAt.toISOString(),
    checkpoint: checkpoint.note,
  };
}

/** The stored checkpoint of `size`, or an InputError on `field` saying which sizes there are. */
export async function checkpointOfSize(session: Query, size: number, field: string): Promise<StoredCheckpoint> {
  const [row] = await session.query<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM "AuditCheckpoint" c WHERE c."treeSize" = $1::bigint`, [String(size)]);
  if (row) return toStored(row);
  const latest = await latestCheckpoint(session);
  const known = latest ? `the newest is ${latest.treeSize}; GET /api/audit/checkpoints lists them all` : "none has been signed yet";
  throw new InputError(field, `${field}: no checkpoint has the tree size ${size}; a proof leads to a signed checkpoint (${known})`);
}

export async function getLatestCheckpoint(): Promise<CheckpointAnswer | null> {
  await requireAuditReader(READING);
  const latest = await latestCheckpoint(getDb());
  return latest && checkpointAnswer(latest);
}

export async function getCheckpoint(size: number): Promise<CheckpointAnswer> {
  await requireAuditReader(READING);
  return checkpointAnswer(await checkpointOfSize(getDb(), size, "size"));
}

/** The checkpoints newest first, `limit` of them, of trees smaller than `before` when given. */
export async function listCheckpoints(page: { before?: number; limit?: number }): Promise<z.infer<typeof checkpointListSchema>> {
  await requireAuditReader(READING);
  const limit = page.limit ?? CHECKPOINT_PAGE_DEFAULT;
  if (limit < 1 || limit > CHECKPOINT_PAGE_MAX) throw new InputError("limit", `limit: must be from 1 to ${CHECKPOINT_PAGE_MAX}`);
  const rows = await getDb().query<CheckpointRow>(
    `SELECT ${CHECKPOINT_COLUMNS} FROM "AuditCheckpoint" c WHERE ($1::bigint IS NULL OR c."treeSize" < $1::bigint) ORDER BY c."treeSize" DESC LIMIT $2`,
    [page.before === undefined ? null : String(page.before), limit + 1],
  );
  const checkpoints = rows.slice(0, limit).map((row) => checkpointAnswer(toStored(row)));
  return { checkpoints, nextBefore: rows.length > limit ? (checkpoints.at(-1)?.treeSize ?? null) : null };
}

export async function getInclusionProof(seq: number, size: number): Promise<z.infer<typeof inclusionAnswerSchema>> {
  await requireAuditReader(READING);
  const db = getDb();
  const checkpoint = await checkpointOfSize(db, size, "size");
  const [leaf] = await db.query<{ eventId: string; hash: Uint8Array }>(
    `SELECT l."eventId"::text AS "eventId", l."hash" FROM "AuditLeaf" l WHERE l."seq" = $1::bigint`,
    [String(seq)],
  );
  if (!leaf) throw new InputError("seq", `seq: no leaf has the sequence number ${seq}`);
  const path = await inclusionProofAt(db, seq, size);
  return {
    tree_size: size,
    leaf_index: seq,
    inclusion_path: path.map((hash) => hash.toString("base64")),
    leaf_hash: Buffer.from(leaf.hash).toString("base64"),
    event_id: leaf.eventId,
    checkpoint: checkpointAnswer(checkpoint),
  };
}

export async function getConsistencyProof(from: number, to: number): Promise<z.infer<typeof consistencyAnswerSchema>> {
  await requireAuditReader(READING);
  const db = getDb();
  const newer = await checkpointOfSize(db, to, "to");
  const older = from === 0 ? null : await checkpointOfSize(db, from, "from");
  const path = await consistencyProofAt(db, from, to);
  return {
    tree_size_1: from,
    tree_size_2: to,
    consistency_path: path.map((hash) => hash.toString("base64")),
    checkpoint_1: older && checkpointAnswer(older),
    checkpoint_2: checkpointAnswer(newer),
  };
}
