import { expect, test } from "@playwright/test";
import { DEMO, signIn, signInAsAdmin, tableRows } from "../fixtures";

// A client cannot choose the address its sign-in is recorded with: X-Forwarded-For and X-Real-IP
// from a client are ignored unless TRUSTED_PROXIES trusts the hop (none here).

test("a sign-in with a forged X-Forwarded-For is recorded with the address it came from", async ({ browser, page }) => {
  const forger = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "6.6.6.6", "X-Real-IP": "6.6.6.7" } });
  await signIn(await forger.newPage(), DEMO.address.username, DEMO.address.password);
  await forger.close();

  await signInAsAdmin(page, "/audit/logins?types=USER_LOGIN");
  const rows = await tableRows(page.getByRole("table", { name: "Login events" }));
  const forged = rows.find(([user]) => user.includes(`@${DEMO.address.username}`));
  expect(forged, "the forger's sign-in is among the newest User Logins").toBeDefined();
  const [, type, , ip] = forged!;
  expect(type).toBe("User Login");
  expect(ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  expect(rows.some((row) => row.some((cell) => cell.includes("6.6.6.")))).toBe(false);
});
