// Fails when a Vitest JSON report (or several, comma-separated) ran no test or had a failure,
// so CI never prints a green line over an empty run. (A missing browser in CI fails on its
// own: e2e/support/chromium.ts throws; tests that need a PostgreSQL server run in CI's second stage.)
import { readFileSync } from 'node:fs';

let total = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2).flatMap((a) => a.split(','))) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  total += report.numTotalTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (!report.success) failed += 1;
}
const line = `${total} tests, ${failed} failed, ${skipped} skipped`;
if (total === 0 || failed > 0) {
  console.error(`test report check failed: ${line}`);
  process.exit(1);
}
console.log(`test report: ${line}`);
