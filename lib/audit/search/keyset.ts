// Keyset reads in any of the tabs' sort orders: the rows after the last one read, by every column
// of the orderBy in turn (each orderBy ends with createdAt and id, so it is a total order). Offsets
// would make a million-row export quadratic; this reads each batch through the index. Pure.
import type { AuditOrderBy, AuditWhere } from "@/lib/audit/search/filter-query";
import { readAhead } from "@/lib/db/read-ahead";
import { ArtifactKind, AuditEventType } from "@/lib/generated/prisma/enums";

type Direction = "asc" | "desc";
type Value = string | number | bigint | Date | null;

interface SortKey {
  column: string;
  direction: Direction;
  nullsLast: boolean;
}

// Prisma filters enums by equality only: "after" an enum value is the set of the values after it in
// the database enum's order, which is the order of the schema (and of the generated objects).
const ENUM_ORDER: Record<string, readonly string[]> = {
  eventType: Object.values(AuditEventType),
  artifactKind: Object.values(ArtifactKind),
};

// Columns that may hold NULL; the others must not be compared with null (Prisma refuses it).
const NULLABLE = new Set([
  "targetUserName",
  "projectName",
  "trackerName",
  "artifactName",
  "artifactKind",
  "actorId",
  "targetUserId",
  "projectId",
  "trackerId",
  "artifactId",
]);

export function sortKeys(orderBy: readonly AuditOrderBy[]): SortKey[] {
  return orderBy.map((entry) => {
    const [column, spec] = Object.entries(entry)[0] as [string, Direction | { sort: Direction; nulls?: "first" | "last" }];
    const direction = typeof spec === "string" ? spec : spec.sort;
    // PostgreSQL's default: NULLS LAST ascending, NULLS FIRST descending.
    const nulls = typeof spec === "string" ? undefined : spec.nulls;
    return { column, direction, nullsLast: nulls ? nulls === "last" : direction === "asc" };
  });
}

function equal(key: SortKey, value: Value): AuditWhere {
  return { [key.column]: value === null ? null : value };
}

/** Rows whose `key` column comes strictly after `value`; null when none can. */
function beyond(key: SortKey, value: Value): AuditWhere | null {
  if (value === null) return key.nullsLast ? null : { [key.column]: { not: null } };
  const order = ENUM_ORDER[key.column];
  let after: AuditWhere | null;
  if (order) {
    const index = order.indexOf(String(value));
    const later = key.direction === "asc" ? order.slice(index + 1) : order.slice(0, index);
    after = later.length > 0 ? { [key.column]: { in: [...later] } } : null;
  } else {
    after = { [key.column]: { [key.direction === "asc" ? "gt" : "lt"]: value } };
  }
  if (!key.nullsLast || !NULLABLE.has(key.column)) return after;
  return after ? { OR: [after, { [key.column]: null }] } : { [key.column]: null };
}

/** The condition "after `last`" in the order `keys` describe. */
export function afterRow(keys: readonly SortKey[], last: Record<string, unknown>): AuditWhere {
  const branches: AuditWhere[] = [];
  for (let index = 0; index < keys.length; index += 1) {
    const next = beyond(keys[index], (last[keys[index].column] ?? null) as Value);
    if (next === null) continue;
    const same = keys.slice(0, index).map((key) => equal(key, (last[key.column] ?? null) as Value));
    branches.push(same.length > 0 ? { AND: [...same, next] } : next);
  }
  if (branches.length === 0) return { id: { in: [] } };
  // PostgreSQL does not turn the OR into an index range: without this bound on the first column,
  // each batch would scan the index from the top again (a quadratic export).
  const first = keys[0];
  const value = (last[first.column] ?? null) as Value;
  if (value === null || NULLABLE.has(first.column) || ENUM_ORDER[first.column]) return { OR: branches };
  return { AND: [{ [first.column]: { [first.direction === "asc" ? "gte" : "lte"]: value } }, { OR: branches }] };
}

export interface BatchQuery<Row> {
  find(args: { where: AuditWhere; orderBy: AuditOrderBy[]; take: number }): Promise<Row[]>;
}

/**
 * Every row `where` selects, in `orderBy` order, `batchSize` at a time, one batch read ahead.
 */
export function keysetBatches<Row extends Record<string, unknown>>(
  where: AuditWhere,
  orderBy: AuditOrderBy[],
  query: BatchQuery<Row>,
  batchSize = 1000,
): AsyncGenerator<Row[]> {
  const keys = sortKeys(orderBy);
  return readAhead<Row>((last) => {
    if (last === null) return query.find({ where, orderBy, take: batchSize });
    if (last.length < batchSize) return null;
    return query.find({ where: { AND: [where, afterRow(keys, last[last.length - 1])] }, orderBy, take: batchSize });
  });
}
