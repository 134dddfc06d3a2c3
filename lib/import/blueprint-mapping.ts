// Blueprint's audit CSV (reference/003) in the console's terms: which Area and Action become which
// event type, and what a change's lines say. One change (lines of the same DateTime, UserID,
// ObjectId and Action) is one event; an Area/Action without an equivalent is skipped, never guessed.
import type { AuditEventType } from "@/lib/audit/events/event-types";
import type { FieldChange } from "@/lib/audit/events/changes";

/** Blueprint's actions, as the verbs of the console's event types. */
export type Verb = "create" | "update" | "delete";

const VERBS: Record<string, Verb> = { add: "create", create: "create", edit: "update", update: "update", delete: "delete" };

export function verbOf(action: string): Verb | undefined {
  return VERBS[action.trim().toLowerCase()];
}

/**
 * Areas whose objects become the artifact of Artifact (or Artifact Permission) events, with the prefix
 * that keeps their ObjectIds apart in the directory (a project and a role may share an id).
 */
export const ARTIFACT_AREAS: Record<string, { prefix: string; types: Record<Verb, AuditEventType> }> = {
  projects: { prefix: "project", types: { create: "ARTIFACT_CREATE", update: "ARTIFACT_UPDATE", delete: "ARTIFACT_DELETE" } },
  artifacts: { prefix: "artifact", types: { create: "ARTIFACT_CREATE", update: "ARTIFACT_UPDATE", delete: "ARTIFACT_DELETE" } },
  "artifact types": { prefix: "artifact-type", types: { create: "ARTIFACT_CREATE", update: "ARTIFACT_UPDATE", delete: "ARTIFACT_DELETE" } },
  roles: {
    prefix: "role",
    types: { create: "ARTIFACT_PERMISSION_CREATE", update: "ARTIFACT_PERMISSION_UPDATE", delete: "ARTIFACT_PERMISSION_DELETE" },
  },
  permissions: {
    prefix: "permission",
    types: { create: "ARTIFACT_PERMISSION_CREATE", update: "ARTIFACT_PERMISSION_UPDATE", delete: "ARTIFACT_PERMISSION_DELETE" },
  },
};

/** The Users area: Add is User Create; an Edit that sets Enabled, or that only adds or only removes Groups, is one of these. */
export const USERS_AREA = "users";
const ENABLED_ATTRIBUTE = /^(is\s*)?enabled$/i;
const GROUPS_ATTRIBUTE = /^groups?$/i;
const TRUE = /^(true|yes|1|enabled)$/i;
const FALSE = /^(false|no|0|disabled)$/i;

/** One line's Attribute, OldValue and NewValue. */
export interface AttributeLine {
  attribute: string;
  oldValue: string;
  newValue: string;
}

const LONG_TEXT = 200;

const listOf = (value: string) =>
  value
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** A line's change; long or multi-line text is diffed word by word. */
export function changeOf({ attribute, oldValue, newValue }: AttributeLine): FieldChange {
  if (GROUPS_ATTRIBUTE.test(attribute)) return { field: attribute, kind: "list", old: listOf(oldValue), new: listOf(newValue) };
  const long = [oldValue, newValue].some((value) => value.length > LONG_TEXT || value.includes("\n"));
  return { field: attribute, kind: long ? "longtext" : "text", old: oldValue || null, new: newValue || null };
}

/** What a Users Edit change is in the console's terms: its type and the groups it names, or why it has no equivalent. */
export function userEditType(lines: readonly AttributeLine[]): { type: AuditEventType; groups?: string[] } | { skip: string } | { bad: string } {
  const enabled = lines.find((line) => ENABLED_ATTRIBUTE.test(line.attribute));
  if (enabled) {
    if (TRUE.test(enabled.newValue)) return { type: "USER_ENABLE" };
    if (FALSE.test(enabled.newValue)) return { type: "USER_DISABLE" };
    return { bad: `${enabled.attribute} "${enabled.newValue}" is neither True nor False` };
  }
  const groups = lines.filter((line) => GROUPS_ATTRIBUTE.test(line.attribute));
  if (groups.length === 0) return { skip: "(profile fields: no console event)" };
  const before = new Set(groups.flatMap((line) => listOf(line.oldValue)));
  const after = new Set(groups.flatMap((line) => listOf(line.newValue)));
  const added = [...after].filter((group) => !before.has(group));
  const removed = [...before].filter((group) => !after.has(group));
  if (added.length > 0 && removed.length === 0) return { type: "GROUP_ASSIGN", groups: added };
  if (removed.length > 0 && added.length === 0) return { type: "GROUP_REMOVE", groups: removed };
  return { skip: "(groups both added and removed, or unchanged)" };
}
