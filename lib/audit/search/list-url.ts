// The URL state every paged list shares (page, size, sort): nuqs parsers, read by the pages (server)
// and written by sort headers and the pager (client). A list's whole URL, filters included, is read
// strictly by its tab's reader (tabs/tab-url.ts), entity timelines' too.
import { createParser, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { parseDay } from "./date-range";
import { MAX_PAGE } from "./filter-schema";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "./list-result";
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
