// An audit event as Jira's audit API shows it (an "entity"), and the page around it. Ids are the
// sending system's (source-ids.ts); uris are the console's pages of that user, project, tracker or
// artifact. What the mapping says of each field is written out in the README ("Jira audit API").
import { z } from "zod";
import type { EntityRef, EventRow } from "@/lib/audit/events/event-rows";
import { sourceLabel } from "@/lib/audit/events/sources";
import { entityHref, type EntityKind } from "@/lib/audit/timeline/entity-paths";
import type { SenderIds } from "@/lib/api/source-ids";
import { changeValueText, type ExportEvent } from "@/lib/export/export-event";
import { actionI18nKey, type AffectedObjectType, attributeI18nKey, categoryI18nKey, fieldI18nKey } from "./jira-vocabulary";

const objectSchema = z.object({ id: z.string(), name: z.string(), type: z.string(), uri: z.string() });

export const jiraEntitySchema = z.object({
  affectedObjects: z.array(objectSchema).describe("the target user (or the user who signed in or out), project, tracker, work item or artifact"),
  author: z.object({
    avatarUri: z.string(),
    id: z.string().describe("the sending system's id of the user; empty for the console's own accounts and jobs"),
    name: z.string().describe("the username when the event happened"),
    type: z.literal("user"),
    uri: z.string(),
  }),
  changedValues: z.array(z.object({ from: z.string().optional(), i18nKey: z.string(), key: z.string(), to: z.string().optional() })),
  extraAttributes: z.array(z.object({ name: z.string(), nameI18nKey: z.string(), value: z.string() })),
  method: z.enum(["Browser", "API", "Unknown"]).describe("how the author acted, from the event's user agent"),
  source: z.string().describe("the author's IP address; empty when unknown"),
  system: z.string().describe('the sending system that reported the event, "Audit Console" for the console\'s own'),
  timestamp: z.string().describe("when it happened, ISO 8601 in UTC"),
  type: z.object({ action: z.string(), actionI18nKey: z.string(), category: z.string(), categoryI18nKey: z.string() }),
});

export type JiraEntity = z.infer<typeof jiraEntitySchema>;

export const jiraPagingInfoSchema = z.object({
  lastPage: z.boolean(),
  nextPageCursor: z.object({ cursor: z.string() }).optional().describe("where the next page starts; absent on the last page"),
  nextPageLink: z.string().optional().describe("the next page's URL, every filter kept; absent on the last page"),
  nextPageOffset: z.number().int().describe("offset + size: the next page by offset"),
  size: z.number().int().describe("entities on this page"),
  lastId: z.string().optional().describe("with afterId: the afterId of the next poll (every event up to it has been answered)"),
});

export const jiraEventsPageSchema = z.object({ entities: z.array(jiraEntitySchema), pagingInfo: jiraPagingInfoSchema });
export type JiraEventsPage = z.infer<typeof jiraEventsPageSchema>;

/** The console's absolute address of a page, or "" when the thing has no page (an id the directory lacks). */
function uriOf(origin: string, kind: EntityKind, id: number | null): string {
  return id === null ? "" : `${origin}${entityHref(kind, id)}`;
}

const OBJECT_KINDS: Record<AffectedObjectType, { kind: EntityKind; ids: keyof SenderIds }> = {
  USER: { kind: "user", ids: "users" },
  PROJECT: { kind: "project", ids: "projects" },
  TRACKER: { kind: "tracker", ids: "trackers" },
  WORK_ITEM: { kind: "artifact", ids: "artifacts" },
  ARTIFACT: { kind: "artifact", ids: "artifacts" },
};

function methodOf(userAgent: string | null): JiraEntity["method"] {
  if (!userAgent) return "Unknown";
  return /^Mozilla\//.test(userAgent) ? "Browser" : "API";
}

/** The objects an event is about, in Jira's order of importance: who, then where, then what. */
function affectedObjects(event: EventRow, senderIds: SenderIds, origin: string): JiraEntity["affectedObjects"] {
  const user = event.targetUser ?? (event.category === "LOGIN" ? event.actor : null);
  const objects: [AffectedObjectType, EntityRef | null][] = [
    ["USER", user && { id: user.exists ? user.id : null, name: user.name }],
    ["PROJECT", event.project],
    ["TRACKER", event.tracker],
    [event.artifact?.kind === "WORK_ITEM" ? "WORK_ITEM" : "ARTIFACT", event.artifact],
  ];
  return objects.flatMap(([type, ref]) => {
    if (!ref) return [];
    const { kind, ids } = OBJECT_KINDS[type];
    return [{ id: (ref.id !== null && senderIds[ids].get(ref.id)) || "", name: ref.name, type, uri: uriOf(origin, kind, ref.id) }];
  });
}

function attribute(name: string, value: string) {
  return { name, nameI18nKey: attributeI18nKey(name), value };
}

/** One event as Jira's entity; `origin` is the console's address ("https://audit.example.com"). */
export function toJiraEntity(event: ExportEvent, senderIds: SenderIds, origin: string): JiraEntity {
  const { actor } = event;
  const avatar = actor.avatarUrl ?? "";
  return {
    affectedObjects: affectedObjects(event, senderIds, origin),
    author: {
      avatarUri: avatar.startsWith("/") ? `${origin}${avatar}` : avatar,
      id: (actor.id !== null && senderIds.users.get(actor.id)) || "",
      name: actor.name,
      type: "user",
      uri: actor.exists ? uriOf(origin, "user", actor.id) : "",
    },
    changedValues: event.changes.map((change) => ({
      key: change.field,
      i18nKey: fieldI18nKey(change.field),
      ...(change.old === null ? {} : { from: changeValueText(change.old) }),
      ...(change.new === null ? {} : { to: changeValueText(change.new) }),
    })),
    extraAttributes: [
      attribute("Event ID", event.id),
      ...(event.message ? [attribute("Message", event.message)] : []),
      ...(event.userAgent ? [attribute("User agent", event.userAgent)] : []),
    ],
    method: methodOf(event.userAgent),
    source: event.ip ?? "",
    system: sourceLabel(event.source),
    timestamp: event.createdAt.toISOString(),
    type: {
      action: event.label,
      actionI18nKey: actionI18nKey(event.eventType),
      category: event.categoryLabel,
      categoryI18nKey: categoryI18nKey(event.category),
    },
  };
}
