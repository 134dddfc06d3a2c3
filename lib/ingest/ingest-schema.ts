// One event as a sending system posts it to /api/audit/events, as a zod schema: the sender's id
// (the idempotency key), the type by enum name or by the label reference 001 spells ("Work Item
// Update"), the time with its offset, the actor, and what the type needs. Pure: the route, the
// importers, the simulator and OpenAPI share it.
import { z } from "zod";
import { changeListSchema } from "@/lib/audit/events/changes";
import { type AuditEventType, categoryOf, EVENT_TYPES, eventTypeLabel, parseEventType } from "@/lib/audit/events/event-types";
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import { withoutReservedKeys } from "@/lib/validation/reserved-keys";

export const MAX_EVENTS_PER_REQUEST = 1_000;
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
/** how far in the future an event's time may lie (clocks drift) */
export const MAX_FUTURE_MS = 5 * 60_000;

export const NAME_MAX = 500;
export const ID_MAX = 200;
export const MESSAGE_MAX = 10_000;
export const USER_AGENT_MAX = 1_000;
export const EMAIL_MAX = 320;

/** A sender's id: a string or a whole number, kept as text. */
const senderId = z
  .union([
    z.string().trim().min(1, "may not be empty").max(ID_MAX, `use at most ${ID_MAX} characters`),
    z.number().int("must be a whole number or a string").safe(),
  ])
  .transform(String);

const name = z.string().trim().min(1, "may not be empty").max(NAME_MAX, `use at most ${NAME_MAX} characters`);
const optionalText = (max: number) => z.string().max(max, `use at most ${max} characters`).nullish();

const personSchema = z.strictObject({
  id: senderId,
  username: z.string().trim().min(1, "may not be empty").max(ID_MAX, `use at most ${ID_MAX} characters`),
  displayName: name.nullish(),
  email: optionalText(EMAIL_MAX),
  enabled: z.boolean().nullish(),
});

const placeSchema = z.strictObject({ id: senderId, name });

const ARTIFACT_KINDS = new Map<string, ArtifactKind>([
  ["work_item", "WORK_ITEM"],
  ["workitem", "WORK_ITEM"],
  ["artifact", "ARTIFACT"],
]);

/** "WORK_ITEM", "work item", "Artifact" to the kind; undefined for anything else. */
export function artifactKindOf(text: string): ArtifactKind | undefined {
  return ARTIFACT_KINDS.get(text.trim().toLowerCase().replace(/[\s-]/g, "_"));
}

/** An artifact with an id is kept in the directory; one without (a permission's target, "Tracker: Bugs") is a name only. */
const artifactSchema = z.strictObject({
  id: senderId.optional(),
  name,
  kind: z
    .string()
    .transform((text, context) => {
      const kind = artifactKindOf(text);
      if (!kind) context.addIssue({ code: "custom", message: `"${text}" is not an artifact kind; use WORK_ITEM or ARTIFACT` });
      return kind as ArtifactKind;
    })
    .optional(),
});

const ACCEPTED_TYPES = Object.keys(EVENT_TYPES).filter((type) => categoryOf(type as AuditEventType) !== "SYSTEM") as AuditEventType[];

/** An event type a sender may send, by enum name or label; undefined for anything else. */
export function sendableEventType(text: string): AuditEventType | undefined {
  const type = parseEventType(text);
  return type && categoryOf(type) !== "SYSTEM" ? type : undefined;
}

const eventTypeSchema = z.string().transform((text, context) => {
  const type = parseEventType(text);
  if (!type) {
    context.addIssue({
      code: "custom",
      message: `"${text}" is not an event type; use one of ${ACCEPTED_TYPES.map(eventTypeLabel).join(", ")} (or its enum name, USER_LOGIN)`,
    });
    return z.NEVER;
  }
  if (categoryOf(type) === "SYSTEM") {
    context.addIssue({ code: "custom", message: `${eventTypeLabel(type)} events are the console's own and cannot be sent` });
    return z.NEVER;
  }
  return type;
});

/** What each type needs beyond the actor, and the artifact kind its events are about. */
const NEEDS: Partial<Record<AuditEventType, { target?: true; artifact?: ArtifactKind; tracker?: true }>> = {
  WORK_ITEM_CREATE: { artifact: "WORK_ITEM", tracker: true },
  WORK_ITEM_DELETE: { artifact: "WORK_ITEM", tracker: true },
  WORK_ITEM_REMOVE: { artifact: "WORK_ITEM", tracker: true },
  WORK_ITEM_RESTORE: { artifact: "WORK_ITEM", tracker: true },
  WORK_ITEM_UPDATE: { artifact: "WORK_ITEM", tracker: true },
  ARTIFACT_CREATE: { artifact: "ARTIFACT" },
  ARTIFACT_DELETE: { artifact: "ARTIFACT" },
  ARTIFACT_REMOVE: { artifact: "ARTIFACT" },
  ARTIFACT_RESTORE: { artifact: "ARTIFACT" },
  ARTIFACT_UPDATE: { artifact: "ARTIFACT" },
  ARTIFACT_PERMISSION_CREATE: { artifact: "ARTIFACT" },
  ARTIFACT_PERMISSION_DELETE: { artifact: "ARTIFACT" },
  ARTIFACT_PERMISSION_UPDATE: { artifact: "ARTIFACT" },
  GROUP_ASSIGN: { target: true },
  GROUP_REMOVE: { target: true },
  USER_CREATE: { target: true },
  USER_DISABLE: { target: true },
  USER_ENABLE: { target: true },
};

