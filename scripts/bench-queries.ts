// npm run bench:queries -- [--runs N]: server time of the search tabs' queries on the seeded
// database (embedded PGlite, or DATABASE_URL), first page and deep pages, p50 and p95 in ms.
import { runAs } from "../lib/auth/principal-context";
import { openDatabase } from "../lib/db/database";
import { setDb } from "../lib/db";
import { searchTabEvents } from "../lib/audit/search/tab-search";
import { loginsTab } from "../lib/audit/tabs/logins/logins-tab";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;

const database = openDatabase();
setDb(database);

async function measure(name: string, work: () => Promise<unknown>): Promise<void> {
  await work(); // warm-up: plans and caches
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(1);
  console.log(`${name.padEnd(58)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`);
}

try {
  const admin = await database.prisma.user.findFirstOrThrow({ where: { consoleRole: "ADMIN", enabled: true } });
  const principal = { userId: admin.id, username: admin.username, displayName: admin.displayName, role: "ADMIN" as const, sessionId: null };
  const busiest = await database.prisma.auditEvent.groupBy({
    by: ["actorId"],
    where: { category: "LOGIN" },
    _count: { _all: true },
    orderBy: { _count: { actorId: "desc" } },
    take: 2,
  });
  const users = busiest.map((row) => row.actorId as number);
  const total = await database.prisma.auditEvent.count();
  console.log(`${database.kind} at ${database.location}: ${total.toLocaleString("en-US")} events; ${runs} runs each\n`);
  await runAs(principal, async () => {
    const search = (filters: Partial<typeof loginsTab.defaultSearch>) => () =>
      searchTabEvents(loginsTab, { ...loginsTab.defaultSearch, ...filters }, { timeZone: "UTC" });
    await measure("Logins, default filters (Last 30 Days), page 1", search({}));
    await measure("Logins, Last 365 Days, page 1", search({ range: "Last_365_Days" }));
    await measure("Logins, Last 365 Days, page 400 (25 rows)", search({ range: "Last_365_Days", page: 400 }));
    await measure("Logins, two users + User Login + Last 30 Days, page 1", search({ users, types: ["USER_LOGIN"], range: "Last_30_Days" }));
    await measure("Logins, two users, Last 365 Days, sorted by user, page 1", search({ users, range: "Last_365_Days", sort: "user.asc" }));
    await measure("Logins, User System Logout, Last 90 Days, 100 rows", search({ types: ["USER_SYSTEM_LOGOUT"], range: "Last_90_Days", size: 100 }));
  });
} finally {
  await database.close();
}
