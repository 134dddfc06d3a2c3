// What `npm run verify` and the Config tab's "Verify now" report: the problems a verification can
// find in the log, each named by its kind and place, and the summary of a run. Pure: safe in client code.

export const VERIFY_PROBLEM_KINDS = {
  altered: "Altered content",
  swapped: "Swapped content",
  missing: "Missing event",
  gap: "Missing sequence number",
  reordered: "Reordered",
  unsequenced: "Inserted behind the log's back",
  node: "Altered tree node",
  "checkpoint-signature": "Checkpoint signature",
  "checkpoint-root": "Checkpoint root",
  "checkpoint-origin": "Checkpoint origin",
  truncated: "Leaves missing at the end",
} as const;

export type VerifyProblemKind = keyof typeof VERIFY_PROBLEM_KINDS;

export interface VerifyProblem {
  kind: VerifyProblemKind;
  /** one sentence naming the place and what is wrong */
  message: string;
  /** the leaf (sequence number) where it was found */
  seq?: number;
  eventId?: string;
  /** the fields known to differ from what the leaf records (category, createdAt), when it can tell */
  fields?: string[];
  /** the other sequence number involved (swapped, reordered) */
  otherSeq?: number;
  /** the checkpoint's tree size (checkpoint problems) */
  treeSize?: number;
}

export interface VerifyProgress {
  /** leaves checked so far */
  done: number;
  /** leaves in the log when the run started */
  total: number;
  /** the run waits for the remover to finish removing events before it reads the log */
  waitingForRemover?: boolean;
}

export interface VerifyResult {
  ok: boolean;
  /** the first problem in log order, or null */
  problem: VerifyProblem | null;
  /** the first problems found (at most VERIFY_PROBLEMS_KEPT), in log order */
  problems: VerifyProblem[];
  /** how many problems were found in all */
  problemCount: number;
  origin: string;
  /** leaves in the log when the run started */
  treeSize: number;
  /** events recomputed and compared with their leaf */
  eventsChecked: number;
  /** leaves whose event the retention removed (an AUDIT_PURGE after them covers them): not a problem */
  purged: number;
  /** when the last purge that covered a leaf ran, or null */
  lastPurgeAt: string | null;
  /** events stored after the last sequenced one: the next checkpoint will add them */
  pending: number;
  checkpointsChecked: number;
  /** the newest checkpoint checked */
  latestCheckpoint: { treeSize: number; time: string | null } | null;
  startedAt: string;
  durationMs: number;
  eventsPerSecond: number;
}

export const VERIFY_PROBLEMS_KEPT = 20;

/** The id of the Config tab's Tamper evidence heading, which the console's red banner links to. */
export const INTEGRITY_SECTION_ID = "integrity-title";

const count = (n: number) => n.toLocaleString("en-US");

/** A run in a few lines, as the command prints it and the Console event's message starts. */
export function verifySummary(result: VerifyResult): string {
  const lines = [
    result.ok ? `The audit log verifies: ${count(result.treeSize)} leaves, every checkpoint signed and consistent.` : `The audit log does NOT verify.`,
    `Events checked: ${count(result.eventsChecked)}; purged by retention (tombstones): ${count(result.purged)}${
      result.lastPurgeAt ? ` (last purge ${result.lastPurgeAt})` : ""
    }; awaiting the next checkpoint: ${count(result.pending)}.`,
    `Checkpoints checked: ${count(result.checkpointsChecked)}${result.latestCheckpoint ? `, the newest of size ${count(result.latestCheckpoint.treeSize)}` : ""}.`,
    `${count(result.eventsPerSecond)} events/s (${(result.durationMs / 1000).toFixed(1)} s).`,
  ];
  if (result.problem) {
    lines.push(`First problem: ${VERIFY_PROBLEM_KINDS[result.problem.kind]}: ${result.problem.message}`);
    if (result.problemCount > 1) lines.push(`${count(result.problemCount)} problems in all.`);
  }
  return lines.join("\n");
}
