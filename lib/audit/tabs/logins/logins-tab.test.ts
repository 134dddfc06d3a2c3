import { describe, expect, it } from "vitest";
import { FilterValidationError, fieldErrors, parseFilters } from "../../search/filter-schema";
import { loginsTab } from "./logins-tab";

const {
  defaultFilters: DEFAULT_LOGIN_FILTERS,
  defaultSearch: DEFAULT_LOGIN_SEARCH,
  labels: LOGIN_FIELD_LABELS,
  filtersSchema: loginFiltersSchema,
  searchSchema: loginSearchSchema,
} = loginsTab;
const loginsWhere = loginsTab.where;
const loginsOrderBy = loginsTab.orderBy;
type LoginFilters = typeof DEFAULT_LOGIN_FILTERS;

// Monday 2026-03-16 10:00 in Berlin (CET, UTC+1).
const NOW = new Date("2026-03-16T09:00:00Z");
const BERLIN = "Europe/Berlin";

const filters = (overrides: Partial<LoginFilters>): LoginFilters => ({ ...DEFAULT_LOGIN_FILTERS, ...overrides });

function refusal(input: unknown): FilterValidationError {
  try {
    parseFilters(loginSearchSchema, input, LOGIN_FIELD_LABELS);
  } catch (error) {
    if (error instanceof FilterValidationError) return error;
    throw error;
  }
  throw new Error("the input was accepted");
}

describe("the Logins search schema", () => {
  it("accepts the defaults and a custom range of exactly one year", () => {
    expect(loginSearchSchema.parse(DEFAULT_LOGIN_SEARCH)).toEqual(DEFAULT_LOGIN_SEARCH);
    const custom = { ...DEFAULT_LOGIN_SEARCH, range: "custom", from: "2025-03-01", to: "2026-02-28" };
    expect(loginSearchSchema.parse(custom)).toEqual(custom);
  });

  it("refuses a custom range over one year, naming the field", () => {
    const error = refusal({ ...DEFAULT_LOGIN_SEARCH, range: "custom", from: "2024-01-01", to: "2026-01-01" });
    expect(error.field).toBe("range");
    expect(error.status).toBe(400);
    expect(error.message).toBe("Login range: may not exceed one year");
    expect(error.fieldErrors).toEqual({ range: "may not exceed one year" });
  });

  it("refuses a range one day over a year", () => {
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, range: "custom", from: "2025-03-01", to: "2026-03-01" }).message).toBe("Login range: may not exceed one year");
  });

  it("refuses a start after the end, and an incomplete custom range", () => {
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, range: "custom", from: "2026-02-01", to: "2026-01-01" }).message).toBe(
      "Login range: the start must not be after the end",
    );
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, range: "custom", from: "2026-02-01", to: null }).message).toBe("Login range: choose the first and the last day");
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, range: "custom", from: "2026-02-30", to: "2026-03-01" }).field).toBe("range");
  });

  it("names the field of every other refusal", () => {
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, types: ["WORK_ITEM_UPDATE"] }).message).toMatch(/^Event Types: /);
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, users: [0] }).message).toMatch(/^Users: /);
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, size: 30 }).message).toMatch(/^Rows per page: /);
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, page: 0 }).message).toMatch(/^Page: /);
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, sort: "ip.asc" }).message).toMatch(/^Sort: /);
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, range: "Next_Week" }).message).toMatch(/^Login range: /);
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, after: "yesterday" }).message).toMatch(/^After: /);
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, before: "start" }).message).toMatch(/^Before: /);
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, sort: "user.asc", after: "2026-01-01T00:00:00.000Z,5" }).message).toBe("After: works only with a sort by time");
    expect(refusal({ ...DEFAULT_LOGIN_SEARCH, after: "2026-01-01T00:00:00.000Z,5", before: "end" }).message).toBe("Before: give after or before, not both");
  });

  it("puts the form's range error on the range field", () => {
    const parsed = loginFiltersSchema.safeParse(filters({ range: "custom", from: "2020-01-01", to: "2026-01-01" }));
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrors(parsed.error)).toEqual({ range: "may not exceed one year" });
  });
});

