// The console's own verification of the audit log: "Verify now" on the Config tab and the daily
// scheduled check run verifyLog over the app's database in the background, one at a time per
// database (an advisory lock across server processes, lib/db/job-lock.ts), never while the remover
// removes events (lib/audit/retention/purge-lock.ts), and record each result as an Audit Log
// Verification event (always audited). The last one decides the red banner administrators see on
// every console page until a verification passes (NIST SP 800-53 AU-9(b): alert on tampering).
import "server-only";
import { z } from "zod";
import { requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import type { RequestInfo } from "@/lib/auth/request-info";
import { type Database, getDb } from "@/lib/db";
import { jobLock, type LockHolder } from "@/lib/db/job-lock";
import { auditDefaults } from "../config/defaults";
import { nextScheduledRun, serverTimeZone } from "../retention/remover-status";
import { withRemovalLock } from "../retention/purge-lock";
import { recordEvent } from "../events/record-event";
import { latestCheckpoint } from "./checkpoint-job";
import { checkpointAnswer } from "./log-proofs";
import { auditLogOrigin, logSigningKey } from "./log-key";
import { verifyLog } from "./verify-log";
import { VERIFY_PROBLEM_KINDS, type VerifyProblem, type VerifyProgress, type VerifyResult } from "./verify-problems";

export type IntegrityTrigger = "manual" | "schedule";

/** A verification going on: its progress when it runs in this process, null in another one. */
export type RunningIntegrityCheck = LockHolder & { progress: VerifyProgress | null };

export const INTEGRITY_JOB_NAME = "integrity-check";

/** pg_try_advisory_lock key of the verification ("AUVF"). */
export const VERIFY_LOCK_KEY = 0x41555646;

/** Who scheduled verifications act as: trusted by the guard, no session, no user row. */
export const INTEGRITY_JOB_PRINCIPAL: Principal = { userId: 0, username: INTEGRITY_JOB_NAME, displayName: "Integrity check", role: "ADMIN", sessionId: null };

const verifyLock = jobLock<RunningIntegrityCheck & { startedAt: Date }>(VERIFY_LOCK_KEY, "audit-verify");

/** The verification going on over `db`, in this process or another; null when none. */
export async function runningIntegrityCheck(db: Database = getDb()): Promise<RunningIntegrityCheck | null> {
  const holder = await verifyLock.holder(db);
  return holder && { progress: null, ...holder };
}

const problemSchema = z.object({
  kind: z.enum(Object.keys(VERIFY_PROBLEM_KINDS) as [keyof typeof VERIFY_PROBLEM_KINDS]),
  message: z.string(),
  seq: z.number().optional(),
  eventId: z.string().optional(),
  treeSize: z.number().optional(),
});

const count = z.number().int().nonnegative().catch(0);
const detailsSchema = z.object({
  outcome: z.enum(["passed", "failed", "error"]).catch("error"),
  trigger: z.enum(["manual", "schedule"]).catch("manual"),
  treeSize: count,
  eventsChecked: count,
  purged: count,
  pending: count,
  checkpointsChecked: count,
  problemCount: count,
  problems: z.array(problemSchema).catch([]),
  durationMs: count,
  eventsPerSecond: count,
  error: z.string().nullable().catch(null),
});

export type IntegrityCheckDetails = z.infer<typeof detailsSchema>;

export interface LastIntegrityCheck extends IntegrityCheckDetails {
  eventId: string;
  finishedAt: Date;
  startedBy: string;
  message: string;
}

const number = (n: number) => n.toLocaleString("en-US");

function outcomeMessage(details: IntegrityCheckDetails): string {
  if (details.outcome === "error") return `The audit log could not be verified: ${details.error}`;
  const checked = `${number(details.eventsChecked)} events, ${number(details.purged)} purged by retention, ${number(details.checkpointsChecked)} checkpoints`;
  if (details.outcome === "passed") return `The audit log verifies: ${checked}.`;
  const first = details.problems[0] as VerifyProblem;
  return `The audit log does not verify: ${VERIFY_PROBLEM_KINDS[first.kind]}: ${first.message} (${number(details.problemCount)} problem${details.problemCount === 1 ? "" : "s"}; ${checked})`;
}

function detailsOf(result: VerifyResult, trigger: IntegrityTrigger): IntegrityCheckDetails {
  return {
    outcome: result.ok ? "passed" : "failed",
    trigger,
    treeSize: result.treeSize,
    eventsChecked: result.eventsChecked,
    purged: result.purged,
    pending: result.pending,
    checkpointsChecked: result.checkpointsChecked,
    problemCount: result.problemCount,
    problems: result.problems.slice(0, 5).map(({ kind, message, seq, eventId, treeSize }) => ({ kind, message, seq, eventId, treeSize })),
    durationMs: result.durationMs,
    eventsPerSecond: result.eventsPerSecond,
    error: null,
  };
}

export type IntegrityCheckRun = { ran: true; details: IntegrityCheckDetails } | { ran: false; running: RunningIntegrityCheck | null };

export interface IntegrityCheckOptions {
  request?: RequestInfo;
  /** default: the process's database (getDb()) */
  database?: Database;
  /** called once this run holds the verification's lock, before it reads the log */
  onStarted?: () => void;
}

/**
 * Verifies the log now and records the outcome as an Audit Log Verification event by `actor`; when a
 * verification is running already (in any process), says which instead.
 */
export async function runIntegrityCheck(
  trigger: IntegrityTrigger,
  actor: Pick<Principal, "userId" | "username">,
  options: IntegrityCheckOptions = {},
): Promise<IntegrityCheckRun> {
  const db = options.database ?? getDb();
  const running = { startedAt: new Date(), startedBy: actor.username, trigger, progress: { done: 0, total: 0, waitingForRemover: true } as VerifyProgress };
  let details: IntegrityCheckDetails;
  try {
    const locked = await verifyLock.run(db, running, (session) => {
      options.onStarted?.();
      // A purge going on finishes (and records what it removed) first; one starting waits for this run.
      return withRemovalLock(db, session, "shared", () => {
        running.progress = { done: 0, total: 0 };
        const key = logSigningKey();
        return verifyLog(session, { verifierKey: key.verifierKey, origin: auditLogOrigin(), onProgress: (progress) => (running.progress = progress) });
      });
    });
    if (!locked.acquired) return { ran: false, running: locked.holder && { progress: null, ...locked.holder } };
    details = detailsOf(locked.value, trigger);
  } catch (error) {
    details = { ...detailsSchema.parse({}), trigger, error: error instanceof Error ? error.message : String(error) };
  }
  await recordEvent(
    {
      eventType: "AUDIT_INTEGRITY_CHECK",
      actor: { id: actor.userId, name: actor.username },
      message: outcomeMessage(details),
      details,
      ip: options.request?.ip ?? null,
      userAgent: options.request?.userAgent ?? null,
    },
    { client: db.prisma },
  );
  return { ran: true, details };
}

/**
 * Starts a verification in the background (administrators). Answers once it holds the lock, or with
 * the verification that holds it already.
 */
export async function startIntegrityCheck(request?: RequestInfo): Promise<{ started: true } | { started: false; running: RunningIntegrityCheck | null }> {
  const principal = await requireAdmin("Verifying the audit log");
  return new Promise((resolve) => {
    runIntegrityCheck("manual", principal, { request, onStarted: () => resolve({ started: true }) })
      .then((run) => resolve(run.ran ? { started: true } : { started: false, running: run.running }))
      .catch((error) => {
        console.error("The audit log verification failed:", error);
        resolve({ started: true });
      });
  });
}

export async function loadLastIntegrityCheck(): Promise<LastIntegrityCheck | null> {
  const event = await getDb().prisma.auditEvent.findFirst({
    where: { eventType: "AUDIT_INTEGRITY_CHECK" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true, actorName: true, message: true, details: true },
  });
  if (!event) return null;
  return {
    ...detailsSchema.parse(event.details ?? {}),
    eventId: event.id.toString(),
    finishedAt: event.createdAt,
    startedBy: event.actorName,
    message: event.message ?? "",
  };
}

/** What the Config tab's Tamper evidence section shows. */
export async function getIntegrityStatus() {
  await requireAuditReader("Reading the audit configuration");
  const key = logSigningKey();
  const { integrityCheckSchedule, removerTimeZone } = auditDefaults();
  const [latest, lastCheck] = await Promise.all([latestCheckpoint(getDb()), loadLastIntegrityCheck()]);
  return {
    verifierKey: key.verifierKey,
    origin: auditLogOrigin(),
    latestCheckpoint: latest && checkpointAnswer(latest),
    lastCheck,
    running: await runningIntegrityCheck(),
    schedule: integrityCheckSchedule,
    timeZone: removerTimeZone ?? serverTimeZone(),
    nextRunAt: nextScheduledRun(integrityCheckSchedule, removerTimeZone),
  };
}

export type IntegrityStatus = Awaited<ReturnType<typeof getIntegrityStatus>>;

/** For the console's banner: the last verification, when it did not pass and the viewer is an administrator. */
export async function integrityAlertFor(principal: Principal): Promise<LastIntegrityCheck | null> {
  if (principal.role !== "ADMIN") return null;
  const last = await loadLastIntegrityCheck();
  return last && last.outcome !== "passed" ? last : null;
}
