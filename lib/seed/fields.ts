// The fields of work items and artifacts: their initial values and how an edit changes them, as
// typed changes (lib/audit/events/changes.ts). Each kind of item lists its fields with how often they change.
import type { ChangeKind, ChangeValue, UserRef } from "@/lib/audit/events/changes";
import { LABELS, PRIORITIES, PRIORITY_WEIGHTS, SEVERITIES, SEVERITY_WEIGHTS, STORY_POINTS, type TrackerType } from "./catalog";
import { DAY } from "./calendar";
import type { Random } from "./random";
import { familyOf, fill, longText, type Family } from "./text";
import { editLongText, editSummary } from "./text-edits";
import type { ArtifactType, SeedItem } from "./world";

export interface FieldContext {
  rng: Random;
  time: number;
  item: SeedItem;
  /** someone of the item's project who is active now */
  member(): UserRef | null;
}

export interface FieldSpec {
  name: string;
  kind: ChangeKind;
  /** how often an update touches this field */
  weight: number;
  /** a new item's value; null leaves the field empty */
  initial(context: FieldContext): ChangeValue;
  /** the value after an edit, or null when this field cannot change now */
  next(context: FieldContext, current: ChangeValue): ChangeValue | undefined;
}

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

function step<T>(values: readonly T[], current: T, rng: Random): T {
  const index = values.indexOf(current);
  const next = index + (rng.chance(0.5) ? 1 : -1);
  return values[next < 0 || next >= values.length ? index - Math.sign(next - index) : next];
}

function familyFor(item: SeedItem): Family {
  if (typeof item.type !== "string") return familyOf(item.type.name);
  return item.type === "report" ? "document" : item.type === "field" ? "role" : item.type;
}

const projectSpec = (item: SeedItem) => item.project?.spec ?? FALLBACK_PROJECT;
const FALLBACK_PROJECT = {
  key: "ALL",
  name: "ALM platform",
  components: ["build server", "license server", "template library", "review process"],
  hazards: ["Uncontrolled change"],
};

const nameField = (name: string, weight: number): FieldSpec => ({
  name,
  kind: "text",
  weight,
  initial: ({ item }) => item.name,
  next: ({ item, rng }, current) => editSummary(String(current), familyFor(item), rng),
});

const longTextField = (name: string, weight: number): FieldSpec => ({
  name,
  kind: "longtext",
  weight,
  initial: ({ item, rng }) => longText(familyFor(item), projectSpec(item), rng),
  next: ({ item, rng }, current) => editLongText(String(current ?? ""), familyFor(item), projectSpec(item), rng),
});

const statusField = (workflow: Record<string, string[]>, weight: number): FieldSpec => ({
  name: "Status",
  kind: "enum",
  weight,
  initial: () => Object.keys(workflow)[0],
  next: ({ rng }, current) => {
    const options = workflow[String(current)] ?? [];
    return options.length ? rng.pick(options) : undefined;
  },
});

const userField = (name: string, weight: number, emptyShare: number): FieldSpec => ({
  name,
  kind: "user",
  weight,
  initial: ({ rng, member }) => (rng.chance(emptyShare) ? null : member()),
  next: ({ member }, current) => {
    const next = member();
    return next && next.id !== (current as UserRef | null)?.id ? next : undefined;
  },
});

const enumField = (name: string, values: string[], weights: number[], weight: number): FieldSpec => ({
  name,
  kind: "enum",
  weight,
  initial: ({ rng }) => rng.weighted(values, weights),
  next: ({ rng }, current) => (current === null ? rng.weighted(values, weights) : step(values, String(current), rng)),
});

const listField = (name: string, vocabulary: (context: FieldContext) => string[], weight: number): FieldSpec => ({
  name,
  kind: "list",
  weight,
  initial: (context) => (context.rng.chance(0.5) ? context.rng.sample(vocabulary(context), context.rng.int(1, 2)).sort() : null),
  next: (context, current) => {
    const list = Array.isArray(current) ? [...current] : [];
    const candidates = vocabulary(context).filter((value) => !list.includes(value));
    if (list.length > 0 && (list.length >= 4 || context.rng.chance(0.4))) list.splice(context.rng.int(0, list.length - 1), 1);
    else if (candidates.length) list.push(context.rng.pick(candidates));
    return list.length ? list.sort() : null;
  },
});

