// Permission events: account histories as the reference logs them in pairs (User Create + Group
// Assign 1 ms later, User Disable + Group Remove, User Enable + Group Assign, with "Impacted User:
// NAME (Enabled|Disabled)" on the group events), and administrators changing who may access
// trackers, tracker fields, roles and groups.
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { eventRow, permissionEventRow, type EventRow } from "./event-row";
import { changedAccess, permissionLabel } from "./items";
import type { Random } from "./random";
import { isActiveAt, type LifecycleStep, type PermissionTarget, type SeedGroup, type SeedUser, type World } from "./world";

const STEP_EVENT: Record<"CREATE" | "DISABLE" | "ENABLE", AuditEventType> = { CREATE: "USER_CREATE", DISABLE: "USER_DISABLE", ENABLE: "USER_ENABLE" };

function groupEvent(type: "GROUP_ASSIGN" | "GROUP_REMOVE", actor: SeedUser, at: number, user: SeedUser, group: SeedGroup, enabled: boolean): EventRow {
  const row = eventRow(type, actor, at);
  row.targetUserId = user.id;
  row.targetUserName = user.username;
  row.artifactName = group.name;
  row.message = `Impacted User: ${user.username} (${enabled ? "Enabled" : "Disabled"})`;
  return row;
}

function stepEvents(user: SeedUser, step: LifecycleStep, actor: SeedUser): EventRow[] {
  if (step.kind === "JOIN") return [groupEvent("GROUP_ASSIGN", actor, step.at, user, step.groups[0], true)];
  if (step.kind === "LEAVE") return [groupEvent("GROUP_REMOVE", actor, step.at, user, step.groups[0], true)];
  const account = eventRow(STEP_EVENT[step.kind], actor, step.at);
  account.targetUserId = user.id;
  account.targetUserName = user.username;
  account.artifactName = user.username;
  const enabled = step.kind !== "DISABLE";
  const groupType = enabled ? "GROUP_ASSIGN" : "GROUP_REMOVE";
  return [account, ...step.groups.map((group) => groupEvent(groupType, actor, step.at + 1, user, group, enabled))];
}

/** Every account event of the window, oldest first (a few hundred: they are kept in memory). */
export function accountEvents(world: World, rng: Random): EventRow[] {
  const events: EventRow[] = [];
  for (const user of world.users) {
    for (const step of user.steps) {
      const actors = world.sysAdmins.filter((admin) => admin !== user && isActiveAt(admin, step.at));
      events.push(...stepEvents(user, step, rng.pick(actors.length ? actors : world.sysAdmins)));
    }
  }
  return events.sort((a, b) => a.createdAt - b.createdAt);
}

/** One change of artifact permissions at `time`, by a project admin or a system administrator. */
export function permissionChange(world: World, time: number, rng: Random): EventRow | null {
  const roll = rng.next();
  const operation = roll < 0.7 ? "update" : roll < 0.88 ? "create" : "delete";
  let target: PermissionTarget | null = null;
  for (let attempt = 0; attempt < 10 && !target; attempt++) {
    const candidate = rng.pick(world.permissionTargets);
    const artifact = candidate.artifact;
    if (artifact && (artifact.state !== "ACTIVE" || artifact.createdAt > time)) continue;
    if ((operation === "create") === (candidate.access === null)) target = candidate;
  }
  if (!target) return null;
  const admins = (target.project?.admins ?? []).filter((admin) => isActiveAt(admin, time));
  const actor = admins.length && rng.chance(0.7) ? rng.pick(admins) : rng.pick(world.sysAdmins);
  const old = target.access;
  const next = operation === "delete" ? null : changedAccess(target, rng);
  const type = operation === "create" ? "ARTIFACT_PERMISSION_CREATE" : operation === "delete" ? "ARTIFACT_PERMISSION_DELETE" : "ARTIFACT_PERMISSION_UPDATE";
  const row = permissionEventRow(type, actor, time, target, permissionLabel(target));
  row.changes = JSON.stringify([{ field: "Permissions", kind: "access", old, new: next }]);
  target.access = next;
  return row;
}
