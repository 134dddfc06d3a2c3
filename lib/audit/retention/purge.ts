// The remover job: deletes Login and Work Item / Artifact events older than the retention, keeps
// Permission and Audit Console events, and records what it removed as an AUDIT_PURGE event. It
// runs as the database owner. Whole months before the cutoff are dropped as partitions
// (lib/db/event-partitions.ts); the rest it deletes in batches of ids with a short pause between
// them, so that other queries keep flowing, walking each category by keyset (newest doomed row
// first), so that no batch rescans the rows the batches before it removed; then it vacuums them.
import "server-only";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import type { RequestInfo } from "@/lib/auth/request-info";
import { getDb, type Database, type SqlSession } from "@/lib/db";
import { dropEventPartition, listEventPartitions, maintainEventPartitions, vacuumAround } from "@/lib/db/event-partitions";
import { loadRetention } from "../config/retention-settings";
import { checkpointLog } from "../integrity/checkpoint-thread";
import { CATEGORY_LABELS } from "../events/event-types";
import { formatCount } from "../search/list-result";
import { recordEvent } from "../events/record-event";
import { withPurgeLock, withRemovalLock } from "./purge-lock";
import {
  PURGED_CATEGORIES,
  type PurgeCounts,
  type PurgePreview,
  type PurgeResult,
  type PurgeRun,
  type PurgeTrigger,
  type PurgedCategory,
} from "./purge-shapes";

export const PURGE_BATCH_SIZE = 5_000;
export const PURGE_PAUSE_MS = 20;
/** The actor of scheduled runs. */
export const REMOVER_JOB_NAME = "remover-job";

const DAY_MS = 86_400_000;

export function purgeCutoff(retentionDays: number, now: Date): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

const zeroCounts = (): PurgeCounts => ({ LOGIN: 0, WORK_ITEM: 0, ARTIFACT: 0 });

