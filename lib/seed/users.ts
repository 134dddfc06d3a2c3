// The people, their groups and projects, and each account's history in the window: created by an
// administrator (User Create + Group Assign), some disabled for a while or for good (User Disable +
// Group Remove, User Enable + Group Assign), some moved between groups.
import { GROUPS, LICENSE_GROUPS, PROJECTS } from "./catalog";
import { DAY, timeBetween, type Calendar } from "./calendar";
import { clientProfile } from "./clients";
import { COMPANY_DOMAIN, CONSOLE_ACCOUNTS, CONTRACTOR_DOMAIN, DISABLED_USER, generatePeople, STEADY_USERS } from "./people";
import type { Random } from "./random";
import type { LifecycleStep, SeedGroup, SeedProject, SeedUser } from "./world";

export const AVATAR_COUNT = 24;

/** What people do, and the groups that go with it. */
const PROFILES: [groups: string[], share: number][] = [
  [["Developers"], 0.3],
  [["Developers", "DevOps"], 0.06],
  [["Developers", "Hardware Engineers"], 0.06],
  [["Testers"], 0.14],
  [["Testers", "Quality Assurance"], 0.06],
  [["Requirements Engineers"], 0.1],
  [["Safety Engineers", "Quality Assurance"], 0.07],
  [["Product Owners"], 0.04],
  [["Product Owners", "Release Managers"], 0.03],
  [["Stakeholders"], 0.08],
  [["Support Engineers"], 0.04],
  [["Documentation"], 0.02],
];

export function userCountFor(events: number): number {
  return Math.max(180, Math.min(2000, Math.round(events / 1000)));
}

export function buildGroups(): SeedGroup[] {
  return GROUPS.map(([name, description]) => ({ id: 0, name, description }));
}

export function buildProjects(calendar: Calendar, rng: Random): SeedProject[] {
  return PROJECTS.map((spec) => ({
    id: 0,
    spec,
    createdAt: calendar.windowStart - rng.int(120, 1500) * DAY - rng.int(0, DAY),
    trackers: [],
    members: [],
    admins: [],
    items: [],
    artifacts: [],
  }));
}

export function buildUsers(count: number, groups: SeedGroup[], projects: SeedProject[], calendar: Calendar, rng: Random): SeedUser[] {
  const group = (name: string) => groups.find((candidate) => candidate.name === name)!;
  const people = generatePeople(count - CONSOLE_ACCOUNTS.length, rng.fork("people"));
  const users: SeedUser[] = [];
  for (const account of CONSOLE_ACCOUNTS) {
    const groupNames = {
      admin: ["System Administrators", "Project Admins", "Developers"],
      auditor: ["Auditors", "Quality Assurance"],
      viewer: ["Stakeholders"],
    }[account.username];
    users.push(newUser(account.username, account.displayName, `${account.username}@${COMPANY_DOMAIN}`, rng));
    const user = users[users.length - 1];
    Object.assign(user, { consoleRole: account.consoleRole, password: account.password, createdAt: calendar.windowStart - 700 * DAY });
    user.avatarUrl = account.username === "auditor" ? null : `/avatars/${account.username === "admin" ? "07" : "15"}.svg`;
    user.activity = { admin: 3.5, auditor: 1.2, viewer: 0.8 }[account.username];
    user.groups = ["Regular User", ...groupNames].map(group);
    user.projects = account.username === "admin" ? rng.sample(projects, 6) : rng.sample(projects, account.username === "auditor" ? 2 : 1);
  }
  for (const person of people) {
    const user = newUser(person.username, person.displayName, person.email, rng);
    const steady = STEADY_USERS.includes(person.username) || person.username === DISABLED_USER;
    const inWindow = rng.chance(0.33) && !steady;
    if (steady) user.activity = Math.max(user.activity, 1.5);
    user.createdAt = inWindow
      ? timeBetween(calendar, calendar.windowStart + DAY, calendar.now - 2 * DAY, rng)
      : calendar.windowStart - rng.int(1, 1100) * DAY - rng.int(0, DAY);
    const names = [
      rng.chance(0.85) ? LICENSE_GROUPS[0] : LICENSE_GROUPS[1],
      ...rng.weighted(
        PROFILES.map((p) => p[0]),
        PROFILES.map((p) => p[1]),
      ),
    ];
    if (rng.chance(0.2)) names.push("Reviewers");
    if (rng.chance(0.12)) names.push("Remote API Access");
    if (rng.chance(0.08)) names.push("Project Admins");
    if (rng.chance(0.1)) {
      names.push("Contractors");
      user.email = `${user.username}@${CONTRACTOR_DOMAIN}`;
    }
    user.groups = names.map(group);
    user.projects = rng.sample(projects, rng.weighted([1, 2, 3], [0.55, 0.33, 0.12]));
    users.push(user);
  }
  // The few ALM administrators who create accounts and change permissions: long-standing accounts.
  const veterans = users.filter((user) => user.createdAt < calendar.windowStart && !user.password && user.username !== DISABLED_USER);
  for (const sysAdmin of veterans.slice(0, 4)) sysAdmin.groups.push(group("System Administrators"));
  for (const auditor of veterans.slice(4, 6)) auditor.groups.push(group("Auditors"));
  for (const user of users) {
    const projectAdmin = user.groups.some((candidate) => candidate.name === "Project Admins");
    for (const project of user.projects) {
      project.members.push(user);
      if (projectAdmin) project.admins.push(user);
    }
  }
  return users;
}

