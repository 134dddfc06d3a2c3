// npm run import -- --format jsonl|sonatype-jsonl|blueprint-csv [--url URL --token T] [--source NAME] [--time-zone ZONE] FILE...
// Imports audit files: through a running console's ingestion API (--url, --token), or straight into
// the database (embedded PGlite or DATABASE_URL) as the events of --source. Importing a file twice
// adds nothing. Unreadable lines are reported and skipped; the exit code is 1 if there were any.
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { sourceNameSchema } from "../lib/audit/events/sources";
import { apiSink } from "../lib/import/api-sink";
import { databaseSink } from "../lib/import/database-sink";
import { IMPORT_FORMATS, type ImportFormat, isImportFormat } from "../lib/import/import-formats";
import { progressLine, summaryLines } from "../lib/import/import-report";
import type { ImportSink } from "../lib/import/import-sink";
import { importFiles, type ImportOutcome } from "../lib/import/run-import";
import { isValidTimeZone } from "../lib/time/zoned";
import { runScript, UsageError, withScriptDatabase } from "./lib/cli";

const FORMATS = Object.entries(IMPORT_FORMATS)
  .map(([name, format]) => `  ${name.padEnd(16)}${format.description}`)
  .join("\n");

const USAGE = `Usage: npm run import -- --format FORMAT [--url URL --token TOKEN | --source NAME] [--time-zone ZONE] FILE...

Imports audit files, streaming, in batches of 1,000 events. Importing a file twice adds nothing.
Formats:
${FORMATS}

  --url URL, --token TOKEN   send through a running console's POST /api/audit/events (an ingest token;
                             the token decides the source)
  --source NAME              without --url: store straight into the database as this source (made if
                             missing); the embedded database (.data/pglite, or PGLITE_DATA_DIR) or DATABASE_URL
  --time-zone ZONE           the IANA zone of times written without one (blueprint-csv's DateTime);
                             default UTC

Lines whose action has no console event type are skipped and counted by kind. Unreadable lines are
reported with their numbers and skipped; the exit code is then 1.`;

interface Options {
  format: ImportFormat;
  files: string[];
  timeZone: string;
  api: { url: string; token: string } | null;
  source: string | null;
}

const OPTIONS = {
  format: { type: "string" },
  url: { type: "string" },
  token: { type: "string" },
  source: { type: "string" },
  "time-zone": { type: "string", default: "UTC" },
  help: { type: "boolean", short: "h" },
} as const;

/** The flags and the files named after them (parseFlags of ./lib/cli.ts takes no files). */
function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
}

function readOptions(): Options {
  const { values, positionals: files } = parseOptions();
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const format = values.format ?? "";
  if (!isImportFormat(format))
    throw new UsageError(`--format must be one of ${Object.keys(IMPORT_FORMATS).join(", ")}${format ? `, not "${format}"` : ""}.`, true);
  if (files.length === 0) throw new UsageError("Name at least one FILE to import.", true);
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file.`);
  }
  const timeZone = values["time-zone"] ?? "UTC";
  if (!isValidTimeZone(timeZone)) throw new UsageError(`--time-zone "${timeZone}" is not an IANA time zone (such as UTC or Europe/Berlin).`);
  if (values.url !== undefined || values.token !== undefined) {
    if (!values.url || !values.token) throw new UsageError("--url and --token go together.", true);
    if (values.source !== undefined) throw new UsageError("--source is for the database: through the API, the token decides the source.");
    try {
      new URL(values.url);
    } catch {
      throw new UsageError(`--url "${values.url}" is not an address (such as https://audit.example.com).`);
    }
    return { format, files, timeZone, api: { url: values.url, token: values.token }, source: null };
  }
  if (!values.source) throw new UsageError("Without --url, --source NAME is required: the sending system the events are stored for.", true);
  const source = sourceNameSchema.safeParse(values.source);
  if (!source.success) throw new UsageError(`--source "${values.source}": ${source.error.issues[0]!.message}.`);
  return { format, files, timeZone, api: null, source: source.data };
}

async function run(options: Options, sink: ImportSink): Promise<ImportOutcome> {
  const tty = process.stdout.isTTY;
  const outcome = await importFiles(options.files, sink, {
    format: options.format,
    timeZone: options.timeZone,
    onProgress: tty ? (progress) => process.stdout.write(`\r\x1b[2K${progressLine(progress)}`) : undefined,
  });
  if (tty) process.stdout.write("\r\x1b[2K");
  return outcome;
}

async function importInto(options: Options): Promise<{ outcome: ImportOutcome; target: string }> {
  if (options.api) {
    const sink = apiSink(options.api);
    return { outcome: await run(options, sink), target: sink.target };
  }
  return withScriptDatabase(async (database) => {
    const sink = await databaseSink(database, options.source!);
    return { outcome: await run(options, sink), target: sink.target };
  });
}

async function main(): Promise<void> {
  const options = readOptions();
  const { outcome, target } = await importInto(options);
  const files = options.files.length === 1 ? options.files[0] : `${options.files.length} files`;
  console.log(`Imported ${files} (${options.format}) into ${target}:`);
  for (const line of summaryLines(outcome.tallies, outcome.totals)) console.log(line);
  if (outcome.stopped) {
    console.error(`import stopped: ${outcome.stopped}`);
    process.exitCode = 1;
  }
  const unreadable = outcome.tallies.reduce((total, tally) => total + tally.unreadableCount, 0);
  if (unreadable > 0) {
    console.error(`import: ${unreadable.toLocaleString("en-US")} unreadable line(s) were skipped (listed above); the rest was imported.`);
    process.exitCode = 1;
  }
}

runScript("import", USAGE, main);
