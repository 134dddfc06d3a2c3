// PGlite takes no lock of its own: two processes opening one data folder both succeed and silently
// diverge. The console holds a lock file beside the folder while it has it open.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}) on ${holder.host} since ${holder.since}. ` +
        `Stop that process first, or point DATABASE_URL at a PostgreSQL server to share one database between processes.`,
    );
    this.name = "DataFolderBusyError";
  }
}

/** The lock files this process holds: a lock naming our pid but missing here was left by an earlier process that had the same pid (PID 1 in a container, killed and started again). */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(lockPath, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

/** Takes the lock of `dataDir` for this process, or throws DataFolderBusyError naming the holder. */
export function lockDataFolder(dataDir: string, command = describeProcess()): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      held.add(lockPath);
      const release = () => {
        held.delete(lockPath);
        if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return () => {
        process.removeListener("exit", release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (held.has(lockPath)) throw new Error(`This process already holds the lock of ${dataDir}`);
      const holder = readHolder(lockPath);
      if (holder && holder.host === me.host && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataFolderBusyError(dataDir, holder);
      }
      // Left by a process that died without releasing it (kill -9, a crash, a power cut), or half written: take it over, and say so.
      console.warn(staleLockMessage(dataDir, holder));
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock file ${lockPath}`);
}

/** What the log says when a dead holder's lock is taken over: whose it was, so an operator can tell a crash from a second server. */
export function staleLockMessage(dataDir: string, holder: LockHolder | null): string {
  const who = holder ? `process ${holder.pid} (${holder.command}) on ${holder.host} since ${holder.since}` : "a process whose lock file is unreadable";
  return `The embedded database in ${dataDir} was locked by ${who}, which is gone; this process takes the lock over.`;
}

function describeProcess(): string {
  const script = process.argv
    .slice(1)
    .map((arg) => path.basename(arg))
    .join(" ");
  return script || "node";
}
