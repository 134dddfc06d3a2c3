// One audit record of a Codebeamer v3 list as its client reads it (reference 001's sample
// response): the fields the sample shows, in its spelling ("--" for no project or tracker, the
// event type's label, createdAt in UTC without a zone), then what the sample leaves out: the event
// id, its source, and the sender's ids of the user, project, tracker and artifact, strings in the
// id space of the event's source (null for what that source did not send, or a console account).
// With showChanges, each record's changes. A zod schema per list, and the function that writes it.
// Pure.
import { z } from "zod";
import type { SenderIds } from "@/lib/api/source-ids";
import { CHANGE_KINDS, type ChangeValue, type FieldChange } from "@/lib/audit/events/changes";
import type { EventRow } from "@/lib/audit/events/event-rows";
import { eventMessage, messageText } from "@/lib/audit/events/message";

/** What the sample shows for a record without a project, tracker or artifact. */
export const NONE = "--";

/** "2023-04-10T08:06:51.441": as the sample writes times, UTC without the zone. */
export function codebeamerTime(date: Date): string {
  return date.toISOString().slice(0, 23);
}

export const CODEBEAMER_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

/** A change value, a user in it named by the sender's id (as its events name users). */
const changeValueSchema = z.union([
  z.null(),
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.strictObject({ id: z.string().nullable(), name: z.string() }),
  z.record(z.string(), z.string()),
]);

const changeSchema = z.strictObject({ field: z.string(), kind: z.enum(CHANGE_KINDS), old: changeValueSchema, new: changeValueSchema });

const senderId = z.string().nullable();
const time = z.string().regex(CODEBEAMER_TIME_PATTERN).describe("UTC, without a zone: 2023-04-10T08:06:51.441");

/** The fields every list's records have; the sample's first, in its order around each list's own. */
const who = { user: z.string(), userStatus: z.enum(["Enabled", "Disabled"]) };
const what = { eventType: z.string().describe('the label: "Group Assign"') };
const ids = {
  id: z.string().describe("the event's id"),
  source: z.string().nullable().describe("the sending system; null for the console's own"),
  userId: senderId,
};
const changes = { changes: z.array(changeSchema).optional().describe("with showChanges: true") };
const place = { project: z.string(), tracker: z.string() };
const placeIds = { projectId: senderId, trackerId: senderId };

export const permissionItemSchema = z.strictObject({
  ...who,
  artifact: z.string(),
  ...what,
  ...place,
  message: z.strictObject({ value: z.string() }),
  createdAt: time,
  ...ids,
  targetUser: z.string().nullable(),
  targetUserId: senderId,
  artifactId: senderId,
  ...placeIds,
  ...changes,
});

export const loginItemSchema = z.strictObject({ ...who, ...what, createdAt: time, ...ids, ip: z.string().nullable(), ...changes });

export const artifactItemSchema = z.strictObject({
  ...who,
  artifact: z.string().describe('an artifact\'s name; "--" for a work item'),
  workItem: z.string().describe('a work item\'s name; "--" for an artifact'),
  ...what,
  ...place,
  createdAt: time,
  ...ids,
  artifactId: senderId,
  ...placeIds,
  ...changes,
});

/** A row of the list with what its record needs beside it. */
export interface ItemInput {
  row: EventRow;
  /** the sender's ids of the users, projects, trackers and artifacts the rows name (users in changes too) */
  senderIds: SenderIds;
  /** the row's changes when showChanges asked for them, else null */
  changes: FieldChange[] | null;
}

const senderIdOf = (map: ReadonlyMap<number, string>, id: number | null | undefined) => (id == null ? null : (map.get(id) ?? null));

/** A user in a change ({ id, name }), as its kind says; the id is the console's. */
function userOf(change: FieldChange, value: ChangeValue): { id: number | null; name: string } | null {
  return change.kind === "user" && value !== null && typeof value === "object" && "name" in value ? (value as { id: number | null; name: string }) : null;
}

/** The console's ids of the users `changes` name. */
export function changeUserIds(changes: readonly FieldChange[]): number[] {
  return changes.flatMap((change) => [change.old, change.new].flatMap((value) => userOf(change, value)?.id ?? []));
}

function changeValue(change: FieldChange, value: ChangeValue, users: ReadonlyMap<number, string>) {
  const user = userOf(change, value);
  return user ? { id: senderIdOf(users, user.id), name: user.name } : value;
}

/** The sample's fields every list has, and the ids beside them. */
function common({ row, senderIds }: ItemInput) {
  return {
    user: row.actor.username,
    userStatus: row.actor.enabled ? ("Enabled" as const) : ("Disabled" as const),
    eventType: row.label,
    createdAt: codebeamerTime(row.createdAt),
    id: row.id,
    source: row.source,
    userId: senderIdOf(senderIds.users, row.actor.id),
  };
}

function withChanges<Item>(item: Item, { changes, senderIds }: ItemInput) {
  if (!changes) return item;
  return {
    ...item,
    changes: changes.map((change) => ({
      ...change,
      old: changeValue(change, change.old, senderIds.users),
      new: changeValue(change, change.new, senderIds.users),
    })),
  };
}

function placeOf({ row, senderIds }: ItemInput) {
  return {
    project: row.project?.name ?? NONE,
    tracker: row.tracker?.name ?? NONE,
    projectId: senderIdOf(senderIds.projects, row.project?.id),
    trackerId: senderIdOf(senderIds.trackers, row.tracker?.id),
  };
}

export function permissionItem(input: ItemInput): z.infer<typeof permissionItemSchema> {
  const { row, senderIds } = input;
  const { user, userStatus, eventType, createdAt, ...rest } = common(input);
  const { project, tracker, ...placeSenderIds } = placeOf(input);
  const item = {
    user,
    userStatus,
    artifact: row.artifact?.name ?? NONE,
    eventType,
    project,
    tracker,
    message: { value: messageText(eventMessage(row)) },
    createdAt,
    ...rest,
    targetUser: row.targetUser?.username ?? null,
    targetUserId: senderIdOf(senderIds.users, row.targetUser?.id),
    artifactId: senderIdOf(senderIds.artifacts, row.artifact?.id),
    ...placeSenderIds,
  };
  return withChanges(item, input);
}

export function loginItem(input: ItemInput): z.infer<typeof loginItemSchema> {
  return withChanges({ ...common(input), ip: input.row.ip }, input);
}

export function artifactItem(input: ItemInput): z.infer<typeof artifactItemSchema> {
  const { row, senderIds } = input;
  const { user, userStatus, eventType, createdAt, ...rest } = common(input);
  const { project, tracker, ...placeSenderIds } = placeOf(input);
  const kind = row.artifact?.kind ?? "ARTIFACT";
  const item = {
    user,
    userStatus,
    artifact: row.artifact && kind === "ARTIFACT" ? row.artifact.name : NONE,
    workItem: row.artifact && kind === "WORK_ITEM" ? row.artifact.name : NONE,
    eventType,
    project,
    tracker,
    createdAt,
    ...rest,
    artifactId: senderIdOf(senderIds.artifacts, row.artifact?.id),
    ...placeSenderIds,
  };
  return withChanges(item, input);
}
