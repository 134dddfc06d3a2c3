import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "../a11y/axe-violations";
import { DEMO, signIn, signInAsAdmin, tableRows } from "../fixtures";

// The API tokens page as an administrator uses it: a token made for a sending system, its secret
// shown once, events sent with it and found on the Logins tab, then the token revoked and refused.
// Auditors cannot open the page; a token never opens a console page.
test.describe.configure({ mode: "serial" });

const SOURCE = "e2e-sender";
const SECRET = /^acon_[A-Za-z0-9_-]{43}$/;

const tokens = (page: Page) => page.getByRole("table", { name: "API tokens" });

/** Two sign-ins of people of the sending system, a minute ago, with ids of this run. */
function loginBatch(run: string) {
  return {
    events: [0, 1].map((index) => ({
      id: `${run}-${index}`,
      type: "User Login",
      createdAt: new Date(Date.now() - 60_000 + index * 1000).toISOString(),
      actor: { id: `${run}-user-${index}`, username: `${run}.user${index}`, displayName: `E2E Sender ${index}` },
      ip: "192.0.2.44",
    })),
  };
}

/** What the source's card says: its active tokens and today's counts (a retry finds the first attempt's too). */
async function sourceCard(page: Page): Promise<{ active: number; accepted: number; duplicates: number }> {
  const card = page.getByRole("article", { name: SOURCE });
  const count = async (label: string) => {
    const text = await card.getByRole("group", { name: new RegExp(`^${label} today: `) }).getAttribute("aria-label");
    return Number(/today: ([\d,]+)/.exec(text ?? "")?.[1]?.replaceAll(",", ""));
  };
  const active = Number.parseInt(
    (await card
      .getByText(/active tokens?$/)
      .first()
      .textContent()) ?? "",
    10,
  );
  return { active, accepted: await count("Accepted"), duplicates: await count("Duplicates") };
}

async function openTokensPage(page: Page): Promise<void> {
  await signInAsAdmin(page, "/settings/api-tokens");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeEnabled();
}

test("an admin creates an ingest token, sends events with it, sees them, and revokes it; the token is then refused", async ({ page, request, baseURL }) => {
  const run = `e2e${Date.now().toString(36)}`;
  const name = `E2E sender ${run}`;
  await openTokensPage(page);
  await expect(page.getByRole("banner").getByRole("link", { name: "API tokens" })).toHaveAttribute("aria-current", "page");

  // The form says what is wrong next to the field.
  await page.getByRole("checkbox", { name: "Ingest" }).uncheck();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("give the token a name, such as the system or script that will use it")).toBeVisible();
  await expect(page.getByText("choose at least one scope")).toBeVisible();

  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("combobox", { name: "Source" }).fill(SOURCE);
  await page.getByRole("checkbox", { name: "Ingest" }).check();
  await expect(page.getByRole("checkbox", { name: "Read" })).not.toBeChecked();
  await page.getByRole("button", { name: "Create token" }).click();

  const panel = page.getByRole("region", { name: `Token “${name}” created` });
  await expect(panel).toContainText("Copy the secret now: it will not be shown again");
  const secret = await panel.getByRole("textbox", { name: "Secret" }).inputValue();
  expect(secret).toMatch(SECRET);
  const example = panel.getByLabel("curl example: Send a batch of events");
  await expect(example).toContainText(`curl -X POST '${baseURL}/api/audit/events'`);
  await expect(example).toContainText(`Authorization: Bearer ${secret}`);
  expect(await axeViolations(page)).toEqual([]);

  const before = await sourceCard(page);
  expect(before.active).toBeGreaterThanOrEqual(1);
  const row = tokens(page).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(SOURCE);
  await expect(row).toContainText(`${secret.slice(0, 11)}…`);
  await expect(row).toContainText("never");
  await expect(row).toContainText("Active");

  // A token opens the API only: a console page sends it to sign-in.
  for (const path of ["/audit/logins", "/settings/api-tokens"]) {
    const answer = await request.get(path, { headers: { Authorization: `Bearer ${secret}` }, maxRedirects: 0 });
    expect(answer.status(), path).toBe(307);
    expect(answer.headers().location, path).toMatch(/\/login(\?|$)/);
  }

  const batch = loginBatch(run);
  const sent = await page.request.post("/api/audit/events", { headers: { Authorization: `Bearer ${secret}` }, data: batch });
  expect(sent.status()).toBe(200);
  expect(await sent.json()).toEqual({ source: SOURCE, received: 2, accepted: 2, duplicates: 0, dropped: 0, expired: 0 });
  // As the password of HTTP Basic, with any username: the same events again are stored once.
  const basic = `Basic ${Buffer.from(`${SOURCE}:${secret}`).toString("base64")}`;
  const again = await request.post("/api/audit/events", { headers: { Authorization: basic }, data: batch });
  expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 2 });

  await page.goto("/audit/logins");
  const logins = page.getByRole("table", { name: "Login events" });
  for (const event of batch.events) await expect(logins.getByText(event.actor.username)).toBeVisible();
  const shown = (await tableRows(logins)).filter(([user]) => user.includes(run));
  expect(shown.map(([, type]) => type)).toEqual(["User Login", "User Login"]);

  await page.getByRole("banner").getByRole("link", { name: "API tokens" }).click();
  // Last used: when, and from which address (this test's own).
  await expect(row).toContainText(/127\.0\.0\.1|::1/);
  await expect(row).not.toContainText("never");
  await expect.poll(() => sourceCard(page)).toEqual({ ...before, accepted: before.accepted + 2, duplicates: before.duplicates + 2 });

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke the token “${name}”?` });
  await expect(dialog).toContainText("answered 401");
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row).toContainText(`by ${DEMO.admin.username}`);
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  await expect.poll(async () => (await sourceCard(page)).active).toBe(before.active - 1);

  const refused = await page.request.post("/api/audit/events", { headers: { Authorization: `Bearer ${secret}` }, data: loginBatch(`${run}-late`) });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toContain(`This API token ("${name}") was revoked`);
});

test("an auditor gets the 403 page, and no link to it", async ({ page }) => {
  await signIn(page, DEMO.auditor.username, DEMO.auditor.password);
  await expect(page.getByRole("banner").getByRole("link", { name: "Audit", exact: true })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "API tokens" })).toHaveCount(0);

  const response = await page.goto("/settings/api-tokens");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403.*Access denied/ })).toBeVisible();
  await expect(page.getByText("This page is for administrators of the Audit Console.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.getByRole("link", { name: "Back to the audit trail" }).click();
  await expect(page).toHaveURL(/\/audit\/logins$/);
});
