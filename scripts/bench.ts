// npm run bench -- [--events 1m|10m] [--runs N] [--json FILE] [--no-pages] [--no-exports] [--purge]
// The performance targets of DESIGN.md, measured on PostgreSQL (DATABASE_URL): every search tab
// under every mix of its filters (none, one, several; common and rare values; 1 day to 1 year), the
// page as the server makes it (rows and count beside each other) and the count alone; page 1,000 by
// offset and by keyset; the last page; the activity charts' grouped query (--no-pages: the charts
// without the pages); exports against their raw floors (bench-export.ts) and over
// HTTP from the build (bench-export-http.ts, which builds first when the build is stale); with
// --purge, the remover (deletes for real). Seeds an empty database with --events first, and reuses
// a seeded one. Prints a markdown table with the worst cases' EXPLAIN, and writes JSON.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { activityStatement, searchTabActivity } from "@/lib/audit/activity/activity-query";
import { countEvents, selectEventIds, selectEvents } from "@/lib/audit/search/event-sql";
import { instantRange } from "@/lib/audit/search/filter-query";
import type { AuditWhere } from "@/lib/audit/search/filter-query";
import { afterRow, sortKeys } from "@/lib/audit/search/keyset";
import { countWhere } from "@/lib/audit/search/list-query";
import { COUNT_CAP, formatCount } from "@/lib/audit/search/list-result";
import { searchTabEvents } from "@/lib/audit/search/tab-search";
import type { AnySearchTab, TabSearch } from "@/lib/audit/tabs/search-tab";
import { getSearchTab } from "@/lib/audit/tabs/search-tabs";
import { runAs } from "@/lib/auth/principal-context";
import { setDb } from "@/lib/db";
import { isQueryCanceled, openDatabase, type Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";
import { parseCount } from "@/lib/seed/cli";
import { isDatabaseEmpty, seedDemoData } from "@/lib/seed/seed";
import { ensureBuild } from "./lib/build-stamp";
import { percentile } from "./lib/percentile";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "1m" },
    runs: { type: "string", default: "12" },
    json: { type: "string" },
    "no-pages": { type: "boolean", default: false },
    "no-exports": { type: "boolean", default: false },
    purge: { type: "boolean", default: false },
  },
});
const RUNS = Number(args.runs);
const RANGES = ["Today", "Last_7_Days", "Last_30_Days", "Last_365_Days"] as const;
const TABS = ["logins", "artifacts", "permissions"] as const;
/** The charts sit above every search tab, the console's own events too. */
const CHART_TABS = [...TABS, "console"] as const;
const CHART_RANGES = ["Last_7_Days", "Last_30_Days", "Last_365_Days"] as const;
/** The admin's zone for the charts: days that are not UTC's; Kolkata's start on a half hour. */
const CHART_ZONES = ["Europe/Berlin", "Asia/Kolkata"] as const;
const TIME_ZONE = "UTC";

interface Timing {
  p50: number;
  p95: number;
}

interface CaseResult {
  tab: string;
  mix: string;
  range: string;
  rows: number;
  total: string;
  page: Timing;
  count: Timing;
}

/** p50 and p95 of `runs` timed runs after one warm-up. */
async function timed(work: () => Promise<unknown>, runs = RUNS): Promise<Timing> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

interface Values {
  common: Array<number | string>;
  rare: Array<number | string>;
}

