// The pages read through Prisma, the exports through the SQL of event-sql.ts: two interpreters of
// one `where` and `orderBy`. Random searches of every tab, built from every field the tab declares
// (ids that exist and ids that do not; sources with "console" for the console's own events, alone or
// with names, known or not; event types, presets and custom ranges in several zones, every sort),
// must select the same events in the same order through both. A field whose `where` the SQL side
// cannot say fails here, not in an export.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATE_PRESETS } from "@/lib/audit/search/date-range";
import type { AuditOrderBy, AuditWhere } from "@/lib/audit/search/filter-query";
import { getSearchTab, SEARCH_TAB_IDS } from "@/lib/audit/tabs/search-tabs";
import type { AnySearchTab, TabSearch } from "@/lib/audit/tabs/search-tab";
import type { OptionKind, SearchField } from "@/lib/audit/tabs/search-field";
import { CONSOLE_SOURCE, DEMO_SOURCE } from "@/lib/audit/events/sources";
import type { Database } from "@/lib/db";
import { seedDemoData } from "@/lib/seed/seed";
import { testDatabases } from "@/lib/test/databases";
import { selectEventIds, selectEvents } from "./event-sql";
import { afterRow, sortKeys } from "./keyset";
import { countWhere } from "./list-query";

const NOW = new Date("2026-03-16T09:30:00Z");
const DAY = 86_400_000;
const RUNS_PER_TAB = Number(process.env.INTERPRETER_RUNS ?? 150);
/** The rows compared per search: enough to see the order, past the first page of every page size. */
const TAKE = 150;
const ZONES = ["UTC", "Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles"];

/** A day `daysAgo` before NOW, as a custom range writes it. */
function dayBefore(daysAgo: number): string {
  return new Date(NOW.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
}

type Value = number | string;

/** An event of a tab, as searches are built around it: its value of each field (null: none). */
interface Anchor {
  values: Record<string, Value | null>;
  eventType: string;
  createdAt: Date;
}

/** A second sending system beside the seed's, and names no event has. */
const OTHER_SOURCE = "codebeamer-prod";
const NO_SUCH = { ids: fc.integer({ min: 900_000, max: 900_010 }), sources: fc.constantFrom("ghost", "ghost.two_3") };

/**
 * A search of `tab` built around one of its events (so that most searches find something): each
 * field its value or not, with other values (some that no row has); some types, the anchor's among them
 * or not; a preset or a custom range around the anchor's day; any sort; any of several zones.
 */
function searchOf(tab: AnySearchTab, anchors: Anchor[], pools: Record<OptionKind, Value[]>): fc.Arbitrary<{ search: TabSearch; timeZone: string }> {
  const others = (field: SearchField) =>
    fc.uniqueArray(fc.oneof({ weight: 3, arbitrary: fc.constantFrom<Value>(...pools[field.options]) }, NO_SUCH[field.kind] as fc.Arbitrary<Value>), {
      maxLength: 3,
    });
  return fc
    .constantFrom(...anchors)
    .chain((anchor) => {
      const fields = Object.fromEntries(
        tab.fields.map((field) => {
          // The console's own events have no source: the filter names them "console".
          const own = field.kind === "sources" ? (anchor.values[field.key] ?? CONSOLE_SOURCE) : anchor.values[field.key];
          const theirs =
            own === null
              ? fc.constant<Value[]>([])
              : fc.oneof(
                  fc.constant([own]),
                  others(field).map((values) => [own, ...values.filter((value) => value !== own)]),
                );
          return [
            field.key,
            fc.oneof({ weight: 2, arbitrary: fc.constant<Value[]>([]) }, { weight: 2, arbitrary: theirs }, { weight: 1, arbitrary: others(field) }),
          ];
        }),
      );
      const daysAgo = Math.floor((NOW.getTime() - anchor.createdAt.getTime()) / DAY);
      const range = fc.oneof(
        fc.constantFrom(...DATE_PRESETS).map((preset) => ({ range: preset, from: null, to: null })),
        fc
          .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }))
          .map(([before, after]) => ({ range: "custom" as const, from: dayBefore(daysAgo + before + 1), to: dayBefore(Math.max(0, daysAgo - after - 1)) })),
      );
      const types = fc.oneof(
        fc.constant([]),
        fc.subarray([...tab.eventTypes], { minLength: 1, maxLength: 3 }).map((chosen) => [...new Set([anchor.eventType, ...chosen])]),
        fc.subarray([...tab.eventTypes], { maxLength: 2 }),
      );
      return fc.record({ fields: fc.record(fields), types, range, sort: fc.constantFrom(...tab.sorts), timeZone: fc.constantFrom(...ZONES) });
    })
    .map(({ fields: chosen, types, range: dates, sort, timeZone }) => ({
      search: { ...tab.defaultSearch, ...chosen, types, ...dates, sort } as TabSearch,
      timeZone,
    }));
}

