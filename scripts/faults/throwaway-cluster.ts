// A PostgreSQL cluster of its own for the fault tests, which stop and start it: initdb'd into a
// folder under /tmp as the postgres OS user (the server refuses to run as root), on a free port,
// reachable only over loopback with trust. Never the cluster on 5432 that the rest of npm test uses.
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
/** pg_ctl waits this long for a start or a stop before it gives up (and the script with it). */
const PG_CTL_TIMEOUT_SECONDS = "30";

export interface ThrowawayCluster {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Stops it the way an operator's restart does: `pg_ctl stop -m fast` (open sessions are ended). */
  stop(): void;
  start(): void;
  /** Stops it and deletes its folder. */
  remove(): void;
}

function asPostgres(command: string, args: string[]): string {
  return execFileSync("runuser", ["-u", "postgres", "--", path.join(BIN, command), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export function createThrowawayCluster(port: number): ThrowawayCluster {
  if (userInfo().uid !== 0) throw new Error("npm run test:faults runs initdb and pg_ctl as the postgres OS user through runuser, which needs root.");
  const folder = mkdtempSync(path.join(tmpdir(), "audit-faults-pg-"));
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  chownSync(folder, uid, gid);
  const dataDir = path.join(folder, "data");
  const log = path.join(folder, "postgres.log");
  asPostgres("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${folder} -c max_connections=60`;
  const cluster: ThrowawayCluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => void asPostgres("pg_ctl", ["start", "-w", "-t", PG_CTL_TIMEOUT_SECONDS, "-D", dataDir, "-l", log, "-o", options]),
    stop: () => void asPostgres("pg_ctl", ["stop", "-w", "-t", PG_CTL_TIMEOUT_SECONDS, "-m", "fast", "-D", dataDir]),
    remove() {
      try {
        cluster.stop();
      } catch {
        // already stopped
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
