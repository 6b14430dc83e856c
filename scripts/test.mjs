// `npm test`: every test, unit and browser. Finds (or, as root, installs) every system program the
// tests call (scripts/system-tools.mjs: Chromium, PostgreSQL, poppler's PDF tools), builds the
// library the CLI and browser tests use, runs Vitest, and ends on one `tests: N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { ensureSystemTools, findChromium } from './system-tools.mjs';

if (!ensureSystemTools()) process.exit(1);
process.env.CHISO_CHROMIUM = findChromium();

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env });

const build = run('npm', ['run', '--silent', 'build']);
if (build.status !== 0) {
  console.error('chiso: build failed / biên dịch lỗi');
  process.exit(build.status ?? 1);
}

mkdirSync('node_modules/.cache', { recursive: true });
const report = 'node_modules/.cache/vitest-report.json';
const extra = process.argv.slice(2);
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);

try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (r.numTotalTests === 0) process.exit(1);
} catch {
  console.error('chiso: no test report was written');
  process.exit(vitest.status || 1);
}
process.exit(vitest.status ?? 1);
