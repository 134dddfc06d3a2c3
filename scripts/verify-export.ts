// tsx scripts/verify-export.ts --export FILE [--manifest FILE] --key PUBKEY
// Checks an export file against its manifest with the audit log's public key alone, anywhere, without
// the console or its database (lib/audit/integrity/export-verify.ts). Prints the result and exits
// 0 when the file verifies, 1 naming the first problem, 2 for a wrong command line.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { verifyExport } from "../lib/audit/integrity/export-verify";

const USAGE = `Usage: tsx scripts/verify-export.ts --export FILE [--manifest FILE] --key PUBKEY

  --export    the exported file (.csv, .jsonl, .xlsx, .pdf)
  --manifest  its manifest; default FILE.manifest.json beside it. An Excel file carries its own.
  --key       the log's public key, "<name>+<key id>+<base64 key>" as the Config tab and
              GET /api/audit/checkpoints/public-key show it, or a file holding it`;

function usage(message: string): never {
  console.error(`verify-export: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let flags: { export?: string; manifest?: string; key?: string; help?: boolean };
  try {
    flags = parseArgs({
      options: { export: { type: "string" }, manifest: { type: "string" }, key: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  if (!flags.export) usage("--export is required");
  if (!flags.key) usage("--key is required");
  const key = existsSync(flags.key) ? readFileSync(flags.key, "utf8").trim() : flags.key;
  const sidecar = flags.manifest ?? `${flags.export}.manifest.json`;
  const manifest = flags.manifest || existsSync(sidecar) ? readFileSync(sidecar) : undefined;
  const result = await verifyExport({ file: readFileSync(flags.export), manifest, verifierKey: key });
  if (result.ok) {
    const { treeSize, rootHash, time } = result.checkpoint;
    console.log(`OK: ${flags.export}: ${result.rows} rows, unedited, all in the checkpoint of tree size ${treeSize} (root ${rootHash}, signed ${time}).`);
    return;
  }
  console.log(`FAILED (${result.problem}): ${flags.export}: ${result.message}`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`verify-export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
