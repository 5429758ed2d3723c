import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXTS, fillPlaceholders, PLACEHOLDERS, unknownPlaceholders } from './invitation-template';

const values = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `<${p}>`])) as Record<
  (typeof PLACEHOLDERS)[number],
  string
>;

describe('invitation texts', () => {
  it('fills every placeholder, with or without spaces inside the braces', () => {
    expect(fillPlaceholders('Dear {{name}}, see you at {{ venue }} on {{dates}}.', values)).toBe(
      'Dear <name>, see you at <venue> on <dates>.',
    );
  });

  it('names unknown placeholders instead of leaving blanks', () => {
    expect(unknownPlaceholders('Dear {{nmae}}, {{name}} {{ venu }} {{nmae}}')).toEqual(['nmae', 'venu']);
    expect(fillPlaceholders('Dear {{nmae}}', values)).toBe('Dear {{nmae}}');
  });

  it('ships default texts in both languages that use only known placeholders', () => {
    for (const kind of Object.values(DEFAULT_TEXTS)) {
      for (const text of Object.values(kind)) {
        expect(unknownPlaceholders(text)).toEqual([]);
        expect(fillPlaceholders(text, values)).not.toMatch(/\{\{/);
      }
    }
  });
});
