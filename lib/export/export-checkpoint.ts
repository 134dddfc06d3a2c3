// What an export is bounded by: a checkpoint forced as it starts, so that every row the file holds
// is in the signed log and its manifest can prove it (lib/audit/integrity/export-manifest.ts).
import "server-only";
import { checkpointLog } from "@/lib/audit/integrity/checkpoint-thread";
import type { Hash } from "@/lib/audit/integrity/merkle";
import type { AuditWhere } from "@/lib/audit/search/filter-query";
import type { Database } from "@/lib/db";

export interface ExportCheckpoint {
  treeSize: number;
  rootHash: Hash;
  createdAt: Date;
  /** the signed note */
  note: string;
  /** the event of the last leaf in the tree (0 for an empty log) */
  lastEventId: bigint;
}

/**
 * Sequences every settled event and signs a checkpoint over them (checkpoint-job.ts), and names the
 * event of its last leaf. The job sequences events in id order with no gaps, up to an id below which
 * every event has committed or never will (lib/db/event-write-lock.ts). So "id ≤ lastEventId" and
 * "has a leaf below treeSize" select the same events: the bound exportBound gives an export.
 */
export async function forceExportCheckpoint(db: Database): Promise<ExportCheckpoint> {
  const { checkpoint } = await checkpointLog(db);
  const [last] =
    checkpoint.treeSize === 0
      ? []
      : await db.query<{ eventId: string }>(`SELECT l."eventId"::text AS "eventId" FROM "AuditLeaf" l WHERE l."seq" = $1::bigint`, [
          String(checkpoint.treeSize - 1),
        ]);
  return { ...checkpoint, lastEventId: BigInt(last?.eventId ?? 0) };
}

/**
 * The events an export bounded by `checkpoint` may hold: those with a leaf in its tree. Events
 * stored after it (or still being written) are left out, whatever their time: the file is the
 * result as the checkpoint saw it, and its manifest proves every row of it.
 */
export function exportBound(checkpoint: ExportCheckpoint): AuditWhere {
  return { id: { lte: checkpoint.lastEventId } };
}
