import { describe, expect, it } from 'vitest';
import { redact, REDACTED } from './audit';

describe('redact', () => {
  it('hides secret and sensitive fields at any depth and keeps the rest', () => {
    expect(
      redact({
        email: 'a@council.test',
        role: 'admin',
        sessionToken: 'abc',
        nested: {
          passportNumber: 'AA1234567',
          dateOfBirth: '1990-01-01',
          note: 'kept',
          list: [{ secretLinks: ['x'] }],
        },
        empty: null,
        when: new Date('2024-05-14T05:00:00Z'),
      }),
    ).toEqual({
      email: 'a@council.test',
      role: 'admin',
      sessionToken: REDACTED,
      nested: { passportNumber: REDACTED, dateOfBirth: REDACTED, note: 'kept', list: [{ secretLinks: REDACTED }] },
      empty: null,
      when: '2024-05-14T05:00:00.000Z',
    });
  });
});
