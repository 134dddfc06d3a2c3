// An audit event as the Artifacts and Permissions tabs, the entity timelines and the diff view show
// it: its users as they are now (or their snapshot names), the project, tracker and artifact it is
// about (snapshot names beside the ids), and which fields it changed. One select, one mapping.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ArtifactKind, AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";
import { diffModeOf } from "../diff/change-diff";
import { summarizeChanges, type ChangeSummaryLine } from "../diff/change-summary";
import { parseChanges, type FieldChange } from "./changes";
import { CATEGORY_LABELS, eventTypeLabel } from "./event-types";
import { loadUsers, userRef, type UserOption, type UserRef } from "./user-refs";

/** A project, tracker or artifact named by an event: the name it had then, and its id if known. */
export interface EntityRef {
  id: number | null;
  name: string;
}

export interface ArtifactRef extends EntityRef {
  kind: ArtifactKind | null;
}

export interface EventRow {
  /** the event id (a bigint) as a string */
  id: string;
  eventType: AuditEventType;
  label: string;
  category: AuditCategory;
  categoryLabel: string;
  createdAt: Date;
  actor: UserRef;
  targetUser: UserRef | null;
  project: EntityRef | null;
  tracker: EntityRef | null;
  artifact: ArtifactRef | null;
  /** the stored message, as written by the sender */
  message: string | null;
  /** the fields the event changed, in the recorded order; empty when it recorded no changes */
  changedFields: string[];
  /** a line per changed field, for timelines; left out where the list did not ask for it */
  changeSummary?: ChangeSummaryLine[];
  ip: string | null;
  userAgent: string | null;
  /** the system that sent it ("codebeamer-prod"); null for the console's own events (sources.ts) */
  source: string | null;
}

export const EVENT_ROW_SELECT = {
  id: true,
  category: true,
  eventType: true,
  actorId: true,
  actorName: true,
  targetUserId: true,
  targetUserName: true,
  projectId: true,
  projectName: true,
  trackerId: true,
  trackerName: true,
  artifactId: true,
  artifactName: true,
  artifactKind: true,
  message: true,
  changes: true,
  ip: true,
  userAgent: true,
  createdAt: true,
  source: true,
} as const;

type EventRecord = Awaited<ReturnType<PrismaClient["auditEvent"]["findFirstOrThrow"]>>;
export type EventRowRecord = Pick<EventRecord, keyof typeof EVENT_ROW_SELECT>;

function entityRef(id: number | null, name: string | null): EntityRef | null {
  return name === null ? null : { id, name };
}

export interface EventRowOptions {
  /** summarize each event's changes (entity timelines) */
  summaries?: boolean;
}

/** One record as a row; `users` holds the users it names (loadUsers). */
export function toEventRow(
  record: EventRowRecord,
  users: ReadonlyMap<number, UserOption>,
  options: EventRowOptions = {},
  changes: FieldChange[] = parseChanges(record.changes).changes,
): EventRow {
  // One object literal of a fixed shape, filled in afterwards: exports map a million of these, and
  // a spread in the literal would make each a slow dictionary object.
  const row: EventRow = {
    id: record.id.toString(),
    eventType: record.eventType,
    label: eventTypeLabel(record.eventType),
    category: record.category,
    categoryLabel: CATEGORY_LABELS[record.category],
    createdAt: record.createdAt,
    actor: userRef(record.actorId, record.actorName, users),
    targetUser: record.targetUserName === null ? null : userRef(record.targetUserId, record.targetUserName, users),
    project: entityRef(record.projectId, record.projectName),
    tracker: entityRef(record.trackerId, record.trackerName),
    artifact: record.artifactName === null ? null : { id: record.artifactId, name: record.artifactName, kind: record.artifactKind },
    message: record.message,
    changedFields: changes.map((change) => change.field),
    ip: record.ip,
    userAgent: record.userAgent,
    source: record.source,
  };
  if (options.summaries) row.changeSummary = summarizeChanges(changes, diffModeOf(record.eventType));
  return row;
}

/** The rows of `records`, with every user they name looked up once. */
export async function toEventRows(prisma: PrismaClient, records: EventRowRecord[], options: EventRowOptions = {}): Promise<EventRow[]> {
  const users = await loadUsers(
    prisma,
    records.flatMap((record) => [record.actorId, record.targetUserId]),
  );
  return records.map((record) => toEventRow(record, users, options));
}
