import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every violation axe finds on the page as it is now, of any impact (its default rules: WCAG 2 A/AA and best practices). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** Waits until the page has loaded what it shows: no request under way, no list loading, the API reference rendered. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  if (new URL(page.url()).pathname === "/settings/api-reference") {
    await expect(page.getByRole("heading", { name: "Audit Console API" })).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
  }
}
