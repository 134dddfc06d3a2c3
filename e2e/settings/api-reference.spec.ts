import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, signInAsAdmin } from "../fixtures";

// The API reference page: reached from the API tokens page, it renders the OpenAPI document the
// console generates, and nothing it needs comes from another host (the console runs offline).

/** Every URL the page requests from now on. */
function requestsOf(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

test("an admin opens the API reference from the API tokens page and reads the endpoints, all served by the console", async ({ page, baseURL }) => {
  const urls = requestsOf(page);
  await signInAsAdmin(page, "/settings/api-tokens");
  await page.getByRole("complementary").getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/settings\/api-reference$/);
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "API reference" })).toHaveAttribute("aria-current", "page");
  // Scalar's rendering of the document: its title, the first family's operation, and every family.
  await expect(page.getByRole("heading", { name: "Audit Console API" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Send audit events").first()).toBeVisible();
  for (const family of ["Codebeamer", "Jira", "ALM Octane", "Sonatype", "Exports", "Configuration"]) {
    await expect(page.getByText(family, { exact: true }).first(), family).toBeVisible();
  }
  const origin = new URL(baseURL!).origin;
  const elsewhere = urls.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
  expect(elsewhere, "requests to other hosts").toEqual([]);
});

test("an auditor may read the reference too; the document needs a sign-in or a token", async ({ page, request }) => {
  await signIn(page, DEMO.auditor.username, DEMO.auditor.password, "/settings/api-reference");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByText("Calls need an API token, which an administrator makes.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Audit Console API" })).toBeVisible({ timeout: 30_000 });
  const document = await page.request.get("/api/openapi.json");
  expect(document.status()).toBe(200);
  expect(await document.json()).toMatchObject({ openapi: "3.1.0", info: { title: "Audit Console API" } });
  expect((await request.get("/api/openapi.json")).status()).toBe(401);
});
