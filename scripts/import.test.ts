import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// `npm run import` as an operator runs it: tsx with the react-server condition (server-only), on an
// embedded database folder of its own.
const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(ROOT, "lib/import/fixtures");
const run = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("npm run import on a PGlite folder", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "import-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function importCli(...args: string[]): Promise<Run> {
    try {
      const { stdout, stderr } = await run(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/import.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), DATABASE_URL: "" },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  /** "  accepted     4  (stored now)" → 4 */
  const counted = (stdout: string, label: string) => Number(new RegExp(`^  ${label} +([\\d,]+)`, "m").exec(stdout)?.[1]?.replace(/,/g, ""));

  it("imports a Sonatype audit log into a new source, skipping what has no event type, and adds nothing the second time", async () => {
    const file = path.join(FIXTURES, "sonatype-audit.jsonl");
    const first = await importCli("--format", "sonatype-jsonl", "--source", "sonatype", file);
    expect(first.stderr).not.toContain("import:");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('into source "sonatype"');
    expect(counted(first.stdout, "lines read")).toBe(12);
    expect(counted(first.stdout, "events made")).toBe(6);
    // The logins of 2024 are past any retention period; user, role and membership events are kept.
    expect(counted(first.stdout, "accepted") + counted(first.stdout, "expired")).toBe(6);
    expect(counted(first.stdout, "accepted")).toBeGreaterThanOrEqual(4);
    expect(first.stdout).toContain("  server start: 1");
    const second = await importCli("--format", "sonatype-jsonl", "--source", "sonatype", file);
    expect(second.code).toBe(0);
    expect(counted(second.stdout, "accepted")).toBe(0);
    expect(counted(second.stdout, "duplicates")).toBe(counted(first.stdout, "accepted"));
  }, 240_000);

  it("imports Blueprint's CSV in a time zone, reports an unreadable line by number and exits 1 after importing the rest", async () => {
    const file = path.join(dir, "blueprint.csv");
    copyFileSync(path.join(FIXTURES, "blueprint-audit.csv"), file);
    writeFileSync(file, `${readFileSync(file, "utf8")}05/32/2013 10:00:00,348,jsmith,Instance,,,Users,Add,800,nobody,,,,\r\n`);
    const result = await importCli("--format", "blueprint-csv", "--source", "blueprint", "--time-zone", "Europe/Berlin", file);
    expect(result.code).toBe(1);
    expect(counted(result.stdout, "events made")).toBe(7);
    expect(counted(result.stdout, "accepted")).toBe(4);
    expect(counted(result.stdout, "unreadable")).toBe(1);
    expect(result.stdout).toContain(`${file} line 15: DateTime "05/32/2013 10:00:00" is not MM/DD/YYYY HH:mm:ss`);
    expect(result.stdout).toContain("  Groups Edit: 1");
    expect(result.stderr).toContain("import: 1 unreadable line(s) were skipped");
  }, 240_000);

  it("says what is missing before it touches the database", async () => {
    const file = path.join(FIXTURES, "sonatype-audit.jsonl");
    const noSource = await importCli("--format", "sonatype-jsonl", file);
    expect(noSource.code).toBe(1);
    expect(noSource.stderr).toContain("import: Without --url, --source NAME is required");
    const badFormat = await importCli("--format", "xml", "--source", "s", file);
    expect(badFormat.stderr).toContain('import: --format must be one of jsonl, sonatype-jsonl, blueprint-csv, not "xml".');
    const badZone = await importCli("--format", "blueprint-csv", "--source", "s", "--time-zone", "Mars/Olympus", file);
    expect(badZone.stderr).toContain('--time-zone "Mars/Olympus" is not an IANA time zone');
    const both = await importCli("--format", "jsonl", "--url", "http://localhost:3000", "--token", "t", "--source", "s", file);
    expect(both.stderr).toContain("--source is for the database: through the API, the token decides the source.");
  }, 120_000);
});
