// The remover job's results as the Config tab, the API and the purge event show them. Pure: safe
// in client code.
import type { AuditCategory } from "@/lib/generated/prisma/enums";

/** What the remover deletes; PERMISSION and SYSTEM events are kept for good. */
export const PURGED_CATEGORIES = ["LOGIN", "WORK_ITEM", "ARTIFACT"] as const satisfies readonly AuditCategory[];
export type PurgedCategory = (typeof PURGED_CATEGORIES)[number];
export type PurgeCounts = Record<PurgedCategory, number>;

export type PurgeTrigger = "schedule" | "manual";

export interface PurgePreview {
  retentionDays: number;
  cutoff: Date;
  total: number;
  byCategory: PurgeCounts;
  /** the oldest event the run would delete */
  oldest: Date | null;
}

export interface PurgeRun {
  status: "completed" | "failed";
  trigger: PurgeTrigger;
  retentionDays: number;
  cutoff: Date;
  deleted: PurgeCounts;
  total: number;
  batches: number;
  /** the month partitions dropped whole ("AuditEvent_expiring_2025_10"), oldest first */
  monthsDropped: string[];
  durationMs: number;
  /** why a failed run stopped; what it deleted before is in `deleted` */
  error?: string;
}

export type PurgeResult = PurgeRun | { status: "already-running" } | { status: "skipped"; reason: string };