/** The most and the least frequent values of `column` among a sample of the tab's events. */
async function valuesOf(db: Database, tab: AnySearchTab, column: string): Promise<Values> {
  const rows = await db.query<{ value: number | string; n: number }>(
    `SELECT "${column}" AS "value", count(*)::int AS "n" FROM "AuditEvent" TABLESAMPLE SYSTEM (2)
     WHERE "category"::text = ANY($1) AND "${column}" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
    [[...tab.categories]],
  );
  return { common: rows.slice(0, 5).map((row) => row.value), rare: rows.slice(-5).map((row) => row.value) };
}

async function typesOf(db: Database, tab: AnySearchTab): Promise<{ common: string; rare: string }> {
  const rows = await db.query<{ type: string }>(
    `SELECT "eventType"::text AS "type" FROM "AuditEvent" TABLESAMPLE SYSTEM (2) WHERE "category"::text = ANY($1) GROUP BY 1 ORDER BY count(*) DESC`,
    [[...tab.categories]],
  );
  const types = rows.map((row) => row.type);
  return { common: types[0], rare: types.at(-1) ?? types[0] };
}

/** The filter mixes of a tab: none; each field with a common value, a rare one, five; event types; pairs that meet rarely or never. */
async function mixesOf(db: Database, tab: AnySearchTab): Promise<Array<{ name: string; filters: Record<string, unknown> }>> {
  const mixes: Array<{ name: string; filters: Record<string, unknown> }> = [{ name: "no filter", filters: {} }];
  const values: Record<string, Values> = {};
  for (const field of tab.fields) {
    values[field.key] = await valuesOf(db, tab, field.column);
    const { common, rare } = values[field.key];
    mixes.push({ name: `${field.key}: 1 common`, filters: { [field.key]: common.slice(0, 1) } });
    mixes.push({ name: `${field.key}: 1 rare`, filters: { [field.key]: rare.slice(-1) } });
    mixes.push({ name: `${field.key}: 5 mixed`, filters: { [field.key]: [...common.slice(0, 3), ...rare.slice(-2)] } });
  }
  const types = await typesOf(db, tab);
  // A tab the seed writes no events of (the console's own) has no common type to filter by.
  if (types.common) {
    mixes.push({ name: "types: 1 common", filters: { types: [types.common] } });
    mixes.push({ name: "types: 1 rare", filters: { types: [types.rare] } });
    mixes.push({ name: "types: all but 1", filters: { types: tab.eventTypes.filter((type) => type !== types.common) } });
  }
  if (values.users && types.common)
    mixes.push({ name: "users: 1 common + types: 1 rare", filters: { users: values.users.common.slice(0, 1), types: [types.rare] } });
  if (values.projects && values.trackers) {
    const [pair] = await db.query<{ project: number; tracker: number }>(
      `SELECT "projectId" AS "project", "id" AS "tracker" FROM "Tracker" WHERE "projectId" = $1 ORDER BY "id" LIMIT 1`,
      [values.projects.common[0]],
    );
    const [foreign] = await db.query<{ tracker: number }>(`SELECT "id" AS "tracker" FROM "Tracker" WHERE "projectId" <> $1 ORDER BY "id" LIMIT 1`, [
      values.projects.common[0],
    ]);
    if (pair) mixes.push({ name: "project + its tracker", filters: { projects: [pair.project], trackers: [pair.tracker] } });
    if (foreign) mixes.push({ name: "project + another's tracker (0 rows)", filters: { projects: [values.projects.common[0]], trackers: [foreign.tracker] } });
    if (values.users)
      mixes.push({ name: "users: 1 rare + projects: 1 common", filters: { users: values.users.rare.slice(-1), projects: values.projects.common.slice(0, 1) } });
  }
  return mixes;
}

async function explain(db: Database, sql: string, params: unknown[]): Promise<string> {
  const rows = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

async function ensureSeeded(db: Database, events: number): Promise<number> {
  await db.withSession((session) => migrate(session));
  if (await isDatabaseEmpty(db)) {
    console.log(`Seeding ${formatCount(events)} events (npm run db:seed) ...`);
    await seedDemoData(db, { events, log: (line) => console.log(`  ${line}`) });
  }
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS "total" FROM "AuditEvent"`);
  const [{ analyzed }] = await db.query<{ analyzed: boolean }>(
    `SELECT (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) AS "analyzed" FROM pg_stat_user_tables WHERE relname = 'AuditEvent'`,
  );
  if (!analyzed) await db.query(`ANALYZE "AuditEvent"`);
  // Small and fresh after a seed: without statistics their plans guess two rows and sort text.
  await db.query(`ANALYZE "AuditEventCountLog", "AuditEventDayCount"`);
  if (Math.abs(total - events) > events * 0.1) {
    console.log(`Note: the database holds ${formatCount(total)} events, not ${formatCount(events)}; measuring what is there.`);
  }
  return total;
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("npm run bench measures PostgreSQL: set DATABASE_URL (a database of its own; it seeds an empty one).");
  const database = openDatabase();
  setDb(database);
  const report: Record<string, unknown> = { at: new Date().toISOString(), runs: RUNS };
  const lines: string[] = [];
  const say = (line = "") => {
    lines.push(line);
    console.log(line);
  };
  try {
    const total = await ensureSeeded(database, parseCount(args.events));
    const [{ version }] = await database.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    report.events = total;
    say(`# npm run bench: ${formatCount(total)} events, PostgreSQL ${version}, ${RUNS} runs a case after a warm-up\n`);
    const admin = await database.prisma.user.findFirstOrThrow({ where: { consoleRole: "ADMIN", enabled: true } });
    const principal = { userId: admin.id, username: admin.username, displayName: admin.displayName, role: "ADMIN" as const, sessionId: null };
    await runAs(principal, async () => {
      const now = new Date();
      if (!args["no-pages"]) await benchPages(database, now, report, say);
      await benchCharts(database, now, report, say);
    });
    if (!args["no-exports"]) {
      say("## Exports of the newest 1,000,000 events against their raw floors (npm run bench:export)\n");
      say("```");
      say(
        execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/bench-export.ts", "--rows", String(Math.min(total, 1_000_000))], {
          encoding: "utf8",
        }).trim(),
      );
      say("```");
      say("\n## Exports downloaded over HTTP from the build, a year of Logins (npm run bench:export:http)\n");
      ensureBuild();
      say("```");
      say(execFileSync("npx", ["tsx", "scripts/bench-export-http.ts", "--formats", "csv,jsonl"], { encoding: "utf8" }).trim());
      say("```");
    }
    if (args.purge) {
      say("\n## Purge (npm run bench:purge; deletes for real)\n");
      say("```");
      say(execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/bench-purge.ts"], { encoding: "utf8" }).trim());
      say("```");
    }
  } finally {
    await database.close();
  }
  const file = args.json ?? path.join(".data", "bench", `bench-${new Date().toISOString().slice(0, 19).replaceAll(":", "")}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...report, markdown: lines.join("\n") }, null, 2));
  console.log(`\nWrote ${file}.`);
}

type Say = (line?: string) => void;

/** Every tab under every filter mix (the page, and the count alone), then deep pages and the worst pages' plans. */
async function benchPages(database: Database, now: Date, report: Record<string, unknown>, say: Say): Promise<void> {
  const cases: CaseResult[] = [];
  const wheres = new Map<CaseResult, { where: AuditWhere; tab: AnySearchTab }>();
  say("## Every tab under every filter mix: the page (rows and count together), and the count alone\n");
  say("| tab | filters | range | rows | total | page p50 | page p95 | count p50 | count p95 |");
  say("|---|---|---|---:|---:|---:|---:|---:|---:|");
  for (const id of TABS) {
    const tab = getSearchTab(id);
    for (const mix of await mixesOf(database, tab)) {
      for (const range of RANGES) {
        const search = { ...tab.defaultSearch, ...mix.filters, range } as TabSearch;
        const where = tab.where(search, TIME_ZONE, now);
        const result = await searchTabEvents(tab, search, { timeZone: TIME_ZONE, now });
        const page = await timed(() => searchTabEvents(tab, search, { timeZone: TIME_ZONE, now }));
        const count = await timed(() => countWhere(database, where, COUNT_CAP + 1));
        const entry: CaseResult = {
          tab: id,
          mix: mix.name,
          range,
          rows: result.rows.length,
          total: `${formatCount(result.total)}${result.totalIsCapped ? "+" : ""}`,
          page,
          count,
        };
        cases.push(entry);
        wheres.set(entry, { where, tab });
        say(`| ${id} | ${mix.name} | ${range} | ${entry.rows} | ${entry.total} | ${ms(page.p50)} | ${ms(page.p95)} | ${ms(count.p50)} | ${ms(count.p95)} |`);
      }
    }
  }
  report.cases = cases;
  const worst = [...cases].sort((a, b) => b.page.p95 - a.page.p95);
  say(
    `\nWorst page p95: ${ms(worst[0].page.p95)} ms (${worst[0].tab}, ${worst[0].mix}, ${worst[0].range}); worst count p95: ${ms(Math.max(...cases.map((c) => c.count.p95)))} ms.`,
  );
  say(`Cases over 50 ms p95: ${cases.filter((c) => c.page.p95 > 50).length} of ${cases.length}.\n`);

  say("## Deep pages (Last 365 Days, no filter, 25 rows): the page's ids query alone\n");
  say(
    "| tab | page 1 p50 / p95 | page 1,000 by offset p50 / p95 | page 1,000 by keyset p50 / p95 | keyset / page 1 (p95) | last page (from the end, with count) p95 |",
  );
  say("|---|---:|---:|---:|---:|---:|");
  const deep: Record<string, unknown>[] = [];
  for (const id of TABS) {
    const tab = getSearchTab(id);
    const search = { ...tab.defaultSearch, range: "Last_365_Days" } as TabSearch;
    const where = tab.where(search, TIME_ZONE, now);
    const orderBy = tab.orderBy(search.sort);
    // The page's ids, as the pages read them first (list-query.ts).
    const rowsOf = (condition: AuditWhere, skip = 0) => {
      const { sql, params } = selectEventIds({ where: condition, orderBy, skip, take: 26 });
      return () => database.query(sql, params);
    };
    const [anchor] = await database.query<{ id: string; createdAt: Date }>(
      `${selectEvents({ where, orderBy, take: 1 }).sql} OFFSET ${999 * 25 - 1}`,
      selectEvents({ where, orderBy, take: 1 }).params,
    );
    // Sub-millisecond queries: five times the runs, for a p95 that is not one hiccup.
    const first = await timed(rowsOf(where), RUNS * 5);
    const offset = await timed(rowsOf(where, 999 * 25), RUNS * 5);
    const keyset = anchor
      ? await timed(rowsOf({ AND: [where, afterRow(sortKeys(orderBy), { createdAt: anchor.createdAt, id: BigInt(anchor.id) })] }), RUNS * 5)
      : null;
    const last = await timed(() => searchTabEvents(tab, { ...search, page: 2, before: "end" }, { timeZone: TIME_ZONE, now }));
    deep.push({ tab: id, first, offset, keyset, last });
    say(
      `| ${id} | ${ms(first.p50)} / ${ms(first.p95)} | ${ms(offset.p50)} / ${ms(offset.p95)} | ${keyset ? `${ms(keyset.p50)} / ${ms(keyset.p95)}` : "—"} | ${keyset ? (keyset.p95 / first.p95).toFixed(2) : "—"} | ${ms(last.p95)} |`,
    );
  }
  report.deepPages = deep;

  say("\n## EXPLAIN (ANALYZE, BUFFERS) of the three worst pages\n");
  for (const entry of worst.slice(0, 3)) {
    const { where, tab } = wheres.get(entry)!;
    const rows = selectEventIds({ where, orderBy: tab.orderBy("createdAt.desc"), skip: 0, take: 26 });
    const count = countEvents({ where, cap: COUNT_CAP + 1 });
    say(`### ${entry.tab}, ${entry.mix}, ${entry.range}: page p95 ${ms(entry.page.p95)} ms\n`);
    say("```");
    say(await explain(database, rows.sql, rows.params));
    say("");
    say(await explain(database, count.sql, count.params));
    say("```\n");
  }
}

