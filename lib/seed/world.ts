// The demo world the events are about: who exists, which groups and projects, which work items and
// artifacts, and their state as the timeline advances. Ids are filled in when rows are allocated.
import type { ChangeValue } from "@/lib/audit/events/changes";
import type { ArtifactKind, ArtifactState, ConsoleRole } from "@/lib/generated/prisma/enums";
import type { ProjectSpec, TrackerType } from "./catalog";
import type { ClientProfile } from "./clients";

export interface SeedGroup {
  id: number;
  name: string;
  description: string;
}

export type LifecycleKind = "CREATE" | "DISABLE" | "ENABLE" | "JOIN" | "LEAVE";

/** A change to a user's account or groups, made by an administrator at a moment in the window. */
export interface LifecycleStep {
  kind: LifecycleKind;
  at: number;
  /** the groups assigned or removed by this step */
  groups: SeedGroup[];
}

export interface SeedUser {
  id: number;
  username: string;
  displayName: string;
  email: string;
  avatarUrl: string | null;
  consoleRole: ConsoleRole;
  password: string | null;
  createdAt: number;
  /** how often this person signs in, relative to the others */
  activity: number;
  projects: SeedProject[];
  /** groups at the end of the timeline (none for a disabled user) */
  groups: SeedGroup[];
  steps: LifecycleStep[];
  /** [from, to) spans in which the account exists and is enabled */
  active: [number, number][];
  enabled: boolean;
  client: ClientProfile;
}

export interface SeedProject {
  id: number;
  spec: ProjectSpec;
  createdAt: number;
  trackers: SeedTracker[];
  members: SeedUser[];
  admins: SeedUser[];
  /** work items and artifacts that exist at the current point of the timeline, oldest first */
  items: SeedItem[];
  artifacts: SeedItem[];
}

export interface SeedTracker {
  id: number;
  name: string;
  type: TrackerType;
  project: SeedProject;
}

export type ArtifactType = "document" | "wiki" | "report" | "field" | "role";

export interface SeedItem {
  id: number;
  kind: ArtifactKind;
  /** a tracker type's name for work items, the artifact type otherwise */
  type: TrackerType | ArtifactType;
  project: SeedProject | null;
  tracker: SeedTracker | null;
  name: string;
  state: ArtifactState;
  createdAt: number;
  /** created inside the window: the timeline emits its Create event */
  createdInWindow: boolean;
  lastEventAt: number;
  fields: Map<string, ChangeValue>;
}

/** Where artifact permissions are set: a tracker, a tracker field, a project role or a user group. */
export interface PermissionTarget {
  label: string;
  project: SeedProject | null;
  tracker: SeedTracker | null;
  artifact: SeedItem | null;
  /** whose access the map lists: roles and groups, or the areas a role or group grants */
  keys: string[];
  levels: string[];
  access: Record<string, string> | null;
}

export interface World {
  users: SeedUser[];
  groups: SeedGroup[];
  projects: SeedProject[];
  trackers: SeedTracker[];
  items: SeedItem[];
  permissionTargets: PermissionTarget[];
  /** administrators who create users and change permissions: never disabled */
  sysAdmins: SeedUser[];
}

export function isActiveAt(user: SeedUser, time: number): boolean {
  for (const [from, to] of user.active) if (time >= from && time < to) return true;
  return false;
}

/** When the span that contains `time` ends: a disable, or Infinity (`time` itself when inactive). */
export function activeUntil(user: SeedUser, time: number): number {
  for (const [from, to] of user.active) if (time >= from && time < to) return to;
  return time;
}
