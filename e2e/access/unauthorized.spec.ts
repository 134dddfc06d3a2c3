import path from "node:path";
import { expect, test as base, type APIResponse, type BrowserContext, type Page } from "@playwright/test";
import { DEFAULT_LANDING } from "../../lib/auth/callback-url";
import { PUBLIC_PATHS } from "../../lib/auth/public-paths";
import { fillSegments, HTTP_METHODS, MissingSampleError, readBuiltRoutes, sourceEntries, type AppRoute, type HttpMethod } from "../../scripts/lib/app-routes";
import { DEMO, signIn } from "../fixtures";
import { SEGMENT_SAMPLES } from "./segment-samples";

// Every page and route handler of the production build, walked as nobody and as a signed-in user
// without a console role, except the public ones (lib/auth/public-paths.ts). The list comes from the
// build's manifests, which exist when this file loads: the e2e server builds the app before the
// specs load. Without them (E2E_DEV=1 and no build) the first test below fails, saying so.
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const APP_DIR = path.join(ROOT, "app");

/** The build's routes, or why they cannot be read. */
function readBuilt(): { routes: AppRoute[] } | { error: string } {
  try {
    return { routes: readBuiltRoutes(path.join(ROOT, ".next")) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const BUILT = readBuilt();
const ROUTES = "routes" in BUILT ? BUILT.routes : [];
const PUBLIC = new Map(PUBLIC_PATHS.map((entry) => [entry.route, entry]));

// OPTIONS is left out: a browser's CORS preflight carries no credentials.
const CHECKED_METHODS: readonly HttpMethod[] = HTTP_METHODS.filter((method) => method !== "OPTIONS");

interface Case {
  route: AppRoute;
  method: string;
  url: string;
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

// The viewer signs in once per worker; each test starts from that session's cookies.
const test = base.extend<object, { viewerState: StorageState }>({
  viewerState: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      await signIn(await context.newPage(), DEMO.viewer.username, DEMO.viewer.password);
      const state = await context.storageState();
      await context.close();
      await use(state);
    },
    { scope: "worker" },
  ],
});

/** What the spec cannot request, each made a failing test named after its route. */
const unwalkable: Array<{ title: string; message: string }> = [];

function urlsOf(route: AppRoute): string[] {
  try {
    return fillSegments(route.path, SEGMENT_SAMPLES);
  } catch (error) {
    if (!(error instanceof MissingSampleError)) throw error;
    unwalkable.push({
      title: `${route.kind} ${route.path} has a sample for each dynamic segment`,
      message: `${error.message}: add one to e2e/access/segment-samples.ts`,
    });
    return [];
  }
}

const PAGE_CASES: Case[] = ROUTES.filter((route) => route.kind === "page" && !PUBLIC.has(route.path)).flatMap((route) =>
  urlsOf(route).map((url) => ({ route, method: "GET", url })),
);
// Every method of every route handler: a method the route does not declare answers 405 (api-route.ts).
const HANDLER_CASES: Case[] = ROUTES.filter((route) => route.kind === "route" && !PUBLIC.has(route.path)).flatMap((route) =>
  urlsOf(route).map((url) => ({ route, method: CHECKED_METHODS.join("/"), url })),
);
const PUBLIC_CASES: Case[] = ROUTES.filter((route) => PUBLIC.has(route.path)).flatMap((route) => urlsOf(route).map((url) => ({ route, method: "GET", url })));

/** "GET /users/1 (/users/[id])": what a failure names. */
function named({ route, method, url }: Case): string {
  return url === route.path ? `${method} ${url}` : `${method} ${url} (${route.path})`;
}

test("the build's manifests list every page and route handler of app/", () => {
  if ("error" in BUILT) throw new Error(BUILT.error);
  const built = new Set(ROUTES.flatMap((route) => route.entries));
  expect(
    sourceEntries(APP_DIR).filter((entry) => !built.has(entry)),
    "in app/ but not in the build: rebuild",
  ).toEqual([]);
  expect(PAGE_CASES.length, "console pages walked").toBeGreaterThan(0);
  expect(HANDLER_CASES.length, "route handlers walked").toBeGreaterThan(0);
});

test("every public path is a route of the build", () => {
  const paths = new Set(ROUTES.map((route) => route.path));
  expect(
    PUBLIC_PATHS.map((entry) => entry.route).filter((route) => !paths.has(route)),
    "in lib/auth/public-paths.ts but not built",
  ).toEqual([]);
});

for (const { title, message } of unwalkable) {
  test(title, () => {
    throw new Error(message);
  });
}

/** The sign-in page, naming the way back unless signing in leads there anyway (the front door, the Logins tab). */
function signInUrl(url: string): string {
  return url === "/" || url === DEFAULT_LANDING ? "/login" : `/login?callbackUrl=${encodeURIComponent(url)}`;
}

async function expectSentToSignIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page).toHaveURL(signInUrl(url));
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
}

