// A search tab's URL, both ways. Reading is strict: a value the tab cannot use is an error on its
// field, never a silent default (a misspelled event type would otherwise export every event). Lists
// may come as repeated parameters, as comma lists, or both. Writing uses nuqs parsers (the forms,
// the sort headers, the pager, links). Pure: safe to import from client components.
import { createParser, createSerializer, parseAsArrayOf, parseAsStringLiteral } from "nuqs/server";
import { parseEventType } from "../events/event-types";
import { DATE_PRESETS, parseDay } from "../search/date-range";
import { checkSearch, CUSTOM_RANGE, MAX_PAGE, RANGE_CHOICES, type DateRangeValues } from "../search/filter-schema";
import { PAGE_SIZES } from "../search/list-result";
import { listParsers, parseAsDay } from "../search/list-url";
import { MAX_SELECTED_IDS, type SearchField } from "./search-field";
import type { AnySearchTab, SearchTab, TabFilters, TabSearch } from "./search-tab";

/** A URL's query: URLSearchParams, or the `searchParams` object a Next.js page receives. */
export type UrlQuery = URLSearchParams | Record<string, string | string[] | undefined>;

/** Every value a parameter has: each occurrence, comma lists split, blanks dropped. */
function listOf(query: UrlQuery, key: string): string[] {
  const raw = query instanceof URLSearchParams ? query.getAll(key) : [query[key] ?? []].flat();
  return raw
    .flatMap((value) => value.split(","))
    .map((token) => token.trim())
    .filter(Boolean);
}

/** A parameter that takes one value: undefined when absent, an error when it comes twice with different values. */
function singleOf(query: UrlQuery, key: string): { value?: string; error?: string } {
  const values = [...new Set(query instanceof URLSearchParams ? query.getAll(key) : [query[key] ?? []].flat())];
  if (values.length > 1) return { error: `is given ${values.length} different values (${values.map((value) => `"${value}"`).join(", ")}); give one` };
  return { value: values[0] };
}

function quoted(values: readonly string[]): string {
  return values.join(", ");
}

export interface TabUrlReading<Search> {
  /** what the URL asks for, each field at its default where the URL's value could not be used */
  values: Search;
  /** the search when the whole URL is valid, else null */
  valid: Search | null;
  /** the refusals by field, without labels: { types: '"NOPE" is not ...' } */
  errors: Record<string, string>;
}

/**
 * Reads a tab's search from a URL: every value checked, then the whole search through the tab's
 * schema (the one-year rule, at most 100 values a field). Names are looked up only for the ids it keeps.
 */
