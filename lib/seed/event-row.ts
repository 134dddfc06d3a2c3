// One audit event as the seed writes it: the AuditEvent columns, with changes already as JSON text.
import type { FieldChange } from "@/lib/audit/events/changes";
import { categoryOf } from "@/lib/audit/events/event-types";
import type { ArtifactKind, AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";
import type { PermissionTarget, SeedItem, SeedUser } from "./world";

export interface EventRow {
  category: AuditCategory;
  eventType: AuditEventType;
  actorId: number | null;
  actorName: string;
  targetUserId: number | null;
  targetUserName: string | null;
  projectId: number | null;
  projectName: string | null;
  trackerId: number | null;
  trackerName: string | null;
  artifactId: number | null;
  artifactName: string | null;
  artifactKind: ArtifactKind | null;
  message: string | null;
  changes: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: number;
}

export function eventRow(eventType: AuditEventType, actor: SeedUser, createdAt: number): EventRow {
  return {
    category: categoryOf(eventType),
    eventType,
    actorId: actor.id,
    actorName: actor.username,
    targetUserId: null,
    targetUserName: null,
    projectId: null,
    projectName: null,
    trackerId: null,
    trackerName: null,
    artifactId: null,
    artifactName: null,
    artifactKind: null,
    message: null,
    changes: null,
    ip: null,
    userAgent: null,
    createdAt,
  };
}

export function itemEventRow(eventType: AuditEventType, actor: SeedUser, createdAt: number, item: SeedItem, changes: FieldChange[] | null): EventRow {
  const row = eventRow(eventType, actor, createdAt);
  row.projectId = item.project?.id ?? null;
  row.projectName = item.project?.spec.name ?? null;
  row.trackerId = item.tracker?.id ?? null;
  row.trackerName = item.tracker?.name ?? null;
  row.artifactId = item.id;
  row.artifactName = item.name;
  row.artifactKind = item.kind;
  row.changes = changes?.length ? JSON.stringify(changes) : null;
  return row;
}

export function permissionEventRow(eventType: AuditEventType, actor: SeedUser, createdAt: number, target: PermissionTarget, label: string): EventRow {
  const row = eventRow(eventType, actor, createdAt);
  row.projectId = target.project?.id ?? null;
  row.projectName = target.project?.spec.name ?? null;
  row.trackerId = target.tracker?.id ?? null;
  row.trackerName = target.tracker?.name ?? null;
  row.artifactId = target.artifact?.id ?? null;
  row.artifactName = label;
  row.artifactKind = target.artifact ? "ARTIFACT" : null;
  return row;
}
