// The Permissions tab's input: its zod schemas (form, page, API) and its pure filter-to-query function.
import type { z } from "zod";
import { DEFAULT_PRESET } from "./search/date-range";
import { TAB_EVENT_TYPES } from "./events/event-types";
import { anyOf, auditOrderBy, commonWhere, placeWhere, type AuditOrderBy, type AuditWhere } from "./search/filter-query";
import { eventTypesField, idsField, LIST_FIELD_LABELS, sortValues, tabSchemas, userIdsField } from "./search/filter-schema";
import { DEFAULT_PAGE_SIZE } from "./search/list-result";

export const PERMISSION_EVENT_TYPES = TAB_EVENT_TYPES.permissions;
export const PERMISSION_SORT_FIELDS = ["createdAt", "user", "artifact", "eventType", "project", "tracker", "targetUser"] as const;
export const PERMISSION_SORTS = sortValues(PERMISSION_SORT_FIELDS);
export const DEFAULT_PERMISSION_SORT = "createdAt.desc" satisfies (typeof PERMISSION_SORTS)[number];

export const PERMISSION_FIELD_LABELS = {
  users: "Users",
  targetUsers: "Target Users",
  projects: "Projects",
  trackers: "Trackers",
  types: "Event Types",
  range: "Created at range",
  ...LIST_FIELD_LABELS,
};

const filterShape = {
  users: userIdsField,
  targetUsers: idsField("target users"),
  projects: idsField("projects"),
  trackers: idsField("trackers"),
  types: eventTypesField(PERMISSION_EVENT_TYPES),
};

const schemas = tabSchemas(filterShape, PERMISSION_SORTS);

/** What the filter form edits. */
export const permissionFiltersSchema = schemas.filters;

/** A whole Permissions search: the filters plus paging and sort. */
export const permissionSearchSchema = schemas.search;

export type PermissionFilters = z.output<typeof permissionFiltersSchema>;
export type PermissionSearch = z.output<typeof permissionSearchSchema>;
export type PermissionSort = PermissionSearch["sort"];

export const DEFAULT_PERMISSION_FILTERS: PermissionFilters = {
  users: [],
  targetUsers: [],
  projects: [],
  trackers: [],
  types: [],
  range: DEFAULT_PRESET,
  from: null,
  to: null,
};

export const DEFAULT_PERMISSION_SEARCH: PermissionSearch = {
  ...DEFAULT_PERMISSION_FILTERS,
  page: 1,
  size: DEFAULT_PAGE_SIZE,
  sort: DEFAULT_PERMISSION_SORT,
};

/** Permissions filters to a `where`: category PERMISSION, actors, target users, projects, trackers, types, [from, to). */
export function permissionsWhere(filters: PermissionFilters, timeZone: string, now: Date): AuditWhere {
  return {
    ...commonWhere(filters, { categories: ["PERMISSION"], eventTypes: PERMISSION_EVENT_TYPES }, timeZone, now),
    targetUserId: anyOf(filters.targetUsers),
    ...placeWhere(filters),
  };
}

export function permissionsOrderBy(sort: PermissionSort): AuditOrderBy[] {
  return auditOrderBy(sort);
}