export function readTabUrl<Fields extends readonly SearchField[], Sort extends string>(
  tab: SearchTab<string, Fields, Sort>,
  query: UrlQuery,
): TabUrlReading<TabSearch<Fields, Sort | "createdAt">> {
  type Search = TabSearch<Fields, Sort | "createdAt">;
  const errors: Record<string, string> = {};
  const values: Record<string, unknown> = { ...tab.defaultSearch };
  const fail = (field: string, message: string) => {
    errors[field] ??= message;
  };

  for (const field of tab.fields) {
    const chosen: Array<number | string> = [];
    for (const token of listOf(query, field.key)) {
      const value = field.parseToken(token);
      if (value === null) fail(field.key, field.badToken(token));
      else chosen.push(value);
    }
    const unique = [...new Set(chosen)];
    if (unique.length > MAX_SELECTED_IDS) fail(field.key, `${unique.length} chosen; choose at most ${MAX_SELECTED_IDS}`);
    else values[field.key] = unique;
  }

  const types = listOf(query, "types").map((token) => ({ token, type: parseEventType(token) }));
  const foreign = types.filter(({ type }) => !type || !tab.eventTypes.includes(type));
  if (foreign.length > 0)
    fail(
      "types",
      `${quoted(foreign.map(({ token }) => `"${token}"`))} ${foreign.length === 1 ? "is not an event type" : "are not event types"} of the ${tab.title} tab`,
    );
  values.types = [...new Set(types.flatMap(({ type }) => (type && tab.eventTypes.includes(type) ? [type] : [])))];

  const range = singleOf(query, "range");
  if (range.error) fail("range", range.error);
  else if (range.value !== undefined) {
    if ((RANGE_CHOICES as readonly string[]).includes(range.value)) values.range = range.value;
    else fail("range", `"${range.value}" is not a range: use ${DATE_PRESETS.join(", ")}, or ${CUSTOM_RANGE} with from and to`);
  }
  for (const key of ["from", "to"] as const) {
    const day = singleOf(query, key);
    if (day.error) fail("range", `${key} ${day.error}`);
    else if (day.value !== undefined && !parseDay(day.value)) fail("range", `${key}: "${day.value}" is not a day (YYYY-MM-DD)`);
    // A preset leaves its days out; a custom range keeps them as written, for the schema to judge.
    else values[key] = values.range === CUSTOM_RANGE ? (day.value ?? null) : null;
  }

  const page = singleOf(query, "page");
  if (page.error) fail("page", page.error);
  else if (page.value !== undefined) {
    const number = /^\d{1,6}$/.test(page.value) ? Number(page.value) : NaN;
    if (number >= 1 && number <= MAX_PAGE) values.page = number;
    else fail("page", `"${page.value}" is not a page number (1 to ${MAX_PAGE.toLocaleString("en-US")})`);
  }
  const size = singleOf(query, "size");
  if (size.error) fail("size", size.error);
  else if (size.value !== undefined) {
    const number = Number(size.value);
    if ((PAGE_SIZES as readonly number[]).includes(number) && /^\d+$/.test(size.value)) values.size = number;
    else fail("size", `"${size.value}" is not a page size: use ${PAGE_SIZES.join(", ")}`);
  }
  const sort = singleOf(query, "sort");
  if (sort.error) fail("sort", sort.error);
  else if (sort.value !== undefined) {
    if ((tab.sorts as readonly string[]).includes(sort.value)) values.sort = sort.value;
    else fail("sort", `"${sort.value}" is not a sort of the ${tab.title} tab: use ${quoted(tab.sorts)}`);
  }
  for (const key of ["after", "before"] as const) {
    const position = singleOf(query, key);
    if (position.error) fail(key, position.error);
    else if (position.value !== undefined) values[key] = position.value;
  }

  const search = values as unknown as Search;
  const checked = checkSearch(tab.searchSchema, search);
  const all = { ...checked.errors, ...errors };
  return { values: search, valid: Object.keys(all).length === 0 ? checked.valid : null, errors: all };
}

/** The filters of a search (what the filter form edits): paging and sort left out. */
export function filtersOf(tab: AnySearchTab, search: TabSearch): TabFilters {
  const values = search as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.keys(tab.defaultFilters).map((key) => [key, values[key]])) as unknown as TabFilters;
}

/** A field's values in the URL, one token each as the field reads it. */
function fieldParser(field: SearchField) {
  return parseAsArrayOf(createParser<number | string>({ parse: (token) => field.parseToken(token), serialize: String })).withDefault([]);
}

/** The nuqs parsers that write a tab's URL (forms, sort headers, pager): comma lists, defaults left out. */
export function tabUrlParsers(tab: AnySearchTab) {
  return {
    ...Object.fromEntries(tab.fields.map((field) => [field.key, fieldParser(field)])),
    types: parseAsArrayOf(parseAsStringLiteral(tab.eventTypes)).withDefault([]),
    // Written even when it is the default, so that a shared link keeps its range if the default changes.
    range: parseAsStringLiteral(RANGE_CHOICES).withDefault(tab.defaultFilters.range).withOptions({ clearOnDefault: false }),
    from: parseAsDay,
    to: parseAsDay,
    ...listParsers(tab.sorts, tab.defaultSort),
  };
}

/**
 * "?users=3&range=Today&page=2": the query string of a search of `tab`, defaults left out; after
 * `base` ("/artifacts/12?back=..."), whose own parameters stay, when given.
 */
export function serializeTabSearch(tab: AnySearchTab, search: Partial<TabSearch> & DateRangeValues, base = ""): string {
  return createSerializer(tabUrlParsers(tab))(base, search as never);
}