export const isoTime = z.iso.datetime({
  offset: true,
  message: "must be an ISO 8601 time with a time zone offset, such as 2026-11-27T10:15:00.000+01:00 or ...Z",
});
export const ipAddress = z.union([z.ipv4(), z.ipv6()], { error: "must be an IPv4 or IPv6 address" });
export const MAX_CHANGES = 500;

/** An event's fields as each has parsed, before the rules between them. */
interface ParsedFields {
  type: AuditEventType;
  createdAt: Date;
  targetUser?: unknown;
  project?: unknown;
  tracker?: unknown;
  artifact?: { id?: string; kind?: ArtifactKind } | null;
}

/** The rules between an event's fields: what its type needs, and a time not ahead of now. */
export function eventProblems(event: ParsedFields, now: number): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  // zod runs this even when a field failed: look only at what parsed
  if (event.createdAt instanceof Date && event.createdAt.getTime() > now + MAX_FUTURE_MS) {
    problems.push({ path: ["createdAt"], message: "lies more than 5 minutes in the future; check the sender's clock" });
  }
  if (typeof event.type !== "string" || !(event.type in EVENT_TYPES)) return problems;
  const needs = NEEDS[event.type] ?? {};
  const label = eventTypeLabel(event.type);
  if (needs.target && !event.targetUser) problems.push({ path: ["targetUser"], message: `is required for ${label} events` });
  if (needs.artifact && !event.artifact) problems.push({ path: ["artifact"], message: `is required for ${label} events` });
  if (needs.artifact && event.artifact && event.artifact.id === undefined && !event.type.startsWith("ARTIFACT_PERMISSION_")) {
    problems.push({ path: ["artifact", "id"], message: `is required for ${label} events` });
  }
  if (needs.artifact === "WORK_ITEM" && event.artifact?.kind === "ARTIFACT") {
    problems.push({ path: ["artifact", "kind"], message: `must be WORK_ITEM for ${label} events` });
  }
  if (needs.tracker && !event.tracker) problems.push({ path: ["tracker"], message: `is required for ${label} events: a work item lives in a tracker` });
  if (event.tracker && !event.project) problems.push({ path: ["project"], message: "is required with a tracker: a tracker belongs to a project" });
  return problems;
}

/** The artifact's kind where the sender left it out: the type's, for an artifact of the directory. */
export function withArtifactKind<Event extends { type: AuditEventType; artifact?: { id?: string; kind?: ArtifactKind } | null }>(event: Event) {
  const { artifact } = event;
  return {
    ...event,
    artifact: artifact ? { ...artifact, kind: artifact.kind ?? (artifact.id === undefined ? null : (NEEDS[event.type]?.artifact ?? "ARTIFACT")) } : null,
  };
}

/** The schema of one event; `now` bounds how far ahead its time may be. */
export function ingestEventSchema(now: () => number = Date.now) {
  return z
    .strictObject({
      id: senderId,
      type: eventTypeSchema,
      createdAt: isoTime.transform((text) => new Date(text)),
      actor: personSchema,
      targetUser: personSchema.nullish(),
      project: placeSchema.nullish(),
      tracker: placeSchema.nullish(),
      artifact: artifactSchema.nullish(),
      message: optionalText(MESSAGE_MAX),
      changes: withoutReservedKeys(changeListSchema.max(MAX_CHANGES, `at most ${MAX_CHANGES} changed fields per event`)).nullish(),
      ip: ipAddress.nullish(),
      userAgent: optionalText(USER_AGENT_MAX),
      details: withoutReservedKeys(z.record(z.string(), z.json())).nullish(),
    })
    .superRefine((event, context) => {
      for (const problem of eventProblems(event, now())) context.addIssue({ code: "custom", ...problem });
    })
    .transform(withArtifactKind);
}

export type IngestEvent = z.output<ReturnType<typeof ingestEventSchema>>;
/** an event as a sender writes it */
export type IngestEventInput = z.input<ReturnType<typeof ingestEventSchema>>;
export type IngestPerson = z.output<typeof personSchema>;

/** `events[17].actor.username`: a zod path as the error names it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), "");
}
