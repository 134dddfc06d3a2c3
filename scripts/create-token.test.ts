import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTokenSecret, looksLikeTokenSecret } from "@/lib/auth/api-tokens/token-secret";
import { type Database, openDatabase } from "@/lib/db/database";
import { testDatabases } from "@/lib/test/databases";

// `npm run create-token` as an operator runs it: a child process on a database of its own, the
// secret alone on the last line of its output.
const ROOT = path.resolve(import.meta.dirname, "..");

function createToken(args: string[], database: Record<string, string>) {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/create-token.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...database },
    encoding: "utf8",
    timeout: 170_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, lastLine: run.stdout.trimEnd().split("\n").at(-1) ?? "" };
}

interface Target {
  name: string;
  /** before the script runs */
  prepare(): Promise<void>;
  /** the environment that points the script at the database */
  env(): Record<string, string>;
  /** the database, opened once the script has finished with it */
  open(): Promise<Database>;
  cleanUp(): Promise<void>;
}

function pgliteFolder(): Target {
  const dir = mkdtempSync(path.join(tmpdir(), "create-token-"));
  const dataDir = path.join(dir, "pglite");
  let database: Database | undefined;
  return {
    name: "a PGlite folder",
    // The script makes and migrates the folder itself.
    prepare: async () => {},
    env: () => ({ PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" }),
    open: async () => (database = openDatabase({ dataDir })),
    cleanUp: async () => {
      await database?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freshPostgres(open: () => Promise<Database>): Target {
  let database: Database | undefined;
  return {
    name: "PostgreSQL",
    // A new database, migrated: the script finds nothing to migrate.
    prepare: async () => {
      database = await open();
    },
    env: () => ({ DATABASE_URL: database?.bulkConnection?.connectionString ?? "" }),
    open: async () => database!,
    cleanUp: async () => {
      await database?.close();
    },
  };
}

const postgres = testDatabases().find((target) => target.name === "PostgreSQL");
const targets: Array<() => Target> = [pgliteFolder, ...(postgres ? [() => freshPostgres(postgres.open)] : [])];

describe.each(targets.map((make) => ({ make })))("npm run create-token", ({ make }) => {
  const target = make();

  beforeAll(() => target.prepare());
  afterAll(() => target.cleanUp());

  it(`on ${target.name}: prints the secret alone on its last line and stores only its hash, with the scopes and source asked for`, async () => {
    const run = createToken(["--name", "Codebeamer sync", "--source", "codebeamer-prod", "--scopes", "ingest,read", "--expires", "12w"], target.env());
    expect(run.stderr).not.toContain("failed");
    expect(run.status).toBe(0);
    expect(run.lastLine).toMatch(/^acon_[A-Za-z0-9_-]{43}$/);
    expect(looksLikeTokenSecret(run.lastLine)).toBe(true);
    expect(run.stdout).toContain('Created the API token "Codebeamer sync"');

    const database = await target.open();
    const token = await database.prisma.apiToken.findUniqueOrThrow({ where: { secretHash: hashTokenSecret(run.lastLine) } });
    expect(token).toMatchObject({ name: "Codebeamer sync", source: "codebeamer-prod", scopes: ["INGEST", "READ"], createdById: null, revokedAt: null });
    expect(token.createdByName).toMatch(/^create-token \(.+\)$/);
    expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBe(84 * 86_400_000);
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { eventType: "API_TOKEN_CREATE" } });
    expect(event.actorName).toBe(token.createdByName);
    expect(JSON.stringify(await database.prisma.apiToken.findMany())).not.toContain(run.lastLine);
    // A fresh PGlite folder is migrated first: about 40 s on two cores.
  }, 180_000);
});

describe("npm run create-token refuses bad flags before it opens a database", () => {
  const nowhere = { PGLITE_DATA_DIR: path.join(tmpdir(), "create-token-never-opened"), DATABASE_URL: "" };

  it.each([
    [["--name", "x", "--source", "alm", "--scopes", "ingest,write"], 'create-token: --scopes: "write" is not a scope; use ingest, read, or ingest,read.'],
    [["--name", "x", "--source", "ALM Prod", "--scopes", "read"], "create-token: --source: use 1 to 63 lower-case letters"],
    [["--name", "x", "--source", "alm", "--scopes", "read", "--expires", "2y"], "create-token: --expires: a token lives at most 365 days (1 year)."],
    [["--name", "x", "--source", "alm", "--scopes", "read", "--expires", "soon"], 'create-token: --expires "soon" is not a duration'],
    [["--name", "x", "--source", "alm"], "create-token: --scopes is required"],
  ])("%j", (args, message) => {
    const run = createToken(args, nowhere);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });
});
