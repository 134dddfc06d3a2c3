// Starts the daily verification of the audit log (config/audit-defaults.json integrityCheck.schedule,
// default "0 4 * * *", in the remover's time zone) in each server process; a process that finds a
// verification running (another process's, or one an administrator started) skips. Its result is an
// Audit Log Verification event; one that fails raises the administrators' banner.
import "server-only";
import { Cron } from "croner";
import { auditDefaults } from "../config/defaults";
import { INTEGRITY_JOB_PRINCIPAL, runIntegrityCheck } from "./integrity-check";

const holder = globalThis as { __auditConsoleIntegritySchedule?: Cron };

/** Starts the schedule once per process (dev reloads call it again). */
export function startIntegritySchedule(): Cron {
  if (holder.__auditConsoleIntegritySchedule) return holder.__auditConsoleIntegritySchedule;
  const { integrityCheckSchedule, removerTimeZone } = auditDefaults();
  const job = new Cron(
    integrityCheckSchedule,
    { name: "audit-integrity-check", protect: true, unref: true, ...(removerTimeZone ? { timezone: removerTimeZone } : {}) },
    async () => {
      try {
        const run = await runIntegrityCheck("schedule", INTEGRITY_JOB_PRINCIPAL);
        if (!run.ran) console.log(`Audit log verification: skipped, one started by ${run.running?.startedBy ?? "another process"} is running.`);
        else if (run.details.outcome !== "passed")
          console.error(`Audit log verification: ${run.details.outcome}; see the Console tab's Audit Log Verification event.`);
      } catch (error) {
        console.error("The audit log verification failed:", error);
      }
    },
  );
  holder.__auditConsoleIntegritySchedule = job;
  return job;
}
