// The two roles of a PostgreSQL deployment (issue 19): the owner, which owns every table and runs the
// migrations, partition maintenance and the remover (DATABASE_OWNER_URL), and the application's role
// (DATABASE_URL), which may read and add events and the Merkle log but never change or remove them.
// The append-only trigger (migration 20261128094155_merkle_log) refuses the same to everyone but the
// owner; the privileges below refuse it before the trigger is reached. `npm run db:roles` runs this
// SQL as the owner, or prints it to paste.
import type { SqlSession } from "./database";
import { COUNTS_TABLES } from "./event-partitions";

/** The audit trail: the app role may SELECT and INSERT, nothing else. */
export const LOG_TABLES = ["AuditEvent", "AuditLeaf", "AuditMerkleNode", "AuditCheckpoint"] as const;

/**
 * The tables the console keeps and changes: sessions, login attempts, tokens, settings, saved
 * searches, the directory the ingested events name, the idempotency keys, the tallies and the activity
 * counts (appended by a trigger on AuditEvent, which runs as the app role, and folded by the server).
 */
export const APP_TABLES = [
  "User",
  "Group",
  "GroupMembership",
  "Project",
  "Tracker",
  "Artifact",
  "EventTypeSetting",
  "DroppedEventCount",
  "Setting",
  "LoginAttempt",
  "ConsoleSession",
  "EventSource",
  "EventSourceTally",
  "ApiToken",
  "IngestedEventKey",
  "SavedSearch",
  ...COUNTS_TABLES,
] as const;

/** Read by the readiness check (which migrations are applied); written by the owner's migration runner only. */
export const READ_ONLY_TABLES = ["_prisma_migrations"] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface AppRoleOptions {
  /** the application's role: lower-case letters, digits and underscores */
  role: string;
  /** its login password; without it an existing role keeps its own (a new one gets none: set it later) */
  password?: string;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The SQL that creates or updates the application's role, to run as the owner in the console's
 * migrated database. Idempotent: each run first takes every table privilege away from the role, then
 * grants what it may have now. Tables made later by migrations start as the log does (SELECT and
 * INSERT): nothing made later (a month partition, a new log table) is ever open to change until
 * this runs again and says so.
 */
export function appRoleSql({ role, password }: AppRoleOptions): string {
  if (!ROLE_NAME.test(role)) throw new Error(`The application's role must be lower-case letters, digits and underscores (at most 63), not "${role}".`);
  const app = ident(role);
  const list = (tables: readonly string[]) => tables.map(ident).join(", ");
  return `-- The application's role "${role}" (npm run db:roles). Run as the owner of the console's tables, in its database.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(role)}) THEN
    CREATE ROLE ${app} LOGIN;
  END IF;
END $$;
ALTER ROLE ${app} LOGIN${password === undefined ? "" : ` PASSWORD ${literal(password)}`};

-- It must not be the owner, a superuser or a member of the owner: it would have the owner's rights.
-- Tables made later by the owner (migrations, month partitions): SELECT and INSERT only.
DO $$
DECLARE
  owner name := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = '"AuditEvent"'::regclass);
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = ${literal(role)}) THEN
    RAISE EXCEPTION 'The role ${role} is a superuser: the application must not connect as one';
  END IF;
  IF pg_has_role(${literal(role)}, owner, 'MEMBER') THEN
    RAISE EXCEPTION 'The role ${role} is (a member of) %, the owner of the tables: use a role of its own', owner;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), ${literal(role)});
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO %I', owner, ${literal(role)});
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', owner, ${literal(role)});
END $$;
GRANT USAGE ON SCHEMA public TO ${app};

-- Every table (the log, its partitions): read and add. No UPDATE, DELETE or TRUNCATE.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app};
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO ${app};
-- The console's own tables: changed as it works.
GRANT UPDATE, DELETE ON ${list(APP_TABLES)} TO ${app};
-- The migrations' record: read only.
REVOKE INSERT ON ${list(READ_ONLY_TABLES)} FROM ${app};
-- The id sequences (nextval for new rows, the checkpoint job reads the events' last id).
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
`;
}

/** Creates or updates the application's role, on a session of the owner (one script: all of it or nothing). */
export async function grantAppRole(owner: Pick<SqlSession, "exec">, options: AppRoleOptions): Promise<void> {
  await owner.exec(appRoleSql(options));
}
