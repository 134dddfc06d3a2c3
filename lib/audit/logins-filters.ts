// The Logins tab's input: its zod schemas (form, page, API) and its pure filter-to-query function.
import type { z } from "zod";
import { DEFAULT_PRESET } from "./search/date-range";
import { TAB_EVENT_TYPES } from "./events/event-types";
import { auditOrderBy, commonWhere, type AuditOrderBy, type AuditWhere } from "./search/filter-query";
import { eventTypesField, LIST_FIELD_LABELS, sortValues, tabSchemas, userIdsField } from "./search/filter-schema";
import { DEFAULT_PAGE_SIZE } from "./search/list-result";

export const LOGIN_EVENT_TYPES = TAB_EVENT_TYPES.logins;
export const LOGIN_SORT_FIELDS = ["createdAt", "user", "eventType"] as const;
export const LOGIN_SORTS = sortValues(LOGIN_SORT_FIELDS);
export const DEFAULT_LOGIN_SORT = "createdAt.desc" satisfies (typeof LOGIN_SORTS)[number];

export const LOGIN_FIELD_LABELS = {
  users: "Users",
  types: "Event Types",
  range: "Login range",
  ...LIST_FIELD_LABELS,
};

const filterShape = {
  users: userIdsField,
  types: eventTypesField(LOGIN_EVENT_TYPES),
};

const schemas = tabSchemas(filterShape, LOGIN_SORTS);

/** What the filter form edits. */
export const loginFiltersSchema = schemas.filters;

/** A whole Logins search: the filters plus paging and sort. */
export const loginSearchSchema = schemas.search;

export type LoginFilters = z.output<typeof loginFiltersSchema>;
export type LoginSearch = z.output<typeof loginSearchSchema>;
export type LoginSort = LoginSearch["sort"];

export const DEFAULT_LOGIN_FILTERS: LoginFilters = { users: [], types: [], range: DEFAULT_PRESET, from: null, to: null };

export const DEFAULT_LOGIN_SEARCH: LoginSearch = {
  ...DEFAULT_LOGIN_FILTERS,
  page: 1,
  size: DEFAULT_PAGE_SIZE,
  sort: DEFAULT_LOGIN_SORT,
};

/** Logins filters to a `where` on AuditEvent: category LOGIN, actors, types, [from, to) in `timeZone`. */
export function loginsWhere(filters: LoginFilters, timeZone: string, now: Date): AuditWhere {
  return commonWhere(filters, { categories: ["LOGIN"], eventTypes: LOGIN_EVENT_TYPES }, timeZone, now);
}

export function loginsOrderBy(sort: LoginSort): AuditOrderBy[] {
  return auditOrderBy(sort);
}
