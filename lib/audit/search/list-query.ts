// Runs one page of an event list: the capped count beside the rows. Lists by time page by keyset:
// `after` (the next page) and `before` (the previous one) hold a row's (createdAt, id), so that
// page 1,000 reached by Next reads what page 1 reads; the last page reads the list from its end. A
// page number alone (typed, or a page the pager jumps to) is an OFFSET, whose cost grows with it.
// Every list query goes through here.
import type { Database } from "@/lib/db/database";
import type { AuditCategory } from "@/lib/generated/prisma/enums";
import { EVENT_ROW_SELECT, toEventRows, type EventRow, type EventRowOptions, type EventRowRecord } from "../events/event-rows";
import { countEvents, selectEventIds } from "./event-sql";
import type { AuditOrderBy, AuditWhere } from "./filter-query";
import { afterRow, sortKeys } from "./keyset";
import { cappedCount, decodeCursor, encodeCursor, LAST_PAGE, pageOffset, type ListResult } from "./list-result";

export interface ListWindow {
  page: number;
  size: number;
  sort: string;
  /** the rows after this cursor ("createdAtISO,id"): the next page */
  after?: string | null;
  /** the rows before this cursor: the previous page; LAST_PAGE: the last page */
  before?: string | null;
}

export interface EventQuery<Record> {
  /** how many events `where` selects, counting at most `cap` */
  count(where: AuditWhere, cap: number): Promise<number>;
  find(args: { where: AuditWhere; orderBy: AuditOrderBy[]; skip: number; take: number }): Promise<Record[]>;
}

type Positioned = { id: bigint; createdAt: Date };

/** The same order the other way round (nulls too), for reading a list from its end. */
function reversedOrder(orderBy: readonly AuditOrderBy[]): AuditOrderBy[] {
  const flip = (direction: "asc" | "desc") => (direction === "asc" ? "desc" : "asc");
  return orderBy.map((entry) => {
    const [column, spec] = Object.entries(entry)[0] as [string, "asc" | "desc" | { sort: "asc" | "desc"; nulls?: "first" | "last" }];
    if (typeof spec === "string") return { [column]: flip(spec) };
    return { [column]: { sort: flip(spec.sort), ...(spec.nulls ? { nulls: spec.nulls === "first" ? "last" : "first" } : {}) } };
  });
}

/** Rows beyond `cursor` in `orderBy`: after it, or before it with the order reversed. */
function beyondCursor(where: AuditWhere, orderBy: readonly AuditOrderBy[], cursor: string): AuditWhere {
  const position = decodeCursor(cursor);
  if (!position) return where;
  return { AND: [where, afterRow(sortKeys(orderBy), position)] };
}

const cursorOf = (row: Positioned | undefined) => (row ? encodeCursor(row.createdAt, row.id) : null);

/**
 * The page of `where` that `window` asks for, in `orderBy` order. The total is of the whole filter
 * (a cursor does not shrink it). Cursors apply to lists by time only: other sorts page by number.
 */
