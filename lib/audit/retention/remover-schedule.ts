// Starts the remover job on its schedule (config/audit-defaults.json, default "0 2 * * *": 02:00
// server time) in each server process. Processes that fire together meet at the advisory lock, and
// a process that gets it after another finished sees that slot's purge event and skips.
import { Cron } from "croner";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { auditDefaults } from "../config/defaults";
import { purgeExpiredEvents, REMOVER_JOB_NAME } from "./purge";
import type { PurgeResult } from "./purge-shapes";

/** Who scheduled runs act as: trusted by the guard, no session, no user row. */
export const REMOVER_JOB_PRINCIPAL: Principal = {
  userId: 0,
  username: REMOVER_JOB_NAME,
  displayName: "Remover job",
  role: "ADMIN",
  sessionId: null,
};

/** The scheduled minute a run fires for, the same in every process. */
export function scheduleSlot(firedAt: Date): Date {
  return new Date(Math.floor(firedAt.getTime() / 60_000) * 60_000);
}

export async function runScheduledPurge(firedAt = new Date()): Promise<PurgeResult> {
  return runAs(REMOVER_JOB_PRINCIPAL, () => purgeExpiredEvents({ trigger: "schedule", scheduledFor: scheduleSlot(firedAt) }));
}

function logResult(result: PurgeResult): void {
  if (result.status === "completed")
    console.log(`Remover job: removed ${result.total} events older than ${result.retentionDays} days in ${result.durationMs} ms.`);
  else if (result.status === "failed") console.error(`Remover job failed after removing ${result.total} events: ${result.error}`);
  else console.log(`Remover job: ${result.status === "skipped" ? result.reason : "a run is already going on"}.`);
}

const holder = globalThis as { __auditConsoleRemover?: Cron };

/** Starts the schedule once per process (dev reloads call it again). */
export function startRemoverSchedule(): Cron {
  if (holder.__auditConsoleRemover) return holder.__auditConsoleRemover;
  const { removerSchedule, removerTimeZone } = auditDefaults();
  const job = new Cron(
    removerSchedule,
    { name: "audit-remover", protect: true, unref: true, ...(removerTimeZone ? { timezone: removerTimeZone } : {}) },
    async () => {
      try {
        logResult(await runScheduledPurge());
      } catch (error) {
        console.error("Remover job failed:", error);
      }
    },
  );
  holder.__auditConsoleRemover = job;
  return job;
}
