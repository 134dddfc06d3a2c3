// Measures the remover job on a seeded database: events deleted per second, and how long a Logins
// first page takes while it runs (the database must stay responsive). Deletes for real.
//   DATABASE_URL=postgresql://... npm run bench:purge -- [--days 180] [--batch 5000] [--pause 20]
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { runAs } from "@/lib/auth/principal-context";
import { openDatabase } from "@/lib/db/database";
import { setDb } from "@/lib/db";
import { formatCount } from "@/lib/audit/search/list-result";
import { previewPurge, purgeExpiredEvents, PURGE_BATCH_SIZE, PURGE_PAUSE_MS } from "@/lib/audit/retention/purge";
import { REMOVER_JOB_PRINCIPAL } from "@/lib/audit/retention/remover-schedule";

const { values } = parseArgs({
  options: { days: { type: "string" }, batch: { type: "string" }, pause: { type: "string" } },
});
const batchSize = Number(values.batch ?? PURGE_BATCH_SIZE);
const pauseMs = Number(values.pause ?? PURGE_PAUSE_MS);

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const database = openDatabase();
  setDb(database);
  try {
    if (values.days) {
      await database.prisma.setting.upsert({
        where: { key: "retention" },
        create: { key: "retention", value: { days: Number(values.days) }, updatedBy: "purge-bench" },
        update: { value: { days: Number(values.days) }, updatedBy: "purge-bench" },
      });
    }
    const total = await database.prisma.auditEvent.count();
    const preview = await runAs(REMOVER_JOB_PRINCIPAL, () => previewPurge());
    console.log(
      `${database.location}: ${formatCount(total)} events; the run would delete ${formatCount(preview.total)} older than ${preview.retentionDays} days.`,
    );

    // A reader beside the purge: the Logins tab's first page, over and over; first alone, for comparison.
    let reading = true;
    const read = async (latencies: number[]) => {
      while (reading) {
        const started = performance.now();
        await database.prisma.auditEvent.findMany({ where: { category: "LOGIN" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50 });
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const alone: number[] = [];
    const baseline = read(alone);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    reading = false;
    await baseline;
    reading = true;
    const latencies: number[] = [];
    const reader = read(latencies);

    const started = performance.now();
    const result = await runAs(REMOVER_JOB_PRINCIPAL, () => purgeExpiredEvents({ trigger: "manual", batchSize, pauseMs }));
    const seconds = (performance.now() - started) / 1000;
    reading = false;
    await reader;
    if (result.status !== "completed") throw new Error(`the run ended ${result.status}: ${JSON.stringify(result)}`);

    const sorted = [...latencies].sort((a, b) => a - b);
    const sortedAlone = [...alone].sort((a, b) => a - b);
    const pauses = (result.batches * pauseMs) / 1000;
    console.log(
      `Deleted ${formatCount(result.total)} events (${JSON.stringify(result.deleted)}) in ${result.batches} batches of ${batchSize}, ${seconds.toFixed(1)} s.`,
    );
    console.log(
      `Rate: ${formatCount(Math.round(result.total / seconds))} events/s (${formatCount(Math.round(result.total / Math.max(0.001, seconds - pauses)))} events/s without the ${pauseMs} ms pauses).`,
    );
    const summary = (list: number[]) =>
      `${list.length} queries, median ${percentile(list, 50).toFixed(1)} ms, p95 ${percentile(list, 95).toFixed(1)} ms, max ${percentile(list, 100).toFixed(1)} ms`;
    console.log(`Logins first page alone: ${summary(sortedAlone)}; during the run: ${summary(sorted)}.`);
  } finally {
    setDb(undefined);
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`purge-bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
