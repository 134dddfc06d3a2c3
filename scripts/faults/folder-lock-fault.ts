// The PGlite folder lock (lib/db/folder-lock.ts) when the server holding it is killed with SIGKILL:
// no exit handler runs, so the lock file stays. The next server must take it over and say whose it was.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareTestDatabase } from "../lib/test-server";
import { startFaultServer } from "./fault-server";

/** A request that reads the database (an API token is looked up), which opens it and so takes the lock. */
async function touchDatabase(url: string): Promise<number> {
  const response = await fetch(`${url}/api/export/logins.csv?preflight=1`, {
    headers: { Authorization: "Bearer not-a-token" },
    signal: AbortSignal.timeout(30_000),
  });
  await response.body?.cancel();
  return response.status;
}

export async function checkFolderLockAfterKill(logFile: string): Promise<{ ok: boolean; what: string }[]> {
  const folder = mkdtempSync(path.join(tmpdir(), "audit-faults-pglite-"));
  const dataDir = path.join(folder, "db", "pglite");
  const results: { ok: boolean; what: string }[] = [];
  try {
    await prepareTestDatabase({ dataDir }, 1_000);
    const first = await startFaultServer({ PGLITE_DATA_DIR: dataDir }, logFile);
    const firstStatus = await touchDatabase(first.url);
    const holder = JSON.parse(readFileSync(`${dataDir}.lock`, "utf8")) as { pid: number };
    results.push({
      ok: firstStatus === 401 && holder.pid === first.child.pid,
      what: `the first server (pid ${first.child.pid}) holds the lock and answers ${firstStatus}`,
    });
    await first.stop("SIGKILL");
    console.log(`  killed pid ${first.child.pid} with SIGKILL; the lock file is left naming pid ${holder.pid}`);

    const second = await startFaultServer({ PGLITE_DATA_DIR: dataDir }, logFile);
    try {
      const began = Date.now();
      const status = await touchDatabase(second.url);
      const lock = JSON.parse(readFileSync(`${dataDir}.lock`, "utf8")) as { pid: number };
      const said =
        second
          .output()
          .split("\n")
          .find((line) => line.includes("which is gone")) ?? "";
      console.log(`  the next server (pid ${second.child.pid}) logged: ${said || "(nothing about the lock)"}`);
      results.push({
        ok: status === 401 && lock.pid === second.child.pid,
        what: `the next server takes the lock (it names pid ${lock.pid}) and reads the database: ${status} in ${Date.now() - began} ms`,
      });
      results.push({ ok: said.includes(`locked by process ${holder.pid} `), what: "its log says the old holder is gone, naming it" });
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return results;
}
