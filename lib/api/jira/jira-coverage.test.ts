import { describe, expect, it } from "vitest";
import { isLockedEventType } from "@/lib/audit/config/config-schemas";
import type { CoverageEntry } from "@/lib/audit/config/coverage";
import { ALL_EVENT_TYPES } from "@/lib/audit/events/event-types";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { COVERAGE_AREAS, coverageLevels, coverageSwitches, typesAtLevel } from "./jira-coverage";

const entries = (off: AuditEventType[]) => ALL_EVENT_TYPES.map((eventType) => ({ eventType, enabled: !off.includes(eventType) }) as CoverageEntry);

describe("Jira's coverage areas over the event type switches", () => {
  it("puts every switchable event type in exactly one area, and none of the console's own", () => {
    const mapped = COVERAGE_AREAS.flatMap((area) => typesAtLevel(area, "full"));
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...mapped].sort()).toEqual(ALL_EVENT_TYPES.filter((type) => !isLockedEventType(type)).sort());
  });

  it.each([
    // set off, base, advanced, full: what each reads back
    ["user-management", ["off", "full", "full", "full"]],
    ["permissions", ["off", "full", "full", "full"]],
    ["security", ["off", "full", "full", "full"]],
    ["end-user-activity", ["off", "base", "advanced", "full"]],
    ["local-config-and-administration", ["full", "full", "full", "full"]],
    ["ecosystem", ["full", "full", "full", "full"]],
    ["global-config-and-administration", ["full", "full", "full", "full"]],
  ] as const)("reads %s back as %j after off, base, advanced, full", (area, expected) => {
    const read = (["off", "base", "advanced", "full"] as const).map((level) => {
      const { eventTypes } = coverageSwitches({ levelByArea: { [area]: level } });
      const off = Object.entries(eventTypes).flatMap(([type, on]) => (on ? [] : [type as AuditEventType]));
      return coverageLevels(entries(off)).levelByArea[area];
    });
    expect(read).toEqual(expected);
  });

  it("reads a partly switched area as base", () => {
    expect(coverageLevels(entries(["USER_CREATE"])).levelByArea["user-management"]).toBe("base");
    expect(coverageLevels(entries(["WORK_ITEM_DELETE"])).levelByArea["end-user-activity"]).toBe("base");
    expect(coverageLevels(entries(["ARTIFACT_UPDATE"])).levelByArea["end-user-activity"]).toBe("advanced");
  });
});
