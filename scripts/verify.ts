// npm run verify -- [--key KEY] [--origin ORIGIN] [--json]
// npm run verify -- --export FILE [--manifest FILE] [--key KEY] [--json]
// Checks the audit log offline, from the database and the log's public key alone: no server needed;
// or an export file against its manifest, anywhere, without the console or its database
// (lib/audit/integrity/export-verify.ts). Exit code 0 when everything verifies, 1 when it does not
// (the first problem named) or cannot run.
import { existsSync, readFileSync } from "node:fs";
import { verifyExport } from "../lib/audit/integrity/export-verify";
import { DataFolderBusyError } from "../lib/db/folder-lock";
import { openDatabase } from "../lib/db/database";
import { auditLogOrigin, readVerifierKey } from "../lib/audit/integrity/log-key";
import { verifyLog } from "../lib/audit/integrity/verify-log";
import { verifySummary } from "../lib/audit/integrity/verify-problems";
import { parseFlags, runScript, UsageError } from "./lib/cli";

const USAGE = `Usage: npm run verify -- [--key KEY] [--origin ORIGIN] [--json]
       npm run verify -- --export FILE [--manifest FILE] [--key KEY] [--json]

Recomputes every event's leaf hash from the database, rebuilds the Merkle tree, and checks every
signed checkpoint against it. Reads the embedded database (.data/pglite, or PGLITE_DATA_DIR) or
DATABASE_URL; the embedded one only while the console is stopped (it holds the folder).
With --export, checks an exported file (.csv, .jsonl, .xlsx, .pdf) instead: that it is the file the
console wrote, row for row, and that every row is in the log's signed checkpoint; no database needed.
  --export    the exported file
  --manifest  its manifest; default FILE.manifest.json beside it (an Excel file carries its own)
  --key     the log's public key: the verifier key string ("<name>+<id>+<base64>", as
            GET /api/audit/checkpoints/public-key serves it) or a file holding it; default: the
            signing key file in AUDIT_SIGNING_KEY_DIR (.data/)
  --origin  the log's name the checkpoints must carry; default AUDIT_LOG_ORIGIN, else the key's name
  --json    print the result as JSON instead of the summary`;

const OPTIONS = {
  export: { type: "string" },
  manifest: { type: "string" },
  key: { type: "string" },
  origin: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Flags = ReturnType<typeof parseFlags<typeof OPTIONS>>;

/** Progress on stderr, every tenth of the way, so that a long run shows it is alive. */
function progressPrinter(): (progress: { done: number; total: number }) => void {
  let shown = 0;
  return ({ done, total }) => {
    const tenth = Math.floor((10 * done) / Math.max(total, 1));
    if (tenth <= shown) return;
    shown = tenth;
    console.error(`verified ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} leaves`);
  };
}

async function verifyDatabase(flags: Flags, verifierKey: string): Promise<boolean> {
  let database: ReturnType<typeof openDatabase>;
  try {
    database = openDatabase();
  } catch (error) {
    if (error instanceof DataFolderBusyError) {
      throw new UsageError(`${error.message}\nverify reads the embedded database itself: stop the console first (or verify against DATABASE_URL).`);
    }
    throw error;
  }
  try {
    const origin = flags.origin ?? (process.env.AUDIT_LOG_ORIGIN ? auditLogOrigin() : undefined);
    const result = await verifyLog(database, { verifierKey, origin, onProgress: flags.json ? undefined : progressPrinter() }).catch((error: unknown) => {
      // 42P01 undefined_table: a database the console never migrated has no log to verify.
      if ((error as { code?: string }).code === "42P01") {
        throw new UsageError(`${database.location} holds no audit log (no "AuditLeaf" table): is it the console's database? Run npm run db:migrate first.`);
      }
      throw error;
    });
    console.log(flags.json ? JSON.stringify(result, null, 2) : `${database.location}\n${verifySummary(result)}`);
    if (!flags.json && result.problems.length > 1) {
      for (const problem of result.problems.slice(1)) console.log(`  then: ${problem.message}`);
    }
    return result.ok;
  } finally {
    await database.close();
  }
}

async function verifyExportFile(flags: Flags & { export: string }, verifierKey: string): Promise<boolean> {
  const sidecar = flags.manifest ?? `${flags.export}.manifest.json`;
  if (!existsSync(flags.export)) throw new UsageError(`--export: no file ${flags.export}`);
  if (flags.manifest && !existsSync(flags.manifest)) throw new UsageError(`--manifest: no file ${flags.manifest}`);
  const manifest = existsSync(sidecar) ? readFileSync(sidecar) : undefined;
  const result = await verifyExport({ file: readFileSync(flags.export), manifest, verifierKey });
  if (flags.json) console.log(JSON.stringify(result, null, 2));
  else if (result.ok) {
    const { treeSize, rootHash, time } = result.checkpoint;
    console.log(`OK: ${flags.export}: ${result.rows} rows, unedited, all in the checkpoint of tree size ${treeSize} (root ${rootHash}, signed ${time}).`);
  } else console.log(`FAILED (${result.problem}): ${flags.export}: ${result.message}`);
  return result.ok;
}

async function main(): Promise<void> {
  const flags = parseFlags(OPTIONS);
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  let verifierKey: string;
  try {
    verifierKey = readVerifierKey(flags.key);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const ok = flags.export ? await verifyExportFile({ ...flags, export: flags.export }, verifierKey) : await verifyDatabase(flags, verifierKey);
  if (!ok) process.exitCode = 1;
}

runScript("verify", USAGE, main);
