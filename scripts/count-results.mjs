#!/usr/bin/env node
// Sums the vitest and Playwright JSON reports in .reports/ into one line: "N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const dir = resolve(process.argv[2] ?? ".reports");
let passed = 0;
let failed = 0;
let skipped = 0;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
for (const file of files) {
  const report = JSON.parse(readFileSync(resolve(dir, file), "utf8"));
  if (file.startsWith("vitest-")) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that failed to load counts as a failure even with no test in it.
    failed += (report.testResults ?? []).filter(
      (r) => r.status === "failed" && r.assertionResults?.length === 0,
    ).length;
  } else if (file.startsWith("playwright")) {
    passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    failed += report.stats?.unexpected ?? 0;
    skipped += report.stats?.skipped ?? 0;
    failed += (report.errors ?? []).length > 0 && (report.stats?.expected ?? 0) === 0 ? 1 : 0;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
