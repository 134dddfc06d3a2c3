// What both readers of GET /rest/auditing/1.0/events share (jira-events.ts by time,
// jira-ingestion-poll.ts by id): records as Jira's entities, and the link to the next page.
import "server-only";
import { senderIdsOfRows } from "@/lib/api/source-ids";
import type { EventRowRecord } from "@/lib/audit/events/event-rows";
import { loadUsers } from "@/lib/audit/events/user-refs";
import type { Database } from "@/lib/db";
import { toExportEvent } from "@/lib/export/export-event";
import { type JiraEventsPage, toJiraEntity } from "./jira-entities";

/** Records as Jira's entities, with the sending system's ids. */
export async function jiraEntities(db: Database, records: EventRowRecord[], origin: string): Promise<JiraEventsPage["entities"]> {
  const users = await loadUsers(
    db.reads.prisma,
    records.flatMap((record) => [record.actorId, record.targetUserId]),
  );
  const events = records.map((record) => toExportEvent(record, users));
  const senderIds = await senderIdsOfRows(events);
  return events.map((event) => toJiraEntity(event, senderIds, origin));
}

/** The same request with other paging: every filter kept. */
export function linkWith(url: URL, paging: Record<string, string>): string {
  const next = new URL(url);
  for (const name of ["offset", "pageCursor", "afterId"]) next.searchParams.delete(name);
  for (const [name, value] of Object.entries(paging)) next.searchParams.set(name, value);
  return next.toString();
}
