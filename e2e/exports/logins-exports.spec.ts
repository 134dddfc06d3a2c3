import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, signIn, signInAsAdmin } from "../fixtures";
import { csvRecords, download, downloadDir, downloadMore, jsonLines, pdfText, shownTotal, xlsxRows } from "./export-helpers";

// One named person of the demo seed, whose name needs the CJK font in the PDF.
const PERSON = { search: "yamada", option: /@taro\.yamada\b/, username: "taro.yamada", name: "山田 太郎" };

test("exports a filtered Logins tab to Excel, PDF, CSV and JSON lines, complete and audited", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(page);
  await page.goto("/audit/logins?types=USER_LOGIN&range=Last_365_Days");
  const users = page.getByRole("combobox", { name: "Users" });
  await users.click();
  await users.fill(PERSON.search);
  await page.getByRole("option", { name: PERSON.option }).click();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]users=\d+(&|$)/);
  // The new results replace the old ones (and their export buttons) once the search has run.
  const userCells = page.getByRole("table", { name: "Login events" }).locator("tbody tr td:first-child");
  await expect.poll(async () => (await userCells.allInnerTexts()).every((text) => text.includes(`@${PERSON.username}`)), { timeout: 60_000 }).toBe(true);
  const total = await shownTotal(page);
  expect(total, "the demo seed gives this person sign-ins within a year").toBeGreaterThan(0);

  const dir = downloadDir();
  const exportBar = page.getByRole("group", { name: "Export" });

  // Excel, read back by a second reader: LibreOffice's CSV of the first sheet.
  const xlsx = await download(page, dir, () => exportBar.getByRole("button", { name: "Excel" }).click());
  expect(path.basename(xlsx)).toMatch(/^audit-logins_last-365-days_1-user_user-login_\d{4}-\d{2}-\d{2}_\d{4}_CES?T\.xlsx$/);
  const [header, ...rows] = xlsxRows(xlsx);
  expect(header.slice(0, 5)).toEqual(["Created at (Europe/Berlin, CET)", "User", "Name", "User status", "Event Type"]);
  expect(rows).toHaveLength(total);
  for (const row of rows) {
    expect(row[1]).toBe(PERSON.username);
    expect(row[4]).toBe("User Login");
    expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  }

  // PDF: the filter summary and the non-ASCII name are text in it.
  const pdf = await download(page, dir, () => exportBar.getByRole("button", { name: "PDF" }).click());
  const text = pdfText(pdf);
  expect(text).toContain("Audit export: Logins");
  expect(text).toContain("Login range:");
  expect(text).toContain("Last 365 Days");
  expect(text).toContain(PERSON.name);
  expect(text).toMatch(/Page 1 of \d+/);

  // CSV: Blueprint's columns, one line per event here (logins change no fields).
  const [csvHeader, ...csvRows] = csvRecords(await downloadMore(page, dir, /CSV/));
  expect(csvHeader.slice(0, 3)).toEqual(["DateTime", "UserID", "UserName"]);
  expect(csvRows).toHaveLength(total);
  expect(csvRows.every((row) => row[2] === PERSON.username && row[7] === "User Login")).toBe(true);

  // JSON lines: one event a line, oldest first, offsets in the times.
  const events = jsonLines<{ createdAt: string }>(await downloadMore(page, dir, "JSON lines"));
  expect(events).toHaveLength(total);
  expect(events[0].createdAt).toMatch(/[+-]\d{2}:\d{2}$/);
  const times = events.map((event) => Date.parse(event.createdAt));
  expect(times).toEqual([...times].sort((a, b) => a - b));

  // Each export is an audit event of its own, on the admin's timeline.
  await page.goto("/audit/logins?users=&types=USER_LOGIN&range=Last_7_Days");
  const adminLink = page.getByRole("link", { name: /Ada Admin/ }).first();
  const adminPage = await adminLink.getAttribute("href");
  expect(adminPage).toMatch(/^\/users\/\d+\?back=/);
  await page.goto(adminPage ?? "");
  await expect(page.getByText("Audit Export").first()).toBeVisible();
});

test("a PDF over its limit is refused before the download, with the reason", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/audit/logins?range=Last_365_Days");
  // Over 10,000 events: the tab shows "10,000+", the export counts them all before refusing.
  await expect(page.getByRole("status").filter({ hasText: /^10,000\+ events/ })).toBeVisible();
  await page.getByRole("group", { name: "Export" }).getByRole("button", { name: "PDF" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "PDF export refused" });
  await expect(alert).toContainText(/events match these filters\. A PDF holds at most 5,000 events/);
});

test("exports are refused to nobody, to a user without a console role, and for bad filters", async ({ page, request }) => {
  const anonymous = await request.get("/api/export/logins.csv");
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to use the Audit Console." } });

  await signIn(page, DEMO.viewer.username, DEMO.viewer.password, "/audit/logins");
  const forbidden = await page.request.get("/api/export/logins.xlsx");
  expect(forbidden.status()).toBe(403);

  await page.context().clearCookies();
  await signInAsAdmin(page, "/audit/logins");
  const bad = await page.request.get("/api/export/logins.csv?range=custom&from=2024-01-01&to=2025-12-31");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: { code: "invalid_filter", field: "range", message: "Login range: may not exceed one year" } });
  expect((await page.request.get("/api/export/logins.docx")).status()).toBe(404);
});
