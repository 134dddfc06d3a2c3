// The activity charts' grouped query against the lists it sits above: for the same filters, its
// buckets add up to the list's total; answered from the hourly counts or by grouping the events, the
// buckets are the same; days are the admin's days (midnight in the zone, DST days of 23 hours, zones
// with half hours); and the hourly counts follow every insert and delete.
import { describe, expect, it, vi } from "vitest";
import { runAs } from "@/lib/auth/principal-context";
import type { Database } from "@/lib/db";
import { seedDemoData } from "@/lib/seed/seed";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { AUDITOR } from "@/lib/test/tab-fixture-hooks";
import { instantRange } from "../search/filter-query";
import { searchTabEvents } from "../search/tab-search";
import { getSearchTab, SEARCH_TAB_IDS } from "../tabs/search-tabs";
import type { AnySearchTab, TabSearch } from "../tabs/search-tab";
import { activityOf, searchTabActivity } from "./activity-query";
import { deleteEvents } from "@/lib/test/delete-events";
import { withEventMaintenance } from "@/lib/db/event-maintenance";
import { compactEventCounts } from "./count-compaction";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const NOW = new Date("2026-03-16T09:30:00Z");
const ZONES = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata"];

/** The counts as the log's rows and the days' quarters sum, and as the events themselves group by quarter hour: the two must always agree. */
async function countsAndEvents(db: Database) {
  const read = (sql: string) => db.query<{ key: string }>(sql).then((rows) => rows.map((row) => row.key));
  return {
    stored: await read(
      `SELECT concat_ws('|', "category", to_char("at" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), "eventType", coalesce("source", '(console)'), sum("count")) AS "key"
       FROM (
         SELECT "category", "at", "eventType", "source", "count" FROM "AuditEventCountLog"
         UNION ALL
         SELECT d."category", d."day"::timestamp AT TIME ZONE 'UTC' + (slot - 1) * interval '15 minutes', d."eventType", d."source",
           d."cumulative"[slot] - coalesce(d."cumulative"[slot - 1], 0)
         FROM "AuditEventDayCount" d CROSS JOIN generate_series(1, 96) AS slot
       ) AS counted
       GROUP BY "category", "at", "eventType", "source" HAVING sum("count") <> 0 ORDER BY 1`,
    ),
    grouped: await read(
      `SELECT concat_ws('|', "category", to_char(audit_quarter_hour("createdAt") AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), "eventType", coalesce("source", '(console)'), count(*)) AS "key"
       FROM "AuditEvent" GROUP BY "category", audit_quarter_hour("createdAt"), "eventType", "source" ORDER BY 1`,
    ),
  };
}

