// A read replica for real: a throwaway primary cluster made with initdb, a streaming replica of it
// made with pg_basebackup -R, both on ports of their own (never the cluster the other tests use).
// The tabs read through the replica; when its replay stops, the page lags and says so.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchTabEvents } from "@/lib/audit/search/tab-search";
import { loginsTab } from "@/lib/audit/tabs/logins/logins-tab";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { setDb } from "@/lib/db";
import { openDatabase, type Database } from "./database";
import { migrate } from "./migrate";
import { replicaLagNotice } from "./replica-lag";
import { freePort } from "@/scripts/lib/serve";

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };

/** PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup) of the newest version installed. */
function serverBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((version) => path.join(root, version, "bin")).find((dir) => existsSync(path.join(dir, "initdb")));
  if (!bin) throw new Error("the replica test needs PostgreSQL's server programs (Debian: postgresql), as TEST_DATABASE_URL does");
  return bin;
}

/** Runs a PostgreSQL program as the postgres OS user when this is root (initdb refuses root). */
function pgRun(bin: string, program: string, args: string[]): void {
  const command = path.join(bin, program);
  if (process.getuid?.() === 0) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe", timeout: 60_000 });
  else execFileSync(command, args, { stdio: "pipe", timeout: 60_000 });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await sleep(100);
  }
}

describe("the replica lag notice", () => {
  it("says nothing without a replica or when it is current", () => {
    expect(replicaLagNotice(null)).toBeNull();
    expect(replicaLagNotice(0)).toBeNull();
    expect(replicaLagNotice(1.9)).toBeNull();
  });

  it("says how far behind the listed events may be, in the unit a reader takes in", () => {
    expect(replicaLagNotice(12.4)).toBe("The read replica is 12 s behind: events of the last 12 s may not be listed yet.");
    expect(replicaLagNotice(600)).toMatch(/^The read replica is 10 min behind/);
    expect(replicaLagNotice(4 * 3_600)).toMatch(/^The read replica is 4 h behind/);
  });
});

// With PostgreSQL's programs, as the other PostgreSQL tests run: when TEST_DATABASE_URL is set.
describe.each(process.env.TEST_DATABASE_URL ? ["throwaway clusters"] : [])("a streaming read replica on %s", () => {
  const bin = serverBin();
  const root = mkdtempSync(path.join(tmpdir(), "audit-replica-"));
  const dirs = { primary: path.join(root, "primary"), replica: path.join(root, "replica") };
  const started: string[] = [];
  let primary: Database;
  let console_: Database;
  let urls: { primary: string; replica: string };

  const start = (dir: string, port: number) => {
    const log = path.join(root, `${path.basename(dir)}.log`);
    pgRun(bin, "pg_ctl", ["-D", dir, "-l", log, "-w", "-t", "60", "-o", `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`, "start"]);
    started.push(dir);
  };

  beforeAll(async () => {
    // initdb runs as the postgres OS user when this is root: the folder must be its own.
    const idOf = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString());
    if (process.getuid?.() === 0) chownSync(root, idOf("-u"), idOf("-g"));
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    pgRun(bin, "initdb", ["-D", dirs.primary, "-U", "postgres", "--auth=trust", "--no-sync"]);
    start(dirs.primary, primaryPort);
    pgRun(bin, "pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", dirs.replica, "-R", "-X", "stream"]);
    start(dirs.replica, replicaPort);
    urls = { primary: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`, replica: `postgresql://postgres@127.0.0.1:${replicaPort}/postgres` };
    primary = openDatabase({ url: urls.primary });
    await primary.withSession((session) => migrate(session));
    console_ = openDatabase({ url: urls.primary, replicaUrl: urls.replica });
    setDb(console_);
  }, 120_000);

  afterAll(async () => {
    setDb(undefined);
    await console_?.close();
    await primary?.close();
    for (const dir of started.reverse()) {
      try {
        pgRun(bin, "pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already down
      }
    }
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  const login = (name: string) =>
    primary.prisma.auditEvent.create({ data: { category: "LOGIN", eventType: "USER_LOGIN", actorName: name, createdAt: new Date() }, select: { id: true } });
  const listed = async () =>
    (await runAs(ADMIN, () => searchTabEvents(loginsTab, { ...loginsTab.defaultSearch, range: "Today" }, { timeZone: "UTC" }))).rows.map(
      (row) => row.actor.name,
    );

  it("reads the tabs from the replica and writes to the primary", async () => {
    expect(await console_.reads.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby")).toEqual([{ standby: true }]);
    expect(await console_.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby")).toEqual([{ standby: false }]);
    await login("alice");
    expect(await until("the replica to replay alice's sign-in", listed, (names) => names.includes("alice"))).toEqual(["alice"]);
    expect(await console_.reads.lag()).toBe(0);
    expect(replicaLagNotice(await console_.reads.lag())).toBeNull();
  });

  it("shows what the replica has while it lags, says how far behind it is, and catches up", async () => {
    await console_.reads.query("SELECT pg_wal_replay_pause()");
    try {
      await login("bob");
      // The primary has bob at once; the console, reading the paused replica, does not.
      expect(await primary.prisma.auditEvent.count({ where: { actorName: "bob" } })).toBe(1);
      const lag = await until(
        "the replica to fall 2 s behind",
        () => console_.reads.lag(),
        (seconds) => (seconds ?? 0) >= 2.5,
        15_000,
      );
      expect(await listed()).toEqual(["alice"]);
      expect(replicaLagNotice(lag)).toMatch(/^The read replica is \d+ s behind: events of the last \d+ s may not be listed yet\.$/);
    } finally {
      await console_.reads.query("SELECT pg_wal_replay_resume()");
    }
    expect(await until("the replica to replay bob's sign-in", listed, (names) => names.includes("bob"))).toEqual(["bob", "alice"]);
    expect(
      await until(
        "the lag to end",
        () => console_.reads.lag(),
        (seconds) => seconds === 0,
      ),
    ).toBe(0);
  }, 40_000);
});
