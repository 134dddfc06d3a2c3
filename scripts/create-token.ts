// npm run create-token -- --name NAME --source SOURCE --scopes ingest,read [--expires 90d]
// Makes an API token as the settings page does (the same schema, the same function, the same
// Console event), for a first sending system set up from a shell. The secret is printed once, alone
// on the last line, so that `| tail -1` gets it.
import { userInfo } from "node:os";
import { API_SCOPES, type ApiTokenSpec, apiTokenInputSchema, DEFAULT_EXPIRY_DAYS, parseExpiry } from "../lib/auth/api-tokens/api-token-schema";
import { createApiToken } from "../lib/auth/api-tokens/api-tokens";
import type { Principal } from "../lib/auth/principal";
import { runAs } from "../lib/auth/principal-context";
import { parseFlags, runScript, UsageError, withScriptDatabase } from "./lib/cli";

const USAGE = `Usage: npm run create-token -- --name NAME --source SOURCE --scopes ingest,read [--expires 90d]

Creates an API token for the sending system SOURCE (such as codebeamer-prod) and prints its secret,
once, on the last line: it is stored only as a SHA-256 and cannot be shown again.
  --scopes   ingest (send events), read (query and export), or both: ingest,read
  --expires  how long it works: days, weeks or years (30, 90d, 12w, 1y); default ${DEFAULT_EXPIRY_DAYS}d, at most 1y
Works on the embedded database (.data/pglite, or PGLITE_DATA_DIR) or on DATABASE_URL.`;

const OPTIONS = {
  name: { type: "string" },
  source: { type: "string" },
  scopes: { type: "string" },
  expires: { type: "string", default: `${DEFAULT_EXPIRY_DAYS}d` },
  help: { type: "boolean", short: "h" },
} as const;

/** The flag behind each field of apiTokenInputSchema, for its messages. */
const FLAGS: Record<string, string> = { name: "--name", source: "--source", scopes: "--scopes", expiresInDays: "--expires" };

function readScopes(text: string | undefined): string[] {
  if (text === undefined) throw new UsageError("--scopes is required: ingest, read, or ingest,read.", true);
  const scopes = text
    .split(",")
    .map((scope) => scope.trim().toLowerCase())
    .filter(Boolean);
  const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) throw new UsageError(`--scopes: "${unknown.join(", ")}" is not a scope; use ingest, read, or ingest,read.`);
  return scopes;
}

function readSpec(): ApiTokenSpec {
  const values = parseFlags(OPTIONS);
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.name === undefined) throw new UsageError("--name is required.", true);
  if (values.source === undefined) throw new UsageError("--source is required.", true);
  const scopes = readScopes(values.scopes);
  const expiresInDays = parseExpiry(values.expires ?? "");
  if (expiresInDays === null) throw new UsageError(`--expires "${values.expires}" is not a duration; use days, weeks or years, such as 90d, 12w or 1y.`);
  const parsed = apiTokenInputSchema.safeParse({ name: values.name, source: values.source, scopes, expiresInDays });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    throw new UsageError(`${FLAGS[field] ?? field}: ${issue?.message ?? "is not valid"}.`);
  }
  return parsed.data;
}

function scriptPrincipal(): Principal {
  const name = `create-token (${userInfo().username})`;
  return { userId: null, username: name, displayName: name, role: "ADMIN", sessionId: null };
}

async function main(): Promise<void> {
  const spec = readSpec();
  await withScriptDatabase(async (database) => {
    const { token, secret } = await runAs(scriptPrincipal(), () => createApiToken(spec));
    console.log(`Created the API token "${token.name}" (#${token.id}, ${token.prefix}…) for source ${token.source}: ${token.scopes.join(" and ")}.`);
    console.log(`It expires on ${token.expiresAt.toISOString().slice(0, 10)} (UTC). Database: ${database.location}`);
    console.log("The secret, shown this once (only its SHA-256 is stored):");
    console.log(secret);
  });
}

runScript("create-token", USAGE, main);
