// What the checkpoint job's thread (checkpoint-worker.ts) and the server's side of it
// (checkpoint-thread.ts) say to each other: a module of its own, so that the worker's bundle holds
// none of the server's database code.
import type { BulkConnection } from "@/lib/db/database";
import type { CheckpointRun } from "./checkpoint-job";
import type { SigningKey } from "./signing-key";

export interface CheckpointThreadData {
  /** the primary (Database.writeConnection) */
  connection: BulkConnection;
  key: SigningKey;
}

/** How the thread's connection names itself to PostgreSQL (pg_stat_activity.application_name). */
export const CHECKPOINT_APPLICATION_NAME = "audit-console checkpoint job";

/** How much nicer than the server the thread runs on Linux (top -H shows it as NI): below its requests. */
export const CHECKPOINT_THREAD_NICER = 10;

/** The thread's answer to request `id`. */
export type CheckpointReply = { id: number; run: CheckpointRun } | { id: number; error: string };
