// The console's events in the words of Jira's audit API: a category is the console's category label
// ("Login", "Work Item"), an action the event type's label ("User Login"), an affected object one
// of USER, PROJECT, TRACKER, WORK_ITEM, ARTIFACT. Filters take the same words in any case, with
// spaces, underscores or dashes. Jira's i18n keys become stable keys of the console's own. Pure.
import { ALL_EVENT_TYPES, CATEGORY_LABELS, eventTypeLabel, parseEventType } from "@/lib/audit/events/event-types";
import type { AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";

const CATEGORIES = Object.keys(CATEGORY_LABELS) as AuditCategory[];

/** The categories as responses name them and filters take them. */
export const CATEGORY_NAMES = CATEGORIES.map((category) => CATEGORY_LABELS[category]);
/** The actions (event type labels) as responses name them and filters take them. */
export const ACTION_NAMES = ALL_EVENT_TYPES.map(eventTypeLabel);

export const AFFECTED_OBJECT_TYPES = ["USER", "PROJECT", "TRACKER", "WORK_ITEM", "ARTIFACT"] as const;
export type AffectedObjectType = (typeof AFFECTED_OBJECT_TYPES)[number];

/** An object a filter names: its type and the sending system's id of it. */
export interface AffectedObjectRef {
  type: AffectedObjectType;
  id: string;
}

/** "Work item", "work-item", "WORK_ITEM" → "WORK_ITEM". */
const wordKey = (text: string) =>
  text
    .trim()
    .replace(/[\s_-]+/g, "_")
    .toUpperCase();

export function parseCategory(text: string): AuditCategory | undefined {
  const key = wordKey(text);
  return CATEGORIES.find((category) => category === key || wordKey(CATEGORY_LABELS[category]) === key);
}

export function parseAction(text: string): AuditEventType | undefined {
  return parseEventType(wordKey(text));
}

export function parseAffectedObjectType(text: string): AffectedObjectType | undefined {
  const key = wordKey(text);
  return AFFECTED_OBJECT_TYPES.find((type) => type === key);
}

/** "WORK_ITEM" → "work-item": the tail of an i18n key. */
const slug = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export const categoryI18nKey = (category: AuditCategory) => `audit-console.category.${slug(category)}`;
export const actionI18nKey = (type: AuditEventType) => `audit-console.action.${slug(type)}`;
export const fieldI18nKey = (field: string) => `audit-console.field.${slug(field) || "field"}`;
export const attributeI18nKey = (name: string) => `audit-console.attribute.${slug(name)}`;
