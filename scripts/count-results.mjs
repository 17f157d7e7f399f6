#!/usr/bin/env node
// Sums the vitest and Playwright JSON reports in .reports/ into one line: "N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const dir = resolve(process.argv[2] ?? ".reports");
let passed = 0;
let failed = 0;
let skipped = 0;
// The names of what failed, printed above the summary: CI shows only the end of its output.
const failures = [];
const firstLine = (text) =>
  String(text ?? "")
    .split("\n")
    .find((l) => l.trim() !== "") ?? "";
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
for (const file of files) {
  const report = JSON.parse(readFileSync(resolve(dir, file), "utf8"));
  if (file.startsWith("vitest-")) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that failed to load counts as a failure even with no test in it.
    for (const result of report.testResults ?? []) {
      const where = result.name?.replace(`${process.cwd()}/`, "") ?? file;
      if (result.status === "failed" && result.assertionResults?.length === 0) {
        failed += 1;
        failures.push(`${where}: did not load: ${firstLine(result.message)}`);
      }
      for (const test of result.assertionResults ?? []) {
        if (test.status === "failed") {
          failures.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
        }
      }
    }
  } else if (file.startsWith("playwright")) {
    passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    failed += report.stats?.unexpected ?? 0;
    skipped += report.stats?.skipped ?? 0;
    collectPlaywright(report.suites ?? [], failures);
    failed += (report.errors ?? []).length > 0 && (report.stats?.expected ?? 0) === 0 ? 1 : 0;
  }
}
for (const failure of failures) console.log(`FAILED ${failure.slice(0, 400)}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);

function collectPlaywright(suites, into) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "unexpected") {
          const error = test.results?.at(-1)?.error?.message;
          into.push(`${spec.file} › ${spec.title}: ${firstLine(error)}`);
        }
      }
    }
    collectPlaywright(suite.suites ?? [], into);
  }
}
