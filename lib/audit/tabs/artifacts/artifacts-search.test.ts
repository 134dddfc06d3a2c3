import { describe, expect, it, vi } from "vitest";
import { AuthError } from "@/lib/auth/guard";
import { runAs } from "@/lib/auth/principal-context";
import { testDatabases } from "@/lib/test/databases";
import { AUDITOR, useTabFixture } from "@/lib/test/tab-fixture-hooks";
import { FilterValidationError } from "../../search/filter-schema";
import { FIXTURE_SOURCE, NOW } from "@/lib/test/tab-fixture";
import type { EventRow } from "../../events/event-rows";
import { searchTabEvents } from "../../search/tab-search";
import { artifactsTab } from "./artifacts-tab";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const LAST_30_DAYS = ["pedal-update", "plan-update", "alarm-delete", "alarm-restore", "plan-create", "alarm-remove", "alarm-update", "alarm-create"];

describe.each(testDatabases())("the Artifacts tab's search on $name", ({ open }) => {
  const fixture = useTabFixture(open);

  const search = (overrides: Partial<typeof artifactsTab.defaultSearch>) =>
    runAs(AUDITOR, () => searchTabEvents(artifactsTab, { ...artifactsTab.defaultSearch, ...overrides }, { timeZone: "UTC", now: NOW }));
  const keys = async (overrides: Partial<typeof artifactsTab.defaultSearch>) => (await search(overrides)).rows.map((row) => fixture.ids.keys.get(row.id));

  it("lists the last 30 days' work item and artifact events newest first, and nothing else", async () => {
    const result = await search({});
    expect(result.rows.map((row) => fixture.ids.keys.get(row.id))).toEqual(LAST_30_DAYS);
    expect(result).toMatchObject({ total: 8, totalIsCapped: false, nextCursor: null });
  });

  it("filters by users", async () => {
    expect(await keys({ users: [fixture.ids.users.bob] })).toEqual(["pedal-update", "alarm-update"]);
    expect(await keys({ users: [fixture.ids.users.carol, fixture.ids.users.admin] })).toEqual(["alarm-restore", "plan-create"]);
  });

  it("filters by projects", async () => {
    expect(await keys({ projects: [fixture.ids.projects.brake] })).toEqual(["pedal-update"]);
    expect(await keys({ projects: [fixture.ids.projects.pump, fixture.ids.projects.brake] })).toEqual(LAST_30_DAYS);
  });

  it("filters by trackers, within the chosen projects", async () => {
    expect(await keys({ trackers: [fixture.ids.trackers.pumpBugs] })).toEqual([
      "alarm-delete",
      "alarm-restore",
      "alarm-remove",
      "alarm-update",
      "alarm-create",
    ]);
    expect(await keys({ projects: [fixture.ids.projects.pump], trackers: [fixture.ids.trackers.brakeBugs] })).toEqual([]);
    expect(await keys({ projects: [fixture.ids.projects.brake], trackers: [fixture.ids.trackers.brakeBugs] })).toEqual(["pedal-update"]);
  });

  it("filters by sources: a system's events by its name, several with OR, the console's own by console", async () => {
    expect(await keys({ sources: ["demo"] })).toEqual(["pedal-update"]);
    expect((await search({ sources: ["demo"] })).rows[0].source).toBe("demo");
    expect(await keys({ sources: [FIXTURE_SOURCE] })).toEqual(LAST_30_DAYS.slice(1));
    expect(await keys({ sources: [FIXTURE_SOURCE, "demo"] })).toEqual(LAST_30_DAYS);
    // No work item or artifact event is the console's own; with a system named, that system's are found.
    expect(await keys({ sources: ["console"] })).toEqual([]);
    expect(await keys({ sources: ["console", "demo"] })).toEqual(["pedal-update"]);
    expect(await keys({ sources: ["no-such-source"] })).toEqual([]);
  });

  it("filters by event types of either category", async () => {
    expect(await keys({ types: ["WORK_ITEM_UPDATE"] })).toEqual(["pedal-update", "alarm-update"]);
    expect(await keys({ types: ["ARTIFACT_CREATE", "WORK_ITEM_REMOVE"] })).toEqual(["plan-create", "alarm-remove"]);
  });

  it("filters by presets and custom ranges", async () => {
    expect(await keys({ range: "Today" })).toEqual(["pedal-update"]);
    expect(await keys({ range: "custom", from: "2025-12-01", to: "2025-12-31" })).toEqual(["old-update"]);
    expect(await keys({ range: "custom", from: "2026-03-12", to: "2026-03-13" })).toEqual(["alarm-restore", "plan-create", "alarm-remove"]);
  });

  it("combines project, tracker, event type and user", async () => {
    const combined = { projects: [fixture.ids.projects.pump], trackers: [fixture.ids.trackers.pumpBugs], types: ["WORK_ITEM_UPDATE" as const] };
    expect(await keys(combined)).toEqual(["alarm-update"]);
    expect(await keys({ ...combined, users: [fixture.ids.users.alice] })).toEqual([]);
  });

  it("sorts the Artifact and Work Item columns by name, their own kind first", async () => {
    expect(await keys({ sort: "artifact.asc", range: "Today" })).toEqual(["pedal-update"]);
    const byArtifact = await keys({ sort: "artifact.asc" });
    expect(byArtifact.slice(0, 2)).toEqual(["plan-update", "plan-create"]);
    const byWorkItem = await keys({ sort: "workItem.desc" });
    expect(byWorkItem.slice(0, 1)).toEqual(["pedal-update"]);
    expect(byWorkItem.slice(-2)).toEqual(["plan-update", "plan-create"]);
    expect(await keys({ sort: "createdAt.asc" })).toEqual([...LAST_30_DAYS].reverse());
  });

  it("describes each row: users now, snapshot names with ids, the changed fields", async () => {
    const rows = (await search({})).rows;
    const row = (key: string) => rows.find((candidate) => fixture.ids.keys.get(candidate.id) === key) as EventRow;
    expect(row("alarm-update")).toMatchObject({
      eventType: "WORK_ITEM_UPDATE",
      label: "Work Item Update",
      category: "WORK_ITEM",
      actor: { id: fixture.ids.users.bob, displayName: "Bob Łukasz", enabled: false, exists: true },
      project: { id: fixture.ids.projects.pump, name: "Infusion Pump" },
      tracker: { id: fixture.ids.trackers.pumpBugs, name: "Bugs" },
      artifact: { id: fixture.ids.artifacts.alarm, name: "Alarm late", kind: "WORK_ITEM" },
      changedFields: ["Description", "Status"],
      source: FIXTURE_SOURCE,
    });
    expect(row("plan-create")).toMatchObject({ tracker: null, artifact: { kind: "ARTIFACT", name: "Test Plan" }, changedFields: ["Name"] });
    expect(row("alarm-remove").changedFields).toEqual([]);
  });

  it("refuses bad input with a 400 naming the field, and callers without a principal", async () => {
    await expect(search({ projects: [0] })).rejects.toBeInstanceOf(FilterValidationError);
    await expect(search({ range: "custom", from: "2024-01-01", to: "2026-01-01" })).rejects.toThrow("Created at range: may not exceed one year");
    await expect(search({ sources: ["demo", "Demo ALM"] })).rejects.toThrow('Sources: "Demo ALM" is not a source: use "console"');
    await expect(searchTabEvents(artifactsTab, artifactsTab.defaultSearch)).rejects.toBeInstanceOf(AuthError);
  });
});
