// The work of GET /api/v2/auditLogs: the events of the UTC days asked for, oldest first, as
// Sonatype's audit log lines, streamed through the exports' machinery (an export slot, the bulk
// reader's batches, byte chunks of lines) and recorded as an Audit Export, as every export is.
// Guarded: audit readers only.
import "server-only";
import type { AuditWhere } from "@/lib/audit/search/filter-query";
import { countWhere } from "@/lib/audit/search/list-query";
import { formatCount } from "@/lib/audit/search/list-result";
import { requireAuditReader } from "@/lib/auth/guard";
import type { RequestInfo } from "@/lib/auth/request-info";
import { getDb } from "@/lib/db";
import { eventBatches, holdExport, OLDEST_FIRST, recordExport } from "@/lib/export/run-export";
import { jsonObjectLineChunks } from "@/lib/export/text-writers";
import { type AuditLogLine, auditLogLine } from "./audit-log-lines";
import type { UtcDays } from "./audit-log-request";
import { SenderIdCache } from "./sender-id-cache";

export const PULLING = "Reading the audit log";

/** A pull whose client takes nothing for this long is ended, freeing its slot and connections (as a download is). */
export const PULL_STALL_MS = 60_000;

export interface AuditLogPull {
  /** how many lines it holds (counted before the first is written) */
  rows: number;
  /** the lines' bytes; read once. Reading to the end, or stopping early, ends the pull */
  chunks(): AsyncGenerator<Uint8Array>;
  /** Ends a pull whose chunks were not read to the end: frees its slot. Safe to call twice. */
  release(): void;
}

export interface PullOptions {
  request?: RequestInfo;
  now?: Date;
  /** events per read (default: the exports') */
  batchSize?: number;
}

// Events that arrive while the lines are written are not among them: the pull is the log as of `now`.
const pullWhere = (days: UtcDays, now: Date): AuditWhere => ({ createdAt: { gte: days.from, lt: days.to, lte: now } });

/** How many lines a pull of `days` would hold now: HEAD's answer, which neither pulls nor records. */
export async function countAuditLogLines(days: UtcDays, now = new Date()): Promise<number> {
  await requireAuditReader(PULLING);
  return countWhere(getDb().reads, pullWhere(days, now));
}

/**
 * Counts the lines, takes an export slot (ExportBusyError past the limits: 429), records the pull,
 * and returns its lines to stream.
 */
export async function pullAuditLogs(days: UtcDays, options: PullOptions = {}): Promise<AuditLogPull> {
  const principal = await requireAuditReader(PULLING);
  const where = pullWhere(days, options.now ?? new Date());
  const rows = await countWhere(getDb().reads, where);
  const { startUtcDate, endUtcDate } = days;
  return holdExport(principal, async ({ lease, release }) => {
    await recordExport(
      principal,
      `Exported ${formatCount(rows)} events of ${startUtcDate} to ${endUtcDate} (UTC) to auditLogs, Sonatype's audit log API`,
      { fileName: "auditLogs", format: "jsonl", startUtcDate, endUtcDate, rows, timeZone: "UTC" },
      options.request,
    );
    const senderIds = new SenderIdCache(<T>(sql: string, params: unknown[]) => lease.reader.query<T>(sql, params));
    async function* lines(): AsyncGenerator<AuditLogLine[]> {
      for await (const events of eventBatches(lease, where, OLDEST_FIRST, options.batchSize)) {
        await senderIds.load(events);
        yield events.map((event) => auditLogLine(event, senderIds.senderId));
      }
    }
    async function* chunks(): AsyncGenerator<Uint8Array> {
      try {
        yield* jsonObjectLineChunks(lines(), (line) => line);
      } finally {
        release();
      }
    }
    return { rows, chunks, release };
  });
}
