// The entity pages' data: artifact, project and tracker heads, their timelines, and the diff view.
import { describe, expect, it, vi } from "vitest";
import { AuthError } from "@/lib/auth/guard";
import { testDatabases } from "@/lib/test/databases";
import { asAuditor, useTabFixture } from "@/lib/test/tab-fixture-hooks";
import { getChangeView } from "../diff/change-view";
import { getArtifactProfile, getProjectProfile, getTrackerProfile } from "./entity-profiles";
import { searchTimeline, searchTimelineActivity } from "./entity-timeline";
import { DESCRIPTION_AFTER, NOW } from "../../test/tab-fixture";
import type { TimelineSubject } from "./timeline-filters";
import { TIMELINE_TABS } from "./timeline-tabs";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const DEFAULT_TIMELINE_SEARCH = TIMELINE_TABS.artifact.defaultSearch;
const AT_NOW = { timeZone: "UTC", now: NOW };

describe.each(testDatabases())("entity pages and the diff view on $name", ({ open }) => {
  const fixture = useTabFixture(open);

  const timeline = async (subject: TimelineSubject, sort: "createdAt.desc" | "createdAt.asc" = "createdAt.desc") =>
    (await asAuditor(() => searchTimeline(subject, { ...DEFAULT_TIMELINE_SEARCH, sort }, AT_NOW))).rows.map((row) => fixture.ids.keys.get(row.id));

  it("tells an artifact's whole life, oldest first if asked", async () => {
    expect(await timeline({ kind: "artifact", id: fixture.ids.artifacts.alarm }, "createdAt.asc")).toEqual([
      "alarm-create",
      "alarm-update",
      "alarm-remove",
      "alarm-restore",
      "alarm-delete",
    ]);
  });

  it("lists every event in a project or a tracker, across categories, in the last 365 days unless asked", async () => {
    expect(await timeline({ kind: "project", id: fixture.ids.projects.brake })).toEqual(["pedal-update", "perm-create"]);
    expect(await timeline({ kind: "tracker", id: fixture.ids.trackers.pumpTasks })).toEqual(["old-update"]);
    expect(await timeline({ kind: "project", id: fixture.ids.projects.pump })).toContain("export");
  });

  it("filters a timeline by event type and range, as the tabs filter, and refuses more than a year", async () => {
    const alarm = { kind: "artifact", id: fixture.ids.artifacts.alarm } as const;
    const keys = async (filters: object) =>
      (await asAuditor(() => searchTimeline(alarm, { ...DEFAULT_TIMELINE_SEARCH, ...filters }, AT_NOW))).rows.map((row) => fixture.ids.keys.get(row.id));
    expect(await keys({ types: ["WORK_ITEM_REMOVE", "WORK_ITEM_RESTORE"] })).toEqual(["alarm-restore", "alarm-remove"]);
    expect(await keys({ range: "custom", from: "2026-03-11", to: "2026-03-12" })).toEqual(["alarm-remove", "alarm-update"]);
    expect(await keys({ range: "Today" })).toEqual([]);
    // An event type of another category is not one of this timeline's.
    await expect(asAuditor(() => searchTimeline(alarm, { ...DEFAULT_TIMELINE_SEARCH, types: ["USER_LOGIN"] }, AT_NOW))).rejects.toMatchObject({
      field: "types",
    });
    await expect(
      asAuditor(() => searchTimeline(alarm, { ...DEFAULT_TIMELINE_SEARCH, range: "custom", from: "2025-01-01", to: "2026-03-16" }, AT_NOW)),
    ).rejects.toMatchObject({ field: "range", message: "Created at range: may not exceed one year" });
    // A user's timeline offers the login types.
    const bob = { kind: "user", id: fixture.ids.users.bob } as const;
    expect(TIMELINE_TABS.user.eventTypes).toContain("USER_LOGIN");
    const disabled = await asAuditor(() => searchTimeline(bob, { ...TIMELINE_TABS.user.defaultSearch, types: ["USER_DISABLE"] }, AT_NOW));
    expect(disabled.rows.map((row) => [fixture.ids.keys.get(row.id), row.role])).toEqual([["disable", "Target"]]);
  });

  it("charts exactly the events the timeline lists: its days add up to the list's total, the filters and the range held", async () => {
    const subjects: TimelineSubject[] = [
      { kind: "artifact", id: fixture.ids.artifacts.alarm },
      { kind: "user", id: fixture.ids.users.bob },
      { kind: "project", id: fixture.ids.projects.pump },
    ];
    for (const subject of subjects) {
      for (const filters of [{}, { range: "custom", from: "2026-03-11", to: "2026-03-12" }]) {
        const search = { ...TIMELINE_TABS[subject.kind].defaultSearch, ...filters };
        const [list, activity] = await asAuditor(() => Promise.all([searchTimeline(subject, search, AT_NOW), searchTimelineActivity(subject, search, AT_NOW)]));
        const label = `${subject.kind} ${JSON.stringify(filters)}`;
        expect(activity.total, label).toBe(list.total);
        expect(
          activity.buckets.reduce((sum, bucket) => sum + bucket.total, 0),
          label,
        ).toBe(list.total);
      }
    }
    const alarm = await asAuditor(() => searchTimelineActivity({ kind: "artifact", id: fixture.ids.artifacts.alarm }, DEFAULT_TIMELINE_SEARCH, AT_NOW));
    expect(alarm.total).toBe(5);
    await expect(searchTimelineActivity({ kind: "artifact", id: fixture.ids.artifacts.alarm }, DEFAULT_TIMELINE_SEARCH, AT_NOW)).rejects.toBeInstanceOf(
      AuthError,
    );
  });

  it("marks a user's part in each event only on a user's timeline", async () => {
    const rows = (await asAuditor(() => searchTimeline({ kind: "user", id: fixture.ids.users.bob }, DEFAULT_TIMELINE_SEARCH, AT_NOW))).rows;
    expect(rows.map((row) => [fixture.ids.keys.get(row.id), row.role])).toEqual([
      ["pedal-update", "Actor"],
      ["disable-remove", "Target"],
      ["disable", "Target"],
      ["alarm-update", "Actor"],
    ]);
    const artifactRows = (await asAuditor(() => searchTimeline({ kind: "artifact", id: fixture.ids.artifacts.alarm }, DEFAULT_TIMELINE_SEARCH, AT_NOW))).rows;
    expect(artifactRows.every((row) => row.role === null)).toBe(true);
  });

  it("describes an artifact, with the event that put it in its state", async () => {
    expect(await asAuditor(() => getArtifactProfile(fixture.ids.artifacts.alarm))).toMatchObject({
      name: "Alarm late",
      exists: true,
      kind: "WORK_ITEM",
      state: "DELETED",
      source: null,
      sourceId: null,
      project: { id: fixture.ids.projects.pump, name: "Infusion Pump" },
      tracker: { id: fixture.ids.trackers.pumpBugs, name: "Bugs" },
      lastStateEvent: { eventType: "WORK_ITEM_DELETE", actor: { username: "alice" } },
    });
  });

  it("describes entities gone from the catalogue by their newest snapshot", async () => {
    expect(await asAuditor(() => getArtifactProfile(fixture.ids.artifacts.gone))).toMatchObject({
      name: "Gone item",
      exists: false,
      source: "fixture",
      state: null,
      tracker: { id: fixture.ids.trackers.pumpTasks, name: "Tasks" },
      lastStateEvent: null,
    });
    await fixture.db.prisma.tracker.delete({ where: { id: fixture.ids.trackers.pumpTasks } });
    expect(await asAuditor(() => getTrackerProfile(fixture.ids.trackers.pumpTasks))).toEqual({
      id: fixture.ids.trackers.pumpTasks,
      name: "Tasks",
      exists: false,
      source: "fixture",
      sourceId: null,
      project: { id: fixture.ids.projects.pump, name: "Infusion Pump" },
    });
    expect(await asAuditor(() => getProjectProfile(fixture.ids.projects.brake))).toMatchObject({
      name: "Brake-by-Wire",
      key: "BBW",
      exists: true,
      trackers: [{ name: "Bugs" }],
    });
    expect(await asAuditor(() => getProjectProfile(424_242))).toBeNull();
    expect(await asAuditor(() => getArtifactProfile(424_242))).toBeNull();
  });

  it("gives the diff view the event and its changes, word by word", async () => {
    const view = await asAuditor(() => getChangeView(fixture.ids.events.get("alarm-update")!));
    expect(view?.event).toMatchObject({ eventType: "WORK_ITEM_UPDATE", actor: { username: "bob", enabled: false }, artifact: { name: "Alarm late" } });
    expect(view?.invalid).toBe(false);
    expect(view?.diff.mode).toBe("update");
    const description = view?.diff.fields[0];
    if (description?.shape !== "words") throw new Error("expected a word diff");
    expect(description.afterParts.map((part) => part.text).join("")).toBe(DESCRIPTION_AFTER);
    expect(view?.diff.fields[1]).toMatchObject({ field: "Status", before: { text: "New" }, after: { text: "In Progress" } });
  });

  it("gives access changes and messages, and null for unknown ids", async () => {
    const view = await asAuditor(() => getChangeView(fixture.ids.events.get("perm-update")!));
    expect(view?.message).toEqual({ kind: "changes", fields: ["Permissions"] });
    expect(view?.diff.fields[0]).toMatchObject({
      shape: "access",
      rows: [
        { key: "Developer", change: "changed" },
        { key: "Tester", change: "same" },
      ],
    });
    expect((await asAuditor(() => getChangeView(fixture.ids.events.get("alarm-delete")!)))?.diff.mode).toBe("delete");
    expect(await asAuditor(() => getChangeView("99999999"))).toBeNull();
    expect(await asAuditor(() => getChangeView("abc"))).toBeNull();
    expect(await asAuditor(() => getChangeView("0"))).toBeNull();
  });

  it("refuses callers without a principal", async () => {
    for (const call of [
      () => getChangeView("1"),
      () => getArtifactProfile(1),
      () => getProjectProfile(1),
      () => getTrackerProfile(1),
      () => searchTimeline({ kind: "project", id: 1 }, DEFAULT_TIMELINE_SEARCH, AT_NOW),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(AuthError);
    }
  });
});
