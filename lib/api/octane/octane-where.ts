// An Octane audit query as the `where` of the console's event lists: entity_type and action choose
// event types (octane-entities.ts), entity_id and user_id are the sender's ids resolved in the
// directory, timestamp compares the event's time, field_name picks the events whose changes hold that
// field (its name as the sender recorded it, case included). Every clause narrows: ids that name
// nothing select nothing. Guarded where it reads the directory (source-ids.ts).
import "server-only";
import type { AuditWhere } from "@/lib/audit/search/filter-query";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { categoryOf } from "@/lib/audit/events/event-types";
import { directoryIds } from "../source-ids";
import { type EntityColumns, OCTANE_EVENT_TYPES, octaneOperation } from "./octane-entities";
import type { OctaneClause, OctaneOperator } from "./octane-query";

/** Whose events: every source (undefined), the console's own (null), or one sending system's. */
export type EventScope = string | null | undefined;

const COMPARE: Record<OctaneOperator, (time: Date) => AuditWhere["createdAt"]> = {
  EQ: (time) => time,
  GE: (time) => ({ gte: time }),
  LE: (time) => ({ lte: time }),
  GT: (time) => ({ gt: time }),
  LT: (time) => ({ lt: time }),
};

const NOTHING: AuditWhere = { id: { in: [] } };

/** Of `types`, those whose entity entity_id names, grouped by where the event keeps it. */
function entityGroups(types: readonly AuditEventType[]): Map<EntityColumns, AuditEventType[]> {
  const groups = new Map<EntityColumns, AuditEventType[]>();
  for (const type of types) {
    const entity = octaneOperation(type)?.type.entity;
    if (entity) groups.set(entity, [...(groups.get(entity) ?? []), type]);
  }
  return groups;
}

/**
 * The events of `types` about the entity the sender calls `id`: a work item's events hold it as
 * their artifact, a user's as their target user.
 */
async function entityIdWhere(types: readonly AuditEventType[], id: string, source: string | null): Promise<AuditWhere> {
  const branches: AuditWhere[] = [];
  for (const [entity, groupTypes] of entityGroups(types)) {
    const ids = await directoryIds(entity.kind, source, [id]);
    if (ids.length > 0) branches.push({ eventType: { in: groupTypes }, [entity.id]: { in: ids } });
  }
  if (branches.length === 0) return NOTHING;
  return branches.length === 1 ? branches[0] : { OR: branches };
}

/**
 * The `where` of `clauses` within `scope`. `idSource` gives the source whose ids the query's ids
 * are; it is asked only when the query names an id.
 */
export async function octaneWhere(clauses: readonly OctaneClause[], scope: EventScope, idSource: () => Promise<string | null>): Promise<AuditWhere> {
  let types = [...OCTANE_EVENT_TYPES];
  const parts: AuditWhere[] = [];
  const entityIds: string[] = [];
  let source: Promise<string | null> | null = null;
  const sourceOfIds = () => {
    source ??= idSource();
    return source;
  };
  for (const clause of clauses) {
    switch (clause.field) {
      case "entity_type":
        types = types.filter((type) => octaneOperation(type)?.type === clause.entityType);
        break;
      case "action":
        types = types.filter((type) => octaneOperation(type)?.action === clause.action);
        break;
      case "entity_id":
        entityIds.push(clause.id);
        break;
      case "user_id":
        parts.push({ actorId: { in: await directoryIds("users", await sourceOfIds(), [clause.id]) } });
        break;
      case "timestamp":
        parts.push({ createdAt: COMPARE[clause.operator](clause.time) });
        break;
      case "field_name":
        // Read by the lists' SQL only (lib/audit/search/event-sql.ts): Prisma cannot run it on the json column.
        parts.push({ changes: { array_contains: [{ field: clause.name }] } });
        break;
    }
  }
  // entity_id means the entity of whichever types the other clauses left.
  for (const id of entityIds) parts.push(await entityIdWhere(types, id, await sourceOfIds()));
  const categories = [...new Set(types.map(categoryOf))];
  const base: AuditWhere = {
    category: categories.length === 1 ? categories[0] : { in: categories },
    eventType: { in: types },
    ...(scope === undefined ? {} : { source: scope }),
  };
  return parts.length === 0 ? base : { AND: [base, ...parts] };
}
