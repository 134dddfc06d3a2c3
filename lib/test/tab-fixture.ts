// A small known world for the integration tests of the Artifacts and Permissions tabs, the entity
// timelines and the diff view: four users (bob disabled), two projects, three trackers, three
// artifacts, and events whose keys (sourceEventId) the tests compare. They come from the source
// "fixture", one from "demo", and the console's own (a sign-in, an export) from none. "Now" is NOW, in UTC.
import type { FieldChange } from "../audit/events/changes";
import type { Database } from "@/lib/db";
import type { ArtifactKind, AuditEventType } from "@/lib/generated/prisma/enums";
import { categoryOf } from "../audit/events/event-types";

export const NOW = new Date("2026-03-16T09:00:00Z");

export type FixtureUser = "admin" | "alice" | "bob" | "carol";
type Place = "pump" | "brake";
type TrackerKey = "pumpBugs" | "pumpTasks" | "brakeBugs";
type ArtifactKey = "alarm" | "plan" | "pedal" | "gone";

interface FixtureEvent {
  key: string;
  type: AuditEventType;
  actor: FixtureUser;
  at: string;
  project?: Place;
  tracker?: TrackerKey;
  artifact?: ArtifactKey;
  /** a permission event's artifact name, when it is no catalogue artifact */
  label?: string;
  target?: FixtureUser;
  message?: string;
  changes?: FieldChange[];
  /** the sending system; FIXTURE_SOURCE unless given, null for the console's own */
  source?: string | null;
}

export const FIXTURE_SOURCE = "fixture";

export const DESCRIPTION_BEFORE = "The pump shall raise an alarm within 5 seconds.";
export const DESCRIPTION_AFTER = "The pump must raise an alarm within 10 seconds under full load.";

const ACCESS_CHANGE: FieldChange[] = [
  { field: "Permissions", kind: "access", old: { Developer: "Read", Tester: "Read" }, new: { Developer: "Read & Write", Tester: "Read" } },
];

// In insertion order: ids grow down the list (tie-create before tie-assign, at the same instant).
export const FIXTURE_EVENTS: FixtureEvent[] = [
  {
    key: "old-update",
    type: "WORK_ITEM_UPDATE",
    actor: "alice",
    at: "2025-12-01T10:00:00Z",
    project: "pump",
    tracker: "pumpTasks",
    artifact: "gone",
    changes: [{ field: "Priority", kind: "enum", old: "Low", new: "High" }],
  },
  {
    key: "alarm-create",
    type: "WORK_ITEM_CREATE",
    actor: "alice",
    at: "2026-03-10T10:00:00Z",
    project: "pump",
    tracker: "pumpBugs",
    artifact: "alarm",
    changes: [
      { field: "Summary", kind: "text", old: null, new: "Alarm late" },
      { field: "Description", kind: "longtext", old: null, new: DESCRIPTION_BEFORE },
    ],
  },
  { key: "tie-create", type: "USER_CREATE", actor: "admin", at: "2026-03-11T08:00:00Z", target: "alice", label: "alice" },
  {
    key: "tie-assign",
    type: "GROUP_ASSIGN",
    actor: "admin",
    at: "2026-03-11T08:00:00Z",
    target: "alice",
    label: "Developers",
    message: "Impacted User: alice (Enabled)",
  },
  {
    key: "alarm-update",
    type: "WORK_ITEM_UPDATE",
    actor: "bob",
    at: "2026-03-11T10:00:00Z",
    project: "pump",
    tracker: "pumpBugs",
    artifact: "alarm",
    changes: [
      { field: "Description", kind: "longtext", old: DESCRIPTION_BEFORE, new: DESCRIPTION_AFTER },
      { field: "Status", kind: "enum", old: "New", new: "In Progress" },
    ],
  },
  { key: "disable", type: "USER_DISABLE", actor: "admin", at: "2026-03-12T09:00:00.000Z", target: "bob", label: "bob" },
  {
    key: "disable-remove",
    type: "GROUP_REMOVE",
    actor: "admin",
    at: "2026-03-12T09:00:00.001Z",
    target: "bob",
    label: "Developers",
    message: "Impacted User: bob (Disabled)",
  },
  { key: "alarm-remove", type: "WORK_ITEM_REMOVE", actor: "alice", at: "2026-03-12T10:00:00Z", project: "pump", tracker: "pumpBugs", artifact: "alarm" },
  {
    key: "plan-create",
    type: "ARTIFACT_CREATE",
    actor: "carol",
    at: "2026-03-12T11:00:00Z",
    project: "pump",
    artifact: "plan",
    changes: [{ field: "Name", kind: "text", old: null, new: "Test Plan" }],
  },
  { key: "create", type: "USER_CREATE", actor: "admin", at: "2026-03-13T12:00:00.000Z", target: "carol", label: "carol" },
  {
    key: "create-assign",
    type: "GROUP_ASSIGN",
    actor: "admin",
    at: "2026-03-13T12:00:00.001Z",
    target: "carol",
    label: "Testers",
    message: "Impacted User: carol (Enabled)",
  },
  { key: "alarm-restore", type: "WORK_ITEM_RESTORE", actor: "carol", at: "2026-03-13T13:00:00Z", project: "pump", tracker: "pumpBugs", artifact: "alarm" },
  {
    key: "perm-create",
    type: "ARTIFACT_PERMISSION_CREATE",
    actor: "admin",
    at: "2026-03-14T09:00:00Z",
    project: "brake",
    tracker: "brakeBugs",
    label: "Bugs tracker permissions",
    changes: [{ field: "Permissions", kind: "access", old: null, new: { Developer: "Read" } }],
  },
  {
    key: "alarm-delete",
    type: "WORK_ITEM_DELETE",
    actor: "alice",
    at: "2026-03-14T10:00:00Z",
    project: "pump",
    tracker: "pumpBugs",
    artifact: "alarm",
    changes: [{ field: "Status", kind: "enum", old: "In Progress", new: null }],
  },
  {
    key: "perm-update",
    type: "ARTIFACT_PERMISSION_UPDATE",
    actor: "alice",
    at: "2026-03-15T09:00:00Z",
    project: "pump",
    tracker: "pumpBugs",
    label: "Bugs tracker permissions",
    changes: ACCESS_CHANGE,
  },
  {
    key: "plan-update",
    type: "ARTIFACT_UPDATE",
    actor: "alice",
    at: "2026-03-15T10:00:00Z",
    project: "pump",
    artifact: "plan",
    changes: [{ field: "Reviewers", kind: "list", old: ["bob"], new: ["bob", "carol"] }],
  },
  {
    key: "pedal-update",
    type: "WORK_ITEM_UPDATE",
    actor: "bob",
    at: "2026-03-16T07:00:00Z",
    project: "brake",
    tracker: "brakeBugs",
    artifact: "pedal",
    changes: [{ field: "Assignee", kind: "user", old: { id: null, name: "nobody" }, new: { id: null, name: "Bob" } }],
    source: "demo",
  },
  // Other tabs' events, at the same places and times: never on these tabs.
  { key: "login", type: "USER_LOGIN", actor: "alice", at: "2026-03-16T08:00:00Z", source: null },
  { key: "export", type: "AUDIT_EXPORT", actor: "admin", at: "2026-03-15T08:00:00Z", project: "pump", source: null },
];

