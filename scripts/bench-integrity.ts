// Measures the tamper-evidence log. Without a database: how fast events of about 400 bytes of
// canonical JSON become leaf hashes and a root, what a checkpoint over new leaves costs when the
// tree continues from its stored frontier, and how large the proofs are. With --database, on the
// database (DATABASE_URL, seeded: npm run db:seed -- --events 1m): the checkpoint job over every
// event not yet in the log (a freshly seeded million), then over 10,000 new ones, then `verify`
// over the whole log. Writes to that database: use one of its own.
//   npm run bench:integrity -- [--leaves 1000000] [--database]
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { checkpointAll, runCheckpoint } from "@/lib/audit/integrity/checkpoint-job";
import { logSigningKey } from "@/lib/audit/integrity/log-key";
import { verifyLog } from "@/lib/audit/integrity/verify-log";
import { verifySummary } from "@/lib/audit/integrity/verify-problems";
import { openDatabase } from "@/lib/db/database";
import { canonicalJsonBytes } from "@/lib/audit/integrity/canonical-json";
import { batchRanges, consistencyRanges, frontierIds, inclusionRanges, leafHash, MerkleAppender, subtreesOf } from "@/lib/audit/integrity/merkle";

const { values } = parseArgs({ options: { leaves: { type: "string" }, database: { type: "boolean" } } });
const total = Number(values.leaves ?? 1_000_000);