/** What a run now would delete. */
export async function previewPurge(now = new Date()): Promise<PurgePreview> {
  await requireAuditReader("Previewing the remover job");
  const { prisma } = getDb();
  const { days } = await loadRetention(prisma);
  const cutoff = purgeCutoff(days, now);
  const groups = await prisma.auditEvent.groupBy({
    by: ["category"],
    where: { category: { in: [...PURGED_CATEGORIES] }, createdAt: { lt: cutoff } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  const byCategory = zeroCounts();
  let oldest: Date | null = null;
  for (const group of groups) {
    byCategory[group.category as PurgedCategory] = group._count._all;
    const min = group._min.createdAt;
    if (min && (!oldest || min < oldest)) oldest = min;
  }
  return { retentionDays: days, cutoff, total: Object.values(byCategory).reduce((a, b) => a + b, 0), byCategory, oldest };
}

export interface PurgeOptions {
  trigger: PurgeTrigger;
  /** the request of a manual run, for the purge event */
  request?: RequestInfo;
  /** the slot a scheduled run fires for: a second process firing for the same slot skips */
  scheduledFor?: Date;
  now?: Date;
  batchSize?: number;
  pauseMs?: number;
  /** default: the process's database (getDb()) */
  database?: Database;
}

interface BatchRow {
  deleted: number;
  lastId: string | null;
  lastCreatedAt: Date | string | null;
}

// One batch: the next `limit` rows of a category below the keyset bound (createdAt, id), deleted by
// their whole primary key (each found in its own partition's index). A function of the database
// (migration 20261128094155_merkle_log), because events are append-only: it sets the flag that lets
// the owner delete, for its own statement only.
const DELETE_BATCH = `SELECT deleted, "lastId", "lastCreatedAt" FROM audit_event_purge_batch($1::"AuditCategory", $2::timestamptz, $3::bigint, $4::int)`;

async function deleteCategory(
  session: SqlSession,
  category: PurgedCategory,
  cutoff: Date,
  batchSize: number,
  pauseMs: number,
  progress: { batches: number },
): Promise<number> {
  let bound = { createdAt: cutoff.toISOString(), id: "0" };
  let total = 0;
  for (;;) {
    const [row] = await session.query<BatchRow>(DELETE_BATCH, [category, bound.createdAt, bound.id, batchSize]);
    const deleted = row?.deleted ?? 0;
    total += deleted;
    if (deleted > 0) progress.batches++;
    if (deleted < batchSize || !row?.lastId || !row.lastCreatedAt) return total;
    bound = { createdAt: new Date(row.lastCreatedAt).toISOString(), id: row.lastId };
    if (pauseMs > 0) await sleep(pauseMs);
  }
}

function describeRun(run: PurgeRun): string {
  const parts = PURGED_CATEGORIES.map((category) => `${formatCount(run.deleted[category])} ${CATEGORY_LABELS[category]}`).join(", ");
  const older = `older than ${run.retentionDays} days (before ${run.cutoff.toISOString()})`;
  const months = run.monthsDropped.length;
  const dropped = months > 0 ? ` ${months === 1 ? "One whole month was" : `${months} whole months were`} dropped at once.` : "";
  return run.status === "completed"
    ? `Removed ${formatCount(run.total)} events ${older}: ${parts}.${dropped}`
    : `The remover job failed after removing ${formatCount(run.total)} events ${older} (${parts}): ${run.error}`;
}

/**
 * Runs the remover now, unless a run is going on (here or in another process): then it returns
 * { status: "already-running" } at once. Scheduled runs go through runAs with the job's principal.
 */
export async function purgeExpiredEvents(options: PurgeOptions): Promise<PurgeResult> {
  const principal = await requireAdmin("Running the remover job");
  const db = options.database ?? getDb();
  const { trigger } = options;
  const startedBy = trigger === "manual" ? principal.username : REMOVER_JOB_NAME;
  const locked = await withPurgeLock(db, { startedAt: new Date(), trigger, startedBy }, async (session): Promise<PurgeResult> => {
    const scheduledFor = options.scheduledFor?.toISOString();
    if (scheduledFor) {
      const done = await db.prisma.auditEvent.findFirst({
        where: { eventType: "AUDIT_PURGE", details: { path: ["scheduledFor"], equals: scheduledFor } },
        select: { id: true },
      });
      if (done) return { status: "skipped", reason: `another process already ran the remover scheduled for ${scheduledFor}` };
    }
    // Not while the log is being verified: the purge and its record of it reach a verifier together.
    return withRemovalLock(db, session, "exclusive", () => removeExpired(db, principal, options, scheduledFor));
  });
  return locked.acquired ? locked.value : { status: "already-running" };
}

/** The remover's run itself, under its locks: checkpoint, remove, record the purge event. */
async function removeExpired(
  db: Database,
  principal: Pick<Principal, "userId" | "username">,
  options: PurgeOptions,
  scheduledFor: string | undefined,
): Promise<PurgeRun> {
  const { trigger } = options;
  const startedBy = trigger === "manual" ? principal.username : REMOVER_JOB_NAME;
  const started = performance.now();
  const { days } = await loadRetention(db.prisma);
  const cutoff = purgeCutoff(days, options.now ?? new Date());
  const deleted = zeroCounts();
  const progress = { batches: 0 };
  const monthsDropped: string[] = [];
  let error: string | undefined;
  try {
    // Every event is in the signed log before it goes: its leaf stays as the tombstone that keeps
    // every checkpoint verifying, and this run's purge event says why its content is gone.
    await checkpointLog(db);
    // As the database owner: the application's role may only add and read events.
    await db.withOwnerSession(async (owner) => {
      await maintainEventPartitions(owner, options.now ?? new Date());
      // Whole months before the cutoff go at once, leaving no dead rows behind.
      for (const month of await listEventPartitions(owner, "expiring")) {
        if (month.to > cutoff) break;
        const counts = await dropEventPartition(owner, month.name);
        if (!counts) continue;
        monthsDropped.push(month.name);
        for (const category of PURGED_CATEGORIES) deleted[category] += counts[category] ?? 0;
      }
      // The rest (the month the cutoff falls in, events waiting in the default partition) row by row.
      let rows = 0;
      for (const category of PURGED_CATEGORIES) {
        const count = await deleteCategory(owner, category, cutoff, options.batchSize ?? PURGE_BATCH_SIZE, options.pauseMs ?? PURGE_PAUSE_MS, progress);
        deleted[category] += count;
        rows += count;
      }
      if (rows > 0) await vacuumAround(owner, "expiring", cutoff);
    });
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const run: PurgeRun = {
    status: error === undefined ? "completed" : "failed",
    trigger,
    retentionDays: days,
    cutoff,
    deleted,
    total: Object.values(deleted).reduce((a, b) => a + b, 0),
    batches: progress.batches,
    monthsDropped,
    durationMs: Math.round(performance.now() - started),
    ...(error === undefined ? {} : { error }),
  };
  await recordEvent(
    {
      eventType: "AUDIT_PURGE",
      actor: trigger === "manual" ? { id: principal.userId, name: principal.username } : { id: null, name: REMOVER_JOB_NAME },
      message: describeRun(run),
      details: {
        outcome: run.status,
        trigger,
        startedBy,
        retentionDays: days,
        cutoff: cutoff.toISOString(),
        deleted,
        total: run.total,
        batches: run.batches,
        monthsDropped,
        durationMs: run.durationMs,
        ...(error === undefined ? {} : { error }),
        ...(scheduledFor ? { scheduledFor } : {}),
      },
      ip: options.request?.ip ?? null,
      userAgent: options.request?.userAgent ?? null,
    },
    { client: db.prisma },
  );
  return run;
}
