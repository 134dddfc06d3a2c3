// One way to open the console's database: PostgreSQL through adapter-pg when DATABASE_URL is set,
// otherwise the embedded PGlite in a data folder (./.data/pglite, or PGLITE_DATA_DIR).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import Cursor from "pg-cursor";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { lockDataFolder } from "./folder-lock";
import { readAhead } from "./read-ahead";

/** One connection: what the migration runner and bulk writers need (advisory locks, scripts). */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a whole script of several statements as one query, so it commits or fails as a whole. */
  exec(script: string): Promise<void>;
}

export interface Database {
  kind: "pglite" | "postgres";
  /** where the data lives, for messages: a folder or a URL without its password */
  location: string;
  prisma: PrismaClient;
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * The rows of one SELECT, `size` at a time, for reads in bulk (exports): one cursor on a connection
   * of its own, the next batch asked for while the caller handles this one. Null on PGlite, whose one
   * connection a cursor would hold for the whole read.
   */
  cursorBatches: (<T>(sql: string, params: unknown[], size: number) => AsyncGenerator<T[]>) | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; default DATABASE_URL */
  url?: string;
  /** PGlite data folder, or "memory://" for a throw-away database; default PGLITE_DATA_DIR or .data/pglite */
  dataDir?: string;
}

export function defaultDataDir(): string {
  return process.env.PGLITE_DATA_DIR || path.join(process.cwd(), ".data", "pglite");
}

export function openDatabase(options: OpenOptions = {}): Database {
  const url = options.url ?? (options.dataDir ? undefined : process.env.DATABASE_URL);
  return url ? openPostgres(url) : openPGlite(options.dataDir ?? defaultDataDir());
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection the server ends (a restart, an administrator, DROP DATABASE ... WITH (FORCE)
  // racing our own close) is an 'error' on the pool; unheard, it would end the process. The pool
  // has already dropped that connection and opens a new one on the next query.
  let closing = false;
  pool.on("error", (error) => {
    if (!closing) console.warn(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    location: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
    prisma,
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          async query(sql, params) {
            return (await client.query(sql, params as unknown[])).rows;
          },
          async exec(script) {
            await client.query(script);
          },
        });
      } finally {
        client.release();
      }
    },
    cursorBatches: (sql, params, size) => cursorBatches(pool, sql, params, size),
    async close() {
      closing = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * One SELECT read through a pg-cursor, `size` rows at a time. Reading a million rows this way left
 * next to nothing in V8's old generation, where the same rows read by a query per batch (a pg Query,
 * Result and promise each) were mostly promoted: 202 MB per 300,000 events, which let V8 grow the heap
 * to four times what was live. It also takes a third less CPU, and the file is one snapshot.
 */
async function* cursorBatches<T>(pool: pg.Pool, sql: string, params: unknown[], size: number): AsyncGenerator<T[]> {
  const client = await pool.connect();
  const cursor = client.query(new Cursor<T>(sql, params));
  let broken: Error | undefined;
  try {
    yield* readAhead<T>((last) => (last === null || last.length === size ? cursor.read(size) : null));
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    if (!broken) await cursor.close().catch((error: Error) => (broken = error));
    // A connection whose cursor failed is closed rather than handed to the next caller.
    client.release(broken);
  }
}

function openPGlite(dataDir: string): Database {
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
    withSession: (work) => work(session),
    cursorBatches: null,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}
