// Trackers, work items and artifacts (documents, wiki pages, reports, tracker fields, roles), and the
// places whose permissions administrators change. Items created before the window start with a
// history of their own (values already set, a status some way into the workflow).
import { ACCESS_LEVELS, PERMISSION_AREAS, PROJECT_ROLES, TRACKER_ORDER, TRACKER_TYPES, TRACKERS_PER_PROJECT } from "./catalog";
import { DAY, type Calendar } from "./calendar";
import { fieldsOf, type FieldContext } from "./fields";
import type { Random } from "./random";
import { fill, workItemSummary } from "./text";
import type { ArtifactType, PermissionTarget, SeedGroup, SeedItem, SeedProject, SeedTracker, SeedUser } from "./world";

export const WORK_ITEM_COUNT = 4000;
export const ARTIFACT_COUNT = 1000;
/** Artifacts that people move to the trash, restore and delete; fields and roles are only edited. */
export const REMOVABLE_TYPES: ArtifactType[] = ["document", "wiki", "report"];

export function buildTrackers(projects: SeedProject[], ids: number[], rng: Random): SeedTracker[] {
  const trackers: SeedTracker[] = [];
  projects.forEach((project, index) => {
    const names = [...TRACKER_ORDER.slice(0, 3), ...rng.sample(TRACKER_ORDER.slice(3), TRACKERS_PER_PROJECT[index] - 3)];
    for (const name of names) {
      const tracker = { id: ids[trackers.length], name, type: TRACKER_TYPES.find((type) => type.name === name)!, project };
      project.trackers.push(tracker);
      trackers.push(tracker);
    }
  });
  return trackers;
}

const DOCUMENTS = [
  "Software Development Plan",
  "Software Requirements Specification",
  "Risk Management Plan",
  "Hazard Analysis",
  "FMEA – {c}",
  "Verification Plan",
  "Validation Report",
  "Software Architecture Description",
  "Interface Control Document – {c}",
  "Release Notes 4.{n}",
  "Design Review Minutes – {c}",
  "Cybersecurity Assessment",
  "Usability Engineering File",
  "Traceability Matrix",
  "Test Report – {c}",
  "SOUP List",
  "Configuration Management Plan",
  "Safety Case",
  "Clinical Evaluation Summary",
  "Calibration Procedure – {c}",
];
const WIKI_PAGES = [
  "Onboarding",
  "Build Instructions",
  "Coding Guidelines",
  "Release Checklist",
  "Meeting Notes – {c}",
  "Retrospective Sprint {n}",
  "ADR {n}: {C} Design",
  "Troubleshooting the {c}",
  "Lab Equipment Booking",
  "Test Bench Setup",
  "Glossary",
  "How We Review Code",
  "Static Analysis Setup",
  "{C} FAQ",
];
const REPORTS = [
  "Open Bugs by Severity",
  "Requirements Coverage",
  "Test Execution Status",
  "Overdue Tasks",
  "Risk Burndown",
  "Velocity by Sprint",
  "Traceability Gaps",
  "Unassigned Items",
  "Release Readiness 4.{n}",
  "Open Change Requests",
  "Failed Test Runs",
  "{C} Defects",
];

export function buildItems(
  projects: SeedProject[],
  users: SeedUser[],
  ids: number[],
  creates: { workItems: number; artifacts: number },
  calendar: Calendar,
  rng: Random,
): SeedItem[] {
  const items: SeedItem[] = [];
  const add = (item: Omit<SeedItem, "id" | "state" | "createdAt" | "createdInWindow" | "lastEventAt" | "fields">) =>
    items.push({ ...item, id: ids[items.length], state: "ACTIVE", createdAt: 0, createdInWindow: false, lastEventAt: 0, fields: new Map() });
  for (const project of projects) {
    for (const tracker of project.trackers) {
      for (const name of rng.sample(tracker.type.configFields, rng.int(2, tracker.type.configFields.length))) {
        add({ kind: "ARTIFACT", type: "field", project, tracker, name });
      }
    }
    for (const name of PROJECT_ROLES) add({ kind: "ARTIFACT", type: "role", project, tracker: null, name });
  }
  const named = new Set<string>();
  while (items.length < ARTIFACT_COUNT) {
    const type = rng.weighted<ArtifactType>(REMOVABLE_TYPES, [0.4, 0.4, 0.2]);
    const project = rng.chance(0.88) ? rng.pick(projects) : null;
    const template = rng.pick(type === "document" ? DOCUMENTS : type === "wiki" ? WIKI_PAGES : REPORTS);
    const name = fill(template, project?.spec ?? { key: "", name: "", components: ["build server", "review process"], hazards: [] }, rng);
    const key = `${project?.spec.key}:${name}`;
    if (named.has(key)) continue;
    named.add(key);
    add({ kind: "ARTIFACT", type, project, tracker: null, name: project && rng.chance(0.3) ? `${project.spec.key} ${name}` : name });
  }
  const trackers = projects.flatMap((project) => project.trackers);
  const trackerWeights = trackers.map((tracker) => tracker.type.volume);
  while (items.length < ARTIFACT_COUNT + WORK_ITEM_COUNT) {
    const tracker = rng.weighted(trackers, trackerWeights);
    add({ kind: "WORK_ITEM", type: tracker.type, project: tracker.project, tracker, name: workItemSummary(tracker.type.name, tracker.project.spec, rng) });
  }
  const workItems = items.filter((item) => item.kind === "WORK_ITEM");
  const artifacts = items.filter((item) => item.kind === "ARTIFACT" && item.type !== "role");
  for (const item of [...rng.sample(workItems, creates.workItems), ...rng.sample(artifacts, creates.artifacts)]) {
    item.createdInWindow = true;
    item.createdAt = Infinity;
  }
  for (const item of items) if (!item.createdInWindow) setUpHistory(item, users, calendar, rng);
  return items;
}

