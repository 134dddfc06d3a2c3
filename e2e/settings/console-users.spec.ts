import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "../a11y/axe-violations";
import { DEMO, signIn, signInAsAdmin } from "../fixtures";

// The Console users page as an administrator uses it: an account added with a one-time password,
// its password reset, the user signing in with the new one-time password and made to choose their
// own before anything else opens, then the account disabled while they are signed in: their open
// session ends. Every step is on the Console tab. Auditors cannot open the page.
test.describe.configure({ mode: "serial" });

const SHOTS = "test-results/console-users";
const ONE_TIME = /^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/;

const accounts = (page: Page) => page.getByRole("table", { name: "Console users" });
const rowOf = (page: Page, username: string) => accounts(page).getByRole("row", { name: new RegExp(`@${username.replace(/[.]/g, "\\.")}\\b`) });

async function openMenu(page: Page, username: string, item: string): Promise<void> {
  await page.getByRole("button", { name: `Actions for ${username}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** Reads the one-time password the dialog shows, and closes the dialog. */
async function takeOneTimePassword(page: Page, title: string | RegExp, shot: string): Promise<string> {
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog.getByText("Copy the one-time password now: it will not be shown again")).toBeVisible();
  const password = await dialog.getByRole("textbox", { name: "One-time password" }).inputValue();
  expect(password).toMatch(ONE_TIME);
  await expect(dialog.getByRole("button", { name: "Copy the one-time password" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/${shot}.png` });
  await dialog.getByRole("button", { name: "I have copied the password" }).click();
  await expect(dialog).toHaveCount(0);
  return password;
}

