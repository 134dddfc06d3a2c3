// npm run db:roles -- --app-role NAME [--app-password P] [--print]: creates or updates the
// application's PostgreSQL role (lib/db/database-roles.ts), as the owner of the console's tables.
import { openDatabase } from "../lib/db/database";
import { appRoleSql, grantAppRole } from "../lib/db/database-roles";
import { migrate } from "../lib/db/migrate";
import { parseFlags, runScript, UsageError } from "./lib/cli";

const USAGE = `Usage: npm run db:roles -- --app-role NAME [--app-password PASSWORD] [--print]

Creates (or updates) the role the console connects as (DATABASE_URL): it may read and add audit
events and the Merkle log but never change or delete them, and it reads and writes the console's own
tables. Connects as the owner (DATABASE_OWNER_URL, else DATABASE_URL), migrates the database first,
then grants. Run it again after a migration that adds a table.
  --app-role      the role's name; default: the user of DATABASE_URL when DATABASE_OWNER_URL is set
  --app-password  its password (default: DATABASE_URL's, with the same default; or DB_APP_PASSWORD);
                  without one an existing role keeps its password
  --print         print the SQL instead of running it (paste it into psql as the owner)`;

const OPTIONS = {
  "app-role": { type: "string" },
  "app-password": { type: "string" },
  print: { type: "boolean", default: false },
  help: { type: "boolean", short: "h" },
} as const;

/** The app role named by DATABASE_URL, when the owner has a connection of its own. */
function appRoleOfDatabaseUrl(): { role: string; password?: string } | null {
  const { DATABASE_URL, DATABASE_OWNER_URL } = process.env;
  if (!DATABASE_URL || !DATABASE_OWNER_URL) return null;
  const url = new URL(DATABASE_URL);
  return url.username ? { role: decodeURIComponent(url.username), password: url.password ? decodeURIComponent(url.password) : undefined } : null;
}

async function main(): Promise<void> {
  const flags = parseFlags(OPTIONS);
  if (flags.help) return console.log(USAGE);
  const fromUrl = flags["app-role"] === undefined ? appRoleOfDatabaseUrl() : null;
  const role = flags["app-role"] ?? fromUrl?.role;
  if (!role) throw new UsageError("--app-role is required (or set DATABASE_URL to the app role and DATABASE_OWNER_URL to the owner).", true);
  const password = flags["app-password"] ?? (fromUrl ? fromUrl.password : process.env.DB_APP_PASSWORD || undefined);
  const options = { role, password };
  if (flags.print) return console.log(appRoleSql(options));

  const ownerUrl = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (!ownerUrl)
    throw new UsageError("Set DATABASE_OWNER_URL (or DATABASE_URL) to the owner's connection: the embedded database has one role, and no roles to make.");
  const database = openDatabase({ url: ownerUrl, ownerUrl });
  try {
    await database.withOwnerSession(async (owner) => {
      const migrations = await migrate(owner);
      if (migrations.applied.length > 0) console.log(`Applied ${migrations.applied.length} migration(s) to ${database.location}.`);
      const [me] = await owner.query<{ user: string }>(`SELECT current_user AS "user"`);
      if (me?.user === role) throw new UsageError(`${role} is the role this connection uses: the application's role must be another one.`);
      await grantAppRole(owner, options);
    });
    console.log(
      `The role ${role} may now sign in to ${database.location} as the console's DATABASE_URL: it reads and adds events, and cannot change or delete them.` +
        (password === undefined ? ` No password was given: it keeps the one it had (a new role has none: ALTER ROLE ${role} PASSWORD '...').` : ""),
    );
  } finally {
    await database.close();
  }
}

runScript("db:roles", USAGE, main);
