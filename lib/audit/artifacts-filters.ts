// The Artifacts tab's input: its zod schemas (form, page, API) and its pure filter-to-query function.
import type { z } from "zod";
import { DEFAULT_PRESET } from "./search/date-range";
import { TAB_EVENT_TYPES } from "./events/event-types";
import { artifactNameOrderBy, auditOrderBy, commonWhere, placeWhere, type AuditOrderBy, type AuditWhere } from "./search/filter-query";
import { eventTypesField, idsField, LIST_FIELD_LABELS, sortValues, tabSchemas, splitSort, userIdsField } from "./search/filter-schema";
import { DEFAULT_PAGE_SIZE } from "./search/list-result";

export const ARTIFACT_EVENT_TYPES = TAB_EVENT_TYPES.artifacts;
export const ARTIFACT_SORT_FIELDS = ["createdAt", "user", "artifact", "workItem", "eventType", "project", "tracker"] as const;
export const ARTIFACT_SORTS = sortValues(ARTIFACT_SORT_FIELDS);
export const DEFAULT_ARTIFACT_SORT = "createdAt.desc" satisfies (typeof ARTIFACT_SORTS)[number];

export const ARTIFACT_FIELD_LABELS = {
  users: "Users",
  projects: "Projects",
  trackers: "Trackers",
  types: "Event Types",
  range: "Created at range",
  ...LIST_FIELD_LABELS,
};

const filterShape = {
  users: userIdsField,
  projects: idsField("projects"),
  trackers: idsField("trackers"),
  types: eventTypesField(ARTIFACT_EVENT_TYPES),
};

const schemas = tabSchemas(filterShape, ARTIFACT_SORTS);

/** What the filter form edits. */
export const artifactFiltersSchema = schemas.filters;

/** A whole Artifacts search: the filters plus paging and sort. */
export const artifactSearchSchema = schemas.search;

export type ArtifactFilters = z.output<typeof artifactFiltersSchema>;
export type ArtifactSearch = z.output<typeof artifactSearchSchema>;
export type ArtifactSort = ArtifactSearch["sort"];

export const DEFAULT_ARTIFACT_FILTERS: ArtifactFilters = { users: [], projects: [], trackers: [], types: [], range: DEFAULT_PRESET, from: null, to: null };

export const DEFAULT_ARTIFACT_SEARCH: ArtifactSearch = {
  ...DEFAULT_ARTIFACT_FILTERS,
  page: 1,
  size: DEFAULT_PAGE_SIZE,
  sort: DEFAULT_ARTIFACT_SORT,
};

/** Artifacts filters to a `where`: categories WORK_ITEM and ARTIFACT, actors, projects, trackers, types, [from, to). */
export function artifactsWhere(filters: ArtifactFilters, timeZone: string, now: Date): AuditWhere {
  return {
    ...commonWhere(filters, { categories: ["WORK_ITEM", "ARTIFACT"], eventTypes: ARTIFACT_EVENT_TYPES }, timeZone, now),
    ...placeWhere(filters),
  };
}

/** The Artifact and Work Item columns sort by name with their own kind first; the rest as everywhere. */
export function artifactsOrderBy(sort: ArtifactSort): AuditOrderBy[] {
  const { field, direction } = splitSort(sort);
  if (field === "artifact") return artifactNameOrderBy("ARTIFACT", direction);
  if (field === "workItem") return artifactNameOrderBy("WORK_ITEM", direction);
  return auditOrderBy(`${field}.${direction}`);
}
