// The one result shape of every list (pages, API, exports) and the paging arithmetic around it.
// Pure: safe to import from client components.

export interface ListResult<Row> {
  rows: Row[];
  /** exact up to COUNT_CAP; COUNT_CAP when totalIsCapped */
  total: number;
  totalIsCapped: boolean;
  /** "createdAtISO,id" of the last row when more rows follow, for keyset paging; else null */
  nextCursor: string | null;
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

/** The 1-based positions of the rows on a page ("Showing 26–50"), or null for an empty page. */
export function shownRange(page: number, size: number, rowsOnPage: number): { first: number; last: number } | null {
  if (rowsOnPage <= 0) return null;
  const first = pageOffset(page, size) + 1;
  return { first, last: first + rowsOnPage - 1 };
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
