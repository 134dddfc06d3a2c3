// Runs one page of an event list: the capped count and the rows, offset paging by page number or
// keyset paging after a cursor, and the cursor of the next page. Every list query goes through it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EVENT_ROW_SELECT, toEventRows, type EventRow, type EventRowOptions } from "../events/event-rows";
import { cursorWhere, type AuditOrderBy, type AuditWhere } from "./filter-query";
import { cappedCount, encodeCursor, pageOffset, type ListResult } from "./list-result";

export interface ListWindow {
  page: number;
  size: number;
  sort: string;
  cursor?: string | null;
}

export interface EventQuery<Record> {
  count(args: { where: AuditWhere; take: number }): Promise<number>;
  find(args: { where: AuditWhere; skip: number; take: number }): Promise<Record[]>;
}

/**
 * The page of `where` that `window` asks for. The total is of the whole filter (a cursor does not
 * shrink it); nextCursor is set for lists ordered by createdAt when more rows follow.
 */
export async function pageOfEvents<Record extends { id: bigint; createdAt: Date }>(
  where: AuditWhere,
  window: ListWindow,
  query: EventQuery<Record>,
): Promise<ListResult<Record>> {
  const byTime = window.sort.startsWith("createdAt.");
  const direction = window.sort.endsWith(".asc") ? "asc" : "desc";
  const after = window.cursor && byTime ? cursorWhere(window.cursor, direction) : undefined;
  const [counted, found] = await Promise.all([
    cappedCount((take) => query.count({ where, take })),
    query.find({
      where: after ? { AND: [where, after] } : where,
      skip: after ? 0 : pageOffset(window.page, window.size),
      take: window.size + 1,
    }),
  ]);
  const more = found.length > window.size;
  const rows = more ? found.slice(0, window.size) : found;
  const last = rows.at(-1);
  return { rows, ...counted, nextCursor: more && byTime && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** One page of the events `where` selects, in `orderBy` order, as rows. */
export async function pageOfEventRows(
  prisma: PrismaClient,
  where: AuditWhere,
  orderBy: AuditOrderBy[],
  window: ListWindow,
  options: EventRowOptions = {},
): Promise<ListResult<EventRow>> {
  const page = await pageOfEvents(where, window, {
    count: (args) => prisma.auditEvent.count(args),
    find: (args) => prisma.auditEvent.findMany({ ...args, orderBy, select: EVENT_ROW_SELECT }),
  });
  return { ...page, rows: await toEventRows(prisma, page.rows, options) };
}