/** An item that existed before the window: created back then, its fields filled, moved along its workflow. */
function setUpHistory(item: SeedItem, users: SeedUser[], calendar: Calendar, rng: Random): void {
  const since = item.project?.createdAt ?? calendar.windowStart - 900 * DAY;
  item.createdAt = since + Math.floor(rng.next() * (calendar.windowStart - since));
  item.lastEventAt = item.createdAt;
  const members = item.project?.members.length ? item.project.members : users;
  const context: FieldContext = { rng, time: item.createdAt, item, member: () => userRef(rng.pick(members)) };
  initializeFields(item, context);
  const status = fieldsOf(item).find((field) => field.name === "Status");
  for (let steps = rng.int(0, 4); status && steps > 0; steps--) {
    const next = status.next(context, item.fields.get("Status") ?? null);
    if (next !== undefined) item.fields.set("Status", next);
  }
}

export function initializeFields(item: SeedItem, context: FieldContext): void {
  for (const field of fieldsOf(item)) {
    const value = field.initial(context);
    if (value !== null) item.fields.set(field.name, value);
  }
}

export function userRef(user: SeedUser): { id: number; name: string } {
  return { id: user.id, name: user.displayName };
}

function accessMap(keys: string[], levels: string[], rng: Random): Record<string, string> {
  const map: Record<string, string> = {};
  for (const key of keys) {
    const usual = key === "Project Admin" ? levels.length - 1 : key === "Developer" || key === "Tester" ? 2 : 1;
    map[key] = levels[Math.max(0, Math.min(levels.length - 1, usual + (rng.chance(0.25) ? rng.int(-1, 1) : 0)))];
  }
  return map;
}

export function buildPermissionTargets(projects: SeedProject[], items: SeedItem[], groups: SeedGroup[], rng: Random): PermissionTarget[] {
  const targets: PermissionTarget[] = [];
  const extraGroups = groups.filter((group) => ["Quality Assurance", "Safety Engineers", "Contractors", "Auditors", "Regular User"].includes(group.name));
  const fieldLevels = ACCESS_LEVELS.slice(0, 3);
  for (const project of projects) {
    for (const tracker of project.trackers) {
      const keys = [...PROJECT_ROLES, ...rng.sample(extraGroups, rng.int(0, 2)).map((group) => group.name)];
      targets.push({ label: `${tracker.name} tracker permissions`, project, tracker, artifact: null, keys, levels: ACCESS_LEVELS, access: null });
    }
  }
  for (const item of items) {
    if (item.type === "field")
      targets.push({ label: "Field: ", project: item.project, tracker: item.tracker, artifact: item, keys: PROJECT_ROLES, levels: fieldLevels, access: null });
    if (item.type === "role") {
      const keys = rng.sample(PERMISSION_AREAS, rng.int(5, PERMISSION_AREAS.length));
      targets.push({ label: "Role: ", project: item.project, tracker: null, artifact: item, keys, levels: ACCESS_LEVELS, access: null });
    }
  }
  for (const group of groups) {
    targets.push({ label: `Group: ${group.name}`, project: null, tracker: null, artifact: null, keys: PERMISSION_AREAS, levels: ACCESS_LEVELS, access: null });
  }
  for (const target of targets) if (rng.chance(0.85)) target.access = accessMap(target.keys, target.levels, rng);
  return targets;
}

/** The name a permission event shows: fields and roles follow renames of their artifact. */
export function permissionLabel(target: PermissionTarget): string {
  return target.artifact ? `${target.label}${target.artifact.name}` : target.label;
}

export function changedAccess(target: PermissionTarget, rng: Random): Record<string, string> {
  const next: Record<string, string> = target.access ? { ...target.access } : accessMap(target.keys, target.levels, rng);
  for (const key of rng.sample(target.keys, rng.int(1, 3))) {
    const options = target.levels.filter((level) => level !== next[key]);
    next[key] = rng.pick(options);
  }
  return next;
}
