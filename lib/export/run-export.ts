// One export, from URL to bytes: guard, what it covers (a tab, or an entity's timeline:
// export-scope.ts), the tab's URL reader and schema, count, the format's limit, the audit event,
// then the events in batches through the format's writer.
import "server-only";
import type { AuditOrderBy, AuditWhere } from "@/lib/audit/search/filter-query";
import { instantRange } from "@/lib/audit/search/filter-query";
import { formatCount } from "@/lib/audit/search/list-result";
import { filterValidationError } from "@/lib/audit/search/filter-schema";
import { recordEvent } from "@/lib/audit/events/record-event";
import { loadSelectedOptions } from "@/lib/audit/search/selected-options";
import { readTabUrl } from "@/lib/audit/tabs/tab-url";
import { requireAuditReader } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import type { RequestInfo } from "@/lib/auth/request-info";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportContext } from "./export-context";
import { exportEvents, type ExportEvent } from "./export-event";
import { eventRecordFromText, selectEvents } from "@/lib/audit/search/event-sql";
import { countWhere } from "@/lib/audit/search/list-query";
import { FORMAT_INFO, limitRefusal, type ExportFormat } from "./export-formats";
import { ExportLease } from "./export-lease";
import { acquireExportSlot, exportCallerOf, exportRefusal } from "./export-slots";
import { exportScope } from "./export-scope";
import type { ExportTarget } from "./export-target";
import { exportFileName } from "./file-name";
import { filterLines, filterSlug } from "./filter-summary";
import { keysetBatches, type BatchQuery } from "@/lib/audit/search/keyset";
import { byteChunks } from "./export-stream";
import { startTextExport, textExportWorkerFile, type TextExportJob } from "./text-export-job";
import { csvChunks, jsonLinesChunks } from "./text-writers";
import { exportBound, forceExportCheckpoint, type ExportCheckpoint } from "./export-checkpoint";
import { ExportManifestMaker } from "./export-manifest-build";
import { type ManifestRows, type RecordWithLeaf, recordWithLeafReader, withLeaves } from "./export-manifest-rows";
import { manifestHref, newManifestId, saveManifest } from "./manifest-store";

/**
 * Events per read. PostgreSQL: rows per cursor read. Batches of 500 were kept alive through two
 * young-generation GCs often enough (2 runs in 5 at 200, most at 500) that V8 promoted every batch
 * and grew the heap to 330-340 MB for 1M events; at 100 all of 15 runs peaked at 198-237 MB.
 * PGlite: events per keyset SELECT, where each batch is a query of its own and 500 ran fastest.
 */
export const EXPORT_BATCH_SIZE = { cursor: 100, keyset: 500 } as const;
/** The order of feeds (JSON lines, whatever the tab's sort): oldest first, id as tie-breaker. */
export const OLDEST_FIRST: AuditOrderBy[] = [{ createdAt: "asc" }, { id: "asc" }];

export interface ExportPlan {
  /** the tab's id, or the entity timeline's ("artifact-timeline") */
  tab: string;
  format: ExportFormat;
  rows: number;
  fileName: string;
  /** why the file will not be made (over the format's limit), or null */
  refusal: string | null;
  /** why the export would be refused now (too many running, export-slots.ts), or null */
  busy: string | null;
}

export interface PreparedExport extends ExportPlan {
  /** the checkpoint the file is bounded by */
  checkpoint: ExportCheckpoint;
  /** where the file's manifest can be downloaded once the file has been read to the end (manifest-store.ts) */
  manifestHref: string;
  /** the file's bytes; read once */
  chunks(): AsyncIterable<string | Uint8Array>;
  /**
   * Frees the export's slot (export-slots.ts) for a download that ended before its chunks were read
   * to the end; reading them to the end, or stopping early, frees it too. Safe to call twice.
   */
  release(): void;
}

export interface ExportOptions {
  timeZone: string;
  now?: Date;
  request?: RequestInfo;
  batchSize?: number;
  /**
   * Only count (the route's preflight and HEAD): no checkpoint is forced, so the count may differ
   * from the file's by the events stored meanwhile. Without it an export starts with a checkpoint.
   */
  countOnly?: boolean;
}

/**
 * The events `where` selects, in `orderBy` order, as export rows, `batchSize` at a time: through one
 * cursor on PostgreSQL, by keyset reads (one SELECT a batch) on PGlite, all through the lease's bulk
 * reader, which goes back when the reading ends or the reader stops early. With `manifest`, each
 * event's leaf is read with it and added to the manifest's rows.
 */