interface ChartCase {
  tab: string;
  mix: string;
  range: string;
  timeZone: string;
  from: string;
  total: number;
  timing: Timing;
}

/** The activity chart of every tab under its filter mixes, ranges and zones, as the page asks for it. */
async function benchCharts(database: Database, now: Date, report: Record<string, unknown>, say: Say): Promise<void> {
  say("## The activity charts: one grouped query per tab, as the page runs it\n");
  say(
    "The quarter-hour counts (one row a UTC day, type and source) answer category, type, source and range in any zone; any other filter groups the events.\n",
  );
  say("| tab | filters | range | zone | counted from | events | p50 | p95 |");
  say("|---|---|---|---|---|---:|---:|---:|");
  const cases: ChartCase[] = [];
  const cancelled: string[] = [];
  const wheres = new Map<ChartCase, { where: AuditWhere; search: TabSearch }>();
  for (const id of CHART_TABS) {
    const tab = getSearchTab(id);
    for (const mix of await mixesOf(database, tab)) {
      for (const range of CHART_RANGES) {
        for (const timeZone of CHART_ZONES) {
          // The zone decides where the plain filters are read from; the others group the events in any zone.
          if (timeZone !== CHART_ZONES[0] && mix.name !== "no filter") continue;
          const search = { ...tab.defaultSearch, ...mix.filters, range } as TabSearch;
          let activity: Awaited<ReturnType<typeof searchTabActivity>>;
          let timing: Timing;
          try {
            activity = await searchTabActivity(tab, search, { timeZone, now });
            timing = await timed(() => searchTabActivity(tab, search, { timeZone, now }));
          } catch (error) {
            // What the page shows then: the chart's error state ("took too long"), the list unaffected.
            if (!isQueryCanceled(error)) throw error;
            say(`| ${id} | ${mix.name} | ${range} | ${timeZone} | events | — | cancelled by the statement timeout | — |`);
            cancelled.push(`${id}, ${mix.name}, ${range}, ${timeZone}`);
            continue;
          }
          const entry: ChartCase = { tab: id, mix: mix.name, range, timeZone, from: activity.from, total: activity.total, timing };
          cases.push(entry);
          wheres.set(entry, { where: tab.where(search, timeZone, now), search });
          say(`| ${id} | ${mix.name} | ${range} | ${timeZone} | ${activity.from} | ${formatCount(activity.total)} | ${ms(timing.p50)} | ${ms(timing.p95)} |`);
        }
      }
    }
  }
  report.charts = cases;
  report.chartsCancelled = cancelled;
  const worst = [...cases].sort((a, b) => b.timing.p95 - a.timing.p95);
  const year = cases.filter((entry) => entry.range === "Last_365_Days");
  say(`\nWorst chart p95: ${ms(worst[0].timing.p95)} ms (${worst[0].tab}, ${worst[0].mix}, ${worst[0].range}, ${worst[0].timeZone}).`);
  say(
    `A year's range: worst p95 ${ms(Math.max(...year.map((entry) => entry.timing.p95)))} ms. Charts over 50 ms p95: ${cases.filter((entry) => entry.timing.p95 > 50).length} of ${cases.length}; cancelled by the statement timeout: ${cancelled.length}.\n`,
  );
  say("### EXPLAIN (ANALYZE, BUFFERS) of the three slowest charts\n");
  for (const entry of worst.slice(0, 3)) {
    const { where, search } = wheres.get(entry)!;
    const query = activityStatement({ where, range: instantRange(search, entry.timeZone, now), timeZone: entry.timeZone, eventTypes: [] });
    say(`#### ${entry.tab}, ${entry.mix}, ${entry.range}, ${entry.timeZone}: p95 ${ms(entry.timing.p95)} ms\n`);
    say("```");
    say(await explain(database, query.sql, query.params));
    say("```\n");
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
