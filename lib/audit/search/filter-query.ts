// The parts of a Prisma `where`/`orderBy` for AuditEvent that every list shares: a tab's scope
// (categories, event types, date range), keyset cursors and sort orders. A tab's list fields add
// theirs (tabs/search-field.ts). Pure: no database access.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArtifactKind, AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";
import { resolveRange, type InstantRange } from "./date-range";
import { categoryOf } from "../events/event-types";
import { CUSTOM_RANGE, type DateRangeValues } from "./filter-schema";

export type AuditWhere = Prisma.AuditEventWhereInput;
export type AuditOrderBy = Prisma.AuditEventOrderByWithRelationInput;

/** The instants [from, to) a validated range covers in `timeZone`. */
export function instantRange(values: DateRangeValues, timeZone: string, now: Date): InstantRange {
  if (values.range === CUSTOM_RANGE) {
    if (!values.from || !values.to) throw new RangeError("a custom range needs its first and last day");
    return resolveRange({ from: values.from, to: values.to }, timeZone, now);
  }
  return resolveRange({ preset: values.range }, timeZone, now);
}

export interface ScopeFilters extends DateRangeValues {
  types: readonly AuditEventType[];
}

export interface TabScope {
  /** the categories the tab shows */
  categories: readonly AuditCategory[];
  /** the event types the tab offers; selected types outside it are dropped */
  eventTypes: readonly AuditEventType[];
}

/**
 * Category, event type and created-at range: what every search tab filters by. The category is
 * narrowed to those of the chosen types, so that a search for Work Item Update alone reads the
 * (category, createdAt) index of one category.
 */
export function scopeWhere(filters: ScopeFilters, scope: TabScope, timeZone: string, now: Date): AuditWhere {
  const range = instantRange(filters, timeZone, now);
  const types = filters.types.filter((type) => scope.eventTypes.includes(type));
  const chosen = new Set(types.map(categoryOf));
  const categories = types.length > 0 ? scope.categories.filter((category) => chosen.has(category)) : scope.categories;
  return {
    category: categories.length === 1 ? categories[0] : { in: [...categories] },
    eventType: filters.types.length > 0 ? { in: types } : undefined,
    createdAt: { gte: range.from, lt: range.to },
  };
}

/** How a sort field orders: the rows in `direction`, always a total order (ties end newest first by id). */
export type SortOrder = (direction: "asc" | "desc") => AuditOrderBy[];

const NEWEST_FIRST: AuditOrderBy[] = [{ createdAt: "desc" }, { id: "desc" }];

/** By time, with id as tie-breaker: the default order, and the one keyset cursors page through. */
export const byTime: SortOrder = (direction) => [{ createdAt: direction }, { id: direction }];

type SortColumn = "actorName" | "eventType" | "targetUserName" | "projectName" | "trackerName" | "artifactName" | "message";
const NULLABLE_COLUMNS = new Set<SortColumn>(["targetUserName", "projectName", "trackerName", "artifactName", "message"]);

/** By one column (empty values last), then newest first. */
export function byColumn(column: SortColumn): SortOrder {
  return (direction) => [NULLABLE_COLUMNS.has(column) ? { [column]: { sort: direction, nulls: "last" } } : { [column]: direction }, ...NEWEST_FIRST];
}

/**
 * By artifact name, the rows of one kind first: the Artifact column sorts artifacts by name (work
 * items after them), the Work Item column the other way round. Enum order is WORK_ITEM, ARTIFACT.
 */
export function byArtifactName(kind: ArtifactKind): SortOrder {
  return (direction) => [
    { artifactKind: { sort: kind === "WORK_ITEM" ? "asc" : "desc", nulls: "last" } },
    { artifactName: { sort: direction, nulls: "last" } },
    ...NEWEST_FIRST,
  ];
}
