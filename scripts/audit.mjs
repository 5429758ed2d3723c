// Dependency advisories for production dependencies: fails on any known high or critical advisory that has no
// reviewed exception in audit-exceptions.json. Run by `npm test` (and so by CI).
//
// To record a reviewed exception, add to audit-exceptions.json:
//   { "advisory": "GHSA-xxxx-xxxx-xxxx", "package": "name", "reason": "why it does not affect us", "until": "YYYY-MM-DD" }
// It lapses on `until`, so every exception is looked at again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const BLOCKING = new Set(['high', 'critical']);

/** Problems in an `npm audit --json` report, given the exceptions and today's date (YYYY-MM-DD). */
export function auditProblems(report, exceptions, today) {
  const live = new Map(exceptions.filter((e) => e.until >= today).map((e) => [e.advisory, e]));
  const problems = [];
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      // Entries that are strings point at another package's advisory, reported under that package.
      if (typeof via !== 'object' || !BLOCKING.has(via.severity)) continue;
      const advisory = via.url?.split('/').pop() ?? String(via.source);
      if (live.has(advisory)) continue;
      problems.push(
        `${via.severity}: ${name} (${via.range ?? vulnerability.range}) — ${via.title} — ${via.url ?? advisory}`,
      );
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const exceptions = JSON.parse(fs.readFileSync(path.join(root, 'audit-exceptions.json'), 'utf8')).exceptions;
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = { error: { summary: run.stderr.trim() } };
  }
  if (!report.vulnerabilities) {
    const why = report.message ?? report.error?.summary ?? 'no report';
    // Some networks (this project's build machines among them) reach the registry but not its advisory service.
    const message = `npm audit could not get advisories: ${why}`;
    if (process.env.AUDIT_REQUIRED === '1') {
      console.error(`${message}\nAUDIT_REQUIRED=1: failing.`);
      process.exit(1);
    }
    console.warn(
      `WARNING: ${message}\nAdvisories were NOT checked. Set AUDIT_REQUIRED=1 where the service must be reached.`,
    );
    process.exit(0);
  }
  const problems = auditProblems(report, exceptions, new Date().toISOString().slice(0, 10));
  const counts = report.metadata?.vulnerabilities ?? {};
  console.info(
    `npm audit (production dependencies): ${JSON.stringify(counts)}; ${exceptions.length} recorded exception(s)`,
  );
  if (problems.length) {
    console.error(`High or critical advisories without a reviewed exception:\n  ${problems.join('\n  ')}`);
    console.error('Upgrade, or record a reviewed exception in audit-exceptions.json (see scripts/audit.mjs).');
    process.exit(1);
  }
}
