// Prints one closing line over all test runners: "tests: N passed, N failed", and fails the run on
// errors outside any test (vitest's unhandled errors, Playwright's global errors) as well.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
let errors = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    if (report.success === false && report.numFailedTests === 0) errors += 1;
  } else if (report.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    errors += report.errors?.length ?? 0;
  }
}
const errorText = errors ? ", and errors outside any test (see above)" : "";
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}${errorText}`);
process.exit(failed > 0 || errors > 0 || passed === 0 ? 1 : 0);
