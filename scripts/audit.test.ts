import { describe, expect, it } from 'vitest';
import { auditProblems } from './audit.mjs';

const report = {
  vulnerabilities: {
    'bad-lib': {
      range: '<1.2.3',
      via: [
        {
          source: 1,
          severity: 'high',
          title: 'Prototype pollution',
          url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
          range: '<1.2.3',
        },
      ],
    },
    'meh-lib': {
      range: '*',
      via: [{ source: 2, severity: 'moderate', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-mmmm' }],
    },
    'uses-bad-lib': { range: '*', via: ['bad-lib'] },
  },
};

describe('dependency advisories', () => {
  it('fail on a high advisory, and only on high or critical ones', () => {
    expect(auditProblems(report, [], '2026-11-27')).toEqual([
      'high: bad-lib (<1.2.3) — Prototype pollution — https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
    ]);
  });

  it('pass with a reviewed exception, until it lapses', () => {
    const exception = {
      advisory: 'GHSA-aaaa-bbbb-cccc',
      package: 'bad-lib',
      reason: 'not reachable from our code',
      until: '2026-12-31',
    };
    expect(auditProblems(report, [exception], '2026-11-27')).toEqual([]);
    expect(auditProblems(report, [exception], '2027-01-01')).toHaveLength(1);
  });
});
