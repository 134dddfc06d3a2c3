// Tests start from no events: as the owner, under the append-only trigger's maintenance flag
// (lib/db/event-maintenance.ts). `where` is SQL over "AuditEvent"'s columns, written by the test.
import type { Database } from "@/lib/db/database";
import { withEventMaintenance } from "@/lib/db/event-maintenance";

export async function deleteEvents(db: Pick<Database, "withTransaction">, where = "true"): Promise<void> {
  await withEventMaintenance(db, async (session) => {
    await session.query(`DELETE FROM "AuditEvent" WHERE ${where}`);
    await session.query(`TRUNCATE "AuditLeaf", "AuditMerkleNode", "AuditCheckpoint"`);
  });
}
