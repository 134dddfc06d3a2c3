// The one result shape of every list (pages, API, exports) and the paging arithmetic around it.
// Pure: safe to import from client components.

export interface ListResult<Row> {
  rows: Row[];
  /** exact up to COUNT_CAP; COUNT_CAP when totalIsCapped */
  total: number;
  totalIsCapped: boolean;
  /** "createdAtISO,id" of the last row when more rows follow, for keyset paging; else null */
  nextCursor: string | null;
  /** "createdAtISO,id" of the first row when rows come before it (lists by time); else null */
  previousCursor: string | null;
  /** the page shown: the one asked for, or the last page's number when the last page was asked for */
  page: number;
  /** 1-based position of the first row in the whole list; null for an empty page, or the end of a capped list */
  firstRow: number | null;
}

/** Totals are counted exactly up to this many rows and shown as "10,000+" beyond. */
export const COUNT_CAP = 10_000;

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

/** Counts at most COUNT_CAP + 1 rows (`count` receives that limit as `take`). */
export async function cappedCount(count: (take: number) => Promise<number>): Promise<Pick<ListResult<never>, "total" | "totalIsCapped">> {
  const counted = await count(COUNT_CAP + 1);
  return counted > COUNT_CAP ? { total: COUNT_CAP, totalIsCapped: true } : { total: counted, totalIsCapped: false };
}

const numberFormat = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** "1,234" or "10,000+". */
export function formatTotal(total: number, totalIsCapped: boolean): string {
  return `${formatCount(total)}${totalIsCapped ? "+" : ""}`;
}

/** "1 event", "1,234 events", "10,000+ events". */
export function formatTotalOf(total: number, totalIsCapped: boolean, noun: string, plural = `${noun}s`): string {
  return `${formatTotal(total, totalIsCapped)} ${total === 1 && !totalIsCapped ? noun : plural}`;
}

export function pageOffset(page: number, size: number): number {
  return (Math.max(1, page) - 1) * size;
}

/** Pages the pagination offers: at least 1. A capped total offers the pages up to the cap. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/**
 * The pages the pager offers. An exact total: all of them. A capped total ("10,000+"): the real last
 * page is unknown, so none is offered as the last one; the pager goes up to the next page (while
 * rows follow) and `more` says that pages go on beyond it, reached one by one with Next (keyset).
 */
export function pagerPages(result: PageResult, size: number): { pages: number; more: boolean } {
  const { page, total, totalIsCapped, nextCursor, previousCursor } = result;
  if (!totalIsCapped) return { pages: Math.max(pageCount(total, size), page), more: false };
  // A list by time knows from its cursors whether rows follow; one by number only knows the cap was passed.
  const byTime = nextCursor !== null || previousCursor !== null;
  const atEnd = result.firstRow === null || (byTime && nextCursor === null);
  return atEnd ? { pages: page, more: false } : { pages: page + 1, more: true };
}

/** `before` of the last page: the rows at the end of the list, however many there are. */
export const LAST_PAGE = "end";

/** What the pager needs of a result. */
export type PageResult = Pick<ListResult<unknown>, "page" | "total" | "totalIsCapped" | "firstRow" | "nextCursor" | "previousCursor">;

/** Where a page is: its number, and the keyset position it is read from (list-query.ts), if any. */
export interface PagePosition {
  page: number;
  after?: string | null;
  before?: string | null;
}

/**
 * Where the pager reads page `target` of `pages` from: the next and previous pages by keyset from
 * this page's last or first row, the last page from the end of the list, any other page by its
 * number (an offset). A list without positions (not by time) pages by number only.
 */
export function positionOf(target: number, result: PageResult, pages: number): PagePosition {
  const { page, nextCursor, previousCursor, totalIsCapped } = result;
  if (target === 1) return { page: 1 };
  if (target === page + 1 && nextCursor) return { page: target, after: nextCursor };
  if (target === page - 1 && previousCursor) return { page: target, before: previousCursor };
  if (target === pages && !totalIsCapped && (nextCursor || previousCursor)) return { page: target, before: LAST_PAGE };
  return { page: target };
}

export function encodeCursor(createdAt: Date, id: bigint | string): string {
  return `${createdAt.toISOString()},${id}`;
}

const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z),(\d{1,19})$/;

/** The cursor's parts, or null when it is not one encodeCursor wrote. */
export function decodeCursor(cursor: string): { createdAt: Date; id: bigint } | null {
  const match = CURSOR_PATTERN.exec(cursor);
  if (!match) return null;
  const createdAt = new Date(match[1]);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id: BigInt(match[2]) };
}
