// The Artifacts, Permissions and Console tabs' schemas and filter-to-query functions, as declared,
// and the Sources field every tab has.
import { describe, expect, it } from "vitest";
import { FilterValidationError, parseFilters } from "../search/filter-schema";
import { artifactsTab } from "./artifacts/artifacts-tab";
import { consoleTab } from "./console/console-tab";
import { permissionsTab } from "./permissions/permissions-tab";
import { getSearchTab, SEARCH_TAB_IDS } from "./search-tabs";

const {
  defaultFilters: DEFAULT_ARTIFACT_FILTERS,
  defaultSearch: DEFAULT_ARTIFACT_SEARCH,
  labels: ARTIFACT_FIELD_LABELS,
  searchSchema: artifactSearchSchema,
} = artifactsTab;
const {
  defaultFilters: DEFAULT_PERMISSION_FILTERS,
  defaultSearch: DEFAULT_PERMISSION_SEARCH,
  labels: PERMISSION_FIELD_LABELS,
  searchSchema: permissionSearchSchema,
} = permissionsTab;
const [artifactsWhere, artifactsOrderBy] = [artifactsTab.where, artifactsTab.orderBy];
const [permissionsWhere, permissionsOrderBy] = [permissionsTab.where, permissionsTab.orderBy];
type ArtifactFilters = typeof DEFAULT_ARTIFACT_FILTERS;
type PermissionFilters = typeof DEFAULT_PERMISSION_FILTERS;

const NOW = new Date("2026-03-16T09:00:00Z");
const yesterday = { gte: new Date("2026-03-15T00:00:00Z"), lt: new Date("2026-03-16T00:00:00Z") };
const artifacts = (overrides: Partial<ArtifactFilters>) => artifactsWhere({ ...DEFAULT_ARTIFACT_FILTERS, range: "Yesterday", ...overrides }, "UTC", NOW);
const permissions = (overrides: Partial<PermissionFilters>) =>
  permissionsWhere({ ...DEFAULT_PERMISSION_FILTERS, range: "Yesterday", ...overrides }, "UTC", NOW);

function refusal(run: () => unknown): FilterValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof FilterValidationError) return error;
    throw error;
  }
  throw new Error("the input was accepted");
}

describe("the Artifacts where", () => {
  it("is both item categories within the range when nothing is chosen", () => {
    expect(artifacts({})).toEqual({
      category: { in: ["WORK_ITEM", "ARTIFACT"] },
      eventType: undefined,
      createdAt: yesterday,
    });
  });

  it("filters by users, projects and trackers together", () => {
    expect(artifacts({ users: [3], projects: [10, 11, 10], trackers: [7] })).toMatchObject({
      actorId: { in: [3] },
      projectId: { in: [10, 11] },
      trackerId: { in: [7] },
    });
  });

  it("narrows the category to the chosen types', for the index of one category", () => {
    expect(artifacts({ types: ["WORK_ITEM_UPDATE"] })).toMatchObject({ category: "WORK_ITEM", eventType: { in: ["WORK_ITEM_UPDATE"] } });
    expect(artifacts({ types: ["ARTIFACT_DELETE", "ARTIFACT_CREATE"] })).toMatchObject({ category: "ARTIFACT" });
    expect(artifacts({ types: ["ARTIFACT_DELETE", "WORK_ITEM_DELETE"] })).toMatchObject({ category: { in: ["WORK_ITEM", "ARTIFACT"] } });
  });

  it("never reaches another tab's events", () => {
    const foreign = artifacts({ types: ["GROUP_ASSIGN"] as unknown as ArtifactFilters["types"] });
    expect(foreign).toMatchObject({ category: { in: ["WORK_ITEM", "ARTIFACT"] }, eventType: { in: [] } });
  });
});

