// `npm test`: unit, integration and component tests, then the apps are built and the browser
// tests run on their own (they start servers and Chromium, so they get the machine to themselves).
// Every stage writes a JSON report, and a stage that ran no test fails the run.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const vitest = (projects, report) =>
  run('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile=${report}`]);

vitest(['unit', 'integration', 'apps'], '.tmp/report-main.json');
run('npm', ['run', 'build']);
vitest(['e2e'], '.tmp/report-e2e.json');
run('node', ['scripts/check-test-report.mjs', '.tmp/report-main.json', '.tmp/report-e2e.json']);
