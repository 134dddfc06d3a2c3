// Event records as Octane's audit records: the entity and its sender's id, the action, who did it
// (the sender's user id), and each changed field with its old and new value. Users named in a change
// carry the sender's id too. Guarded: audit readers only (source-ids.ts).
import "server-only";
import { type FieldChange, parseChanges } from "@/lib/audit/events/changes";
import type { EventRowRecord } from "@/lib/audit/events/event-rows";
import { eventTypeLabel } from "@/lib/audit/events/event-types";
import { CONSOLE_SOURCE } from "@/lib/audit/events/sources";
import { senderIdsOf, senderIdsOfRows } from "../source-ids";
import { octaneOperation } from "./octane-entities";
import type { OctaneAudit, OctaneChangeValue } from "./octane-schemas";

const isUserValue = (value: FieldChange["old"]): value is { id: number | null; name: string } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && "name" in value && "id" in value;

function changeUserIds(record: EventRowRecord): number[] {
  return parseChanges(record.changes)
    .changes.filter((change) => change.kind === "user")
    .flatMap((change) => [change.old, change.new])
    .flatMap((value) => (isUserValue(value) && value.id !== null ? [value.id] : []));
}

function place(id: number | null, name: string | null, senderIds: Map<number, string>): OctaneAudit["project"] {
  return name === null ? null : { id: (id !== null && senderIds.get(id)) || null, name };
}

/** The records as Octane's clients read them, in the order given. */
export async function octaneRecords(records: readonly EventRowRecord[]): Promise<OctaneAudit[]> {
  const [senders, changeUsers] = await Promise.all([
    senderIdsOfRows(
      records.map((record) => ({
        actor: { id: record.actorId },
        targetUser: { id: record.targetUserId },
        project: { id: record.projectId },
        tracker: { id: record.trackerId },
        artifact: { id: record.artifactId },
      })),
    ),
    senderIdsOf("users", records.flatMap(changeUserIds)),
  ]);
  const userId = (id: number | null) => (id !== null && (senders.users.get(id) ?? changeUsers.get(id))) || null;
  const value = (change: FieldChange, recorded: FieldChange["old"]): OctaneChangeValue =>
    change.kind === "user" && isUserValue(recorded) ? { type: "workspace_user", id: userId(recorded.id), name: recorded.name } : recorded;

  return records.map((record) => {
    const operation = octaneOperation(record.eventType);
    // The query reads OCTANE_EVENT_TYPES only: another type here is a fault of the query.
    if (!operation) throw new Error(`octane-records: ${record.eventType} is no Octane operation`);
    const { entity } = operation.type;
    const entityId = entity ? record[entity.id] : null;
    const entityIds = entity?.kind === "users" ? senders.users : senders.artifacts;
    return {
      type: "audit",
      id: record.id.toString(),
      entity_type: operation.type.name,
      entity_id: (entityId !== null && entityIds.get(entityId)) || null,
      entity_name: entity ? record[entity.name] : null,
      action: operation.action,
      timestamp: record.createdAt.toISOString(),
      user: { type: "workspace_user", id: userId(record.actorId), name: record.actorName },
      changes: parseChanges(record.changes).changes.map((change) => ({
        field_name: change.field,
        old_value: value(change, change.old),
        new_value: value(change, change.new),
      })),
      event_type: eventTypeLabel(record.eventType),
      message: record.message,
      workspace: { type: "workspace", id: record.source ?? CONSOLE_SOURCE },
      project: place(record.projectId, record.projectName, senders.projects),
      tracker: place(record.trackerId, record.trackerName, senders.trackers),
    };
  });
}
