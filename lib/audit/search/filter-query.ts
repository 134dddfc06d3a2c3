// The generic halves of every tab's filter-to-query function: users, event types, date range,
// and sort become parts of a Prisma `where`/`orderBy` for AuditEvent. A tab's own
// function (logins-filters.ts) adds its fields (projects, trackers, target users) and nothing else.
// Pure: no database access.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArtifactKind, AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";
import { resolveRange, type InstantRange } from "./date-range";
import { categoryOf } from "../events/event-types";
import { CUSTOM_RANGE, splitSort, type DateRangeValues, type SortValue } from "./filter-schema";
import { decodeCursor } from "./list-result";

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

/** `{ in: ids }`, or undefined (no condition) for an empty selection. */
export function anyOf<Value>(values: readonly Value[]): { in: Value[] } | undefined {
  return values.length > 0 ? { in: [...new Set(values)] } : undefined;
}

export interface CommonFilters extends DateRangeValues {
  users: readonly number[];
  types: readonly AuditEventType[];
}

export interface TabScope {
  /** the categories the tab shows */
  categories: readonly AuditCategory[];
  /** the event types the tab offers; selected types outside it are dropped */
  eventTypes: readonly AuditEventType[];
}

/**
 * Category, actor, event type and created-at range; undefined parts mean "any". The category is
 * narrowed to those of the chosen types, so that a search for Work Item Update alone reads the
 * (category, createdAt) index of one category.
 */
export function commonWhere(filters: CommonFilters, scope: TabScope, timeZone: string, now: Date): AuditWhere {
  const range = instantRange(filters, timeZone, now);
  const types = filters.types.filter((type) => scope.eventTypes.includes(type));
  const chosen = new Set(types.map(categoryOf));
  const categories = types.length > 0 ? scope.categories.filter((category) => chosen.has(category)) : scope.categories;
  return {
    category: categories.length === 1 ? categories[0] : { in: [...categories] },
    actorId: anyOf(filters.users),
    eventType: filters.types.length > 0 ? { in: types } : undefined,
    createdAt: { gte: range.from, lt: range.to },
  };
}

export interface PlaceFilters {
  projects: readonly number[];
  trackers: readonly number[];
}

/**
 * Projects and trackers. Both conditions hold together: a tracker outside the chosen projects
 * matches nothing, which is why the form narrows Trackers to the chosen projects (tracker-narrowing.ts).
 */
export function placeWhere(filters: PlaceFilters): AuditWhere {
  return { projectId: anyOf(filters.projects), trackerId: anyOf(filters.trackers) };
}

/** Rows after the cursor's row in (createdAt, id) order. */
export function cursorWhere(cursor: string, direction: "asc" | "desc"): AuditWhere | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  const beyond = direction === "desc" ? "lt" : "gt";
  return {
    OR: [
      { createdAt: { [beyond]: position.createdAt } },
      { createdAt: position.createdAt, id: { [beyond]: position.id } },
    ],
  };
}

/** The event columns a sort field orders by; every other order ends newest first with id as tie-breaker. */
const SORT_COLUMNS = {
  createdAt: "createdAt",
  user: "actorName",
  eventType: "eventType",
  targetUser: "targetUserName",
  project: "projectName",
  tracker: "trackerName",
  artifact: "artifactName",
} as const satisfies Record<string, keyof AuditOrderBy>;

export type SortField = keyof typeof SORT_COLUMNS;

const NULLABLE_COLUMNS = new Set<string>(["targetUserName", "projectName", "trackerName", "artifactName"]);

const NEWEST_FIRST: AuditOrderBy[] = [{ createdAt: "desc" }, { id: "desc" }];

/** "user.asc" to [{ actorName: "asc" }, { createdAt: "desc" }, { id: "desc" }]: always a total order. */
export function auditOrderBy(sort: SortValue<SortField>): AuditOrderBy[] {
  const { field, direction } = splitSort(sort);
  if (field === "createdAt") return [{ createdAt: direction }, { id: direction }];
  const column = SORT_COLUMNS[field];
  const first: AuditOrderBy = NULLABLE_COLUMNS.has(column)
    ? { [column]: { sort: direction, nulls: "last" } }
    : { [column]: direction };
  return [first, ...NEWEST_FIRST];
}

/**
 * By artifact name, the rows of one kind first: the Artifact column sorts artifacts by name (work
 * items after them), the Work Item column the other way round. Enum order is WORK_ITEM, ARTIFACT.
 */
export function artifactNameOrderBy(kind: ArtifactKind, direction: "asc" | "desc"): AuditOrderBy[] {
  return [
    { artifactKind: { sort: kind === "WORK_ITEM" ? "asc" : "desc", nulls: "last" } },
    { artifactName: { sort: direction, nulls: "last" } },
    ...NEWEST_FIRST,
  ];
}
