// The checkpoint job's own thread on PostgreSQL (checkpoint-thread.ts): reading, hashing and storing
// leaves took the server's one JavaScript thread from ingestion, which ran 16-39% slower while the
// job ran each second (npm run bench:ingest). Here the job has a thread and a connection to the
// primary of its own, and runs the requests it is sent one after another. Bundled by
// scripts/lib/bundle.ts.
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { transactionOn } from "@/lib/db/pg-transaction";
import { type CheckpointDatabase, checkpointAll } from "./checkpoint-job";
import { CHECKPOINT_APPLICATION_NAME, CHECKPOINT_THREAD_NICER, type CheckpointReply, type CheckpointThreadData } from "./checkpoint-thread-data";

const data = workerData as CheckpointThreadData;

// Background work yields to requests: when the cores are busy, the scheduler gives this thread's
// hashing less of them than the server's request threads, and the log catches up afterwards. (The
// job's database work runs in PostgreSQL at its usual priority: bench:ingest still measures its
// whole cost.) Linux names a thread's id in /proc/thread-self, and setpriority on that id lowers
// this thread alone. Elsewhere it runs as is.
try {
  const thread = Number(readlinkSync("/proc/thread-self").split("/").pop());
  setPriority(thread, Math.min(19, getPriority(thread) + CHECKPOINT_THREAD_NICER));
} catch {
  // not Linux, or not allowed: the job runs at the server's priority
}
const port = parentPort as NonNullable<typeof parentPort>;
let client: pg.Client | null = null;

/** The thread's connection, opened again after one that failed. */
async function connection(): Promise<pg.Client> {
  if (client) return client;
  const opened = new pg.Client({ ...data.connection, application_name: CHECKPOINT_APPLICATION_NAME });
  // PostgreSQL ending the session is an 'error' event: unheard it would end the thread.
  opened.on("error", () => {
    if (client === opened) client = null;
  });
  await opened.connect();
  client = opened;
  return opened;
}

async function checkpoint(id: number): Promise<CheckpointReply> {
  try {
    const own = await connection();
    const db: CheckpointDatabase = {
      kind: "postgres",
      withTransaction: (work) =>
        transactionOn(own, work, () => {
          if (client === own) client = null;
          void own.end().catch(() => undefined);
        }),
    };
    return { id, run: await checkpointAll(db, data.key) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

let queue = Promise.resolve();
port.on("message", (id: number) => {
  queue = queue.then(async () => port.postMessage(await checkpoint(id)));
});
