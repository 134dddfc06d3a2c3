// npm run bench:export:http -- [--tab logins] [--query range=Last_365_Days] [--formats csv,xlsx] [--runs N]:
// downloads exports from the production build (npm run build) served over DATABASE_URL, as a browser
// would: signed in as the demo admin, through HTTP on loopback. Each download gets a server of its
// own, so that its peak RSS (the kernel's high-water mark of the server process) is the export's.
// Prints events/s (the X-Export-Rows header over the time to the last byte) and the server's peak.
// Seed first: npm run db:seed -- --events 10m (a year of Logins is about 4.3M events at 10M).
import { get } from "node:http";
import { parseArgs } from "node:util";
import { freePort, memoryOf, startNext, waitForHttp } from "./lib/serve";
import { signIn } from "./lib/sign-in";

const { values: args } = parseArgs({
  options: {
    tab: { type: "string", default: "logins" },
    /** the tab's URL query: its filters, as the page's address has them */
    query: { type: "string", default: "range=Last_365_Days" },
    formats: { type: "string", default: "csv,xlsx" },
    runs: { type: "string", default: "1" },
    user: { type: "string", default: "admin" },
    password: { type: "string", default: "demo-admin" },
    /** a server already running (a profiler on it, say): no memory figures then */
    url: { type: "string" },
  },
});
const format = (value: number) => Math.round(value).toLocaleString("en-US");

/** One download from the server at `url`; `pid`: the server's process, for its memory. */
async function download(url: string, exportFormat: string, pid?: number): Promise<void> {
  const cookie = await signIn(url, args.user, args.password);
  const before = pid ? memoryOf(pid) : null;
  const start = performance.now();
  // node:http, not fetch: undici's web streams took a third of a core here, on a machine of two
  // that the server and PostgreSQL share; a browser or curl reads as cheaply as this.
  const { rows, bytes, firstByte } = await new Promise<{ rows: number; bytes: number; firstByte: number }>((resolve, reject) => {
    const request = get(`${url}/api/export/${args.tab}.${exportFormat}?${new URLSearchParams(args.query)}`, { headers: { Cookie: cookie } }, (response) => {
      let bytes = 0;
      let firstByte = 0;
      let error = "";
      response.on("data", (chunk: Buffer) => {
        if (bytes === 0) firstByte = performance.now() - start;
        bytes += chunk.length;
        if (response.statusCode !== 200 && error.length < 1000) error += chunk.toString();
      });
      response.on("end", () => {
        if (response.statusCode !== 200) reject(new Error(`${exportFormat}: HTTP ${response.statusCode} ${error}`));
        else resolve({ rows: Number(response.headers["x-export-rows"]), bytes, firstByte });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
  const seconds = (performance.now() - start) / 1000;
  const after = pid ? memoryOf(pid) : null;
  const megabytes = (value: number | undefined) => (value === undefined ? "" : `${format(value)} MB`);
  console.log(
    `${exportFormat.padEnd(6)} ${format(rows).padStart(10)} ${(bytes / 1_048_576).toFixed(1).padStart(8)} ${seconds.toFixed(1).padStart(8)} ${format(rows / seconds).padStart(9)} ${`${format(firstByte)} ms`.padStart(9)} ${megabytes(before?.rss).padStart(9)} ${megabytes(after?.peak).padStart(9)}`,
  );
}

/** One download from a server of its own, so that the server's high-water mark is this export's. */
async function downloadFromFreshServer(exportFormat: string): Promise<void> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const server = startNext({ port, ownLifetime: true, env: { NEXTAUTH_URL: url, NEXTAUTH_SECRET: "bench-secret-not-for-production", NODE_ENV: "production" } });
  try {
    await waitForHttp(`${url}/login`, server);
    await download(url, exportFormat, server.pid);
  } finally {
    await new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
  }
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL && !args.url) throw new Error("set DATABASE_URL to a seeded PostgreSQL database (npm run db:seed -- --events 10m)");
  console.log(`${args.tab}?${args.query}, from the build served on loopback; each download a fresh server`);
  console.log(
    `${"format".padEnd(6)} ${"events".padStart(10)} ${"MB".padStart(8)} ${"seconds".padStart(8)} ${"events/s".padStart(9)} ${"1st byte".padStart(9)} ${"idle RSS".padStart(9)} ${"peak RSS".padStart(9)}`,
  );
  for (const exportFormat of args.formats.split(",")) {
    for (let run = 0; run < Number(args.runs); run += 1) await (args.url ? download(args.url, exportFormat) : downloadFromFreshServer(exportFormat));
  }
}

main().catch((error: unknown) => {
  console.error(`bench:export:http failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
