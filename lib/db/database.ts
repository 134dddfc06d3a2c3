// One way to open the console's database: PostgreSQL through adapter-pg when DATABASE_URL is set,
// otherwise the embedded PGlite in a data folder (./.data/pglite, or PGLITE_DATA_DIR).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { lockDataFolder } from "./folder-lock";
import { cursorBatches, type CursorOptions } from "./cursor-batches";
import { TEXT_SESSION_OPTIONS } from "./pg-text";
import { clientSession, transactionOn } from "./pg-transaction";

/** One connection: what the migration runner and bulk writers need (advisory locks, scripts). */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a whole script of several statements as one query, so it commits or fails as a whole. */
  exec(script: string): Promise<void>;
}

/**
 * What a read in bulk (an export) reads through. On PostgreSQL: two connections of a pool of its own,
 * taken together, so that it never waits for a connection while holding one, and never takes one
 * from the pages. Call release() once, when the reading is over.
 */
export interface BulkReader {
  /**
   * The rows of one SELECT, `size` at a time, through a cursor on the reader's first connection, the
   * next batch asked for while the caller handles this one. Null on PGlite, whose one connection a
   * cursor would hold for the whole read: read by keyset there, one SELECT a batch.
   */
  cursorBatches: (<T>(sql: string, params: unknown[], size: number, options?: CursorOptions<T>) => AsyncGenerator<T[]>) | null;
  /** A short query beside the cursor (the users its rows name), on the reader's second connection. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  release(): void;
}

/**
 * Where reads go: a streaming replica when DATABASE_REPLICA_URL is set (the tabs, entity pages,
 * exports, read APIs), else the primary. Writes always go to `Database.prisma`.
 */
export interface ReadSide {
  prisma: PrismaClient;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** true when reads go to a replica */
  replica: boolean;
  /** how many seconds the replica's data is behind the primary's (0 when it has replayed all it received); null without a replica */
  lag(): Promise<number | null>;
}

/** A connection a bulk read opens itself: where, and how long it may wait to connect (DATABASE_POOL_TIMEOUT_MS). */
export interface BulkConnection {
  connectionString: string;
  connectionTimeoutMillis: number;
}

export interface Database {
  kind: "pglite" | "postgres";
  /** where the data lives, for messages: a folder or a URL without its password */
  location: string;
  prisma: PrismaClient;
  /** One SQL statement through the pages' pool (or PGlite's one connection): reads Prisma cannot say well. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The read side: the replica's, or this same database's */
  reads: ReadSide;
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * One transaction on one connection (PGlite's, held from other callers until it ends): commits
   * when `work` resolves, rolls back when it throws. For bulk writes in SQL (ingestion).
   */
  withTransaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * One connection as the database owner (DATABASE_OWNER_URL, else DATABASE_URL), opened for the
   * work and closed after it: migrations, partition maintenance and the remover, which the
   * application's own role is not allowed (it may only add and read events: npm run db:roles).
   * PGlite has one role: its one connection.
   */
  withOwnerSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** How many bulk readers may be open at once (EXPORT_CONCURRENCY); the caller keeps count (lib/export/export-slots.ts). */
  bulkReaders: number;
  /** How bulk reads connect (to the replica when there is one), for a worker thread's own connections; null on PGlite. */
  bulkConnection: BulkConnection | null;
  /** How a worker thread that writes connects (the checkpoint job's: always the primary); null on PGlite. */
  writeConnection: BulkConnection | null;
  /** Opens a bulk reader; on PostgreSQL its pool holds two connections for each of `bulkReaders`. */
  openBulkReader(): Promise<BulkReader>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; default DATABASE_URL */
  url?: string;
  /** PGlite data folder, or "memory://" for a throw-away database; default PGLITE_DATA_DIR or .data/pglite */
  dataDir?: string;
  /** how many bulk readers at once; default EXPORT_CONCURRENCY, else 4 on PostgreSQL and 2 on PGlite */
  bulkReaders?: number;
  /** a streaming replica of `url` the reads go to; default DATABASE_REPLICA_URL (PostgreSQL only) */
  replicaUrl?: string;
  /** the owner's connection to `url`'s database (withOwnerSession); default DATABASE_OWNER_URL, else `url` */
  ownerUrl?: string;
}

// What pg says when connectionTimeoutMillis passes: the pool had no free connection, or a new one
// did not open in time.
const POOL_TIMEOUT_MESSAGES = new Set(["timeout exceeded when trying to connect", "Connection terminated due to connection timeout"]);

// What Prisma says when an interactive transaction got no connection within its maxWait (2 s by
// default): every connection of the pool was in use (npm run test:load met it in exports' records).
const TRANSACTION_NOT_STARTED = { code: "P2028", message: "Unable to start a transaction in the given time" };

/** The database is busy (or slow to answer), not broken: routes answer it with 503 and Retry-After. */
export function isPoolTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (POOL_TIMEOUT_MESSAGES.has(error.message)) return true;
  return (error as { code?: unknown }).code === TRANSACTION_NOT_STARTED.code && error.message.includes(TRANSACTION_NOT_STARTED.message);
}

/**
 * How long one query of the pages' pool may run, in ms: the pages' queries take under 50 ms at 10
 * million events (README, "Speed at 10 million events"), a hundred times less.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

const QUERY_CANCELED = "57014";

/** An error and the errors it wraps (pg's, the Prisma adapter's cause, Prisma's meta), outermost first. */
function errorChain(error: unknown): { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown }[] {
  const chain = [];
  for (let each = error, depth = 0; each && typeof each === "object" && depth < 5; depth += 1) {
    const found = each as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    chain.push(found);
    each = found.cause ?? found.meta?.driverAdapterError;
  }
  return chain;
}

/**
 * PostgreSQL cancelled the query (statement_timeout): the database is overloaded or the filter too
 * costly, answered 503 with Retry-After. Seen from pg (code) or through Prisma's adapter (its cause).
 */
export function isQueryCanceled(error: unknown): boolean {
  return errorChain(error).some((each) => each.code === QUERY_CANCELED || each.originalCode === QUERY_CANCELED);
}

// How a database that is down or restarting shows through pg, the pg adapter and Prisma: SQLSTATE
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now and class 08 (connection
// exceptions); a refused or reset socket; the adapter's kinds; Prisma's P1001 (cannot reach) and
// P1017 (the server closed the connection); pg's messages for a session that ended under it.
const UNAVAILABLE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "DatabaseNotReachable",
  "ConnectionClosed",
  "P1001",
  "P1017",
]);
const UNAVAILABLE_MESSAGES = new Set(["Connection terminated unexpectedly", "Client has encountered a connection error and is not queryable"]);
const isUnavailableCode = (code: unknown) => typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code));

