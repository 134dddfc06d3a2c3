// Events and the Merkle log are append-only (migration 20261128094155_merkle_log): a trigger refuses
// every UPDATE, and every DELETE or TRUNCATE unless the database owner has set the maintenance flag
// for the transaction. This is the one way to set it from the application's code, for emptying a
// database before a fresh seed (and for tests). The remover deletes through its own database
// function, audit_event_purge_batch, which sets the flag for its statement only.
import type { Database, SqlSession } from "./database";

/** The setting the append-only trigger reads; transaction-local, so it never outlives the work. */
export const EVENT_MAINTENANCE_SETTING = "audit_console.maintenance";

/**
 * Runs `work` in one transaction in which the owner may delete events and log rows. As any other
 * role, the trigger still refuses (and on PostgreSQL the application's role has no such privilege).
 */
export async function withEventMaintenance<T>(db: Pick<Database, "withTransaction">, work: (session: SqlSession) => Promise<T>): Promise<T> {
  return db.withTransaction(async (session) => {
    await session.query(`SELECT set_config('${EVENT_MAINTENANCE_SETTING}', 'on', true) AS "on"`);
    return work(session);
  });
}
