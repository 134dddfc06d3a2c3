import { describe, expect, it } from "vitest";
import { ONE_YEAR_MESSAGE, REVERSED_MESSAGE, instantRangeError, rangeDays, rangeError, resolveRange } from "./date-range";

const iso = (range: { from: Date; to: Date }) => [range.from.toISOString(), range.to.toISOString()];

describe("date presets", () => {
  // Thursday 2026-11-19 15:00 in Berlin (CET, UTC+1)
  const now = new Date("2026-11-19T14:00:00Z");

  it("Today and Yesterday are whole local days", () => {
    expect(iso(resolveRange({ preset: "Today" }, "Europe/Berlin", now))).toEqual(["2026-11-18T23:00:00.000Z", "2026-11-19T23:00:00.000Z"]);
    expect(iso(resolveRange({ preset: "Yesterday" }, "Europe/Berlin", now))).toEqual(["2026-11-17T23:00:00.000Z", "2026-11-18T23:00:00.000Z"]);
  });

  it("weeks start on Monday", () => {
    expect(rangeDays(resolveRange({ preset: "This_Week" }, "UTC", now), "UTC")).toEqual({ from: "2026-11-16", to: "2026-11-19" });
    expect(rangeDays(resolveRange({ preset: "Last_Week" }, "UTC", now), "UTC")).toEqual({ from: "2026-11-09", to: "2026-11-15" });
  });

  it("on a Monday This Week is that day and Last Week the seven before", () => {
    const monday = new Date("2026-11-16T08:00:00Z");
    expect(rangeDays(resolveRange({ preset: "This_Week" }, "UTC", monday), "UTC")).toEqual({ from: "2026-11-16", to: "2026-11-16" });
    expect(rangeDays(resolveRange({ preset: "Last_Week" }, "UTC", monday), "UTC")).toEqual({ from: "2026-11-09", to: "2026-11-15" });
  });

  it("a Sunday belongs to the week that began six days before", () => {
    const sunday = new Date("2026-11-22T20:00:00Z");
    expect(rangeDays(resolveRange({ preset: "This_Week" }, "UTC", sunday), "UTC")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
  });

  it("months: This Month to today, Last Month whole, across a year end", () => {
    const january = new Date("2027-01-10T12:00:00Z");
    expect(rangeDays(resolveRange({ preset: "This_Month" }, "UTC", january), "UTC")).toEqual({ from: "2027-01-01", to: "2027-01-10" });
    expect(rangeDays(resolveRange({ preset: "Last_Month" }, "UTC", january), "UTC")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    const march = new Date("2028-03-31T12:00:00Z");
    expect(rangeDays(resolveRange({ preset: "Last_Month" }, "UTC", march), "UTC")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("Last N Days include today", () => {
    expect(rangeDays(resolveRange({ preset: "Last_7_Days" }, "UTC", now), "UTC")).toEqual({ from: "2026-11-13", to: "2026-11-19" });
    expect(rangeDays(resolveRange({ preset: "Last_30_Days" }, "UTC", now), "UTC")).toEqual({ from: "2026-10-21", to: "2026-11-19" });
    expect(rangeDays(resolveRange({ preset: "Last_365_Days" }, "UTC", now), "UTC")).toEqual({ from: "2025-11-20", to: "2026-11-19" });
  });

  it("the admin's zone decides which day it is", () => {
    // 23:30 UTC on the 19th is already the 20th in Tokyo and still the 19th in New York
    const late = new Date("2026-11-19T23:30:00Z");
    expect(rangeDays(resolveRange({ preset: "Today" }, "Asia/Tokyo", late), "Asia/Tokyo")).toEqual({ from: "2026-11-20", to: "2026-11-20" });
    expect(rangeDays(resolveRange({ preset: "Today" }, "America/New_York", late), "America/New_York")).toEqual({ from: "2026-11-19", to: "2026-11-19" });
  });
});

describe("daylight-saving changes", () => {
  it("the spring-forward day in Berlin lasts 23 hours", () => {
    const range = resolveRange({ from: "2026-03-29", to: "2026-03-29" }, "Europe/Berlin");
    expect(iso(range)).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(range.to.getTime() - range.from.getTime()).toBe(23 * 3600_000);
  });

  it("the fall-back day in New York lasts 25 hours", () => {
    const range = resolveRange({ from: "2026-11-01", to: "2026-11-01" }, "America/New_York");
    expect(iso(range)).toEqual(["2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]);
  });

  it("a day whose midnight does not exist starts at the first instant after the gap", () => {
    // Santiago springs forward at 24:00 on 2026-09-05: 2026-09-06 starts at 01:00 local
    const range = resolveRange({ from: "2026-09-06", to: "2026-09-06" }, "America/Santiago");
    expect(range.from.toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("This Week across the change keeps local midnights", () => {
    const now = new Date("2026-03-31T10:00:00Z");
    expect(iso(resolveRange({ preset: "Last_Week" }, "Europe/Berlin", now))).toEqual(["2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
  });
});

describe("the one-year rule", () => {
  it("allows up to one calendar year of days", () => {
    expect(rangeError("2025-03-01", "2026-02-28")).toBeNull();
    expect(rangeError("2024-03-01", "2025-02-28")).toBeNull();
    expect(rangeError("2026-01-01", "2026-01-01")).toBeNull();
  });

  it("refuses more than a year, a reversed range and non-dates", () => {
    expect(rangeError("2025-03-01", "2026-03-01")).toBe(ONE_YEAR_MESSAGE);
    expect(rangeError("2024-01-01", "2026-01-01")).toBe(ONE_YEAR_MESSAGE);
    expect(rangeError("2026-02-01", "2026-01-01")).toBe(REVERSED_MESSAGE);
    expect(rangeError("2026-02-30", "2026-03-01")).toMatch(/not a date/);
    expect(() => resolveRange({ from: "2024-01-01", to: "2026-01-01" }, "UTC")).toThrow(ONE_YEAR_MESSAGE);
  });

  it("Last 365 Days is within the rule", () => {
    const days = rangeDays(resolveRange({ preset: "Last_365_Days" }, "UTC", new Date("2028-03-01T00:00:00Z")), "UTC");
    expect(rangeError(days.from, days.to)).toBeNull();
  });

  it("applies to instants for the API", () => {
    expect(instantRangeError(new Date("2025-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"))).toBeNull();
    expect(instantRangeError(new Date("2025-01-01T00:00:00Z"), new Date("2026-01-01T00:00:01Z"))).toBe(ONE_YEAR_MESSAGE);
    expect(instantRangeError(new Date("2026-01-01T00:00:00Z"), new Date("2025-01-01T00:00:00Z"))).toBe(REVERSED_MESSAGE);
  });
});