export async function pageOfEvents<Record extends Positioned>(
  where: AuditWhere,
  orderBy: AuditOrderBy[],
  window: ListWindow,
  query: EventQuery<Record>,
): Promise<ListResult<Record>> {
  const { size } = window;
  const byTime = window.sort.startsWith("createdAt.");
  const counting = cappedCount((cap) => query.count(where, cap));
  const reversed = () => reversedOrder(orderBy);
  const result = (rows: Record[], page: number, more: { before: boolean; after: boolean }, counted: { total: number; totalIsCapped: boolean }) => ({
    rows,
    ...counted,
    page,
    firstRow: rows.length > 0 ? pageOffset(page, size) + 1 : null,
    nextCursor: byTime && more.after ? cursorOf(rows.at(-1)) : null,
    previousCursor: byTime && more.before ? cursorOf(rows[0]) : null,
  });

  if (byTime && window.before === LAST_PAGE) {
    // The end of the list, read from the end; how many rows the last page holds is known from the count.
    const [counted, found] = await Promise.all([counting, query.find({ where, orderBy: reversed(), skip: 0, take: size })]);
    if (counted.totalIsCapped) {
      const rows = found.reverse();
      return { ...result(rows, window.page, { before: true, after: false }, counted), firstRow: null };
    }
    const lastPage = Math.max(1, Math.ceil(counted.total / size));
    const onLastPage = counted.total - (lastPage - 1) * size;
    return result(found.slice(0, onLastPage).reverse(), lastPage, { before: lastPage > 1, after: false }, counted);
  }
  if (byTime && window.before) {
    const [counted, found] = await Promise.all([
      counting,
      query.find({ where: beyondCursor(where, reversed(), window.before), orderBy: reversed(), skip: 0, take: size + 1 }),
    ]);
    const before = found.length > size;
    const rows = found.slice(0, size).reverse();
    // Nothing before it: this is page 1, whatever the URL said.
    const page = before ? Math.max(2, window.page) : 1;
    return result(rows, page, { before, after: rows.length > 0 }, counted);
  }
  const after = byTime && window.after ? window.after : null;
  const [counted, found] = await Promise.all([
    counting,
    query.find({ where: after ? beyondCursor(where, orderBy, after) : where, orderBy, skip: after ? 0 : pageOffset(window.page, size), take: size + 1 }),
  ]);
  const more = found.length > size;
  const rows = found.slice(0, size);
  const page = after ? Math.max(2, window.page) : window.page;
  return result(rows, page, { before: page > 1, after: more }, counted);
}

/** How many events `where` selects (at most `cap` when given), in plain SQL (event-sql.ts). */
export async function countWhere(db: Pick<Database, "query">, where: AuditWhere, cap?: number): Promise<number> {
  const { sql, params } = countEvents({ where, cap });
  const [row] = await db.query<{ count: number }>(sql, params);
  return Number(row?.count ?? 0);
}

/** The capped count and the rows through `db`'s read side: the count in plain SQL, the rows through `find`. */
export function eventQuery<Record>(db: Database, find: EventQuery<Record>["find"]): EventQuery<Record> {
  return { count: (where, cap) => countWhere(db.reads, where, cap), find };
}

/**
 * The event records of one window of `where` in `orderBy` order, through `db`'s read side: the
 * window's ids from the index alone, then its rows by id, so that a rare filter combination costs
 * index entries, not a table page for every candidate row. The pages and the APIs read through it.
 */
export async function findEventRecords(
  db: Database,
  args: { where: AuditWhere; orderBy: AuditOrderBy[]; skip: number; take: number },
): Promise<EventRowRecord[]> {
  const { sql, params } = selectEventIds(args);
  const keys = await db.reads.query<EventKey>(sql, params);
  return eventRecordsOfKeys(db, keys, args.orderBy);
}

/** What selects an event's row cheaply: its id, and the category and time that name its partition. */
export interface EventKey {
  id: string | bigint;
  category: AuditCategory;
  createdAt: Date;
}

/** The records of `keys`, in `orderBy` order, through `db`'s read side. */
export async function eventRecordsOfKeys(db: Database, keys: readonly EventKey[], orderBy: AuditOrderBy[]): Promise<EventRowRecord[]> {
  if (keys.length === 0) return [];
  // With the page's categories and times the lookup reads only their month partitions: by id
  // alone, PostgreSQL plans a probe of every partition (20 ms of planning at 36 partitions).
  const times = keys.map((key) => new Date(key.createdAt).getTime());
  const where: AuditWhere = {
    id: { in: keys.map((key) => BigInt(key.id)) },
    category: { in: [...new Set(keys.map((key) => key.category))] },
    createdAt: { gte: new Date(Math.min(...times)), lte: new Date(Math.max(...times)) },
  };
  return db.reads.prisma.auditEvent.findMany({ where, orderBy, select: EVENT_ROW_SELECT });
}

/** One page of the events `where` selects, in `orderBy` order, as rows. */
export async function pageOfEventRows(
  db: Database,
  where: AuditWhere,
  orderBy: AuditOrderBy[],
  window: ListWindow,
  options: EventRowOptions = {},
): Promise<ListResult<EventRow>> {
  // Reads go to the replica when there is one (lib/db/database.ts ReadSide).
  const page = await pageOfEvents(
    where,
    orderBy,
    window,
    eventQuery(db, (args) => findEventRecords(db, args)),
  );
  return { ...page, rows: await toEventRows(db.reads.prisma, page.rows, options) };
}
