// The URL state of the audit lists: one set of nuqs parsers, read by the pages (server) and written
// by the filter forms, sort headers and pagination (client). A bad value falls back to its default;
// a custom range is kept as written so that the page can refuse it with a message (one-year rule).
import {
  createLoader,
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsNumberLiteral,
  parseAsStringLiteral,
  type inferParserType,
  type LoaderInput,
  type ParserMap,
} from "nuqs/server";
import { DEFAULT_PRESET, parseDay } from "./search/date-range";
import { CUSTOM_RANGE, MAX_PAGE, RANGE_CHOICES, type DateRangeValues } from "./search/filter-schema";
import { ARTIFACT_EVENT_TYPES, ARTIFACT_SORTS, DEFAULT_ARTIFACT_SORT, type ArtifactSearch } from "./artifacts-filters";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "./search/list-result";
import { DEFAULT_LOGIN_SORT, LOGIN_EVENT_TYPES, LOGIN_SORTS, type LoginSearch } from "./logins-filters";
import { DEFAULT_PERMISSION_SORT, PERMISSION_EVENT_TYPES, PERMISSION_SORTS, type PermissionSearch } from "./permissions-filters";
import { DEFAULT_TIMELINE_SORT, TIMELINE_SORTS, type TimelineSearch } from "./timeline/timeline-filters";

function parseBoundedInt(text: string, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= max ? value : null;
}

/** A database id: 1 to 2^31 - 1. */
export const parseAsId = createParser({ parse: (text) => parseBoundedInt(text, 2_147_483_647), serialize: String });

export const parseAsPage = createParser({ parse: (text) => parseBoundedInt(text, MAX_PAGE), serialize: String });

/** A calendar day, YYYY-MM-DD. */
export const parseAsDay = createParser({ parse: (text) => (parseDay(text) ? text : null), serialize: (day: string) => day });

/** page, size and sort: every paged list (tabs, entity timelines). */
export function listParsers<Sort extends string>(sorts: readonly Sort[], defaultSort: Sort) {
  return {
    page: parseAsPage.withDefault(1),
    size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
    sort: parseAsStringLiteral(sorts).withDefault(defaultSort),
  };
}

/** A multi-select of ids: users, target users, projects, trackers. */
export const parseAsIds = parseAsArrayOf(parseAsId).withDefault([]);

/** users, types, range/from/to plus paging and sort: the filters every search tab starts from. */
export function auditSearchParsers<Type extends string, Sort extends string>(eventTypes: readonly Type[], sorts: readonly Sort[], defaultSort: Sort) {
  return {
    users: parseAsIds,
    types: parseAsArrayOf(parseAsStringLiteral(eventTypes)).withDefault([]),
    // Written even when it is the default, so that a shared link keeps its range if the default changes.
    range: parseAsStringLiteral(RANGE_CHOICES).withDefault(DEFAULT_PRESET).withOptions({ clearOnDefault: false }),
    from: parseAsDay,
    to: parseAsDay,
    ...listParsers(sorts, defaultSort),
  };
}

/**
 * Duplicates dropped from every list; a custom range without both days falls back to the default
 * preset, and a preset drops stray days. A complete custom range stays as written, even when it
 * breaks a rule.
 */
export function normalizeSearch<Values extends DateRangeValues>(values: Values): Values {
  const custom = values.range === CUSTOM_RANGE && values.from !== null && values.to !== null;
  const lists = Object.entries(values).filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]));
  return {
    ...values,
    ...Object.fromEntries(lists.map(([key, list]) => [key, [...new Set(list)]])),
    range: values.range === CUSTOM_RANGE && !custom ? DEFAULT_PRESET : values.range,
    from: custom ? values.from : null,
    to: custom ? values.to : null,
  };
}

export const loginSearchParsers = auditSearchParsers(LOGIN_EVENT_TYPES, LOGIN_SORTS, DEFAULT_LOGIN_SORT);

export type LoginSearchParams = inferParserType<typeof loginSearchParsers>;

/**
 * Reads a search tab's URL (the page's `searchParams`, a Request, a URLSearchParams): bad values
 * become defaults, then normalizeSearch. The result still goes through the tab's schema, which
 * refuses what the URL may not ask for (a custom range over one year).
 */
export function createAuditSearchLoader<Parsers extends ParserMap>(parsers: Parsers) {
  const load = createLoader(parsers);
  type Search = inferParserType<Parsers>;
  // The constraint normalizeSearch needs holds for every auditSearchParsers map; TS cannot see it
  // through the generic, hence the casts.
  return async (searchParams: LoaderInput | Promise<LoaderInput>): Promise<Search> =>
    normalizeSearch(load(await searchParams) as never) as Search;
}

export const loadLoginSearch: (searchParams: LoaderInput | Promise<LoaderInput>) => Promise<LoginSearch> =
  createAuditSearchLoader(loginSearchParsers);

/** "?users=3&range=Today&page=2": the query string of a Logins search, defaults left out. */
export const serializeLoginSearch = createSerializer(loginSearchParsers);

export const artifactSearchParsers = {
  ...auditSearchParsers(ARTIFACT_EVENT_TYPES, ARTIFACT_SORTS, DEFAULT_ARTIFACT_SORT),
  projects: parseAsIds,
  trackers: parseAsIds,
};

export const loadArtifactSearch: (searchParams: LoaderInput | Promise<LoaderInput>) => Promise<ArtifactSearch> =
  createAuditSearchLoader(artifactSearchParsers);

/** "?projects=3&types=WORK_ITEM_UPDATE": the query string of an Artifacts search, defaults left out. */
export const serializeArtifactSearch = createSerializer(artifactSearchParsers);

export const permissionSearchParsers = {
  ...auditSearchParsers(PERMISSION_EVENT_TYPES, PERMISSION_SORTS, DEFAULT_PERMISSION_SORT),
  targetUsers: parseAsIds,
  projects: parseAsIds,
  trackers: parseAsIds,
};

export const loadPermissionSearch: (searchParams: LoaderInput | Promise<LoaderInput>) => Promise<PermissionSearch> =
  createAuditSearchLoader(permissionSearchParsers);

/** "?targetUsers=12&types=GROUP_ASSIGN": the query string of a Permissions search, defaults left out. */
export const serializePermissionSearch = createSerializer(permissionSearchParsers);

export const timelineSearchParsers = listParsers(TIMELINE_SORTS, DEFAULT_TIMELINE_SORT);

const loadTimelineParams = createLoader(timelineSearchParsers);

/** "?page=2&sort=createdAt.asc": the query string of an entity timeline, defaults left out. */
export const serializeTimelineSearch = createSerializer(timelineSearchParsers);

/** An entity timeline's page, size and sort from the URL. */
export async function loadTimelineSearch(searchParams: LoaderInput | Promise<LoaderInput>): Promise<TimelineSearch> {
  return loadTimelineParams(await searchParams);
}