function newUser(username: string, displayName: string, email: string, rng: Random): SeedUser {
  return {
    id: 0,
    username,
    displayName,
    email,
    avatarUrl: rng.chance(0.4) ? `/avatars/${String(rng.int(1, AVATAR_COUNT)).padStart(2, "0")}.svg` : null,
    consoleRole: "NONE",
    password: null,
    createdAt: 0,
    activity: Math.min(4, Math.max(0.15, rng.logNormal(1, 0.6))),
    projects: [],
    groups: [],
    steps: [],
    active: [],
    enabled: true,
    client: clientProfile(rng),
  };
}

export const isSysAdmin = (user: SeedUser) => user.groups.some((group) => group.name === "System Administrators");

/**
 * Plans each account's history in the window and sets its final groups, enabled flag and active
 * spans. A disabled user's last account event is a User Disable, which also removed its groups.
 */
export function planLifecycles(users: SeedUser[], groups: SeedGroup[], calendar: Calendar, rng: Random): void {
  const { windowStart, now } = calendar;
  const between = (from: number, to: number) => (to - from > DAY ? timeBetween(calendar, from, to, rng) : null);
  const eligible = users.filter((user) => !user.password && !isSysAdmin(user) && !STEADY_USERS.includes(user.username));
  const disabledForGood = new Set(rng.sample(eligible, Math.round(users.length * 0.1)));
  const onLeave = new Set(rng.sample(eligible, Math.round(users.length * 0.06)));
  const pinned = users.find((user) => user.username === DISABLED_USER);
  if (pinned) {
    disabledForGood.add(pinned);
    onLeave.delete(pinned);
  }
  for (const user of users) {
    const steps: LifecycleStep[] = [];
    let groupsNow = [...user.groups];
    const start = Math.max(user.createdAt, windowStart);
    if (user.createdAt >= windowStart) steps.push({ kind: "CREATE", at: user.createdAt, groups: [...groupsNow] });
    let cursor = start;
    if (onLeave.has(user)) {
      const disabledAt = between(cursor + 10 * DAY, now - 40 * DAY);
      const enabledAt = disabledAt && between(disabledAt + 3 * DAY, Math.min(disabledAt + 90 * DAY, now - 20 * DAY));
      if (disabledAt && enabledAt) {
        steps.push({ kind: "DISABLE", at: disabledAt, groups: groupsNow }, { kind: "ENABLE", at: enabledAt, groups: groupsNow });
        cursor = enabledAt;
      }
    }
    // The pinned account goes recently, after months of activity.
    const disableWindow = user === pinned ? [now - 60 * DAY, now - 5 * DAY] : [cursor + 10 * DAY, now - DAY];
    const disabledAt = disabledForGood.has(user) ? between(disableWindow[0], disableWindow[1]) : null;
    if (disabledAt) {
      steps.push({ kind: "DISABLE", at: disabledAt, groups: groupsNow });
      groupsNow = [];
    } else if (!onLeave.has(user) && !user.password) {
      const license = new Set(LICENSE_GROUPS);
      if (rng.chance(0.25)) {
        const candidates = groups.filter((group) => !groupsNow.includes(group) && !license.has(group.name) && group.name !== "System Administrators");
        const at = between(start + DAY, now - DAY);
        if (at) {
          const joined = rng.pick(candidates);
          steps.push({ kind: "JOIN", at, groups: [joined] });
          groupsNow = [...groupsNow, joined];
        }
      }
      const leavable = user.groups.filter((group) => !license.has(group.name) && group.name !== "System Administrators");
      const at = leavable.length > 1 && rng.chance(0.1) ? between(start + DAY, now - DAY) : null;
      if (at) {
        const left = rng.pick(leavable);
        steps.push({ kind: "LEAVE", at, groups: [left] });
        groupsNow = groupsNow.filter((group) => group !== left);
      }
    }
    steps.sort((a, b) => a.at - b.at);
    user.steps = steps;
    user.groups = groupsNow;
    user.enabled = steps.filter((step) => step.kind === "DISABLE" || step.kind === "ENABLE").at(-1)?.kind !== "DISABLE";
    user.active = activeSpans(user);
  }
}

function activeSpans(user: SeedUser): [number, number][] {
  const spans: [number, number][] = [];
  let from: number | null = user.createdAt;
  for (const step of user.steps) {
    if (step.kind === "DISABLE" && from !== null) {
      spans.push([from, step.at]);
      from = null;
    } else if (step.kind === "ENABLE") from = step.at;
  }
  if (from !== null) spans.push([from, Infinity]);
  return spans;
}

/** How many events the account histories produce: each step, plus one group event per group. */
export function lifecycleEventCount(users: SeedUser[]): number {
  let count = 0;
  for (const user of users) {
    for (const step of user.steps) count += step.kind === "JOIN" || step.kind === "LEAVE" ? 1 : 1 + step.groups.length;
  }
  return count;
}
