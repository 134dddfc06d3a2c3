// What the head of an artifact's, project's or tracker's page says about it. Events keep snapshot
// names beside the ids, so an entity that is gone from the catalogue still has a page: its name (and
// the system it came from) as the newest event recorded it, and the plain statement that it no longer exists.
import "server-only";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { ArtifactKind, ArtifactState, AuditEventType } from "@/lib/generated/prisma/enums";
import type { EntityRef } from "../events/event-rows";
import { loadUsers, userRef, type UserRef } from "../events/user-refs";

interface Profile {
  id: number;
  name: string;
  /** false: not in the catalogue any more; the name is the newest event's snapshot */
  exists: boolean;
  /** the sending system it belongs to (the newest event's, when gone), or null */
  source: string | null;
  /** its id in that system; null when gone from the catalogue */
  sourceId: string | null;
}

/** The event that put an artifact in its current state (created, removed, restored, deleted). */
export interface StateEvent {
  id: string;
  eventType: AuditEventType;
  createdAt: Date;
  actor: UserRef;
}

export interface ArtifactProfile extends Profile {
  kind: ArtifactKind | null;
  /** null when the artifact is not in the catalogue */
  state: ArtifactState | null;
  createdAt: Date | null;
  project: EntityRef | null;
  tracker: EntityRef | null;
  lastStateEvent: StateEvent | null;
}

export interface ProjectProfile extends Profile {
  key: string | null;
  createdAt: Date | null;
  trackers: { id: number; name: string }[];
}

export interface TrackerProfile extends Profile {
  project: EntityRef | null;
}

const STATE_TYPES: AuditEventType[] = [
  "WORK_ITEM_CREATE",
  "WORK_ITEM_REMOVE",
  "WORK_ITEM_RESTORE",
  "WORK_ITEM_DELETE",
  "ARTIFACT_CREATE",
  "ARTIFACT_REMOVE",
  "ARTIFACT_RESTORE",
  "ARTIFACT_DELETE",
];
const NEWEST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export async function getArtifactProfile(id: number): Promise<ArtifactProfile | null> {
  await requireAuditReader();
  const { prisma } = getDb();
  const [artifact, newest, stateEvent] = await Promise.all([
    prisma.artifact.findUnique({
      where: { id },
      select: {
        id: true,
        kind: true,
        name: true,
        state: true,
        createdAt: true,
        source: true,
        sourceId: true,
        project: { select: { id: true, name: true } },
        tracker: { select: { id: true, name: true } },
      },
    }),
    prisma.auditEvent.findFirst({
      where: { artifactId: id },
      orderBy: NEWEST,
      select: { artifactName: true, artifactKind: true, projectId: true, projectName: true, trackerId: true, trackerName: true, source: true },
    }),
    prisma.auditEvent.findFirst({
      where: { artifactId: id, eventType: { in: STATE_TYPES } },
      orderBy: NEWEST,
      select: { id: true, eventType: true, createdAt: true, actorId: true, actorName: true },
    }),
  ]);
  if (!artifact && !newest) return null;
  const users = await loadUsers(prisma, [stateEvent?.actorId]);
  const lastStateEvent = stateEvent
    ? {
        id: stateEvent.id.toString(),
        eventType: stateEvent.eventType,
        createdAt: stateEvent.createdAt,
        actor: userRef(stateEvent.actorId, stateEvent.actorName, users),
      }
    : null;
  if (artifact) return { ...artifact, exists: true, lastStateEvent };
  const snapshot = newest!;
  return {
    id,
    name: snapshot.artifactName ?? `Artifact #${id}`,
    exists: false,
    source: snapshot.source,
    sourceId: null,
    kind: snapshot.artifactKind,
    state: null,
    createdAt: null,
    project: snapshot.projectName === null ? null : { id: snapshot.projectId, name: snapshot.projectName },
    tracker: snapshot.trackerName === null ? null : { id: snapshot.trackerId, name: snapshot.trackerName },
    lastStateEvent,
  };
}

export async function getProjectProfile(id: number): Promise<ProjectProfile | null> {
  await requireAuditReader();
  const { prisma } = getDb();
  const project = await prisma.project.findUnique({
    where: { id },
    select: {
      id: true,
      key: true,
      name: true,
      createdAt: true,
      source: true,
      sourceId: true,
      trackers: { select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  if (project) return { ...project, exists: true };
  const newest = await prisma.auditEvent.findFirst({
    where: { projectId: id, projectName: { not: null } },
    orderBy: NEWEST,
    select: { projectName: true, source: true },
  });
  if (!newest?.projectName) return null;
  return { id, name: newest.projectName, exists: false, source: newest.source, sourceId: null, key: null, createdAt: null, trackers: [] };
}

export async function getTrackerProfile(id: number): Promise<TrackerProfile | null> {
  await requireAuditReader();
  const { prisma } = getDb();
  const tracker = await prisma.tracker.findUnique({
    where: { id },
    select: { id: true, name: true, source: true, sourceId: true, project: { select: { id: true, name: true } } },
  });
  if (tracker) return { ...tracker, exists: true };
  const newest = await prisma.auditEvent.findFirst({
    where: { trackerId: id, trackerName: { not: null } },
    orderBy: NEWEST,
    select: { trackerName: true, projectId: true, projectName: true, source: true },
  });
  if (!newest?.trackerName) return null;
  const project = newest.projectName === null ? null : { id: newest.projectId, name: newest.projectName };
  return { id, name: newest.trackerName, exists: false, source: newest.source, sourceId: null, project };
}