describe.each(testDatabases())("the activity of a tab's search on $name", ({ open }) => {
  const app = useAppDatabase(async () => {
    const db = await open();
    await seedDemoData(db, { events: 3_000, seed: 7, now: NOW });
    // The seed writes none of the console's own events: some, by seeded users, over the last weeks.
    await db.prisma.auditEvent.createMany({
      data: Array.from({ length: 40 }, (_, index) => ({
        category: "SYSTEM" as const,
        eventType: index % 3 === 0 ? ("AUDIT_CONFIG_CHANGE" as const) : ("AUDIT_EXPORT" as const),
        actorId: [2, 3, 5, 8][index % 4],
        actorName: "seeded",
        createdAt: new Date(NOW.getTime() - index * 7.3 * 3_600_000),
      })),
    });
    return db;
  });

  const searches = (tab: AnySearchTab): Partial<TabSearch>[] => {
    const field = tab.fields.find((one) => one.options === "users");
    return [
      {},
      { range: "Last_365_Days" },
      { range: "custom", from: "2026-03-09", to: "2026-03-10" },
      { types: tab.eventTypes.slice(0, 2) },
      { sources: ["demo"] } as Partial<TabSearch>,
      { sources: ["console", "demo"], types: tab.eventTypes.slice(1, 3) } as Partial<TabSearch>,
      { sources: ["console"] } as Partial<TabSearch>,
      ...(field ? [{ [field.key]: [2, 3, 5] } as Partial<TabSearch>] : []),
    ];
  };

  it("keeps the counts equal to the events grouped by quarter hour, after the seed folded them into days", async () => {
    const { stored, grouped } = await countsAndEvents(app.db);
    expect(stored.length).toBeGreaterThan(100);
    expect(stored).toEqual(grouped);
    expect(Number((await app.db.query<{ n: string }>(`SELECT count(*)::text AS "n" FROM "AuditEventDayCount"`))[0]?.n)).toBeGreaterThan(50);
  });

  for (const id of SEARCH_TAB_IDS) {
    it(`counts on ${id} what its list counts, the same from the counts as from the events, in every zone`, async () => {
      const tab = getSearchTab(id);
      let compared = 0;
      for (const timeZone of ZONES) {
        for (const overrides of searches(tab)) {
          const search = { ...tab.defaultSearch, ...overrides };
          const [list, activity] = await runAs(AUDITOR, () =>
            Promise.all([searchTabEvents(tab, search, { timeZone, now: NOW }), searchTabActivity(tab, search, { timeZone, now: NOW })]),
          );
          expect(list.totalIsCapped).toBe(false);
          expect(activity.total, `${id} ${timeZone} ${JSON.stringify(overrides)}`).toBe(list.total);
          expect(activity.buckets.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(list.total);
          const parsed = tab.searchSchema.parse(search) as TabSearch;
          const grouped = await activityOf(app.db.reads, {
            where: tab.where(parsed, timeZone, NOW),
            range: instantRange(parsed, timeZone, NOW),
            timeZone,
            eventTypes: tab.eventTypes,
            useCounts: false,
          });
          expect(grouped.from).toBe("events");
          expect(grouped.buckets).toEqual(activity.buckets);
          // Only category, type, source and range can be read from the counts (Kolkata's days, which start at :30, too).
          const plain = !Object.keys(overrides).some((key) => key !== "sources" && tab.fields.some((one) => one.key === key));
          expect(activity.from).toBe(plain ? "counts" : "events");
          compared += list.total;
        }
      }
      expect(compared).toBeGreaterThan(0);
    });
  }

  it("charts the days of the range by the day, two days or less by the hour", async () => {
    const tab = getSearchTab("logins");
    const of = (overrides: Partial<TabSearch>, timeZone = "UTC") =>
      runAs(AUDITOR, () => searchTabActivity(tab, { ...tab.defaultSearch, ...overrides }, { timeZone, now: NOW }));
    const month = await of({});
    expect(month.unit).toBe("day");
    expect(month.buckets.map((bucket) => bucket.key)).toHaveLength(30);
    expect(month.buckets.at(-1)?.key).toBe("2026-03-16");
    const year = await of({ range: "Last_365_Days" });
    expect(year.buckets).toHaveLength(365);
    const twoDays = await of({ range: "custom", from: "2026-03-09", to: "2026-03-10" });
    expect(twoDays.unit).toBe("hour");
    expect(twoDays.buckets.map((bucket) => bucket.key).slice(0, 2)).toEqual(["2026-03-09T00", "2026-03-09T01"]);
    expect(twoDays.buckets).toHaveLength(48);
    // The day Berlin moves its clocks forward has 23 hours.
    const spring = await of({ range: "custom", from: "2026-03-29", to: "2026-03-29" }, "Europe/Berlin");
    expect(spring.buckets.map((bucket) => bucket.key)).not.toContain("2026-03-29T02");
    expect(spring.buckets).toHaveLength(23);
  });
});

describe.each(testDatabases())("the activity's days in the admin's zone on $name", ({ open }) => {
  const app = useAppDatabase(open);
  const at = (createdAt: string, eventType: "USER_LOGIN" | "USER_LOGOUT" = "USER_LOGIN") =>
    app.db.prisma.auditEvent.create({ data: { category: "LOGIN", eventType, actorName: "zoe", createdAt: new Date(createdAt) }, select: { id: true } });
  const days = async (timeZone: string) => {
    const tab = getSearchTab("logins");
    const activity = await runAs(AUDITOR, () =>
      searchTabActivity(tab, { ...tab.defaultSearch, range: "custom", from: "2026-03-13", to: "2026-03-16" }, { timeZone, now: NOW }),
    );
    return Object.fromEntries(activity.buckets.filter((bucket) => bucket.total > 0).map((bucket) => [bucket.key, bucket.counts]));
  };

  it("puts each event on its day in the zone, not UTC's: a second before and at midnight", async () => {
    // Berlin's midnight of 15 March is 23:00 UTC on the 14th; Kolkata's is 18:30 UTC; Los Angeles' is 07:00 UTC on the 15th.
    await at("2026-03-14T18:29:59.999Z");
    await at("2026-03-14T18:30:00Z");
    await at("2026-03-14T22:59:59.999Z");
    await at("2026-03-14T23:00:00Z", "USER_LOGOUT");
    await at("2026-03-15T06:59:59.999Z");
    await at("2026-03-15T07:00:00Z");
    // From the log of counts, then from the days they are folded into.
    for (const compacted of [false, true]) {
      if (compacted) expect(await compactEventCounts(app.db, NOW)).toBeGreaterThan(0);
      await expectDays();
    }
  });

  const expectDays = async () => {
    expect(await days("UTC")).toEqual({ "2026-03-14": { USER_LOGIN: 3, USER_LOGOUT: 1 }, "2026-03-15": { USER_LOGIN: 2 } });
    expect(await days("Europe/Berlin")).toEqual({ "2026-03-14": { USER_LOGIN: 3 }, "2026-03-15": { USER_LOGIN: 2, USER_LOGOUT: 1 } });
    expect(await days("Asia/Kolkata")).toEqual({ "2026-03-14": { USER_LOGIN: 1 }, "2026-03-15": { USER_LOGIN: 4, USER_LOGOUT: 1 } });
    expect(await days("America/Los_Angeles")).toEqual({ "2026-03-14": { USER_LOGIN: 4, USER_LOGOUT: 1 }, "2026-03-15": { USER_LOGIN: 1 } });
  };

  it("keeps the counts through deletes, compaction and truncation", async () => {
    await deleteEvents(app.db, `"createdAt" < '2026-03-14T23:00:00Z'`);
    expect(await days("UTC")).toEqual({ "2026-03-14": { USER_LOGOUT: 1 }, "2026-03-15": { USER_LOGIN: 2 } });
    const { stored, grouped } = await countsAndEvents(app.db);
    expect(stored).toEqual(grouped);
    // The deletes' negative counts folded in: the days they emptied are gone, the others agree.
    await compactEventCounts(app.db, NOW);
    expect(await countsAndEvents(app.db)).toEqual({ stored: grouped, grouped });
    expect(await app.db.query(`SELECT 1 FROM "AuditEventDayCount" WHERE 0 = ALL("cumulative")`)).toEqual([]);
    await withEventMaintenance(app.db, (owner) => owner.query(`TRUNCATE "AuditEvent"`));
    expect(await countsAndEvents(app.db)).toEqual({ stored: [], grouped: [] });
  });
});