/**
 * Each method refused in the API's one error shape (HEAD answers carry no body to check): `status`,
 * or 405 for a method the route does not declare. At least one method must be the refusal, so that a
 * route answering everything with 405 does not pass for a guarded one.
 */
async function expectJsonRefusals(fetch: (method: HttpMethod) => Promise<APIResponse>, url: string, status: 401 | 403): Promise<void> {
  const refused: HttpMethod[] = [];
  for (const method of CHECKED_METHODS) {
    const response = await fetch(method);
    const what = `${method} ${url}`;
    expect([status, 405], what).toContain(response.status());
    if (response.status() === status) refused.push(method);
    if (method === "HEAD") continue;
    expect(response.headers()["content-type"], what).toMatch(/^application\/json\b/);
    expect(await response.json(), what).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  }
  expect(refused.length, `${url}: the methods it declares`).toBeGreaterThan(0);
}

test.describe("as nobody", () => {
  for (const entry of PAGE_CASES) {
    test(`${named(entry)} sends to sign-in`, async ({ page }) => {
      await expectSentToSignIn(page, entry.url);
    });

    // The proxy cannot be skipped (CVE-2025-29927), and were it skipped, the page sends to sign-in itself.
    test(`${named(entry)} with a forged x-middleware-subrequest header sends to sign-in`, async ({ page }) => {
      await page.setExtraHTTPHeaders({ "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" });
      await expectSentToSignIn(page, entry.url);
    });
  }

  test("a page's query is kept as the way back", async ({ page }) => {
    await expectSentToSignIn(page, "/audit/logins?users=1&range=Last_7_Days");
  });

  for (const entry of HANDLER_CASES) {
    test(`${named(entry)} answers 401 JSON, or 405 for a method it does not declare`, async ({ request }) => {
      await expectJsonRefusals((method) => request.fetch(entry.url, { method, maxRedirects: 0 }), entry.url, 401);
    });
  }

  for (const entry of PUBLIC_CASES) {
    const { anonymousStatus } = PUBLIC.get(entry.route.path)!;
    test(`${named(entry)} is public: answers ${anonymousStatus}`, async ({ request }) => {
      expect((await request.get(entry.url, { maxRedirects: 0 })).status()).toBe(anonymousStatus);
    });
  }
});

test.describe("as a user without a console role", () => {
  test.use({ storageState: ({ viewerState }, use) => use(viewerState) });

  for (const entry of PAGE_CASES) {
    test(`${named(entry)} answers 403`, async ({ page }) => {
      const response = await page.goto(entry.url);
      expect(response?.status(), entry.url).toBe(403);
      await expect(page.getByRole("heading", { name: /403.*Access denied/ })).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
    });
  }

  for (const entry of HANDLER_CASES) {
    test(`${named(entry)} answers 403 JSON, or 405 for a method it does not declare`, async ({ context }) => {
      await expectJsonRefusals((method) => context.request.fetch(entry.url, { method, maxRedirects: 0 }), entry.url, 403);
    });
  }
});
