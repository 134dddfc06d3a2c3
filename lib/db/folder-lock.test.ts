import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lockDataFolder, staleLockMessage } from "./folder-lock";

let dir: string;
let dataDir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "lock-"));
  dataDir = path.join(dir, "pglite");
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** A second process that takes the lock, says so, and then waits to be killed. */
function lockInChild(): Promise<{ pid: number; killHard(): Promise<void> }> {
  const script = `import { lockDataFolder } from "./lib/db/folder-lock.ts"; lockDataFolder(${JSON.stringify(dataDir)}, "audit-console server"); console.log("locked"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the lock holder exited with ${code} before it locked`)));
    child.stdout.on("data", (chunk: Buffer) => {
      if (!chunk.toString().includes("locked")) return;
      child.removeAllListeners("exit");
      resolve({
        pid: child.pid as number,
        killHard: () => new Promise((done) => child.once("exit", () => done()).kill("SIGKILL")),
      });
    });
  });
}

describe("the data folder lock", () => {
  it("is taken over after its holder is killed with SIGKILL, and the log names the holder that is gone", async () => {
    const holder = await lockInChild();
    expect(() => lockDataFolder(dataDir)).toThrow(`in use by process ${holder.pid} (audit-console server)`);
    await holder.killHard();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    const release = lockDataFolder(dataDir, "next-server");

    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(
      new RegExp(`locked by process ${holder.pid} \\(audit-console server\\) on .* since .*, which is gone; this process takes the lock over\\.$`),
    );
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, "utf8"))).toMatchObject({ pid: process.pid, command: "next-server" });
    release();
  }, 30_000);

  it("is taken over from an earlier process that had this one's pid (PID 1 in a restarted container)", () => {
    const earlier = { pid: process.pid, host: hostname(), command: "next-server", since: "2026-11-27T08:00:00.000Z" };
    writeFileSync(`${dataDir}.lock`, JSON.stringify(earlier));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    const release = lockDataFolder(dataDir, "next-server");

    expect(warn).toHaveBeenCalledWith(staleLockMessage(dataDir, earlier));
    expect(() => lockDataFolder(dataDir)).toThrow(`This process already holds the lock of ${dataDir}`);
    release();
    expect(() => readFileSync(`${dataDir}.lock`)).toThrow(/ENOENT/);
  });

  it("is taken over when the lock file is unreadable, and says so", () => {
    writeFileSync(`${dataDir}.lock`, "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    lockDataFolder(dataDir)();

    expect(warn).toHaveBeenCalledWith(
      `The embedded database in ${dataDir} was locked by a process whose lock file is unreadable, which is gone; this process takes the lock over.`,
    );
  });
});
