// Runs the checkpoint job in each server process: at start, then every CHECKPOINT_INTERVAL_SECONDS
// (default 60). Processes meet at the job's advisory lock; a run that finds nothing new signs
// nothing. A failure (the database away or busy) is logged and the next run catches up.
import "server-only";
import { getDb } from "@/lib/db";
import { checkpointLog } from "./checkpoint-thread";

const holder = globalThis as { __auditConsoleCheckpoints?: NodeJS.Timeout; __auditConsoleCheckpointRunning?: boolean };

export function checkpointIntervalMs(): number {
  const seconds = Number(process.env.CHECKPOINT_INTERVAL_SECONDS ?? 60);
  return Number.isFinite(seconds) && seconds >= 1 ? seconds * 1000 : 60_000;
}

async function checkpointNow(): Promise<void> {
  if (holder.__auditConsoleCheckpointRunning) return;
  holder.__auditConsoleCheckpointRunning = true;
  try {
    // A backlog (the first start over an existing database) is caught up a run at a time, leaving
    // PGlite's one connection to the pages between runs.
    const run = await checkpointLog(getDb(), 250);
    if (run.created) console.log(`Checkpoint: ${run.checkpoint.treeSize} events in the log (+${run.leavesAdded} in ${run.durationMs} ms).`);
  } catch (error) {
    console.warn(`The checkpoint job did not finish: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    holder.__auditConsoleCheckpointRunning = false;
  }
}

/** Starts the job once per process (dev reloads call it again). */
export function startCheckpointSchedule(): void {
  if (holder.__auditConsoleCheckpoints) return;
  void checkpointNow();
  holder.__auditConsoleCheckpoints = setInterval(() => void checkpointNow(), checkpointIntervalMs()).unref();
}
