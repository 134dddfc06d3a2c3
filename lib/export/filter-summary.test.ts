import { describe, expect, it } from "vitest";
import { resolveRange } from "@/lib/audit/search/date-range";
import { loginsTab } from "@/lib/audit/tabs/logins/logins-tab";
import { permissionsTab } from "@/lib/audit/tabs/permissions/permissions-tab";
import { exportFileName } from "./file-name";
import { filterLines, filterSlug } from "./filter-summary";

const NOW = new Date("2026-11-23T08:15:00Z");
const USERS = [
  { id: 3, username: "zoe", displayName: "Zoë", avatarUrl: null, enabled: true },
  { id: 5, username: "lukasz", displayName: "Łukasz", avatarUrl: null, enabled: false },
];

describe("filter lines", () => {
  it("names the chosen users, types and the range with its days, as the tab labels them", () => {
    const range = resolveRange({ preset: "Last_30_Days" }, "Europe/Berlin", NOW);
    const lines = filterLines(
      loginsTab,
      { ...loginsTab.defaultFilters, users: [3, 5, 9], sources: ["console", "codebeamer-prod"], types: ["USER_LOGIN"] },
      { users: USERS },
      range,
      "Europe/Berlin",
    );
    expect(lines).toEqual([
      { label: "Users", value: "Zoë (@zoe), Łukasz (@lukasz, disabled), #9" },
      { label: "Sources", value: "Audit Console, codebeamer-prod" },
      { label: "Event Types", value: "User Login" },
      { label: "Login range", value: "Last 30 Days: 2026-10-25 to 2026-11-23" },
    ]);
  });

  it("says All for empty choices and shows a custom range as its days", () => {
    const range = resolveRange({ from: "2026-01-01", to: "2026-03-31" }, "UTC", NOW);
    const lines = filterLines(
      permissionsTab,
      { ...permissionsTab.defaultFilters, projects: [7], trackers: [8], range: "custom", from: "2026-01-01", to: "2026-03-31" },
      { projects: [{ id: 7, key: "PUMP", name: "Pump" }], trackers: [{ id: 8, name: "Bugs", projectId: 7, projectName: "Pump" }] },
      range,
      "UTC",
    );
    expect(lines).toEqual([
      { label: "Users", value: "All" },
      { label: "Target Users", value: "All" },
      { label: "Projects", value: "Pump" },
      { label: "Trackers", value: "Pump / Bugs" },
      { label: "Sources", value: "All" },
      { label: "Event Types", value: "All" },
      { label: "Created at range", value: "2026-01-01 to 2026-03-31" },
    ]);
  });
});

describe("file names", () => {
  it("name the tab, the filters briefly, the time and the zone", () => {
    const range = resolveRange({ preset: "Last_30_Days" }, "Europe/Berlin", NOW);
    const slug = filterSlug(loginsTab, { ...loginsTab.defaultFilters, users: [3, 5], types: ["USER_LOGIN"] }, range, "Europe/Berlin");
    expect(slug).toBe("last-30-days_2-users_user-login");
    expect(exportFileName("logins", slug, NOW, "Europe/Berlin", "xlsx")).toBe("audit-logins_last-30-days_2-users_user-login_2026-11-23_0915_CET.xlsx");
    expect(exportFileName("logins", "today", NOW, "Asia/Tokyo", "csv")).toMatch(/^audit-logins_today_2026-11-23_1715_(JST|GMTplus9)\.csv$/);
  });

  it("name one source, dots and underscores as dashes, and count several", () => {
    const range = resolveRange({ preset: "Today" }, "UTC", NOW);
    const slug = (sources: string[]) => filterSlug(loginsTab, { ...loginsTab.defaultFilters, range: "Today", sources }, range, "UTC");
    expect(slug(["alm.eu_2"])).toBe("today_source-alm-eu-2");
    expect(slug(["console"])).toBe("today_source-console");
    expect(slug(["console", "demo"])).toBe("today_2-sources");
    expect(exportFileName("logins", slug(["alm.eu_2"]), NOW, "UTC", "csv")).toBe("audit-logins_today_source-alm-eu-2_2026-11-23_0815_UTC.csv");
  });
});