/**
 * The database is down or restarting (a restart, a failover), not broken: routes answer it 503 with
 * Retry-After, and the pools open new connections once it is back (npm run test:faults).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some(
    (each) =>
      isUnavailableCode(each.code) || isUnavailableCode(each.originalCode) || isUnavailableCode(each.kind) || UNAVAILABLE_MESSAGES.has(each.message as string),
  );
}

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

export function defaultDataDir(): string {
  return process.env.PGLITE_DATA_DIR || path.join(process.cwd(), ".data", "pglite");
}

/**
 * Bulk readers at once unless EXPORT_CONCURRENCY says otherwise. PostgreSQL: each takes two
 * connections of the bulk pool, beside the pages' pool (DATABASE_POOL_SIZE, 10). PGlite: they take
 * turns with the pages on its one connection, a batch at a time.
 */
export const DEFAULT_BULK_READERS = { postgres: 4, pglite: 2 } as const;

export function openDatabase(options: OpenOptions = {}): Database {
  const url = options.url ?? (options.dataDir ? undefined : process.env.DATABASE_URL);
  const bulkReaders = options.bulkReaders ?? positiveInteger("EXPORT_CONCURRENCY", url ? DEFAULT_BULK_READERS.postgres : DEFAULT_BULK_READERS.pglite);
  const replicaUrl = options.replicaUrl ?? (options.url || options.dataDir ? undefined : process.env.DATABASE_REPLICA_URL || undefined);
  // A database opened by its URL (a test's, a bench's) is not the one DATABASE_OWNER_URL names.
  const ownerUrl = options.ownerUrl ?? (options.url ? undefined : process.env.DATABASE_OWNER_URL || undefined);
  return url ? openPostgres(url, bulkReaders, replicaUrl, ownerUrl) : openPGlite(options.dataDir ?? defaultDataDir(), bulkReaders);
}