const FIELDS: Record<string, FieldSpec> = {
  Assignee: userField("Assignee", 0.2, 0.35),
  Priority: enumField("Priority", PRIORITIES, PRIORITY_WEIGHTS, 0.1),
  Severity: enumField("Severity", SEVERITIES, SEVERITY_WEIGHTS, 0.06),
  "Story Points": {
    name: "Story Points",
    kind: "number",
    weight: 0.05,
    initial: ({ rng }) => (rng.chance(0.7) ? rng.pick(STORY_POINTS) : null),
    next: ({ rng }, current) => (typeof current === "number" ? step(STORY_POINTS, current, rng) : rng.pick(STORY_POINTS)),
  },
  Labels: listField("Labels", () => LABELS, 0.08),
  "Due Date": {
    name: "Due Date",
    kind: "date",
    weight: 0.08,
    initial: ({ rng, time }) => (rng.chance(0.4) ? isoDate(time + rng.int(7, 60) * DAY) : null),
    next: ({ rng, time }, current) => {
      const base = typeof current === "string" ? Date.parse(current) : time;
      return isoDate(Math.max(time + DAY, base + rng.pick([7, 7, 14, 21, 28, -7]) * DAY));
    },
  },
};

const workItemFields = new Map<string, FieldSpec[]>();

export function fieldsOf(item: SeedItem): FieldSpec[] {
  if (typeof item.type === "string") return ARTIFACT_FIELDS[item.type];
  const type: TrackerType = item.type;
  let fields = workItemFields.get(type.name);
  if (!fields) {
    fields = [nameField("Summary", 0.06), longTextField("Description", 0.12), statusField(type.workflow, 0.35), ...type.fields.map((name) => FIELDS[name])];
    workItemFields.set(type.name, fields);
  }
  return fields;
}

const REVIEW_STATES = { Draft: ["In Review"], "In Review": ["Approved", "Draft"], Approved: ["Draft", "Obsolete"], Obsolete: ["Draft"] };

const ARTIFACT_FIELDS: Record<ArtifactType, FieldSpec[]> = {
  document: [
    nameField("Name", 0.08),
    longTextField("Description", 0.3),
    {
      name: "Version",
      kind: "text",
      weight: 0.25,
      initial: ({ rng }) => `${rng.int(1, 3)}.${rng.int(0, 4)}`,
      next: ({ rng }, current) => {
        const [major, minor] = String(current ?? "1.0")
          .split(".")
          .map(Number);
        return rng.chance(0.15) ? `${major + 1}.0` : `${major}.${minor + 1}`;
      },
    },
    statusField(REVIEW_STATES, 0.2),
    userField("Owner", 0.1, 0),
    listField("Reviewers", ({ item }) => (item.project?.members ?? []).slice(0, 12).map((user) => user.username), 0.1),
  ],
  wiki: [
    nameField("Title", 0.1),
    longTextField("Content", 0.7),
    listField("Tags", () => ["howto", "lab", "process", "onboarding", "release", "tooling", "meeting-notes"], 0.2),
  ],
  report: [
    nameField("Name", 0.15),
    {
      name: "Query",
      kind: "text",
      weight: 0.4,
      initial: ({ item, rng }) => reportQuery(item, rng),
      next: ({ item, rng }, current) => {
        const query = reportQuery(item, rng);
        return query === current ? `${query} AND modifiedAt > -30d` : query;
      },
    },
    listField("Columns", () => ["ID", "Summary", "Status", "Assignee", "Priority", "Severity", "Modified", "Due Date", "Release"], 0.3),
    { name: "Shared", kind: "boolean", weight: 0.15, initial: ({ rng }) => rng.chance(0.6), next: (_, current) => !current },
  ],
  field: [
    { name: "Mandatory", kind: "boolean", weight: 0.35, initial: ({ rng }) => rng.chance(0.4), next: (_, current) => !current },
    { name: "Hidden", kind: "boolean", weight: 0.15, initial: () => false, next: (_, current) => !current },
    {
      name: "Default Value",
      kind: "text",
      weight: 0.4,
      initial: () => null,
      next: ({ rng }, current) => (current === null ? rng.pick(["Normal", "Major", "--", "TBD", "Not applicable"]) : null),
    },
  ],
  role: [longTextField("Description", 1)],
};

function reportQuery(item: SeedItem, rng: Random): string {
  const project = item.project ? `project = "${item.project.spec.key}" AND ` : "";
  const tracker = rng.pick(["Bugs", "Requirements", "Tasks", "Test Cases", "Risks"]);
  const states = rng.sample(["New", "In Progress", "Resolved", "Draft", "In Review", "Approved"], rng.int(1, 3)).map((s) => `"${s}"`);
  const extra = rng.chance(0.4) ? fill(` AND summary ~ "{c}"`, projectSpec(item), rng) : "";
  return `${project}tracker = "${tracker}" AND status IN (${states.join(", ")})${extra}`;
}