describe("the Artifacts order", () => {
  it("sorts the Artifact and Work Item columns by name, their own kind first", () => {
    expect(artifactsOrderBy("artifact.asc")).toEqual([
      { artifactKind: { sort: "desc", nulls: "last" } },
      { artifactName: { sort: "asc", nulls: "last" } },
      { createdAt: "desc" },
      { id: "desc" },
    ]);
    expect(artifactsOrderBy("workItem.desc").slice(0, 2)).toEqual([
      { artifactKind: { sort: "asc", nulls: "last" } },
      { artifactName: { sort: "desc", nulls: "last" } },
    ]);
  });

  it("sorts the other columns as every tab does", () => {
    expect(artifactsOrderBy("createdAt.asc")).toEqual([{ createdAt: "asc" }, { id: "asc" }]);
    expect(artifactsOrderBy("project.desc")[0]).toEqual({ projectName: { sort: "desc", nulls: "last" } });
    expect(artifactsOrderBy("tracker.asc")[0]).toEqual({ trackerName: { sort: "asc", nulls: "last" } });
  });
});

describe("the Artifacts schema", () => {
  it("accepts the defaults and names the field it refuses", () => {
    expect(artifactSearchSchema.parse(DEFAULT_ARTIFACT_SEARCH)).toEqual(DEFAULT_ARTIFACT_SEARCH);
    const parse = (input: unknown) => () => parseFilters(artifactSearchSchema, input, ARTIFACT_FIELD_LABELS);
    expect(refusal(parse({ ...DEFAULT_ARTIFACT_SEARCH, projects: [0] })).message).toMatch(/^Projects: /);
    expect(refusal(parse({ ...DEFAULT_ARTIFACT_SEARCH, trackers: Array.from({ length: 101 }, (_, i) => i + 1) })).message).toBe(
      "Trackers: choose at most 100 trackers",
    );
    expect(refusal(parse({ ...DEFAULT_ARTIFACT_SEARCH, types: ["USER_LOGIN"] })).message).toMatch(/^Event Types: /);
    expect(refusal(parse({ ...DEFAULT_ARTIFACT_SEARCH, range: "custom", from: "2024-01-01", to: "2026-01-01" })).message).toBe(
      "Created at range: may not exceed one year",
    );
  });
});

describe("the Permissions where", () => {
  it("is the permission category within the range when nothing is chosen", () => {
    expect(permissions({})).toEqual({
      category: "PERMISSION",
      eventType: undefined,
      createdAt: yesterday,
    });
  });

  it("filters by users, target users, projects, trackers and types", () => {
    expect(permissions({ users: [1], targetUsers: [5, 6], projects: [10], trackers: [7], types: ["GROUP_ASSIGN"] })).toEqual({
      category: "PERMISSION",
      actorId: { in: [1] },
      eventType: { in: ["GROUP_ASSIGN"] },
      createdAt: yesterday,
      targetUserId: { in: [5, 6] },
      projectId: { in: [10] },
      trackerId: { in: [7] },
    });
  });

  it("orders pairs by time with the id as tie-breaker, so User Create precedes its Group Assign", () => {
    expect(permissionsOrderBy("createdAt.asc")).toEqual([{ createdAt: "asc" }, { id: "asc" }]);
    expect(permissionsOrderBy("targetUser.asc")[0]).toEqual({ targetUserName: { sort: "asc", nulls: "last" } });
  });

  it("names the field it refuses", () => {
    expect(permissionSearchSchema.parse(DEFAULT_PERMISSION_SEARCH)).toEqual(DEFAULT_PERMISSION_SEARCH);
    const parse = (input: unknown) => () => parseFilters(permissionSearchSchema, input, PERMISSION_FIELD_LABELS);
    expect(refusal(parse({ ...DEFAULT_PERMISSION_SEARCH, targetUsers: [-4] })).message).toMatch(/^Target Users: /);
    expect(refusal(parse({ ...DEFAULT_PERMISSION_SEARCH, types: ["WORK_ITEM_UPDATE"] })).message).toMatch(/^Event Types: /);
    expect(refusal(parse({ ...DEFAULT_PERMISSION_SEARCH, sort: "workItem.asc" })).message).toMatch(/^Sort: /);
  });
});

