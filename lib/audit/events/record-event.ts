// The single way an audit event gets into the table: an event of a type switched off on the Config
// tab is not stored but counted as dropped, so nothing else may write AuditEvent rows one by one.
import "server-only";
import { countDroppedEvents, isEventTypeEnabled, type DbClient } from "@/lib/audit/config/event-switches";
import { getDb } from "@/lib/db";
import { shareEventWriteLock } from "@/lib/db/event-write-lock";
import type { ArtifactKind, AuditEventType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import { changeListSchema, type FieldChange, type fieldChangeSchema } from "./changes";
import { categoryOf } from "./event-types";

/** A reference to an entity as the event shows it: its id (if any) and its name at the time. */
export interface EntityRef {
  id: number | null;
  name: string;
}

/** A field change as callers write it: kind defaults to "text", old and new to null. */
export type NewFieldChange = z.input<typeof fieldChangeSchema>;

export interface NewAuditEvent {
  eventType: AuditEventType;
  /** who did it; `id: null` for the system or an unknown user */
  actor: EntityRef;
  targetUser?: EntityRef;
  project?: EntityRef;
  tracker?: EntityRef;
  artifact?: EntityRef & { kind?: ArtifactKind };
  message?: string | null;
  /** field changes, validated with changeListSchema */
  changes?: readonly NewFieldChange[] | null;
  /** event-specific details that are not field changes */
  details?: Prisma.InputJsonValue | null;
  ip?: string | null;
  userAgent?: string | null;
  /** default: now */
  createdAt?: Date;
}

export interface RecordResult {
  /** false when the event's type is switched off: the event was counted as dropped instead */
  stored: boolean;
  id?: bigint;
}

export interface RecordOptions {
  /** a transaction to write in, so that the event commits or fails with the change it records */
  client?: DbClient;
}

export class InvalidAuditEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidAuditEventError";
  }
}

/** Turns a NewAuditEvent into the row to insert, or throws InvalidAuditEventError naming the field. */
export function toAuditEventRow(event: NewAuditEvent): Prisma.AuditEventUncheckedCreateInput {
  const actorName = event.actor.name.trim();
  if (!actorName) throw new InvalidAuditEventError("actor.name: the actor's name is required");
  let changes: FieldChange[] | undefined;
  if (event.changes != null) {
    const parsed = changeListSchema.safeParse(event.changes);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InvalidAuditEventError(`changes.${issue?.path.join(".")}: ${issue?.message}`);
    }
    changes = parsed.data;
  }
  return {
    category: categoryOf(event.eventType),
    eventType: event.eventType,
    actorId: event.actor.id,
    actorName,
    targetUserId: event.targetUser?.id ?? null,
    targetUserName: event.targetUser?.name ?? null,
    projectId: event.project?.id ?? null,
    projectName: event.project?.name ?? null,
    trackerId: event.tracker?.id ?? null,
    trackerName: event.tracker?.name ?? null,
    artifactId: event.artifact?.id ?? null,
    artifactName: event.artifact?.name ?? null,
    artifactKind: event.artifact?.kind ?? null,
    message: event.message ?? null,
    changes: changes ?? Prisma.DbNull,
    details: event.details ?? Prisma.DbNull,
    ip: event.ip ?? null,
    userAgent: event.userAgent ?? null,
    createdAt: event.createdAt ?? new Date(),
  };
}

/** Stores `event`, or counts it as dropped when its type is switched off. Malformed events throw. */
export async function recordEvent(event: NewAuditEvent, options: RecordOptions = {}): Promise<RecordResult> {
  const row = toAuditEventRow(event);
  const client = options.client ?? getDb().prisma;
  if (!(await isEventTypeEnabled(client, event.eventType))) {
    await countDroppedEvents(client, event.eventType);
    return { stored: false };
  }
  // Its id is taken under the event writers' lock (lib/db/event-write-lock.ts): in the caller's transaction, or in one of its own.
  const insert = async (tx: Prisma.TransactionClient) => {
    await shareEventWriteLock(tx);
    return tx.auditEvent.create({ data: row, select: { id: true } });
  };
  const created = await (options.client ? insert(options.client) : getDb().prisma.$transaction(insert));
  return { stored: true, id: created.id };
}