describe("the Logins where", () => {
  // Last 30 Days in Berlin on 2026-03-16: 2026-02-15 00:00 CET up to 2026-03-17 00:00 CET.
  const last30 = { gte: new Date("2026-02-14T23:00:00Z"), lt: new Date("2026-03-16T23:00:00Z") };

  it("is the login category within the default range when nothing is chosen", () => {
    expect(loginsWhere(DEFAULT_LOGIN_FILTERS, BERLIN, NOW)).toEqual({
      category: "LOGIN",
      eventType: undefined,
      createdAt: last30,
    });
  });

  it("filters by users", () => {
    expect(loginsWhere(filters({ users: [4, 9] }), BERLIN, NOW).actorId).toEqual({ in: [4, 9] });
  });

  it("filters by event types, and only by the tab's", () => {
    expect(loginsWhere(filters({ types: ["USER_LOGOUT"] }), BERLIN, NOW).eventType).toEqual({ in: ["USER_LOGOUT"] });
    // Only possible when the schema is bypassed: a foreign type matches nothing rather than everything.
    const foreign = filters({ types: ["WORK_ITEM_UPDATE"] as unknown as LoginFilters["types"] });
    expect(loginsWhere(foreign, BERLIN, NOW).eventType).toEqual({ in: [] });
  });

  it("reads presets in the admin's time zone", () => {
    expect(loginsWhere(filters({ range: "Today" }), BERLIN, NOW).createdAt).toEqual({
      gte: new Date("2026-03-15T23:00:00Z"),
      lt: new Date("2026-03-16T23:00:00Z"),
    });
    expect(loginsWhere(filters({ range: "Today" }), "UTC", NOW).createdAt).toEqual({
      gte: new Date("2026-03-16T00:00:00Z"),
      lt: new Date("2026-03-17T00:00:00Z"),
    });
  });

  it("includes both days of a custom range", () => {
    expect(loginsWhere(filters({ range: "custom", from: "2026-01-01", to: "2026-01-31" }), BERLIN, NOW).createdAt).toEqual({
      gte: new Date("2025-12-31T23:00:00Z"),
      lt: new Date("2026-01-31T23:00:00Z"),
    });
  });

  it("combines every filter", () => {
    expect(loginsWhere(filters({ users: [1], types: ["USER_LOGIN", "USER_SYSTEM_LOGOUT"], range: "Yesterday" }), "UTC", NOW)).toEqual({
      category: "LOGIN",
      actorId: { in: [1] },
      eventType: { in: ["USER_LOGIN", "USER_SYSTEM_LOGOUT"] },
      createdAt: { gte: new Date("2026-03-15T00:00:00Z"), lt: new Date("2026-03-16T00:00:00Z") },
    });
  });

  it("refuses an unchecked custom range rather than using another one", () => {
    expect(() => loginsWhere(filters({ range: "custom", from: "2020-01-01", to: "2026-01-01" }), BERLIN, NOW)).toThrow("may not exceed one year");
  });
});

describe("the Logins order", () => {
  it("orders by time with the id as tie-breaker in the same direction", () => {
    expect(loginsOrderBy("createdAt.desc")).toEqual([{ createdAt: "desc" }, { id: "desc" }]);
    expect(loginsOrderBy("createdAt.asc")).toEqual([{ createdAt: "asc" }, { id: "asc" }]);
  });

  it("orders by user or event type, then newest first, then id", () => {
    expect(loginsOrderBy("user.asc")).toEqual([{ actorName: "asc" }, { createdAt: "desc" }, { id: "desc" }]);
    expect(loginsOrderBy("eventType.desc")).toEqual([{ eventType: "desc" }, { createdAt: "desc" }, { id: "desc" }]);
  });
});
