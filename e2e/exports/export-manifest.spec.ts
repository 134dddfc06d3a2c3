import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../fixtures";
import { download, downloadDir, downloadMore, shownTotal } from "./export-helpers";

// The manifest an admin downloads beside an export: offered once the file is saved, named after
// it, and the signed proof of exactly that file (its hash) and its rows.
test("offers the manifest of a JSON lines export beside it, for exactly that file and its rows", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  await page.goto("/audit/logins?range=Today");
  const total = await shownTotal(page);
  expect(total, "the sign-in just made is one").toBeGreaterThan(0);
  const exportBar = page.getByRole("group", { name: "Export" });
  await expect(exportBar.getByRole("link", { name: /^Manifest of/ })).toHaveCount(0);

  const dir = downloadDir();
  const jsonl = await downloadMore(page, dir, "JSON lines");
  const manifestLink = exportBar.getByRole("link", { name: "Manifest of the JSON lines export" });
  await manifestLink.hover();
  await expect(page.getByRole("tooltip")).toContainText("signed proof that the rows of");
  const manifestFile = await download(page, dir, () => manifestLink.click());
  expect(path.basename(manifestFile)).toBe(`${path.basename(jsonl)}.manifest.json`);

  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    rows: unknown[];
    file: { sha256: string };
    checkpoint: { note: string };
    signature: string;
  };
  const lines = readFileSync(jsonl, "utf8").trimEnd().split("\n");
  // The events the tab counted, no more (the export's own event comes after its checkpoint), each with its row.
  expect(lines).toHaveLength(total);
  expect(manifest.rows).toHaveLength(total);
  expect(manifest.file.sha256).toBe(createHash("sha256").update(readFileSync(jsonl)).digest("hex"));
  expect(manifest.checkpoint.note).toMatch(/^\S+\n\d+\n[A-Za-z0-9+/]{43}=\n/);
  expect(manifest.signature).toMatch(/\nexport-manifest v1\n/);
});
