// `--format jsonl`: the console's own JSON-lines export (lib/export/export-columns.ts jsonLineObject),
// of any tab, back in as events. The exported event's id is the sender id, so a file imported twice
// adds nothing. Users, projects, trackers and artifacts keep the export's ids as sender ids (the
// name where the export has no id); a user is named as at the event. The console's own events
// (Console tab) cannot be sent to the ingestion API: they are skipped, counted by type.
import { categoryOf, eventTypeLabel, parseEventType } from "@/lib/audit/events/event-types";
import type { IngestEventInput } from "@/lib/ingest/ingest-schema";
import { type EventReader, isJsonObject, type JsonObject, jsonObjectLines, type LineOutcome, settle } from "./import-reader";

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
/** The export's id (a number, or a string for an event id) as a sender id; the name where there is none. */
const senderId = (id: unknown, name: string | undefined) => (typeof id === "number" || (typeof id === "string" && id !== "") ? String(id) : name);

/** An exported user ({ id, username, nameAtEvent, enabled }) as the sender's person, named as at the event. */
function person(ref: unknown): IngestEventInput["actor"] | null {
  if (!isJsonObject(ref)) return null;
  const username = text(ref.nameAtEvent) ?? text(ref.username);
  const id = senderId(ref.id, username);
  if (!username || !id) return null;
  return typeof ref.enabled === "boolean" ? { id, username, enabled: ref.enabled } : { id, username };
}

function place(ref: unknown): { id: string; name: string } | null {
  if (!isJsonObject(ref)) return null;
  const name = text(ref.name);
  const id = senderId(ref.id, name);
  return name && id ? { id, name } : null;
}

function artifact(ref: unknown): IngestEventInput["artifact"] {
  const named = place(ref);
  if (!named || !isJsonObject(ref)) return null;
  return typeof ref.kind === "string" ? { ...named, kind: ref.kind } : named;
}

/** The event of one exported object, or why there is none: a skip kind or a reason it is unreadable. */
function eventOf(object: JsonObject): LineOutcome {
  const id = senderId(object.id, undefined);
  if (!id) return { bad: "has no id" };
  const typeName = text(object.eventType) ?? "";
  const type = parseEventType(typeName);
  if (!type) return { bad: `eventType "${typeName}" is not an event type` };
  if (categoryOf(type) === "SYSTEM") return { skip: `${eventTypeLabel(type)} (the console's own events cannot be imported)` };
  const actor = person(object.user);
  if (!actor) return { bad: "user: has no username" };
  const event: IngestEventInput = { id, type, createdAt: text(object.createdAt) ?? "", actor };
  const targetUser = person(object.targetUser);
  if (targetUser) event.targetUser = targetUser;
  const project = place(object.project);
  if (project) event.project = project;
  const tracker = place(object.tracker);
  if (tracker) event.tracker = tracker;
  const item = artifact(object.artifact);
  if (item) event.artifact = item;
  if (typeof object.message === "string") event.message = object.message;
  if (Array.isArray(object.changes) && object.changes.length > 0) event.changes = object.changes as IngestEventInput["changes"];
  if (typeof object.ip === "string") event.ip = object.ip;
  if (typeof object.userAgent === "string") event.userAgent = object.userAgent;
  return { event };
}

export const jsonlReader: EventReader = async function* (lines, tally) {
  for await (const { number, object } of jsonObjectLines(lines, tally)) {
    const candidate = settle(eventOf(object), number, tally);
    if (candidate) yield candidate;
  }
};
