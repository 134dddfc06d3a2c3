// What the Config tab and GET /api/audit/config/retention tell about the remover job: its schedule
// and next run, whether a run is going on, and the last run as its AUDIT_PURGE event recorded it.
import "server-only";
import { Cron } from "croner";
import { z } from "zod";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { auditDefaults } from "../config/defaults";
import { purgeLockHeld, runningPurgeHere } from "./purge-lock";

export interface LastPurgeRun {
  eventId: string;
  finishedAt: Date;
  outcome: "completed" | "failed";
  trigger: "schedule" | "manual";
  /** username, or the job's name for scheduled runs */
  startedBy: string;
  retentionDays: number | null;
  cutoff: Date | null;
  total: number;
  deleted: { LOGIN: number; WORK_ITEM: number; ARTIFACT: number };
  durationMs: number | null;
  error: string | null;
}

export interface RemoverStatus {
  schedule: string;
  /** the zone the schedule is read in: the file's, else the server's */
  timeZone: string;
  nextRunAt: Date | null;
  running: { startedAt: Date | null; startedBy: string | null } | null;
  lastRun: LastPurgeRun | null;
}

const count = z.number().int().nonnegative().catch(0);
const detailsSchema = z.object({
  outcome: z.enum(["completed", "failed"]).catch("completed"),
  trigger: z.enum(["schedule", "manual"]).catch("manual"),
  retentionDays: z.number().nullable().catch(null),
  cutoff: z.iso.datetime().nullable().catch(null),
  total: count,
  deleted: z.object({ LOGIN: count, WORK_ITEM: count, ARTIFACT: count }).catch({ LOGIN: 0, WORK_ITEM: 0, ARTIFACT: 0 }),
  durationMs: z.number().nullable().catch(null),
  error: z.string().nullable().catch(null),
});

export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The next instant the schedule fires after `after`. */
export function nextScheduledRun(schedule: string, timeZone: string | null, after = new Date()): Date | null {
  const job = new Cron(schedule, { paused: true, ...(timeZone ? { timezone: timeZone } : {}) });
  try {
    return job.nextRun(after);
  } finally {
    job.stop();
  }
}

export async function loadLastPurgeRun(): Promise<LastPurgeRun | null> {
  const event = await getDb().prisma.auditEvent.findFirst({
    where: { eventType: "AUDIT_PURGE" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!event) return null;
  const details = detailsSchema.parse(event.details ?? {});
  return {
    eventId: event.id.toString(),
    finishedAt: event.createdAt,
    outcome: details.outcome,
    trigger: details.trigger,
    startedBy: event.actorName,
    retentionDays: details.retentionDays,
    cutoff: details.cutoff ? new Date(details.cutoff) : null,
    total: details.total,
    deleted: details.deleted,
    durationMs: details.durationMs,
    error: details.error,
  };
}

export async function getRemoverStatus(now = new Date()): Promise<RemoverStatus> {
  await requireAuditReader("Reading the audit configuration");
  const db = getDb();
  const defaults = auditDefaults();
  const here = runningPurgeHere(db);
  const [held, lastRun] = await Promise.all([here ? Promise.resolve(true) : purgeLockHeld(db), loadLastPurgeRun()]);
  return {
    schedule: defaults.removerSchedule,
    timeZone: defaults.removerTimeZone ?? serverTimeZone(),
    nextRunAt: nextScheduledRun(defaults.removerSchedule, defaults.removerTimeZone, now),
    running: held ? { startedAt: here?.startedAt ?? null, startedBy: here?.startedBy ?? null } : null,
    lastRun,
  };
}
