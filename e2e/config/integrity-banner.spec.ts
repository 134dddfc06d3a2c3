import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openDatabase, type Database } from "../../lib/db/database";
import { fillSegments, readBuiltRoutes } from "../../scripts/lib/app-routes";
import { isPortFree } from "../../scripts/lib/serve";
import { prepareTestDatabase, startTestServer, type TestDatabaseLocation, type TestServer } from "../../scripts/lib/test-server";
import { SEGMENT_SAMPLES } from "../access/segment-samples";
import { DEMO, signIn } from "../fixtures";

// Someone with the database owner's login rewrites an audit event behind the log's back. The next
// verification fails, and every console page shows administrators a red banner naming the event and
// linking to the Config tab's Tamper evidence section; once the event is restored and a verification
// passes, the banner is gone. On a server of this spec's own, as its database must be written past
// the application: a PGlite folder (the server is stopped while the spec writes it: one process at a
// time) and, when TEST_DATABASE_URL is set, a PostgreSQL database (written while the server runs).
// Screenshots of the banner (1440 and 390 px wide) land in test-results, to be looked at.
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SEEDED_EVENTS = 1_000;
const TAMPER_LINK = /Tamper evidence/;

/** Every page under the console's layout, from the build's manifest, with its dynamic segments filled. */
function consolePages(): string[] {
  return readBuiltRoutes(path.join(ROOT, ".next"))
    .filter((route) => route.kind === "page" && route.entries.some((entry) => entry.startsWith("/(console)/") && !entry.includes("/@modal/")))
    .flatMap((route) => fillSegments(route.path, SEGMENT_SAMPLES));
}

interface Target {
  url(): string;
  /** Runs `work` over the server's database as its owner. */
  withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

async function freePortAfter(port: number): Promise<number> {
  let candidate = port + 1;
  while (!(await isPortFree(candidate))) candidate += 1;
  return candidate;
}

/** A prepared database and the build served over it on a port of its own. */
async function serve(location: TestDatabaseLocation, port: number): Promise<TestServer> {
  return startTestServer({ port, location, ownLifetime: true });
}

async function pgliteTarget(): Promise<Target> {
  const port = await freePortAfter(Number(process.env.E2E_PORT) + 10);
  const location = { dataDir: path.join(ROOT, ".data", `e2e-banner-${port}`, "pglite") };
  await prepareTestDatabase(location, SEEDED_EVENTS);
  let server = await serve(location, port);
  return {
    url: () => server.url,
    // PGlite's folder has one process at a time: the server stops while the owner writes.
    async withDatabase(work) {
      await server.stop();
      const db = openDatabase(location);
      try {
        return await work(db);
      } finally {
        await db.close();
        server = await serve(location, port);
      }
    },
    async stop() {
      await server.stop();
      rmSync(path.dirname(location.dataDir), { recursive: true, force: true });
    },
  };
}

async function postgresTarget(serverUrl: string): Promise<Target> {
  const name = `audit_e2e_banner_${Date.now().toString(36)}`;
  const admin = openDatabase({ url: serverUrl });
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const location = { url: url.toString() };
  await prepareTestDatabase(location, SEEDED_EVENTS);
  const server = await serve(location, await freePortAfter(Number(process.env.E2E_PORT) + 20));
  return {
    url: () => server.url,
    async withDatabase(work) {
      const db = openDatabase(location);
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    },
    async stop() {
      await server.stop();
      const db = openDatabase({ url: serverUrl });
      await db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await db.close();
    },
  };
}

const targets: Array<{ name: string; make: () => Promise<Target> }> = [{ name: "PGlite", make: pgliteTarget }];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) targets.push({ name: "PostgreSQL", make: () => postgresTarget(serverUrl) });

/** Sets one event's actor name as the owner can: past the append-only trigger (replication mode skips it). */
async function rewriteActor(db: Database, eventId: string, actorName: string): Promise<void> {
  await db.withTransaction(async (session) => {
    await session.query("SET LOCAL session_replication_role = replica");
    await session.query(`UPDATE "AuditEvent" SET "actorName" = $2 WHERE id = $1::bigint`, [eventId, actorName]);
  });
}

