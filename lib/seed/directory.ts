// Builds the whole demo world for a number of events: users and their histories, groups, projects,
// trackers, items and permission targets, with ids taken from the database's sequences beforehand.
import { GROUPS, TRACKERS_PER_PROJECT } from "./catalog";
import type { Calendar } from "./calendar";
import { ARTIFACT_COUNT, buildItems, buildPermissionTargets, buildTrackers, WORK_ITEM_COUNT } from "./items";
import { makePlan, type Plan } from "./plan";
import type { Random } from "./random";
import { buildGroups, buildProjects, buildUsers, isSysAdmin, lifecycleEventCount, planLifecycles, userCountFor } from "./users";
import type { World } from "./world";

export interface IdRanges {
  User: number[];
  Group: number[];
  Project: number[];
  Tracker: number[];
  Artifact: number[];
}

/** How many rows of each table the world has, to allocate their ids. */
export function rowCounts(events: number): Record<keyof IdRanges, number> {
  return {
    User: userCountFor(events),
    Group: GROUPS.length,
    Project: TRACKERS_PER_PROJECT.length,
    Tracker: TRACKERS_PER_PROJECT.reduce((sum, count) => sum + count, 0),
    Artifact: WORK_ITEM_COUNT + ARTIFACT_COUNT,
  };
}

export function buildWorld(events: number, calendar: Calendar, rng: Random, ids: IdRanges): { world: World; plan: Plan } {
  const groups = buildGroups();
  for (const [index, group] of groups.entries()) group.id = ids.Group[index];
  const projects = buildProjects(calendar, rng.fork("projects"));
  for (const [index, project] of projects.entries()) project.id = ids.Project[index];
  const trackers = buildTrackers(projects, ids.Tracker, rng.fork("trackers"));
  const users = buildUsers(ids.User.length, groups, projects, calendar, rng.fork("users"));
  for (const [index, user] of users.entries()) user.id = ids.User[index];
  planLifecycles(users, groups, calendar, rng.fork("lifecycles"));
  const plan = makePlan(events, lifecycleEventCount(users));
  const items = buildItems(projects, users, ids.Artifact, { workItems: plan.workItems.create, artifacts: plan.artifacts.create }, calendar, rng.fork("items"));
  const permissionTargets = buildPermissionTargets(projects, items, groups, rng.fork("permissions"));
  const sysAdmins = users.filter(isSysAdmin);
  return { world: { users, groups, projects, trackers, items, permissionTargets, sysAdmins }, plan };
}
