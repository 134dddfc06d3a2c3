import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatIsoWithOffset, formatOffset, isValidTimeZone, wallClock, zoneName } from "./zoned";

describe("times in the admin's zone", () => {
  const winter = new Date("2026-01-15T12:00:00.250Z");
  const summer = new Date("2026-07-15T12:00:00Z");

  it("formats the wall clock of the zone", () => {
    expect(formatDateTime(winter, "Europe/Berlin")).toBe("2026-01-15 13:00:00");
    expect(formatDateTime(summer, "Europe/Berlin")).toBe("2026-07-15 14:00:00");
    expect(formatDateTime(winter, "Asia/Tokyo")).toBe("2026-01-15 21:00:00");
  });

  it("names the zone as people read it", () => {
    expect(zoneName(winter, "Europe/Berlin")).toBe("CET");
    expect(zoneName(summer, "Europe/Berlin")).toBe("CEST");
    expect(zoneName(winter, "America/New_York")).toBe("EST");
    expect(zoneName(winter, "UTC")).toBe("UTC");
    expect(zoneName(winter, "Asia/Kolkata")).toMatch(/^(IST|GMT\+5:30)$/);
  });

  it("gives offsets and ISO timestamps with offset", () => {
    expect(formatOffset(summer, "America/New_York")).toBe("UTC-04:00");
    expect(formatIsoWithOffset(winter, "Europe/Berlin")).toBe("2026-01-15T13:00:00.250+01:00");
    expect(formatIsoWithOffset(winter, "UTC")).toBe("2026-01-15T12:00:00.250Z");
  });

  it("writes every ISO timestamp as the zone's wall clock and offset say, across changes of offset and odd offsets", () => {
    const zones = ["UTC", "Europe/Berlin", "America/New_York", "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham"];
    const two = (value: number) => String(value).padStart(2, "0");
    // From 1960 to 2060, and often within a day of the spring and autumn changes of 2026.
    const instants = fc.oneof(
      fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2060, 0, 1) }),
      fc.integer({ min: Date.UTC(2026, 2, 28), max: Date.UTC(2026, 2, 30) }),
      fc.integer({ min: Date.UTC(2026, 9, 24), max: Date.UTC(2026, 10, 2) }),
    );
    const expected = (instant: Date, zone: string) => {
      const wall = wallClock(instant, zone);
      const offset = formatOffset(instant, zone).slice(3);
      return `${formatDay(wall)}T${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}.${String(instant.getUTCMilliseconds()).padStart(3, "0")}${offset === "+00:00" ? "Z" : offset}`;
    };
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (ms, zone) => {
        expect(formatIsoWithOffset(new Date(ms), zone)).toBe(expected(new Date(ms), zone));
      }),
      { numRuns: 5000 },
    );
    // As an export asks: runs of instants in time order, many in the same hour, across a change.
    fc.assert(
      fc.property(fc.array(instants, { minLength: 2, maxLength: 300 }), fc.constantFrom(...zones), (list, zone) => {
        const start = list[0];
        for (const step of list.map((ms) => Math.abs(ms - start) % (6 * 3_600_000)).sort((a, b) => a - b)) {
          const instant = new Date(start + step);
          expect(formatIsoWithOffset(instant, zone)).toBe(expected(instant, zone));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("accepts only real IANA zones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("wallClock's cached offsets", () => {
  it.each(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns"])(
    "agree with Intl asked directly, every 37 minutes 13 seconds through 2026's changes in %s",
    (timeZone) => {
      const formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
      const intl = (instant: Date) => {
        const [month, day, year, hour, minute, second] = formatter
          .formatToParts(instant)
          .filter((part) => part.type !== "literal")
          .map((part) => Number(part.value));
        return { year, month, day, hour, minute, second };
      };
      const start = Date.UTC(2026, 0, 1);
      let checked = 0;
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 37 * 60_000 + 13_000) {
        for (const instant of [new Date(ms), new Date(ms + 999)]) {
          expect(wallClock(instant, timeZone)).toEqual(intl(instant));
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(28_000);
    },
  );
});