export async function* eventBatches(
  lease: ExportLease,
  where: AuditWhere,
  orderBy: AuditOrderBy[],
  batchSize?: number,
  manifest?: ManifestRows,
  /** read the columns only the leaf covers too (JSON lines: selectEvents' `stored`) */
  stored = false,
): AsyncGenerator<ExportEvent[]> {
  if (!lease.begin()) return;
  try {
    const { cursorBatches, query } = lease.reader;
    const leaf = manifest !== undefined;
    let batches: AsyncIterable<RecordWithLeaf[]>;
    if (cursorBatches) {
      const { sql, params } = selectEvents({ where, orderBy, leaf, stored });
      batches = cursorBatches<RecordWithLeaf>(sql, params, batchSize ?? EXPORT_BATCH_SIZE.cursor, {
        fromText: leaf ? recordWithLeafReader(stored) : eventRecordFromText,
      });
    } else {
      const find: BatchQuery<RecordWithLeaf>["find"] = (args) => {
        const { sql, params } = selectEvents({ ...args, leaf, stored });
        return query<RecordWithLeaf>(sql, params);
      };
      batches = keysetBatches<RecordWithLeaf>(where, orderBy, { find }, batchSize ?? EXPORT_BATCH_SIZE.keyset);
    }
    yield* exportEvents(manifest ? withLeaves(batches, manifest) : batches, query);
  } finally {
    lease.giveBack();
  }
}

/** The file in `format`, chunk by chunk. Excel's and PDF's libraries load only when asked for. */
export async function* formatChunks(format: ExportFormat, context: ExportContext): AsyncGenerator<string | Uint8Array> {
  switch (format) {
    case "csv":
      yield* csvChunks(context);
      return;
    case "jsonl":
      yield* jsonLinesChunks(context);
      return;
    case "xlsx": {
      const { xlsxChunks } = await import("./xlsx-writer");
      yield* xlsxChunks(context);
      return;
    }
    case "pdf": {
      const { pdfBytes } = await import("./pdf-writer");
      yield* byteChunks(await pdfBytes(context));
      return;
    }
  }
}

/** A running export's hold on the console: its slot and bulk reader, and the end of its download. */
export interface ExportHold {
  lease: ExportLease;
  /** aborted when the download has ended: a writer that builds the file whole stops early */
  signal: AbortSignal;
  /** The download has ended (read to the end, or not): frees the slot, and a reader that never began. Safe to call twice. */
  release(): void;
}

/**
 * Takes an export slot for `principal` (ExportBusyError past the limits, before anything is
 * recorded) and the database's bulk reader (no free connection is a 503, not a broken download),
 * then prepares the download in `prepare`; when that throws, both go back.
 */
export async function holdExport<T>(principal: Pick<Principal, "userId" | "apiToken">, prepare: (hold: ExportHold) => Promise<T>): Promise<T> {
  const slot = acquireExportSlot(exportCallerOf(principal));
  let lease: ExportLease;
  try {
    lease = await ExportLease.open(slot);
  } catch (error) {
    slot.release();
    throw error;
  }
  let downloadEnded = false;
  const ended = new AbortController();
  const release = () => {
    if (downloadEnded) return;
    downloadEnded = true;
    ended.abort();
    lease.abandon();
    slot.release();
  };
  try {
    return await prepare({ lease, signal: ended.signal, release });
  } catch (error) {
    release();
    throw error;
  }
}

/** Records an export by `principal` as an Audit Export event: before its first byte is sent, so that a download cut short is on record too. */
export async function recordExport(
  principal: Pick<Principal, "userId" | "username">,
  message: string,
  details: Prisma.InputJsonValue,
  request: RequestInfo | undefined,
): Promise<void> {
  await recordEvent({
    eventType: "AUDIT_EXPORT",
    actor: { id: principal.userId, name: principal.username },
    message,
    details,
    ip: request?.ip ?? null,
    userAgent: request?.userAgent ?? null,
  });
}

/**
 * Checks and counts an export of `target` (a tab, or an entity's timeline) in `format` for the
 * search in `params` (the tab's URL). Throws AuthError (401/403), FilterValidationError (400, naming
 * the field) and UnknownEntityError (an entity nobody knows).
 */
