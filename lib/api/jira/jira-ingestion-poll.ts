// GET /rest/auditing/1.0/events?afterId=N: events in the order they were stored (by id, oldest
// first), for a SIEM that must see every event once. A pageCursor walk goes by event time, and a
// sender may deliver an event late with an earlier time (ingestion accepts backdated events): the
// walk has passed that time already. Ids are handed out in storage order, but transactions commit
// in any order, so the poll answers only ids that are settled (lib/db/event-write-lock.ts): below
// them, no event can still appear. Reads the primary: a replica may not have replayed them yet.
import "server-only";
import type { AuditWhere } from "@/lib/audit/search/filter-query";
import { findEventRecords } from "@/lib/audit/search/list-query";
import { requireAuditReader } from "@/lib/auth/guard";
import type { Database } from "@/lib/db";
import { settledEventId } from "@/lib/db/event-write-lock";
import type { JiraEventsPage } from "./jira-entities";
import { jiraEntities, linkWith } from "./jira-page";

const OLDEST_FIRST = [{ id: "asc" as const }];

/** The database with its reads on the primary. */
function primaryOf(db: Database): Database {
  return { ...db, reads: { ...db.reads, prisma: db.prisma, query: db.query, replica: false } };
}

/**
 * Up to `limit` events of `filters` stored after `afterId`, oldest first. lastId is the next
 * poll's afterId: the last event's id when more follow, else the settled id (every event up to it
 * that the filters select has been answered), never below afterId.
 */
export async function pollAfterId(db: Database, filters: AuditWhere, afterId: bigint, limit: number, url: URL): Promise<JiraEventsPage> {
  await requireAuditReader("Reading audit events");
  const primary = primaryOf(db);
  const settled = await settledEventId(primary);
  const where = { AND: [filters, { id: { gt: afterId, lte: settled } }] };
  const found = settled > afterId ? await findEventRecords(primary, { where, orderBy: OLDEST_FIRST, skip: 0, take: limit + 1 }) : [];
  const records = found.slice(0, limit);
  const more = found.length > limit;
  const lastId = more ? (records.at(-1)?.id ?? afterId) : settled > afterId ? settled : afterId;
  return {
    entities: await jiraEntities(primary, records, url.origin),
    pagingInfo: {
      lastPage: !more,
      ...(more ? { nextPageLink: linkWith(url, { afterId: lastId.toString() }) } : {}),
      nextPageOffset: records.length,
      size: records.length,
      lastId: lastId.toString(),
    },
  };
}
