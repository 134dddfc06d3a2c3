// After a seed: the seeded events get their sequence numbers and leaves, and the log its signed
// checkpoint, before the server starts, so that its first minute (and the first export, which waits
// for a checkpoint) does not spend itself catching up, holding PGlite's one connection run by run.
import { checkpointAll } from "../../lib/audit/integrity/checkpoint-job";
import { logSigningKey } from "../../lib/audit/integrity/log-key";
import type { Database } from "../../lib/db/database";

export async function signAuditLog(db: Database): Promise<void> {
  const started = performance.now();
  const run = await checkpointAll(db, logSigningKey());
  if (!run.created) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Signed the audit log: ${run.checkpoint.treeSize.toLocaleString("en-US")} events in its checkpoint (${seconds} s).`);
}
