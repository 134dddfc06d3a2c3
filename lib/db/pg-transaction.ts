// A transaction on one pg connection, as Database.withTransaction gives it (database.ts, on a
// connection of the writers' pool), and as a worker thread runs it on a connection of its own (the
// checkpoint job's thread, lib/audit/integrity/checkpoint-worker.ts), which cannot load database.ts
// with its Prisma clients.
import type pg from "pg";
import type { SqlSession } from "./database";

export function clientSession(client: pg.ClientBase): SqlSession {
  return {
    async query(sql, params) {
      return (await client.query(sql, params as unknown[])).rows;
    },
    async exec(script) {
      await client.query(script);
    },
  };
}

/**
 * `work` in one transaction on `client`: commits when it resolves, rolls back when it throws.
 * `onLost` hears a rollback that failed: the connection is not fit for another transaction.
 */
export async function transactionOn<T>(client: pg.ClientBase, work: (session: SqlSession) => Promise<T>, onLost: () => void = () => undefined): Promise<T> {
  try {
    await client.query("BEGIN");
    const result = await work(clientSession(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(onLost);
    throw error;
  }
}
