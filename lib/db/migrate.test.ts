import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabases } from "@/lib/test/databases";
import type { Database } from "./database";
import { openDatabase } from "./database";
import { DataFolderBusyError, lockDataFolder } from "./folder-lock";
import { MigrationError, migrate } from "./migrate";
import { readMigrations, sha256, type MigrationFile } from "./migrations-folder";

const migration = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: sha256(sql) });

const first = migration("20260101000000_first", `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL);`);
const second = migration("20260102000000_second", `ALTER TABLE "Thing" ADD COLUMN "colour" TEXT;\nCREATE INDEX "Thing_colour_idx" ON "Thing"("colour");`);
const broken = migration("20260103000000_broken", `CREATE TABLE "Half" ("id" INTEGER);\nINSERT INTO "Thing" ("id", "name") VALUES (1, NULL);`);

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

for (const target of [
  { name: "PGlite", open: async () => openDatabase({ dataDir: "memory://" }) },
  ...testDatabases()
    .slice(1)
    .map((t) => ({ name: t.name, open: async () => bare(await t.open()) })),
]) {
  describe(`migration runner on ${target.name}`, () => {
    let database: Database | undefined;
    afterEach(async () => {
      await database?.close();
      database = undefined;
    });

    const rows = (db: Database) =>
      db.withSession((s) =>
        s.query<Row>(`SELECT migration_name, checksum, finished_at, logs, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`),
      );

    it("applies each migration once and records Prisma's checksum", async () => {
      database = await target.open();
      const db = database;
      expect((await db.withSession((s) => migrate(s, [first]))).applied).toEqual([first.name]);
      expect((await db.withSession((s) => migrate(s, [first, second]))).applied).toEqual([second.name]);
      expect((await db.withSession((s) => migrate(s, [first, second]))).applied).toEqual([]);
      const recorded = await rows(db);
      expect(recorded.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual([
        [first.name, first.checksum, 1],
        [second.name, second.checksum, 1],
      ]);
      expect(recorded.every((row) => row.finished_at !== null)).toBe(true);
      expect(first.checksum).toMatch(/^[0-9a-f]{64}$/);
    });

    it("runs a failing migration as a whole, records it, and blocks the next run", async () => {
      database = await target.open();
      const db = database;
      await db.withSession((s) => migrate(s, [first]));
      await expect(db.withSession((s) => migrate(s, [first, broken, second]))).rejects.toThrow(MigrationError);
      // nothing of the failed file stays behind, and the migration after it did not run
      const half = await db.withSession((s) => s.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'Half'`));
      expect(half[0].n).toBe(0);
      const failed = (await rows(db)).find((row) => row.migration_name === broken.name);
      expect(failed?.finished_at).toBeNull();
      expect(failed?.logs).toMatch(/null/i);
      expect((await rows(db)).some((row) => row.migration_name === second.name)).toBe(false);
      await expect(db.withSession((s) => migrate(s, [first, second]))).rejects.toThrow(/failed earlier and blocks/);
    });

    it("reports an applied migration whose file changed since", async () => {
      database = await target.open();
      const db = database;
      await db.withSession((s) => migrate(s, [first]));
      const edited = migration(first.name, `${first.sql}\n-- edited`);
      expect((await db.withSession((s) => migrate(s, [edited]))).modified).toEqual([first.name]);
    });
  });
}

/** A PostgreSQL test database with the project's migrations undone, for runner tests on bare tables. */
async function bare(database: Database): Promise<Database> {
  await database.withSession((s) => s.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`));
  return database;
}

describe("the project's migrations", () => {
  it("apply cleanly to an empty database", async () => {
    const database = openDatabase({ dataDir: "memory://" });
    try {
      const result = await database.withSession((s) => migrate(s));
      expect(result.applied).toEqual(readMigrations().map((m) => m.name));
      expect(await database.prisma.auditEvent.count()).toBe(0);
    } finally {
      await database.close();
    }
  });
});

describe("the data folder lock", () => {
  it("refuses a second holder and names the first", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lock-"));
    try {
      const release = lockDataFolder(path.join(dir, "pglite"), "next-server");
      // a second process is simulated by the same pid, which the lock also refuses
      expect(() => lockDataFolder(path.join(dir, "pglite"))).toThrow(/already holds/);
      release();
      lockDataFolder(path.join(dir, "pglite"))();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops another process that opens the folder, naming the holder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lock-"));
    const release = lockDataFolder(path.join(dir, "pglite"), "audit-console server");
    try {
      let output = "";
      try {
        execFileSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
          env: { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), DATABASE_URL: "" },
          stdio: "pipe",
        });
      } catch (error) {
        output = String((error as { stderr: Buffer }).stderr);
      }
      expect(output).toContain(`in use by process ${process.pid} (audit-console server)`);
    } finally {
      release();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("tells which process holds the folder", () => {
    const holder = { pid: 4242, host: "h", command: "next-server", since: "2026-11-23T08:00:00.000Z" };
    const error = new DataFolderBusyError(".data/pglite", holder);
    expect(error.message).toContain("process 4242 (next-server)");
    expect(error.message).toContain("DATABASE_URL");
  });
});
