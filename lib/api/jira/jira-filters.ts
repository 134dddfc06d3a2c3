// The filters of GET /rest/auditing/1.0/events as a Prisma where on AuditEvent: time, categories
// and actions, authors and affected objects by the sending system's ids (source-ids.ts). An id that
// names nothing selects nothing: a filter is never dropped. Guarded: audit readers only.
import "server-only";
import { directoryIds, type DirectoryKind } from "@/lib/api/source-ids";
import { categoryOf } from "@/lib/audit/events/event-types";
import type { AuditWhere } from "@/lib/audit/search/filter-query";
import { requireAuditReader } from "@/lib/auth/guard";
import type { AuditCategory } from "@/lib/generated/prisma/enums";
import type { JiraEventsQuery } from "./jira-query";
import type { AffectedObjectRef, AffectedObjectType } from "./jira-vocabulary";

const NOTHING: AuditWhere = { id: { in: [] } };

const DIRECTORY: Record<AffectedObjectType, DirectoryKind> = {
  USER: "users",
  PROJECT: "projects",
  TRACKER: "trackers",
  WORK_ITEM: "artifacts",
  ARTIFACT: "artifacts",
};

/**
 * The events about the objects of one type: a user is the target of a permission event or the one
 * who signed in or out (jira-entities.ts lists the same objects as each event's affectedObjects).
 */
function aboutObjects(type: AffectedObjectType, ids: number[]): AuditWhere {
  if (ids.length === 0) return NOTHING;
  switch (type) {
    case "USER":
      return { OR: [{ targetUserId: { in: ids } }, { category: "LOGIN", actorId: { in: ids } }] };
    case "PROJECT":
      return { projectId: { in: ids } };
    case "TRACKER":
      return { trackerId: { in: ids } };
    case "WORK_ITEM":
    case "ARTIFACT":
      return { artifactId: { in: ids }, artifactKind: type };
  }
}

async function affectedWhere(objects: readonly AffectedObjectRef[], source: string | null): Promise<AuditWhere> {
  const types = [...new Set(objects.map((object) => object.type))];
  const branches = await Promise.all(
    types.map(async (type) => {
      const senderIds = objects.filter((object) => object.type === type).map((object) => object.id);
      return aboutObjects(type, await directoryIds(DIRECTORY[type], source, senderIds));
    }),
  );
  return branches.length === 1 ? branches[0] : { OR: branches };
}

/** The categories to read: those asked for, narrowed to the actions' own. */
function categoriesOf(query: Pick<JiraEventsQuery, "categories" | "actions">): AuditCategory[] | undefined {
  const ofActions = query.actions && new Set(query.actions.map(categoryOf));
  if (!query.categories) return ofActions && [...ofActions];
  return ofActions ? query.categories.filter((category) => ofActions.has(category)) : query.categories;
}

/** The query's filters (not its paging) as a where; ids are those of `source`'s system. */
export async function jiraFilterWhere(query: JiraEventsQuery, source: string | null): Promise<AuditWhere> {
  await requireAuditReader("Reading audit events");
  const parts: AuditWhere[] = [];
  if (query.from || query.to) parts.push({ createdAt: { gte: query.from, lt: query.to } });
  const categories = categoriesOf(query);
  if (categories) parts.push({ category: { in: [...new Set(categories)] } });
  if (query.actions) parts.push({ eventType: { in: [...new Set(query.actions)] } });
  if (query.userIds) {
    const users = await directoryIds("users", source, query.userIds);
    parts.push(users.length > 0 ? { actorId: { in: users } } : NOTHING);
  }
  if (query.affectedObject) parts.push(await affectedWhere(query.affectedObject, source));
  return { AND: parts };
}
