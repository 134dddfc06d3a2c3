// What the scripts that work on the console's database share: flags read strictly, a refusal of bad
// input as a one-line message (with the usage where it helps), and the database they work on: the
// embedded one or DATABASE_URL, migrated first, made the app's database while they run.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Database, openDatabase } from "../../lib/db/database";
import { DataFolderBusyError } from "../../lib/db/folder-lock";
import { setDb } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";

/** Bad input on the command line: said in one line, with the usage when `showUsage`. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

/** The flags' values; an unknown flag or a missing value is a UsageError. */
export function parseFlags<const Options extends NonNullable<ParseArgsConfig["options"]>>(options: Options) {
  try {
    return parseArgs({ options, strict: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
}

/** Runs `work` on the migrated database, as the app's database (getDb), and closes it after. */
export async function withScriptDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase();
  setDb(database);
  try {
    const migrations = await database.withOwnerSession((owner) => migrate(owner));
    if (migrations.applied.length > 0) console.log(`Applied ${migrations.applied.length} migration(s) to ${database.location}.`);
    return await work(database);
  } finally {
    setDb(undefined);
    await database.close();
  }
}

/** Runs the script's `main`; what went wrong is one line on stderr, named after the script, and exit code 1. */
export function runScript(name: string, usage: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}`);
      if (error.showUsage) console.error(`\n${usage}`);
    } else if (error instanceof DataFolderBusyError) {
      console.error(`${name}: ${error.message}`);
    } else {
      console.error(`${name} failed:`, error instanceof Error ? error.message : error);
    }
    process.exitCode = 1;
  });
}