/** An event as the console stores it, about 400 bytes once canonical. */
function event(seq: number) {
  return {
    id: `evt_${seq.toString(36).padStart(10, "0")}`,
    seq,
    source: "codebeamer-prod",
    sourceEventId: `cb-${1_000_000_000 + seq}`,
    eventType: seq % 5 === 0 ? "USER_LOGIN" : "WORK_ITEM_UPDATE",
    actor: { id: 1000 + (seq % 977), username: `user${seq % 977}`, name: "Zoë Łukasz" },
    project: { id: 10 + (seq % 37), name: `Project ${seq % 37}` },
    tracker: { id: 500 + (seq % 101), name: "Requirements" },
    artifact: { id: 100_000 + seq, name: `REQ-${seq}: brake pressure threshold` },
    message: "Status changed",
    changes: [{ field: "Status", old: "In Review", new: "Approved" }],
    createdAt: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
  };
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function main(): void {
  let bytes = 0;
  const appender = new MerkleAppender(0, [], Number.POSITIVE_INFINITY);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let hashingMs = 0;
  for (let seq = 0; seq < total; seq++) {
    const t = performance.now();
    const canonical = canonicalJsonBytes(event(seq));
    const leaf = leafHash(canonical);
    hashingMs += performance.now() - t;
    bytes += canonical.length;
    appender.append(leaf);
  }
  const root = appender.root();
  const totalMs = performance.now() - started;
  const cpuMs = cpuMsSince(cpuStarted);
  console.log(`leaves:                 ${fmt(total)} events, ${Math.round(bytes / total)} bytes of canonical JSON each on average`);
  console.log(`canonical JSON + leaf:  ${fmt(total / (hashingMs / 1000))} leaves/s (${fmt(hashingMs)} ms, includes making the test event)`);
  console.log(`whole run to the root:  ${fmt(total / (totalMs / 1000))} leaves/s (${fmt(totalMs)} ms), root ${root.toString("hex").slice(0, 16)}…`);
  // The machine is shared: CPU time says what the work costs, wall time what this run got.
  console.log(`per CPU second:         ${fmt(total / (cpuMs / 1000))} leaves (${fmt(cpuMs)} ms CPU)`);

  // A checkpoint continues from the stored frontier: only the new leaves are hashed.
  for (const fresh of [10_000, 1_000_000]) {
    const leaves = Array.from({ length: fresh }, (_, i) => leafHash(canonicalJsonBytes(event(total + i))));
    const t = performance.now();
    const cpu = process.cpuUsage();
    // Level 0 (the leaf hash) is kept with the event; the checkpoint stores the levels above.
    const next = new MerkleAppender(total, appender.frontier(), 1);
    for (const leaf of leaves) next.append(leaf);
    next.root();
    const stored = next.drainCompleted().length;
    console.log(
      `checkpoint +${fmt(fresh)} leaves onto ${fmt(total)}: ${fmt(performance.now() - t)} ms tree work ` +
        `(${fmt(cpuMsSince(cpu))} ms CPU), ` +
        `${frontierIds(total).length} frontier hashes read, ${fmt(stored)} subtree hashes to store`,
    );
  }

  for (const n of [total, 10_000_000]) {
    const inclusion = inclusionRanges(Math.floor(n * 0.7), n);
    const consistency = consistencyRanges(Math.floor(n * 0.9) + 3, n);
    console.log(
      `tree of ${fmt(n)}: inclusion proof ${inclusion.length} hashes (${inclusion.length * 32} bytes, ` +
        `${subtreesOf(inclusion).length} stored subtrees read); consistency proof ${consistency.length} hashes ` +
        `(${subtreesOf(consistency).length} stored subtrees read)`,
    );
    const contiguous = Array.from({ length: 10_000 }, (_, i) => Math.floor(n / 3) + i);
    const spread = Array.from({ length: 1000 }, (_, i) => Math.floor((i * n) / 1000) + (i % 7));
    console.log(
      `  batch proof: 10,000 contiguous rows ${batchRanges(contiguous, n).length} hashes; ` +
        `1,000 rows spread over the log ${fmt(batchRanges(spread, n).length)} hashes ` +
        `(one inclusion proof per row: ${fmt(spread.reduce((s, i) => s + inclusionRanges(i, n).length, 0))})`,
    );
  }
  console.log(`heap used at the end:   ${fmt(process.memoryUsage().heapUsed / 1e6)} MB`);
}

/** The checkpoint job and verify on a real database: what the "Measured" asks for. */
async function onDatabase(): Promise<void> {
  const db = openDatabase();
  const key = logSigningKey();
  try {
    const count = async (sql: string) => Number((await db.query<{ n: string }>(sql))[0]?.n ?? 0);
    const events = await count(`SELECT count(*)::text AS "n" FROM "AuditEvent"`);
    const leaves = await count(`SELECT count(*)::text AS "n" FROM "AuditLeaf"`);
    console.log(`${db.location}: ${fmt(events)} events, ${fmt(leaves)} already in the log`);

    let t = performance.now();
    let cpu = process.cpuUsage();
    const backlog = await checkpointAll(db, key);
    console.log(
      `checkpoint of the backlog: +${fmt(backlog.checkpoint.treeSize - leaves)} leaves in ${fmt(performance.now() - t)} ms ` +
        `(${fmt(cpuMsSince(cpu))} ms CPU here; runs of at most 200,000 leaves, each one transaction and one signed checkpoint)`,
    );

    await db.withSession((session) =>
      session.query(
        `INSERT INTO "AuditEvent" ("category", "eventType", "actorId", "actorName", "ip", "createdAt", "source")
         SELECT 'LOGIN', 'USER_LOGIN', g, 'bench' || g, '10.2.0.' || (g % 200), now(), 'console' FROM generate_series(1, 10000) AS g`,
      ),
    );
    t = performance.now();
    cpu = process.cpuUsage();
    const small = await runCheckpoint(db, key);
    console.log(
      `checkpoint of 10,000 new leaves onto ${fmt(small.checkpoint.treeSize - small.leavesAdded)}: ${fmt(performance.now() - t)} ms (${fmt(cpuMsSince(cpu))} ms CPU here)`,
    );

    cpu = process.cpuUsage();
    const result = await verifyLog(db, { verifierKey: key.verifierKey });
    console.log(
      `verify: ${fmt(result.treeSize)} leaves in ${fmt(result.durationMs)} ms: ${fmt(result.eventsPerSecond)} events/s (${fmt(cpuMsSince(cpu))} ms CPU here)`,
    );
    console.log(verifySummary(result));
    console.log(`heap used at the end:   ${fmt(process.memoryUsage().heapUsed / 1e6)} MB`);
  } finally {
    await db.close();
  }
}

if (values.database) await onDatabase();
else main();
