import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests are server code: the marker that keeps modules reading the database out of client bundles is empty here, as in Next's server build.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are heavy: keep parallel files to the cores we have.
    maxWorkers: 2,
    // The exports' worker threads only where a test builds them (pdf-writer.test.ts,
    // text-export-worker.test.ts): never a build's, which may be older than the code under test.
    // The checkpoint signing key of a test run is its own, never the one in .data/.
    env: { PDF_WORKER_FILE: "none", TEXT_EXPORT_WORKER_FILE: "none", AUDIT_SIGNING_KEY_DIR: mkdtempSync(path.join(tmpdir(), "audit-console-keys-")) },
  },
});