// How far a replica is behind: nothing when it has replayed all the WAL it received, else the time
// since the last transaction it replayed.
const REPLICA_LAG_SQL = `SELECT CASE WHEN pg_last_wal_receive_lsn() IS NULL OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
  ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END::float8 AS "lag"`;

function openPostgres(url: string, bulkReaders: number, replicaUrl?: string, ownerUrl = url): Database {
  // A wait for a connection ends: past DATABASE_POOL_TIMEOUT_MS the caller gets an error to answer
  // with 503, where pg's default would wait forever and hang every request behind it.
  const timeout = { connectionTimeoutMillis: positiveInteger("DATABASE_POOL_TIMEOUT_MS", 10_000) };
  // The pages' queries take milliseconds: PostgreSQL's JIT, which starts on cost estimates alone,
  // spent 40 ms compiling a 10,000-row count that runs in 3 ms (npm run bench). Exports keep it.
  // No query of theirs holds a connection past DATABASE_STATEMENT_TIMEOUT_MS: PostgreSQL cancels it
  // (57014, answered 503 with Retry-After) rather than let one slow filter starve every page.
  const statementTimeout = positiveInteger("DATABASE_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS);
  const pagesPool = (connectionString: string) =>
    new pg.Pool({
      connectionString,
      max: positiveInteger("DATABASE_POOL_SIZE", 10),
      options: `-c jit=off -c statement_timeout=${statementTimeout}`,
      ...timeout,
    });
  const pool = pagesPool(url);
  const readPool = replicaUrl ? pagesPool(replicaUrl) : pool;
  // Exports read in bulk from the replica when there is one.
  // Its sessions write timestamps as cursors read them as text (TEXT_SESSION_OPTIONS).
  const bulkPool = new pg.Pool({ connectionString: replicaUrl ?? url, max: 2 * bulkReaders, options: TEXT_SESSION_OPTIONS, ...timeout });
  // Writers (ingestion, the remover job, the migration runner: withSession, withTransaction) take
  // connections of a pool of their own, without the pages' statement timeout: fifty admins paging
  // through the tabs held all ten of the pages' connections and ingestion queued behind them
  // (npm run test:load), and a batch is stored in one transaction that may take longer than a page.
  // Sized past the ingestion slots (INGEST_CONCURRENCY, 4) so that the job and config saves still
  // find one while every slot writes.
  const writePool = new pg.Pool({ connectionString: url, max: positiveInteger("DATABASE_WRITE_POOL_SIZE", 8), ...timeout });
  // An idle connection the server ends (a restart, an administrator, DROP DATABASE ... WITH (FORCE)
  // racing our own close) is an 'error' on the pool; unheard, it would end the process. The pool
  // has already dropped that connection and opens a new one on the next query.
  let closing = false;
  for (const each of new Set([pool, readPool, bulkPool, writePool])) {
    hearEveryClient(each);
    each.on("error", (error) => {
      if (!closing) console.warn(`PostgreSQL closed an idle connection: ${error.message}`);
    });
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const readPrisma = replicaUrl ? new PrismaClient({ adapter: new PrismaPg(readPool) }) : prisma;
  const reads: ReadSide = {
    prisma: readPrisma,
    async query(sql, params) {
      return (await readPool.query(sql, params as unknown[])).rows;
    },
    replica: Boolean(replicaUrl),
    async lag() {
      if (!replicaUrl) return null;
      const [row] = (await readPool.query<{ lag: number }>(REPLICA_LAG_SQL)).rows;
      return Math.max(0, Number(row?.lag ?? 0));
    },
  };
  return {
    kind: "postgres",
    location: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
    prisma,
    reads,
    async query(sql, params) {
      return (await pool.query(sql, params as unknown[])).rows;
    },
    async withSession(work) {
      const client = await writePool.connect();
      // A session whose work failed may have lost its connection or kept a lock: it is closed, not reused.
      let broken = false;
      try {
        return await work(clientSession(client));
      } catch (error) {
        broken = true;
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async withTransaction(work) {
      const client = await writePool.connect();
      let broken = false;
      try {
        return await transactionOn(client, work, () => {
          broken = true;
        });
      } finally {
        client.release(broken);
      }
    },
    async withOwnerSession(work) {
      const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: timeout.connectionTimeoutMillis });
      client.on("error", (error) => console.warn(`PostgreSQL closed the owner's connection: ${error.message}`));
      await client.connect();
      try {
        return await work(clientSession(client));
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    bulkReaders,
    bulkConnection: { connectionString: replicaUrl ?? url, ...timeout },
    writeConnection: { connectionString: url, ...timeout },
    openBulkReader: () => openPostgresBulkReader(bulkPool),
    async close() {
      closing = true;
      await Promise.all([...new Set([prisma, readPrisma])].map((client) => client.$disconnect()));
      await Promise.all([...new Set([pool, readPool, bulkPool, writePool])].map((each) => each.end()));
    },
  };
}

/**
 * PostgreSQL ending a session (a restart or failover: 57P01) is an 'error' event on its client, which
 * pg's pool hears only while the client is idle: unheard on a client in use (ours, or one Prisma's
 * adapter holds) it is an uncaught exception, even after the client has been given back and is being
 * closed. So every client of every pool hears its own errors for its whole life. Nothing is logged
 * here: the query that fails on it says what happened, and the pool's 'error' event for idle ones.
 */
function hearEveryClient(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
  });
}

async function openPostgresBulkReader(pool: pg.Pool): Promise<BulkReader> {
  const [cursorClient, lookupClient] = await Promise.allSettled([pool.connect(), pool.connect()]);
  if (cursorClient.status === "rejected" || lookupClient.status === "rejected") {
    for (const taken of [cursorClient, lookupClient]) if (taken.status === "fulfilled") taken.value.release();
    throw cursorClient.status === "rejected" ? cursorClient.reason : (lookupClient as PromiseRejectedResult).reason;
  }
  // A connection whose cursor failed or was left mid-read is closed rather than handed to the next caller.
  let cursorBroken: Error | undefined;
  let released = false;
  return {
    async *cursorBatches<T>(sql: string, params: unknown[], size: number, options?: CursorOptions<T>): AsyncGenerator<T[]> {
      try {
        yield* cursorBatches<T>(cursorClient.value, sql, params, size, options);
      } catch (error) {
        cursorBroken = error instanceof Error ? error : new Error(String(error));
        throw error;
      }
    },
    async query(sql, params) {
      return (await lookupClient.value.query(sql, params as unknown[])).rows;
    },
    release() {
      if (released) return;
      released = true;
      cursorClient.value.release(cursorBroken);
      lookupClient.value.release();
    },
  };
}

function openPGlite(dataDir: string, bulkReaders: number): Database {
  const inMemory = dataDir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    release = lockDataFolder(dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = new PGlite(dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const session: SqlSession = {
    async query(sql, params) {
      return (await pglite.query(sql, params as unknown[])).rows as never[];
    },
    async exec(script) {
      await pglite.exec(script);
    },
  };
  return {
    kind: "pglite",
    location: inMemory ? dataDir : path.resolve(dataDir),
    prisma,
    query: session.query,
    reads: { prisma, query: session.query, replica: false, lag: async () => null },
    withSession: (work) => work(session),
    withTransaction: (work) =>
      pglite.transaction((tx) =>
        work({
          query: async (sql, params) => (await tx.query(sql, params as unknown[])).rows as never[],
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
    withOwnerSession: (work) => work(session),
    bulkReaders,
    bulkConnection: null,
    writeConnection: null,
    // Bulk reads take turns with the pages on the one connection, a keyset SELECT at a time.
    openBulkReader: async () => ({ cursorBatches: null, query: session.query, release() {} }),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}
