// Fails when a Vitest JSON report (or several, comma-separated) ran no test or had a failure,
// so CI never prints a green line over an empty run.
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
if (process.env.CI === 'true' && skipped > 0) {
  console.error(`test report check failed: ${skipped} skipped tests in CI`);
  process.exit(1);
}
console.log(`test report: ${line}`);