export interface FixtureIds {
  users: Record<FixtureUser, number>;
  projects: Record<Place, number>;
  trackers: Record<TrackerKey, number>;
  artifacts: Record<ArtifactKey, number>;
  /** event id (as a string) by key, and key by event id */
  events: Map<string, string>;
  keys: Map<string, string>;
}

const ARTIFACTS: Record<Exclude<ArtifactKey, "gone">, { name: string; kind: ArtifactKind; project: Place; tracker?: TrackerKey }> = {
  alarm: { name: "Alarm late", kind: "WORK_ITEM", project: "pump", tracker: "pumpBugs" },
  plan: { name: "Test Plan", kind: "ARTIFACT", project: "pump" },
  pedal: { name: "Pedal noise", kind: "WORK_ITEM", project: "brake", tracker: "brakeBugs" },
};

export async function writeFixture(db: Database): Promise<FixtureIds> {
  const { prisma } = db;
  const user = (username: string, displayName: string, enabled = true) =>
    prisma.user.create({ data: { username, displayName, enabled } }).then((row) => row.id);
  const users = {
    admin: await user("admin", "Ada Admin"),
    alice: await user("alice", "Alice Zoë"),
    bob: await user("bob", "Bob Łukasz", false),
    carol: await user("carol", "山田 Carol"),
  };
  const project = (key: string, name: string) => prisma.project.create({ data: { key, name } }).then((row) => row.id);
  const projects = { pump: await project("IPF", "Infusion Pump"), brake: await project("BBW", "Brake-by-Wire") };
  const tracker = (projectId: number, name: string) => prisma.tracker.create({ data: { projectId, name } }).then((row) => row.id);
  const trackers = {
    pumpBugs: await tracker(projects.pump, "Bugs"),
    pumpTasks: await tracker(projects.pump, "Tasks"),
    brakeBugs: await tracker(projects.brake, "Bugs"),
  };
  const artifacts = { gone: 999_001 } as Record<ArtifactKey, number>;
  for (const [key, spec] of Object.entries(ARTIFACTS) as [Exclude<ArtifactKey, "gone">, (typeof ARTIFACTS)["alarm"]][]) {
    const row = await prisma.artifact.create({
      data: {
        name: spec.name,
        kind: spec.kind,
        projectId: projects[spec.project],
        trackerId: spec.tracker ? trackers[spec.tracker] : null,
        state: key === "alarm" ? "DELETED" : "ACTIVE",
      },
    });
    artifacts[key] = row.id;
  }
  const names = { ...Object.fromEntries(Object.entries(ARTIFACTS).map(([key, spec]) => [key, spec.name])), gone: "Gone item" } as Record<ArtifactKey, string>;
  const events = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const event of FIXTURE_EVENTS) {
    const row = await prisma.auditEvent.create({
      data: {
        category: categoryOf(event.type),
        eventType: event.type,
        actorId: users[event.actor],
        actorName: event.actor,
        targetUserId: event.target ? users[event.target] : null,
        targetUserName: event.target ?? null,
        projectId: event.project ? projects[event.project] : null,
        projectName: event.project === "pump" ? "Infusion Pump" : event.project === "brake" ? "Brake-by-Wire" : null,
        trackerId: event.tracker ? trackers[event.tracker] : null,
        trackerName: event.tracker === "pumpTasks" ? "Tasks" : event.tracker ? "Bugs" : null,
        artifactId: event.artifact ? artifacts[event.artifact] : null,
        artifactName: event.artifact ? names[event.artifact] : (event.label ?? null),
        artifactKind: event.artifact ? (event.artifact === "plan" ? "ARTIFACT" : "WORK_ITEM") : null,
        message: event.message ?? null,
        changes: event.changes ?? undefined,
        createdAt: new Date(event.at),
        source: event.source === undefined ? FIXTURE_SOURCE : event.source,
        sourceEventId: event.key,
      },
    });
    events.set(event.key, row.id.toString());
    keys.set(row.id.toString(), event.key);
  }
  return { users, projects, trackers, artifacts, events, keys };
}