export async function planExport(
  target: ExportTarget,
  format: ExportFormat,
  params: URLSearchParams,
  options: ExportOptions,
): Promise<ExportPlan & { prepare(): Promise<PreparedExport> }> {
  const principal = await requireAuditReader("Exporting the audit trail");
  const scope = await exportScope(target);
  const { tab } = scope;
  const reading = readTabUrl(tab, params);
  if (!reading.valid) throw filterValidationError(reading.errors, tab.labels);
  const search = reading.valid;
  const now = options.now ?? new Date();
  const { timeZone } = options;
  // Events that arrive while the file is written are not in it: the file is the result as of `now`,
  // bounded by a checkpoint signed after `now`, so that its manifest proves every row it holds.
  const checkpoint = options.countOnly ? null : await forceExportCheckpoint(getDb());
  const where: AuditWhere = { AND: [scope.where(search, timeZone, now), { createdAt: { lte: now } }, ...(checkpoint ? [exportBound(checkpoint)] : [])] };
  // A format with a limit counts one past it (enough to refuse); CSV and JSON lines count exactly, for
  // the confirmation and the export's record. Plain SQL: Prisma's count orders by id (event-sql.ts).
  const maxRows = FORMAT_INFO[format].maxRows;
  const rows = await countWhere(getDb().reads, where, maxRows === null ? undefined : maxRows + 1);
  const range = instantRange(search, timeZone, now);
  const fileName = exportFileName(scope.fileStem, filterSlug(tab, search, range, timeZone), now, timeZone, format);
  const plan: ExportPlan = {
    tab: scope.record.tab,
    format,
    rows,
    fileName,
    refusal: limitRefusal(format, rows),
    busy: exportRefusal(exportCallerOf(principal)),
  };

  async function prepare(): Promise<PreparedExport> {
    if (plan.refusal) throw new RangeError(plan.refusal);
    if (!checkpoint) throw new Error("an export counted only (countOnly) cannot be made");
    return holdExport(principal, async ({ lease, signal, release }) => {
      const selected = await loadSelectedOptions(tab, search);
      const filters = [...scope.lead, ...filterLines(tab, search, selected, range, timeZone)];
      await recordExport(
        principal,
        `Exported ${formatCount(rows)} ${scope.what} to ${fileName}`,
        { ...scope.record, format, filters: JSON.parse(JSON.stringify(tab.chosenFilters(search))), rows, timeZone, fileName },
        options.request,
      );
      const orderBy = format === "jsonl" ? OLDEST_FIRST : tab.orderBy(search.sort);
      const manifestId = newManifestId();
      const manifest = new ExportManifestMaker(
        { fileName, format, title: scope.title, filters, timeZone, generatedAt: now, generatedBy: principal.username, checkpoint },
        manifestId,
      );
      const context: ExportContext = {
        title: scope.title,
        columns: scope.columns,
        filters,
        timeZone,
        generatedAt: now,
        generatedBy: principal.username,
        rows,
        batches: eventBatches(lease, where, orderBy, options.batchSize, manifest.rows, format === "jsonl"),
        signal,
        checkpoint,
        manifest: manifest.rows,
        finishManifest: () => manifest.sign(),
      };
      // CSV and JSON lines on PostgreSQL: in a worker thread where the build made one (text-export-job.ts).
      const workerFile = format === "csv" || format === "jsonl" ? textExportWorkerFile() : null;
      const connection = getDb().bulkConnection;
      async function* chunks(): AsyncGenerator<string | Uint8Array> {
        try {
          if (workerFile && connection) {
            const { sql, params } = selectEvents({ where, orderBy, leaf: true, stored: format === "jsonl" });
            const job = {
              format: format as TextExportJob["format"],
              connection,
              sql,
              params,
              batchSize: options.batchSize ?? EXPORT_BATCH_SIZE.cursor,
              timeZone,
              manifestFd: manifest.rowsFd(),
            };
            const thread = await startTextExport(workerFile, job);
            // The worker reads through its own connections: the lease's go back (the slot stays held).
            lease.abandon();
            yield* manifest.hashed(thread.chunks());
            manifest.adopt(thread.manifestRows());
          } else {
            yield* manifest.hashed(formatChunks(format, context));
          }
          // Read to the end: the manifest of exactly these bytes and rows, kept before the download's end is told.
          await saveManifest(manifestId, exportCallerOf(principal), await manifest.sign());
        } finally {
          release();
          await manifest.dispose();
        }
      }
      return { ...plan, checkpoint, manifestHref: manifestHref(manifestId), chunks, release };
    });
  }

  return { ...plan, prepare };
}
