import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../playwright.config";
export default defineConfig({
  testDir: "./tmp-run",
  outputDir: "/tmp/logins-dev/test-results",
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  use: {
    baseURL: "http://localhost:3105",
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS },
    screenshot: "only-on-failure",
  },
});
