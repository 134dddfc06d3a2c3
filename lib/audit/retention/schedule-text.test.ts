import { describe, expect, it } from "vitest";
import { describeSchedule } from "./schedule-text";
import { nextScheduledRun } from "./remover-status";

describe("describeSchedule", () => {
  it.each([
    ["0 2 * * *", "Every day at 02:00"],
    ["30 23 * * *", "Every day at 23:30"],
    ["0 3 * * 0", "Every Sunday at 03:00"],
    ["0 3 * * 7", "Every Sunday at 03:00"],
    ["15 1 * * 1-5", "Every weekday at 01:15"],
    ["0 4 1 * *", "On day 1 of every month at 04:00"],
    ["*/5 * * * *", 'Cron "*/5 * * * *"'],
    ["0 0 2 * * *", 'Cron "0 0 2 * * *"'],
  ])("%s reads %s", (pattern, text) => {
    expect(describeSchedule(pattern)).toBe(text);
  });
});

describe("nextScheduledRun", () => {
  it("is the next 02:00 in the schedule's zone", () => {
    expect(nextScheduledRun("0 2 * * *", "Europe/Berlin", new Date("2026-11-23T12:00:00Z"))?.toISOString()).toBe("2026-11-24T01:00:00.000Z");
    // the night clocks skip 02:00 the job runs once, at 03:00 summer time
    expect(nextScheduledRun("0 2 * * *", "Europe/Berlin", new Date("2026-03-28T12:00:00Z"))?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(nextScheduledRun("0 2 * * *", "UTC", new Date("2026-11-23T01:59:00Z"))?.toISOString()).toBe("2026-11-23T02:00:00.000Z");
  });
});
