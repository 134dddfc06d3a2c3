import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { getPriority } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { deleteEvents } from "@/lib/test/delete-events";
import { buildWorkers } from "@/scripts/lib/bundle";
import { addEvents } from "@/lib/test/varied-events";
import { verifyCheckpoint } from "./checkpoint";
import { runCheckpoint } from "./checkpoint-job";
import { checkpointLog, checkpointWorkerFile, stopCheckpointThreads } from "./checkpoint-thread";
import { CHECKPOINT_APPLICATION_NAME, CHECKPOINT_THREAD_NICER } from "./checkpoint-thread-data";
import { logSigningKey } from "./log-key";
import { verifyLog } from "./verify-log";

// On PostgreSQL the checkpoint job runs in a thread of its own when the build made its bundle, so
// that hashing a backlog does not hold up the server's thread; elsewhere on the caller's.

function withWorkerFile(file: () => string): void {
  const saved = process.env.CHECKPOINT_WORKER_FILE;
  beforeAll(() => {
    process.env.CHECKPOINT_WORKER_FILE = file();
  });
  afterAll(async () => {
    await stopCheckpointThreads();
    if (saved === undefined) delete process.env.CHECKPOINT_WORKER_FILE;
    else process.env.CHECKPOINT_WORKER_FILE = saved;
  });
}

describe.each(testDatabases())("the checkpoint job without a thread on $name", ({ name, open }) => {
  withWorkerFile(() => path.join(process.cwd(), ".data", "no-such-checkpoint-worker.mjs"));
  const fixture = useAppDatabase(open);

  it("runs on the caller's thread when there is no worker bundle (and always on PGlite)", async () => {
    await deleteEvents(fixture.db);
    expect(checkpointWorkerFile()).toBeNull();
    await addEvents(20);
    const run = await checkpointLog(fixture.db);
    expect(run).toMatchObject({ created: true, leavesAdded: 20 });
    expect(verifyCheckpoint(run.checkpoint.note, logSigningKey().verifierKey, logSigningKey().name).treeSize).toBe(20);
    if (name !== "PGlite") {
      const threads = await fixture.db.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
        CHECKPOINT_APPLICATION_NAME,
      ]);
      expect(threads).toHaveLength(0);
    }
  });
});

describe.each(testDatabases().filter((database) => database.name !== "PGlite"))("the checkpoint job's thread on $name", ({ open }) => {
  let folder: string;
  beforeAll(async () => {
    // Inside the project, as in the build: the worker finds pg in the project's node_modules.
    mkdirSync(".data", { recursive: true });
    folder = mkdtempSync(path.join(process.cwd(), ".data", "workers-"));
    await buildWorkers(process.cwd(), folder);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  withWorkerFile(() => path.join(folder, "checkpoint-worker.mjs"));
  const fixture = useAppDatabase(open);
  beforeEach(async () => {
    await deleteEvents(fixture.db);
  });

  async function threadConnections(): Promise<number[]> {
    const rows = await fixture.db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
      CHECKPOINT_APPLICATION_NAME,
    ]);
    return rows.map((row) => row.pid);
  }

  it("signs, through a connection of its own, the same log the job signs on the server's thread", async () => {
    await addEvents(300);
    const run = await checkpointLog(fixture.db);
    expect(run).toMatchObject({ created: true, leavesAdded: 300, more: false });
    expect(Buffer.isBuffer(run.checkpoint.rootHash)).toBe(true);
    const key = logSigningKey();
    const signed = verifyCheckpoint(run.checkpoint.note, key.verifierKey, key.name);
    expect(signed.treeSize).toBe(300);
    expect(signed.rootHash.equals(run.checkpoint.rootHash)).toBe(true);
    expect(await threadConnections()).toHaveLength(1);
    // It runs below the server's priority: one thread of this process has the job's niceness (stat's 19th field).
    const niceness = readdirSync("/proc/self/task").map((tid) => Number(readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]?.split(" ")[16]));
    const nicer = Math.min(19, getPriority() + CHECKPOINT_THREAD_NICER);
    expect(niceness.filter((nice) => nice === nicer && nice !== getPriority())).toHaveLength(1);

    // The thread's leaves and nodes are the ones the job makes here, and the whole log verifies.
    await addEvents(50, 300);
    const here = await runCheckpoint(fixture.db, key);
    expect(here).toMatchObject({ created: true, leavesAdded: 50 });
    const result = await verifyLog(fixture.db, { verifierKey: key.verifierKey });
    expect(result).toMatchObject({ ok: true, problem: null, treeSize: 350, eventsChecked: 350, checkpointsChecked: 2 });
  });

  it("answers requests made at once, each with a run that started after it, while events are written", async () => {
    const writing = addEvents(200);
    const runs = await Promise.all([checkpointLog(fixture.db), checkpointLog(fixture.db), checkpointLog(fixture.db)]);
    await writing;
    const last = await checkpointLog(fixture.db);
    expect(last.checkpoint.treeSize).toBe(200);
    const sizes = [...runs, last].map((run) => run.checkpoint.treeSize);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  it("connects again after PostgreSQL ended its session", async () => {
    await addEvents(10);
    await checkpointLog(fixture.db);
    const [pid] = await threadConnections();
    await fixture.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await addEvents(10, 10);
    // The first request may meet the closed connection: it fails with PostgreSQL's reason, and the next one connects anew.
    const first = await checkpointLog(fixture.db).catch((error: Error) => error);
    const run = first instanceof Error ? await checkpointLog(fixture.db) : first;
    expect(run.checkpoint.treeSize).toBe(20);
    const now = await threadConnections();
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(pid);
  });
});
