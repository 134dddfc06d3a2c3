// The URL state every paged list shares (page, size, sort) and entity timelines' URLs: nuqs parsers,
// read by the pages (server) and written by sort headers and the pager (client). A search tab's own
// URL is read strictly (tabs/tab-url.ts); a timeline's page or sort that cannot be used falls back
// to its default, since it selects no events.
import { createLoader, createParser, createSerializer, parseAsNumberLiteral, parseAsStringLiteral, type LoaderInput } from "nuqs/server";
import { DEFAULT_TIMELINE_SORT, TIMELINE_SORTS, type TimelineSearch } from "../timeline/timeline-filters";
import { parseDay } from "./date-range";
import { MAX_PAGE } from "./filter-schema";
import { decodeCursor, DEFAULT_PAGE_SIZE, LAST_PAGE, PAGE_SIZES } from "./list-result";
import { MAX_ID, parseWholeNumber } from "../tabs/search-field";

/** A database id: 1 to 2^31 - 1. */
export const parseAsId = createParser({ parse: (text) => parseWholeNumber(text, MAX_ID), serialize: String });

export const parseAsPage = createParser({ parse: (text) => parseWholeNumber(text, MAX_PAGE), serialize: String });

/** A calendar day, YYYY-MM-DD. */
export const parseAsDay = createParser({ parse: (text) => (parseDay(text) ? text : null), serialize: (day: string) => day });

/** A keyset position the pager writes ("createdAtISO,id", or "end" for the last page); read strictly by the schemas. */
export const parseAsPosition = createParser({ parse: (text) => (text.length <= 64 ? text : null), serialize: (text: string) => text });

/** page, size, sort and the keyset positions: every paged list (tabs, entity timelines). */
export function listParsers<Sort extends string>(sorts: readonly Sort[], defaultSort: Sort) {
  return {
    page: parseAsPage.withDefault(1),
    size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
    sort: parseAsStringLiteral(sorts).withDefault(defaultSort),
    after: parseAsPosition,
    before: parseAsPosition,
  };
}

export const timelineSearchParsers = listParsers(TIMELINE_SORTS, DEFAULT_TIMELINE_SORT);

const loadTimelineParams = createLoader(timelineSearchParsers);

/** "?page=2&sort=createdAt.asc": the query string of an entity timeline, defaults left out. */
export const serializeTimelineSearch = createSerializer(timelineSearchParsers);

/** An entity timeline's page, size, sort and keyset position from the URL; a position it cannot use is left out. */
export async function loadTimelineSearch(searchParams: LoaderInput | Promise<LoaderInput>): Promise<TimelineSearch> {
  const { after, before, ...window } = loadTimelineParams(await searchParams);
  const usable = (position: string | null) => (position && (position === LAST_PAGE || decodeCursor(position)) ? position : null);
  const previous = usable(before);
  return { ...window, ...(previous ? { before: previous } : { after: after && decodeCursor(after) ? after : null }) };
}
