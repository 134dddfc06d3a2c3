import { describe, expect, it } from "vitest";
import { formatDateTime, formatIsoWithOffset, formatOffset, isValidTimeZone, zoneName } from "./zoned";

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

  it("accepts only real IANA zones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