test("an admin adds a user, resets the password; the user must choose their own; disabling them ends their session", async ({ page, browser, baseURL }) => {
  // Two browsers, eight axe runs and a dozen argon2 hashes: longer than the default minute.
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const username = `e2e.user.${run}`;
  const displayName = `E2E Person ${run}`;

  await signInAsAdmin(page, "/settings/console-users");
  await expect(page.getByRole("heading", { name: "Console users", level: 1 })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await expect(rowOf(page, DEMO.admin.username)).toContainText("Administrator");
  await expect(rowOf(page, DEMO.admin.username)).toContainText("you");
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/page.png`, fullPage: true });

  // Add: the form says what is wrong next to the field, then the one-time password is shown once.
  await page.getByRole("button", { name: "Add user" }).click();
  const add = page.getByRole("dialog", { name: "Add a console user" });
  await add.getByRole("textbox", { name: "Username" }).fill("Not Valid!");
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(add.getByText('use only letters, digits, ".", "_", "@" and "-"')).toBeVisible();
  await expect(add.getByText("enter the person's name")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/add-dialog-errors.png` });
  await add.getByRole("textbox", { name: "Username" }).fill(username);
  await add.getByRole("textbox", { name: "Display name" }).fill(displayName);
  await add.getByRole("textbox", { name: "E-mail" }).fill(`${run}@example.com`);
  await add.getByRole("radio", { name: "Auditor" }).check();
  await add.getByRole("button", { name: "Add user" }).click();
  const first = await takeOneTimePassword(page, `Account “${username}” added`, "added-password");
  await expect(rowOf(page, username)).toContainText("Auditor");
  await expect(rowOf(page, username)).toContainText("One-time password");
  await expect(rowOf(page, username)).toContainText("never");

  // Adding the same username again is refused next to the field.
  await page.getByRole("button", { name: "Add user" }).click();
  await add.getByRole("textbox", { name: "Username" }).fill(username);
  await add.getByRole("textbox", { name: "Display name" }).fill("Someone else");
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(add.getByText(`Username: a console account "${username}" exists already.`)).toBeVisible();
  await add.getByRole("button", { name: "Cancel" }).click();

  // Reset: asked first, then a new one-time password; the first one stops working.
  await openMenu(page, username, "Reset password…");
  const reset = page.getByRole("dialog", { name: `Reset the password of “${username}”?` });
  await expect(reset.getByText(`${username} is not signed in now.`)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/reset-confirm.png` });
  await reset.getByRole("button", { name: "Reset password" }).click();
  const oneTime = await takeOneTimePassword(page, `New one-time password for “${username}”`, "reset-password");
  expect(oneTime).not.toBe(first);

  // The user signs in with it and is held on the change-password page: nothing else opens.
  const userContext = await browser.newContext({ baseURL });
  const userPage = await userContext.newPage();
  await userPage.goto("/login");
  await userPage.getByLabel("Username").fill(username);
  await userPage.getByLabel("Password", { exact: true }).fill(first);
  await userPage.getByRole("button", { name: "Sign in" }).click();
  await expect(userPage.getByRole("alert", { name: "Sign-in failed" })).toContainText("Invalid username or password.");
  await signIn(userPage, username, oneTime);
  await expect(userPage).toHaveURL(/\/change-password$/);
  await expect(userPage.getByRole("heading", { name: "Choose your password", level: 1 })).toBeVisible();
  await userPage.goto("/audit/permissions");
  await expect(userPage).toHaveURL(/\/change-password\?callbackUrl=%2Faudit%2Fpermissions$/);
  const api = await userContext.request.get("/rest/auditing/1.0/events");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.message).toContain("signed in with a one-time password");
  expect(await axeViolations(userPage)).toEqual([]);

  const form = userPage.getByRole("form", { name: "Choose your password" });
  await form.getByLabel("One-time password").fill(oneTime);
  await form.getByLabel("New password", { exact: true }).fill("too short");
  await form.getByRole("button", { name: "Set password and continue" }).click();
  await expect(form.getByText("use at least 12 characters")).toBeVisible();
  const own = `${run} own passphrase`;
  await form.getByLabel("New password", { exact: true }).fill(own);
  await form.getByLabel("Repeat the new password").fill(`${own}!`);
  await form.getByRole("button", { name: "Set password and continue" }).click();
  await expect(form.getByText("the two passwords differ")).toBeVisible();
  expect(await axeViolations(userPage)).toEqual([]);
  await userPage.screenshot({ path: `${SHOTS}/change-password-errors.png`, fullPage: true });
  await form.getByLabel("New password", { exact: true }).fill(own);
  await form.getByLabel("Repeat the new password").fill(own);
  await form.getByRole("button", { name: "Set password and continue" }).click();
  await expect(userPage).toHaveURL(/\/audit\/permissions(\?|$)/);
  await expect(userPage.getByRole("banner")).toContainText(displayName);

  // The admin sees them signed in, then disables them: their open session ends at once.
  await page.reload();
  await expect(rowOf(page, username)).not.toContainText("One-time password");
  await expect(rowOf(page, username)).toContainText("signed in now");
  await openMenu(page, username, "Disable…");
  const disable = page.getByRole("dialog", { name: `Disable “${username}”?` });
  await expect(disable.getByText(`${username} is signed in now (1 session): signed out at once.`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/disable-confirm.png` });
  await disable.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByText(`${username} can no longer sign in; 1 session ended.`)).toBeVisible();
  await expect(rowOf(page, username)).toContainText("Disabled");
  await expect(rowOf(page, username).getByText(displayName)).toHaveCSS("text-decoration-line", "line-through");

  await userPage.goto("/audit/logins");
  await expect(userPage).toHaveURL(/\/login(\?|$)/);
  await userPage.getByLabel("Username").fill(username);
  await userPage.getByLabel("Password", { exact: true }).fill(own);
  await userPage.getByRole("button", { name: "Sign in" }).click();
  await expect(userPage.getByRole("alert", { name: "Sign-in failed" })).toContainText("Invalid username or password.");
  await userContext.close();

  // The role dialog explains before it changes anything.
  await openMenu(page, username, "Change role…");
  const role = page.getByRole("dialog", { name: `Change the role of “${username}”` });
  await role.getByRole("radio", { name: "No access" }).check();
  await expect(role.getByText("The next sign-in has the new role.")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/role-dialog.png` });
  await role.getByRole("button", { name: "Change role" }).click();
  await expect(rowOf(page, username)).toContainText("No access");

  // Every step is a Console event, under the name of whoever took it.
  await page.goto("/audit/console?range=Today&size=100");
  const events = page.getByRole("table");
  for (const message of [
    `Console account ${username} (${displayName}) added with the Auditor role; a one-time password was issued`,
    `Console account ${username}: password reset to a one-time password, to be changed at the next sign-in`,
    `Console account ${username} replaced its one-time password with a password of its own`,
    `Console account ${username} disabled`,
    `Console account ${username}: role Auditor -> No access`,
  ]) {
    await expect(events.getByText(message, { exact: true })).toBeVisible();
  }
});

test("an auditor gets the 403 page and no link to it", async ({ page }) => {
  await signIn(page, DEMO.auditor.username, DEMO.auditor.password, "/audit/logins");
  await expect(page.getByRole("banner").getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto("/settings/console-users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403.*Access denied/ })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