describe("the Console tab", () => {
  it("shows the console's own events, by user, type and range, in the declared orders", () => {
    expect(consoleTab.eventTypes).toEqual([
      "AUDIT_CONFIG_CHANGE",
      "AUDIT_EXPORT",
      "AUDIT_PURGE",
      "API_TOKEN_CREATE",
      "API_TOKEN_REVOKE",
      "SAVED_SEARCH_CREATE",
      "SAVED_SEARCH_DELETE",
      "CONSOLE_USER_CREATE",
      "CONSOLE_USER_ROLE_CHANGE",
      "CONSOLE_USER_DISABLE",
      "CONSOLE_USER_ENABLE",
      "CONSOLE_USER_UNLOCK",
      "CONSOLE_USER_PASSWORD_RESET",
      "CONSOLE_USER_PASSWORD_CHANGE",
      "AUDIT_INTEGRITY_CHECK",
    ]);
    expect(consoleTab.where({ ...consoleTab.defaultFilters, users: [2], types: ["AUDIT_EXPORT"], range: "Yesterday" }, "UTC", NOW)).toEqual({
      category: "SYSTEM",
      actorId: { in: [2] },
      eventType: { in: ["AUDIT_EXPORT"] },
      createdAt: yesterday,
    });
    expect(consoleTab.orderBy("message.asc")[0]).toEqual({ message: { sort: "asc", nulls: "last" } });
    expect(consoleTab.labels).toMatchObject({ users: "Users", sources: "Sources", types: "Event Types", range: "Created at range" });
  });
});

describe("the Sources field", () => {
  it("selects a system's events by name, the console's own by source null, several with OR", () => {
    expect(artifacts({ sources: ["demo", "codebeamer-prod", "demo"] })).toMatchObject({ source: { in: ["demo", "codebeamer-prod"] } });
    expect(artifacts({ sources: ["console"] })).toMatchObject({ source: null });
    expect(permissions({ sources: ["console", "demo"], users: [1] })).toEqual({
      category: "PERMISSION",
      eventType: undefined,
      createdAt: yesterday,
      actorId: { in: [1] },
      OR: [{ source: null }, { source: { in: ["demo"] } }],
    });
    expect(artifacts({ sources: [] })).not.toHaveProperty("source");
  });

  it("refuses a name no source can have, naming the field", () => {
    const parse = (sources: string[]) => () => parseFilters(artifactSearchSchema, { ...DEFAULT_ARTIFACT_SEARCH, sources }, ARTIFACT_FIELD_LABELS);
    expect(refusal(parse(["demo", "Codebeamer Prod"])).message).toBe(
      'Sources: "Codebeamer Prod" is not a source: use "console" for the Audit Console\'s own events, or a sending system\'s name (lower-case letters, digits, dots, dashes or underscores)',
    );
    expect(refusal(parse(["demo", "Codebeamer Prod"])).field).toBe("sources");
    expect(refusal(parse(Array.from({ length: 101 }, (_, index) => `alm-${index}`))).message).toBe("Sources: choose at most 100 sources");
    expect(parseFilters(artifactSearchSchema, { ...DEFAULT_ARTIFACT_SEARCH, sources: ["console", "alm.eu_2"] }, ARTIFACT_FIELD_LABELS).sources).toEqual([
      "console",
      "alm.eu_2",
    ]);
  });
});

describe("every tab", () => {
  it.each(SEARCH_TAB_IDS)("%s: its defaults pass its schema, and its labels name every field", (id) => {
    const tab = getSearchTab(id);
    expect(tab.searchSchema.parse(tab.defaultSearch)).toEqual(tab.defaultSearch);
    for (const key of [...tab.fields.map((field) => field.key), "types", "range", "page", "size", "sort"]) expect(tab.labels[key]).toBeTruthy();
    expect(tab.fields.filter((field) => field.kind === "sources").map((field) => field.key)).toEqual(["sources"]);
    expect(tab.sorts).toContain("createdAt.desc");
    expect(tab.eventTypes.length).toBeGreaterThan(0);
  });
});