/** Opens the Config tab's Tamper evidence section, runs "Verify now" and waits for its outcome. */
async function verifyNow(page: Page, outcome: "Passed" | "Failed"): Promise<void> {
  await page.goto("/audit/config");
  const section = page.getByRole("region", { name: "Tamper evidence" });
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeEnabled();
  await section.getByRole("button", { name: "Verify now" }).click();
  await expect(section.getByText(outcome, { exact: true })).toBeVisible({ timeout: 60_000 });
}

for (const { name, make } of targets) {
  test.describe(name, () => {
    let target: Target;
    test.beforeAll(async () => {
      test.setTimeout(300_000);
      target = await make();
    });
    test.afterAll(async () => {
      await target?.stop();
    });

    test("an altered event raises the red banner on every console page until a verification passes", async ({ browser }, testInfo) => {
      test.setTimeout(300_000);
      const context = await browser.newContext({ baseURL: target.url() });
      const page = await context.newPage();
      await signIn(page, DEMO.admin.username, DEMO.admin.password, "/audit/config");

      // The log is signed at start; it verifies.
      const section = page.getByRole("region", { name: "Tamper evidence" });
      await expect(async () => {
        await page.reload();
        await expect(section).toContainText(/Latest checkpoint: [\d,]+ events, signed/, { timeout: 2_000 });
      }).toPass({ timeout: 60_000 });
      await verifyNow(page, "Passed");
      await expect(page.getByTestId("integrity-banner")).toHaveCount(0);

      // A login of the signed log gets another user's name.
      const { eventId, actorName } = await target.withDatabase(async (db) => {
        const [row] = await db.query<{ id: string; actorName: string }>(
          `SELECT e.id::text AS id, e."actorName" FROM "AuditEvent" e JOIN "AuditLeaf" l ON l."eventId" = e.id WHERE e."eventType" = 'USER_LOGIN' ORDER BY l.seq LIMIT 1 OFFSET 3`,
        );
        if (!row) throw new Error("no signed login to alter");
        await rewriteActor(db, row.id, "mallory");
        return { eventId: row.id, actorName: row.actorName };
      });
      await verifyNow(page, "Failed");
      await expect(section).toContainText(`event ${eventId} was changed after it was logged`);

      const pages = consolePages();
      expect(pages.length, "console pages walked").toBeGreaterThan(8);
      for (const url of pages) {
        await page.goto(url);
        const banner = page.getByTestId("integrity-banner");
        await expect(banner, `the banner on ${url}`).toBeVisible();
        await expect(banner, `the banner on ${url}`).toHaveAttribute("role", "alert");
        await expect(banner, `the banner on ${url}`).toContainText(`event ${eventId}`);
        await expect(banner.getByRole("link", { name: TAMPER_LINK }), `the banner's link on ${url}`).toHaveAttribute("href", "/audit/config#integrity-title");
      }

      await page.goto("/audit/logins");
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
        await expect(page.getByTestId("integrity-banner")).toBeVisible();
        await page.screenshot({ path: testInfo.outputPath(`integrity-banner-${name}-${width}.png`) });
      }
      // The link leads to the section that verifies again.
      await page.getByTestId("integrity-banner").getByRole("link", { name: TAMPER_LINK }).click();
      await expect(page).toHaveURL(/\/audit\/config#integrity-title$/);
      await expect(section.getByRole("heading", { name: "Tamper evidence" })).toBeInViewport();

      // An auditor is not alarmed: the banner is for those who can act on it.
      const auditor = await browser.newContext({ baseURL: target.url() });
      const auditorPage = await auditor.newPage();
      await signIn(auditorPage, DEMO.auditor.username, DEMO.auditor.password, "/audit/logins");
      await expect(auditorPage.getByRole("table", { name: "Login events" })).toBeVisible();
      await expect(auditorPage.getByTestId("integrity-banner")).toHaveCount(0);
      await auditor.close();

      // The event is restored (from a backup, say); the next verification passes and the banner goes.
      await target.withDatabase((db) => rewriteActor(db, eventId, actorName));
      await page.setViewportSize({ width: 1440, height: 900 });
      await verifyNow(page, "Passed");
      for (const url of pages) {
        await page.goto(url);
        await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" }), `${url} has loaded`).toBeVisible();
        await expect(page.getByTestId("integrity-banner"), `no banner on ${url}`).toHaveCount(0);
      }
      await context.close();
    });
  });
}