// 150 searches of several queries each take PGlite past the default minute on a busy machine.
describe.each(testDatabases())("Prisma and the export's SQL on $name", { timeout: 180_000 }, ({ open }) => {
  let db: Database;
  const pools: Record<OptionKind, Value[]> = { users: [], projects: [], trackers: [], sources: [CONSOLE_SOURCE, DEMO_SOURCE, OTHER_SOURCE] };

  beforeAll(async () => {
    db = await open();
    await seedDemoData(db, { events: 3_000, seed: 11, now: NOW });
    const ids = async (table: string) =>
      (await db.withSession((session) => session.query<{ id: number }>(`SELECT id FROM "${table}" ORDER BY id LIMIT 40`))).map((row) => row.id);
    [pools.users, pools.projects, pools.trackers] = await Promise.all([ids("User"), ids("Project"), ids("Tracker")]);
    // The seed writes none of the console's own events: some, by seeded users, a few without message.
    await db.withSession((session) =>
      session.query(
        `INSERT INTO "AuditEvent" ("category", "eventType", "actorId", "actorName", "message", "createdAt")
         SELECT 'SYSTEM', (ARRAY['AUDIT_EXPORT', 'AUDIT_CONFIG_CHANGE', 'AUDIT_PURGE'])[1 + g % 3]::"AuditEventType", u.id, u.username,
                CASE WHEN g % 5 = 0 THEN NULL ELSE 'Console event ' || (g % 7) END, $1::timestamptz - g * interval '37 hours'
         FROM generate_series(1, 240) AS g JOIN "User" AS u ON u.id = (SELECT id FROM "User" ORDER BY id OFFSET (g % 6) LIMIT 1)`,
        [NOW],
      ),
    );
    // The seed's events all come from one source: some of every tab's from another, some the console's
    // own. Events are append-only: the fixture rewrites them as a superuser past the triggers.
    await db.withTransaction(async (session) => {
      await session.query(`SET LOCAL session_replication_role = replica`);
      await session.query(`UPDATE "AuditEvent" SET "source" = CASE WHEN id % 3 = 0 THEN NULL ELSE $1 END WHERE id % 4 = 1`, [OTHER_SOURCE]);
    });
  });
  afterAll(() => db?.close());

  /** Up to 200 events of the tab's categories, spread over its history: what searches are built around. */
  async function anchorsOf(tab: AnySearchTab): Promise<Anchor[]> {
    const columns = tab.fields.map((field) => `"${field.column}" AS "${field.key}"`).join(", ");
    const rows = await db.withSession((session) =>
      session.query<Record<string, Value | null> & { eventType: string; createdAt: Date }>(
        `SELECT ${columns}, "eventType", "createdAt" FROM "AuditEvent" WHERE "category"::text = ANY(string_to_array($1, ',')) ORDER BY md5(id::text) LIMIT 200`,
        [tab.categories.join(",")],
      ),
    );
    return rows.map(({ eventType, createdAt, ...values }) => ({ values, eventType, createdAt: new Date(createdAt) }));
  }

  async function throughPrisma(where: AuditWhere, orderBy: AuditOrderBy[], skip = 0): Promise<string[]> {
    const rows = await db.prisma.auditEvent.findMany({ where, orderBy, skip, take: TAKE, select: { id: true } });
    return rows.map((row) => row.id.toString());
  }

  /** The pages' ids query, from `skip`: the same rows as Prisma's, whether it splits by category or not. */
  async function idsThroughSql(where: AuditWhere, orderBy: AuditOrderBy[], skip: number): Promise<string[]> {
    const { sql, params } = selectEventIds({ where, orderBy, skip, take: TAKE });
    const rows = await db.withSession((session) => session.query<{ id: bigint | string }>(sql, params));
    return rows.map((row) => String(row.id));
  }

  async function throughSql(where: AuditWhere, orderBy: AuditOrderBy[]): Promise<string[]> {
    const { sql, params } = selectEvents({ where, orderBy, take: TAKE });
    const rows = await db.withSession((session) => session.query<{ id: bigint | string }>(sql, params));
    return rows.map((row) => String(row.id));
  }

  it.each(SEARCH_TAB_IDS)(`selects and counts the same events, in the same order, for ${RUNS_PER_TAB} random %s searches`, async (id) => {
    const tab = getSearchTab(id);
    const anchors = await anchorsOf(tab);
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(searchOf(tab, anchors, pools), async ({ search, timeZone }) => {
        const where = tab.where(search, timeZone, NOW);
        const orderBy = tab.orderBy(search.sort);
        const [prisma, sql, ids, laterIds, counted, capped] = await Promise.all([
          throughPrisma(where, orderBy),
          throughSql(where, orderBy),
          idsThroughSql(where, orderBy, 0),
          idsThroughSql(where, orderBy, 7),
          db.prisma.auditEvent.count({ where }),
          countWhere(db, where, 50),
        ]);
        expect(sql).toEqual(prisma);
        expect(ids).toEqual(prisma);
        expect(laterIds).toEqual(await throughPrisma(where, orderBy, 7));
        // The pages' count in plain SQL: the same events, stopping at its cap.
        expect(await countWhere(db, where)).toBe(counted);
        expect(capped).toBe(Math.min(counted, 50));
        // The rows after one of them, as Next and an export's keyset batches ask: the SQL says a list
        // by time with a row comparison where Prisma has an OR.
        const [last] = await db.prisma.auditEvent.findMany({ where, orderBy, skip: 3, take: 1 });
        if (last) {
          const after: AuditWhere = { AND: [where, afterRow(sortKeys(orderBy), last)] };
          const expected = await throughPrisma(after, orderBy);
          expect(await idsThroughSql(after, orderBy, 0)).toEqual(expected);
          expect(await throughSql(after, orderBy)).toEqual(expected);
          expect(expected).toEqual((await throughPrisma(where, orderBy, 4)).slice(0, expected.length));
        }
        if (prisma.length > 0) nonEmpty += 1;
      }),
      { numRuns: RUNS_PER_TAB, seed: Number(process.env.INTERPRETER_SEED ?? 20261127) },
    );
    // Searches that find nothing prove little: a good share must find events.
    expect(nonEmpty).toBeGreaterThan(RUNS_PER_TAB / 3);
  });

  it.each(SEARCH_TAB_IDS)("%s: Sources finds the console's own events for console, and one system's for its name", async (id) => {
    const tab = getSearchTab(id);
    const search = { ...tab.defaultSearch, range: "Last_365_Days" } as TabSearch;
    const sourcesOf = async (sources: string[]) => {
      const where = tab.where({ ...search, sources } as TabSearch, "UTC", NOW);
      const [ids, counted] = await Promise.all([throughSql(where, tab.orderBy(search.sort)), countWhere(db, where)]);
      expect(ids).toEqual(await throughPrisma(where, tab.orderBy(search.sort)));
      const rows = await db.prisma.auditEvent.findMany({ where: { id: { in: ids.map(BigInt) } }, select: { source: true } });
      return { found: new Set(rows.map((row) => row.source)), counted };
    };
    const all = await db.prisma.auditEvent.groupBy({ by: ["source"], where: tab.where(search, "UTC", NOW), _count: true });
    const countOf = (source: string | null) => all.find((group) => group.source === source)?._count ?? 0;

    const console = await sourcesOf([CONSOLE_SOURCE]);
    expect(console.counted).toBe(countOf(null));
    if (console.counted > 0) expect(console.found).toEqual(new Set([null]));
    const demo = await sourcesOf([DEMO_SOURCE]);
    expect(demo.counted).toBe(countOf(DEMO_SOURCE));
    if (demo.counted > 0) expect(demo.found).toEqual(new Set([DEMO_SOURCE]));
    // Several sources: any of them, the console's own events with the named ones.
    expect((await sourcesOf([CONSOLE_SOURCE, OTHER_SOURCE])).counted).toBe(countOf(null) + countOf(OTHER_SOURCE));
    expect((await sourcesOf(["ghost"])).counted).toBe(0);
    // Every tab has events of each kind here, or the checks above proved nothing.
    expect(countOf(null) * countOf(OTHER_SOURCE)).toBeGreaterThan(0);
  });
});
