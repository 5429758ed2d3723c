// `npm test`: every check, in order, stopping at the first that fails; then one closing line with the counts.
//   typecheck → lint (incl. layering and public-text rules) → formatting (Prettier) → dependency advisories → unit and database tests
//   (Vitest) → production build → browser tests (Playwright: flows, authorisation matrix, headers, accessibility).
// Database tests run on embedded PGlite, and on PostgreSQL too when DATABASE_URL is set; the browser tests run against
// the production server (`npm start`) on DATABASE_URL when set, else on a fresh embedded database.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findChromium, INSTALL_HINT } from './chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'test-results/reports');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const counts = { passed: 0, failed: 0, skipped: 0 };
const timings = [];

function finish(code) {
  console.log('\nTimings: ' + timings.map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(' · '));
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  process.exit(code);
}

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${[path.basename(command), ...args].join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push([name, (performance.now() - started) / 1000]);
  return result.status === 0;
}

function ensureChromium() {
  let found;
  try {
    found = findChromium();
  } catch (error) {
    console.error(error.message);
    finish(1);
  }
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian’s chromium package (running as root with apt).');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install =
      update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (install && install.status === 0 && findChromium()) return findChromium();
    console.error('Installing chromium with apt-get failed.');
  }
  console.error(INSTALL_HINT);
  finish(1);
}

function vitestCounts(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
  return report.numTotalTests > 0;
}

function playwrightCounts(file) {
  if (!existsSync(file)) return false;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += stats.expected + stats.flaky;
  counts.failed += stats.unexpected;
  counts.skipped += stats.skipped;
  return stats.expected + stats.unexpected + stats.flaky > 0;
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const chromium = ensureChromium();
console.log(`Browser tests will use ${chromium}.`);
console.log(
  process.env.DATABASE_URL
    ? 'DATABASE_URL is set: database tests run on PGlite and PostgreSQL; browser tests on PostgreSQL.'
    : 'DATABASE_URL is not set: database and browser tests run on embedded PGlite.',
);

if (!step('typecheck', 'npm', ['run', '--silent', 'typecheck'])) finish(1);
if (!step('lint', bin('eslint'), ['.', '--max-warnings=0'])) finish(1);
if (!step('formatting', bin('prettier'), ['--check', '--log-level=warn', '.'])) {
  console.error('Unformatted files (listed above): run `npm run format` and commit the result.');
  finish(1);
}
if (!step('dependency advisories', process.execPath, [path.join(root, 'scripts/audit.mjs')])) finish(1);

const vitestReport = path.join(reports, 'vitest.json');
const unitOk = step('unit and database tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const ranUnit = vitestCounts(vitestReport);
if (!unitOk || !ranUnit) {
  if (!ranUnit) console.error('Vitest ran no test.');
  finish(1);
}

if (!step('build', bin('next'), ['build'], { NEXT_TELEMETRY_DISABLED: '1' })) finish(1);

const e2eOk = step('browser tests', bin('playwright'), ['test'], { CHROMIUM_PATH: chromium });
const ranE2e = playwrightCounts(path.join(reports, 'e2e.json'));
if (!ranE2e) console.error('Playwright ran no test.');
finish(e2eOk && ranE2e ? 0 : 1);
