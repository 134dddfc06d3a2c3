import { get, type IncomingMessage } from "node:http";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { DEFAULT_BULK_READERS } from "../../lib/db/database";
import { prepareTestDatabase, startTestServer, type TestServer } from "../../scripts/lib/test-server";
import { isPortFree } from "../../scripts/lib/serve";
import { DEMO, signIn } from "../fixtures";

// Twenty exports at once must not hang the console: as many run as it has export slots, the rest are
// told to come back (429, Retry-After), a tab page answers meanwhile, and a download whose client
// goes away gives its slot (and on PostgreSQL its connections) back within a second. On the end-to-
// end server (PGlite) and, when TEST_DATABASE_URL is set, on a PostgreSQL server of this spec's own.
test.describe.configure({ mode: "serial" });

const EXPORT = "/api/export/artifacts.csv?range=Last_365_Days";
const USERS = [DEMO.admin, DEMO.auditor];
const PER_USER = 2;

interface Target {
  name: string;
  /** the export slots the server has in all */
  slots: number;
  url(): string;
  /** on PostgreSQL: backends still running an export's SELECT */
  busyBackends?(): Promise<number>;
}

interface Download {
  status: number;
  retryAfter: string | undefined;
  body: string;
  rows: number;
}

/** A browser context of `baseUrl` signed in as `account`, and its session cookies for plain HTTP requests. */
async function signedIn(
  browser: Browser,
  baseUrl: string,
  account: { username: string; password: string },
): Promise<{ context: BrowserContext; cookie: string }> {
  const context = await browser.newContext({ baseURL: baseUrl });
  await signIn(await context.newPage(), account.username, account.password);
  const cookie = (await context.cookies()).map((each) => `${each.name}=${each.value}`).join("; ");
  return { context, cookie };
}

/** GET `url`, reading the body a chunk every `pauseMs`; `abandon` ends the connection after the first chunk. */
function download(url: string, cookie: string, options: { pauseMs: number; abandon?: boolean; running?: { now: number; max: number } }): Promise<Download> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { cookie } }, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      const running = response.statusCode === 200 ? options.running : undefined;
      if (running) running.max = Math.max(running.max, ++running.now);
      const done = () => {
        if (running) running.now -= 1;
        const body = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: response.statusCode ?? 0,
          retryAfter: response.headers["retry-after"] as string | undefined,
          body,
          rows: Number(response.headers["x-export-rows"] ?? 0),
        });
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        if (options.abandon && response.statusCode === 200) {
          request.destroy();
          done();
          return;
        }
        response.pause();
        setTimeout(() => response.resume(), options.pauseMs);
      });
      response.on("end", done);
      response.on("error", reject);
    });
    request.on("error", (error) => (options.abandon ? undefined : reject(error)));
  });
}

const targets: Target[] = [{ name: "PGlite", slots: DEFAULT_BULK_READERS.pglite, url: () => `http://localhost:${process.env.E2E_PORT}` }];

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `audit_e2e_exports_${Date.now().toString(36)}`;
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${name}`;
  let server: TestServer | undefined;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>, url = serverUrl): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  targets.push({
    name: "PostgreSQL",
    slots: DEFAULT_BULK_READERS.postgres,
    url: () => server!.url,
    busyBackends: () =>
      admin(async (client) => {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state <> 'idle' AND query LIKE '%FROM "AuditEvent"%' AND pid <> pg_backend_pid()`,
          [name],
        );
        return rows[0].n;
      }),
  });
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    await prepareTestDatabase({ url: databaseUrl.toString() }, 40_000);
    let port = Number(process.env.E2E_PORT) + 1;
    while (!(await isPortFree(port))) port += 1;
    server = await startTestServer({ port, location: { url: databaseUrl.toString() }, ownLifetime: true });
  });
  test.afterAll(async () => {
    await server?.stop();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });
}

for (const target of targets) {
  test(`${target.name}: twenty exports at once run as many as there are slots, refuse the rest with Retry-After, and a tab page still answers`, async ({
    browser,
  }) => {
    const base = target.url();
    const sessions = await Promise.all(USERS.map((account) => signedIn(browser, base, account)));
    const running = { now: 0, max: 0 };
    const downloads = Promise.all(
      Array.from({ length: 20 }, (_, index) => download(`${base}${EXPORT}`, sessions[index % USERS.length].cookie, { pauseMs: 10, running })),
    );

    // While they run, the admin opens a tab page.
    const page = await sessions[0].context.newPage();
    const opened = Date.now();
    await page.goto("/audit/permissions", { timeout: 10_000 });
    await expect(page.getByRole("table", { name: "Permission events" })).toBeVisible({ timeout: 10_000 });
    expect(Date.now() - opened, "the page answered within 10 s").toBeLessThan(10_000);

    const results = await downloads;
    await Promise.all(sessions.map((session) => session.context.close()));
    const done = results.filter((result) => result.status === 200);
    const refused = results.filter((result) => result.status === 429);
    expect(done.length + refused.length, `every answer is 200 or 429: ${results.map((result) => result.status)}`).toBe(20);
    expect(refused.length).toBeGreaterThan(0);
    expect(running.max, "never more downloads at once than slots").toBeLessThanOrEqual(Math.min(target.slots, PER_USER * USERS.length));
    for (const result of refused) {
      expect(result.retryAfter).toBe("10");
      expect(JSON.parse(result.body).error).toEqual({
        code: "too_many_exports",
        message: expect.stringMatching(/(have \d+ exports? running|already running \d+ exports?)/),
      });
    }
    for (const result of done) {
      // the whole file: a header line and at least one line per event
      expect(result.rows).toBeGreaterThan(1_000);
      expect(result.body.trimEnd().split("\r\n").length).toBeGreaterThan(result.rows);
    }
  });

  test(`${target.name}: a download whose client goes away gives its slot back within a second`, async ({ browser }) => {
    const base = target.url();
    const { context, cookie } = await signedIn(browser, base, DEMO.admin);
    await context.close();
    const abandon = () => download(`${base}${EXPORT}`, cookie, { pauseMs: 0, abandon: true });
    for (let round = 0; round < target.slots + 1; round += 1) expect((await abandon()).status).toBe(200);
    // Within a second the admin may start their full share again...
    await expect
      .poll(async () => (await Promise.all(Array.from({ length: PER_USER }, abandon))).map((result) => result.status), { timeout: 1_000, intervals: [100] })
      .toEqual(Array(PER_USER).fill(200));
    // ...no database backend still reads for a gone client, and a whole download goes through.
    if (target.busyBackends) await expect.poll(() => target.busyBackends!(), { timeout: 1_000, intervals: [100] }).toBe(0);
    const whole = await download(`${base}${EXPORT}`, cookie, { pauseMs: 0 });
    expect(whole.status).toBe(200);
    expect(whole.body.trimEnd().split("\r\n").length).toBeGreaterThan(whole.rows);
  });
}
