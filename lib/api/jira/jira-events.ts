// GET /rest/auditing/1.0/events: one page of events, newest first, as Jira pages them. Deep reads
// go by keyset (pageCursor = the last entity's "timestamp,id"), so page 1,000 costs what page 1
// costs; an offset serves the first 10,000 records. A search, or scanLimit, reads only the newest
// records by insertion (at most 10,000). afterId reads in ingestion order instead: see
// jira-ingestion-poll.ts. Guarded: audit readers only.
import "server-only";
import { idSourceOf } from "@/lib/api/source-ids";
import { byTime, type AuditWhere } from "@/lib/audit/search/filter-query";
import { afterRow, sortKeys } from "@/lib/audit/search/keyset";
import { type EventKey, eventRecordsOfKeys, findEventRecords } from "@/lib/audit/search/list-query";
import { encodeCursor } from "@/lib/audit/search/list-result";
import { EXPORT_COLUMNS, selectEventIds } from "@/lib/audit/search/event-sql";
import type { TokenCaller } from "@/lib/auth/api-tokens/api-tokens";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb, type Database } from "@/lib/db";
import type { JiraEventsPage } from "./jira-entities";
import { jiraFilterWhere } from "./jira-filters";
import { jiraEntities, linkWith } from "./jira-page";
import { pollAfterId } from "./jira-ingestion-poll";
import { MAX_SCAN, type JiraEventsQuery } from "./jira-query";

const NEWEST_FIRST = byTime("desc");
const SEARCHED_COLUMNS = ["actorName", "targetUserName", "projectName", "trackerName", "artifactName", "message"];
// What the scanned records keep: every column a filter or the order names, not the change lists.
const SCANNED_COLUMNS = EXPORT_COLUMNS.filter((column) => column !== "changes")
  .map((column) => `"${column}"`)
  .join(", ");

/** Who asks and where: the token (for whose ids), and the request's URL (for links). */
export interface JiraCaller {
  token: TokenCaller | null;
  url: URL;
}

/** "50%_off" as a LIKE pattern that finds it anywhere: its own %, _ and \ escaped. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/**
 * One page when only the newest `scan` records by insertion are read. The WITH gives those records
 * the table's name, so that findEventRecords' own query (event-sql.ts) filters, orders and pages
 * them: it reads `scan` entries of the primary key and sorts them, however old the page's position.
 */
async function scannedPage(db: Database, where: AuditWhere, args: { skip: number; take: number; scan: number; search?: string }) {
  const { sql, params } = selectEventIds({ where, orderBy: NEWEST_FIRST, ...args });
  const scanAt = params.length + 1;
  const matching = args.search ? ` AND (${SEARCHED_COLUMNS.map((column) => `"${column}" ILIKE $${scanAt + 1}`).join(" OR ")})` : "";
  const scanned = `WITH "AuditEvent" AS MATERIALIZED (SELECT ${SCANNED_COLUMNS} FROM "AuditEvent" WHERE "id" >= COALESCE((SELECT "id" FROM "AuditEvent" ORDER BY "id" DESC OFFSET $${scanAt} LIMIT 1), 0)${matching}) `;
  const keys = await db.reads.query<EventKey>(scanned + sql, [...params, args.scan - 1, ...(args.search ? [containsPattern(args.search)] : [])]);
  // The rows by their keys, not through a query by time: ids spread over months would walk the
  // time index of each month to find them.
  return eventRecordsOfKeys(db, keys, NEWEST_FIRST);
}

export async function readJiraEvents(query: JiraEventsQuery, caller: JiraCaller): Promise<JiraEventsPage> {
  await requireAuditReader("Reading audit events");
  const source = await idSourceOf(caller.token, query.source);
  const filters = await jiraFilterWhere(query, source);
  const db = getDb();
  if (query.afterId !== undefined) return pollAfterId(db, filters, query.afterId, query.limit, caller.url);

  const where = query.pageCursor ? { AND: [filters, afterRow(sortKeys(NEWEST_FIRST), query.pageCursor)] } : filters;
  const window = { skip: query.offset, take: query.limit + 1 };
  const scan = query.scanLimit ?? (query.search ? MAX_SCAN : undefined);
  const found =
    scan === undefined
      ? await findEventRecords(db, { where, orderBy: NEWEST_FIRST, ...window })
      : await scannedPage(db, where, { ...window, scan, search: query.search });
  const records = found.slice(0, query.limit);
  const last = records.at(-1);
  const more = found.length > query.limit && last !== undefined;
  const cursor = more ? encodeCursor(last.createdAt, last.id) : null;
  return {
    entities: await jiraEntities(db, records, caller.url.origin),
    pagingInfo: {
      lastPage: !more,
      ...(cursor ? { nextPageCursor: { cursor }, nextPageLink: linkWith(caller.url, { pageCursor: cursor }) } : {}),
      nextPageOffset: query.offset + records.length,
      size: records.length,
    },
  };
}
