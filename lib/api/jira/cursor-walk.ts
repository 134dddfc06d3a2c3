// A client's walk over GET /rest/auditing/1.0/events: page after page by pageCursor to the end of
// the result, timing each page and checking what a client relies on: no event twice, and the
// order (time, then id, descending) never broken. npm run bench:cursor runs it against a server;
// the route's tests run it in-process. Pure: only `fetch`.
import { type JiraEventsPage, jiraEventsPageSchema } from "./jira-entities";

export interface CursorWalkOptions {
  /** the console's address: "http://localhost:3000" */
  url: string;
  /** an API token with the read scope */
  token: string;
  /** filters, as the events URL takes them: "categories=Login&from=2026-01-01T00:00:00Z" */
  query?: string;
  limit?: number;
  /** stop after this many pages (a sample of a huge result) */
  maxPages?: number;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

export interface CursorWalk {
  events: number;
  pages: number;
  /** events answered more than once: must be 0 */
  duplicates: number;
  /** events that came before one they should follow: must be 0 */
  outOfOrder: number;
  /** milliseconds each page took, request to parsed body, in walk order */
  pageMs: number[];
  /** false when maxPages stopped the walk before the last page */
  complete: boolean;
}

const EVENTS_PATH = "/rest/auditing/1.0/events";

const eventIdOf = (entity: JiraEventsPage["entities"][number]) => entity.extraAttributes.find((attribute) => attribute.name === "Event ID")?.value;

/** Newest first: a later entity must be older, or as old with a smaller id. */
function follows(previous: { time: number; id: bigint }, next: { time: number; id: bigint }): boolean {
  return next.time < previous.time || (next.time === previous.time && next.id < previous.id);
}

export async function walkCursor(options: CursorWalkOptions): Promise<CursorWalk> {
  const fetchPage = options.fetch ?? ((url, init) => fetch(url, init));
  const base = new URL(EVENTS_PATH, options.url);
  base.search = options.query ?? "";
  if (options.limit !== undefined) base.searchParams.set("limit", String(options.limit));
  const seen = new Set<string>();
  const walk: CursorWalk = { events: 0, pages: 0, duplicates: 0, outOfOrder: 0, pageMs: [], complete: false };
  let previous: { time: number; id: bigint } | null = null;
  let cursor: string | undefined;
  do {
    const url = new URL(base);
    if (cursor) url.searchParams.set("pageCursor", cursor);
    const started = performance.now();
    const answer = await fetchPage(url.toString(), { headers: { Authorization: `Bearer ${options.token}`, Accept: "application/json" } });
    const text = await answer.text();
    if (answer.status !== 200) throw new Error(`page ${walk.pages + 1}: HTTP ${answer.status} ${text.slice(0, 300)}`);
    const page = jiraEventsPageSchema.parse(JSON.parse(text));
    walk.pageMs.push(performance.now() - started);
    walk.pages++;
    for (const entity of page.entities) {
      const id = eventIdOf(entity) ?? "";
      if (seen.has(id)) walk.duplicates++;
      seen.add(id);
      const position = { time: Date.parse(entity.timestamp), id: BigInt(id || 0) };
      if (previous && !follows(previous, position)) walk.outOfOrder++;
      previous = position;
    }
    walk.events += page.entities.length;
    cursor = page.pagingInfo.lastPage ? undefined : page.pagingInfo.nextPageCursor?.cursor;
    if (!page.pagingInfo.lastPage && !cursor) throw new Error(`page ${walk.pages}: not the last page, yet no nextPageCursor`);
  } while (cursor && (options.maxPages === undefined || walk.pages < options.maxPages));
  walk.complete = cursor === undefined;
  return walk;
}
