// Where the checkpoint job runs (checkpoint-job.ts): on PostgreSQL in a worker thread of its own
// when the build made one (checkpoint-worker.ts, beside the export workers), so that hashing a
// backlog does not hold up requests on the server's thread; on PGlite, whose one connection lives
// on the server's thread, and without a build (next dev, unit tests), right here. The schedule, an
// export's forced checkpoint and the remover all ask through checkpointLog.
import "server-only";
import { Worker } from "node:worker_threads";
import type { Database } from "@/lib/db";
import { workerFile } from "@/lib/export/worker-files";
import { type CheckpointRun, checkpointAll } from "./checkpoint-job";
import type { CheckpointReply, CheckpointThreadData } from "./checkpoint-thread-data";
import { logSigningKey } from "./log-key";

/** The worker's bundle (lib/export/worker-files.ts), or CHECKPOINT_WORKER_FILE. */
export function checkpointWorkerFile(): string | null {
  return workerFile("checkpoint-worker", "CHECKPOINT_WORKER_FILE");
}

// Its runs read and hash SEQUENCE_BATCH events at a time: a few MB. Its memory is the server's too.
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };

interface Waiting {
  resolve(run: CheckpointRun): void;
  reject(error: Error): void;
}

/** One thread per process and database connection, started on first use and kept: it idles unref'd. */
class CheckpointThread {
  private worker: Worker | null = null;
  private waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly data: CheckpointThreadData,
  ) {}

  run(): Promise<CheckpointRun> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<CheckpointRun>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage(id);
    });
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file, { workerData: this.data, resourceLimits: WORKER_LIMITS });
    worker.on("message", (reply: CheckpointReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      // The run crossed threads as a structured clone: its root hash arrives as a Uint8Array.
      else waiting?.resolve({ ...reply.run, checkpoint: { ...reply.run.checkpoint, rootHash: Buffer.from(reply.run.checkpoint.rootHash) } });
    });
    const ended = (reason: string) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.waiting.values()) waiting.reject(new Error(`The checkpoint job's thread stopped: ${reason}`));
      this.waiting.clear();
    };
    worker.on("error", (error) => ended(error.message));
    worker.on("exit", (code) => ended(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }
}

const holder = globalThis as { __auditConsoleCheckpointThreads?: Map<string, CheckpointThread> };

function threadFor(db: Database): CheckpointThread | null {
  const file = checkpointWorkerFile();
  if (!file || !db.writeConnection) return null;
  holder.__auditConsoleCheckpointThreads ??= new Map();
  const key = `${file}\n${db.writeConnection.connectionString}`;
  let thread = holder.__auditConsoleCheckpointThreads.get(key);
  if (!thread) {
    thread = new CheckpointThread(file, { connection: db.writeConnection, key: logSigningKey() });
    holder.__auditConsoleCheckpointThreads.set(key, thread);
  }
  return thread;
}

/**
 * Sequences every settled event and signs a checkpoint over them (checkpointAll), in the job's
 * thread where there is one. `pglitePauseMs` between runs of a backlog leaves PGlite's one
 * connection to the pages.
 */
export function checkpointLog(db: Database, pglitePauseMs = 0): Promise<CheckpointRun> {
  const thread = threadFor(db);
  if (thread) return thread.run();
  return checkpointAll(db, logSigningKey(), db.kind === "pglite" ? pglitePauseMs : 0);
}

/** Ends every checkpoint thread of this process and its connection (a test's database is about to be dropped). */
export async function stopCheckpointThreads(): Promise<void> {
  const threads = [...(holder.__auditConsoleCheckpointThreads?.values() ?? [])];
  holder.__auditConsoleCheckpointThreads?.clear();
  await Promise.all(threads.map((thread) => thread.stop()));
}
