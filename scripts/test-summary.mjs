// Sums the results of every suite in a results folder into "N passed, N failed, N skipped".
// Exit code 1 when anything failed or a suite left no results.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "tests/.results";
let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  if (file.startsWith("check-")) {
    if (readFileSync(path.join(dir, file), "utf8").trim() === "pass") passed++;
    else failed++;
  }
}

const vitest = path.join(dir, "vitest.json");
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
  skipped += r.numPendingTests + r.numTodoTests;
} else {
  console.error("no vitest results");
  failed++;
}

const e2e = path.join(dir, "e2e.json");
if (existsSync(e2e)) {
  const { stats, errors } = JSON.parse(readFileSync(e2e, "utf8"));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected + (errors?.length && stats.unexpected === 0 ? 1 : 0);
  skipped += stats.skipped;
} else {
  console.error("no browser test results");
  failed++;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
