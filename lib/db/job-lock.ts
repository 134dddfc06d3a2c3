// One run at a time per database for a background job (the remover, the verification of the log): a
// PostgreSQL advisory lock held on the job's own connection keeps other processes out, and a
// per-database flag keeps a second run of this process out (an advisory lock is re-entrant within
// one session, and PGlite has only one session). Who holds the lock, and since when, travels in
// the holding connection's application_name, so that another process can say who runs it.
import type { Database, SqlSession } from "./database";

export interface JobRun {
  startedAt: Date;
  trigger: "schedule" | "manual";
  /** username of whoever started it; the job's name for scheduled runs */
  startedBy: string;
}

/** Who holds a job's lock: null startedAt when the holding session did not say (a server of an older version). */
export type LockHolder = Omit<JobRun, "startedAt"> & { startedAt: Date | null };

export type Locked<T> = { acquired: true; value: T } | { acquired: false; holder: LockHolder | null };

export interface JobLock<Info extends JobRun> {
  /** pg_try_advisory_lock key */
  key: number;
  /** Runs `work` holding the lock on one connection, or returns { acquired: false } at once. */
  run<T>(db: Database, info: Info, work: (session: SqlSession) => Promise<T>): Promise<Locked<T>>;
  /** The run of this process, if one is going on. */
  here(db: Database): Info | null;
  /** The run holding the lock on this database, in this process or another; null when none. */
  holder(db: Database): Promise<Info | LockHolder | null>;
}

// application_name holds at most 63 bytes: the tag, the start in ms, the trigger's initial, the user.
const NAME_BYTES = 63;

function holderName(tag: string, info: JobRun): string {
  const name = `${tag}:${info.startedAt.getTime()}:${info.trigger[0]}:${info.startedBy}`;
  const bytes = Buffer.from(name, "utf8");
  return bytes.length <= NAME_BYTES
    ? name
    : bytes
        .subarray(0, NAME_BYTES)
        .toString("utf8")
        .replace(/\uFFFD$/, "");
}

function parseHolder(tag: string, name: string | null): JobRun | null {
  const match = name && new RegExp(`^${tag}:(\\d+):([sm]):(.*)$`, "s").exec(name);
  if (!match) return null;
  return { startedAt: new Date(Number(match[1])), trigger: match[2] === "s" ? "schedule" : "manual", startedBy: match[3] as string };
}

// The session holding advisory lock `key` on this database (granted, one-key form), and its application_name.
const HOLDER_SQL = `
  SELECT a.application_name AS "name" FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1::bigint::oid AND l.objsubid = 1
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  LIMIT 1`;

/** A job's lock: `tag` names its holders in application_name (no colon in it). */
export function jobLock<Info extends JobRun>(key: number, tag: string): JobLock<Info> {
  const holder = globalThis as { __auditConsoleJobLocks?: Map<number, WeakMap<Database, JobRun>> };
  holder.__auditConsoleJobLocks ??= new Map();
  const byKey = holder.__auditConsoleJobLocks;
  if (!byKey.has(key)) byKey.set(key, new WeakMap());
  const running = byKey.get(key) as WeakMap<Database, Info>;

  /** Who holds the lock on PostgreSQL, as its session tells. */
  async function heldBy(db: Database): Promise<LockHolder | null> {
    const [row] = await db.query<{ name: string | null }>(HOLDER_SQL, [key]);
    if (!row) return null;
    return parseHolder(tag, row.name) ?? { startedAt: null, trigger: "manual", startedBy: "another server process" };
  }

  const lock: JobLock<Info> = {
    key,
    async run(db, info, work) {
      const here = running.get(db);
      if (here) return { acquired: false, holder: here };
      running.set(db, info);
      try {
        return await db.withSession(async (session): Promise<Locked<Awaited<ReturnType<typeof work>>>> => {
          const [row] = await session.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key]);
          if (!row?.locked) return { acquired: false, holder: await heldBy(db) };
          if (db.kind === "postgres") await session.query("SELECT set_config('application_name', $1, false) AS name", [holderName(tag, info)]);
          try {
            return { acquired: true, value: await work(session) };
          } finally {
            if (db.kind === "postgres") await session.query("RESET application_name");
            await session.query("SELECT pg_advisory_unlock($1::bigint) AS unlocked", [key]);
          }
        });
      } finally {
        running.delete(db);
      }
    },
    here: (db) => running.get(db) ?? null,
    holder: async (db) => running.get(db) ?? (db.kind === "pglite" ? null : heldBy(db)),
  };
  return lock;
}
