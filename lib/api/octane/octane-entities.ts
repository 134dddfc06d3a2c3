// What ALM Octane's audits resource calls entities and actions, on the console's event types. Octane
// audits create, update and delete of entities; an event that is no such operation (a sign-in, an
// export, a purge) is not an audit record of this API. Remove (to the trash) reads as delete and
// Restore (back from it) as update, so that `action EQ ^delete^` misses no entity that went away;
// each record still names the console's event type. The console keeps no subtype of a work item:
// Octane's epic, feature, story, defect and quality_story select work items. Pure.
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import type { DirectoryKind } from "../source-ids";

export const OCTANE_ACTIONS = ["create", "update", "delete"] as const;
export type OctaneAction = (typeof OCTANE_ACTIONS)[number];

/** Where an event names its entity: the directory its sender's id is in, and the event's columns. */
export interface EntityColumns {
  kind: DirectoryKind;
  id: "artifactId" | "targetUserId";
  name: "artifactName" | "targetUserName";
}

export interface OctaneEntityType {
  /** as records and queries name it */
  name: string;
  /** other names a query may use for it: Octane's own */
  aliases: readonly string[];
  /** where entity_id points; null: the entity has no sender's id, and entity_id selects none of it */
  entity: EntityColumns | null;
  /** the event types of its operations, and the action each is */
  actions: Partial<Record<AuditEventType, OctaneAction>>;
}

const ARTIFACT: EntityColumns = { kind: "artifacts", id: "artifactId", name: "artifactName" };

export const OCTANE_ENTITY_TYPES: readonly OctaneEntityType[] = [
  {
    name: "work_item",
    aliases: ["epic", "feature", "story", "defect", "quality_story"],
    entity: ARTIFACT,
    actions: {
      WORK_ITEM_CREATE: "create",
      WORK_ITEM_UPDATE: "update",
      WORK_ITEM_RESTORE: "update",
      WORK_ITEM_REMOVE: "delete",
      WORK_ITEM_DELETE: "delete",
    },
  },
  {
    name: "artifact",
    aliases: [],
    entity: ARTIFACT,
    actions: { ARTIFACT_CREATE: "create", ARTIFACT_UPDATE: "update", ARTIFACT_RESTORE: "update", ARTIFACT_REMOVE: "delete", ARTIFACT_DELETE: "delete" },
  },
  {
    // The entity is the artifact whose permissions changed.
    name: "permission",
    aliases: [],
    entity: ARTIFACT,
    actions: { ARTIFACT_PERMISSION_CREATE: "create", ARTIFACT_PERMISSION_UPDATE: "update", ARTIFACT_PERMISSION_DELETE: "delete" },
  },
  {
    // The entity is the user the event is about (its target), not the one who acted.
    name: "workspace_user",
    aliases: ["user", "site_user"],
    entity: { kind: "users", id: "targetUserId", name: "targetUserName" },
    actions: { USER_CREATE: "create", USER_ENABLE: "update", USER_DISABLE: "update", GROUP_ASSIGN: "update", GROUP_REMOVE: "update" },
  },
  { name: "configuration_parameter", aliases: [], entity: null, actions: { AUDIT_CONFIG_CHANGE: "update" } },
  { name: "api_access", aliases: [], entity: null, actions: { API_TOKEN_CREATE: "create", API_TOKEN_REVOKE: "update" } },
  { name: "favorite", aliases: ["saved_search"], entity: null, actions: { SAVED_SEARCH_CREATE: "create", SAVED_SEARCH_DELETE: "delete" } },
  // The console's own accounts have no sender's id: entity_id selects none of them.
  {
    name: "console_user",
    aliases: [],
    entity: null,
    actions: {
      CONSOLE_USER_CREATE: "create",
      CONSOLE_USER_ROLE_CHANGE: "update",
      CONSOLE_USER_DISABLE: "update",
      CONSOLE_USER_ENABLE: "update",
      CONSOLE_USER_UNLOCK: "update",
      CONSOLE_USER_PASSWORD_RESET: "update",
      CONSOLE_USER_PASSWORD_CHANGE: "update",
    },
  },
];

const BY_NAME = new Map(OCTANE_ENTITY_TYPES.flatMap((type) => [type.name, ...type.aliases].map((name) => [name, type] as const)));
const BY_EVENT_TYPE = new Map(
  OCTANE_ENTITY_TYPES.flatMap((type) => Object.entries(type.actions).map(([eventType, action]) => [eventType as AuditEventType, { type, action }] as const)),
);

/** Every event type this API reads: the operations above. */
export const OCTANE_EVENT_TYPES: readonly AuditEventType[] = [...BY_EVENT_TYPE.keys()];

/** The entity type a query names ("epic", "Work_Item"), or undefined. */
export function octaneEntityType(name: string): OctaneEntityType | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** The entity type and action of an event type this API reads. */
export function octaneOperation(eventType: AuditEventType): { type: OctaneEntityType; action: OctaneAction } | undefined {
  return BY_EVENT_TYPE.get(eventType);
}

/** "work_item (epic, feature, story, defect, quality_story), artifact, ...": the list a refusal offers. */
export function entityTypeList(): string {
  return OCTANE_ENTITY_TYPES.map((type) => (type.aliases.length > 0 ? `${type.name} (${type.aliases.join(", ")})` : type.name)).join(", ");
}
