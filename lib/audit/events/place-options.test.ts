import { describe, expect, it } from "vitest";
import { projectLookupWhere, trackerIdsWithin, trackerLookupWhere, type TrackerOption } from "./place-options";

const tracker = (id: number, projectId: number, name = "Bugs"): TrackerOption => ({ id, name, projectId, projectName: `Project ${projectId}` });
const TRACKERS = [tracker(1, 10), tracker(2, 10, "Tasks"), tracker(3, 20), tracker(4, 30)];

describe("the tracker-narrowing rule", () => {
  it("drops chosen trackers of projects no longer chosen, keeping the order and unknown ones", () => {
    const known = new Map(TRACKERS.map((option) => [option.id, option]));
    expect(trackerIdsWithin([3, 1, 2], known, [10])).toEqual([1, 2]);
    expect(trackerIdsWithin([3, 1], known, [])).toEqual([3, 1]);
    expect(trackerIdsWithin([77, 3], known, [10])).toEqual([77]);
  });

  it("looks trackers up within the chosen projects, by tracker or project name", () => {
    expect(trackerLookupWhere(" bug ", [10, 20, 10])).toEqual({
      projectId: { in: [10, 20] },
      OR: [{ name: { contains: "bug", mode: "insensitive" } }, { project: { name: { contains: "bug", mode: "insensitive" } } }],
    });
    expect(trackerLookupWhere("", [])).toEqual({ projectId: undefined, OR: undefined });
  });

  it("looks projects up by name or key", () => {
    expect(projectLookupWhere("ipf")).toEqual({ OR: [{ name: { contains: "ipf", mode: "insensitive" } }, { key: { contains: "ipf", mode: "insensitive" } }] });
    expect(projectLookupWhere("  ")).toBeUndefined();
  });
});
