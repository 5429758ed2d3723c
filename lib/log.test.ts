import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger, routeConsoleToLogger, scrubPath, scrubText, serializeError } from './log';

const TOKEN = 'avH4B2j9ScaCsjBgzxOqSwAAAAHtMojtxEb-ro0T_IWeBRrP';

function captured(run: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
    lines.push(String(line));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the redaction layer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('takes links, tokens, phone numbers and email local parts out of text', () => {
    expect(
      scrubText(`open https://desk.example.org/i/${TOKEN} or call +998 71 555 12 34; mail nigora.alimova@mfa.uz`),
    ).toBe('open [link] or call [number]; mail …@mfa.uz');
    expect(scrubText(`token ${TOKEN} for 0b7c6a0e-3f2b-4c1e-9a53-1f0a2b3c4d5e`)).toBe(
      'token [token] for 0b7c6a0e-3f2b-4c1e-9a53-1f0a2b3c4d5e',
    );
    expect(scrubPath(`/ru/i/${TOKEN}?done=accepted`)).toBe('/ru/i/:key');
  });

  it('keeps a database error’s kind but not the row’s values', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
      detail: 'Failing row contains (ALIMOVA NIGORA)',
    });
    const error = new Error(
      'Failed query: insert into "registrations" ("passport_name") values ($1)\nparams: ALIMOVA NIGORA',
      {
        cause,
      },
    );
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain('Failed query: insert into \\"registrations\\"');
    expect(logged).toContain('22021');
    expect(logged).not.toContain('ALIMOVA');
  });

  it('writes only known fields, and console output goes through the same layer', () => {
    const lines = captured(() => {
      logger.info(
        { action: 'delegate.register', outcome: 'ok', ms: 12, passportName: 'ALIMOVA', values: { phone: '1' } },
        'action',
      );
    });
    expect(lines[0]).toMatchObject({
      level: 30,
      action: 'delegate.register',
      outcome: 'ok',
      ms: 12,
      passportName: '[redacted]',
      values: '[redacted]',
      msg: 'action',
    });
    const original = { ...console };
    try {
      routeConsoleToLogger();
      const routed = captured(() =>
        console.error('⨯ failed for', `https://desk.example.org/i/${TOKEN}`, new Error(`boom ${TOKEN}`)),
      );
      expect(routed[0]).toMatchObject({
        level: 50,
        msg: '⨯ failed for [link]',
        err: { type: 'Error', message: 'boom [token]' },
      });
    } finally {
      Object.assign(console, original, { __councilDeskRouted: false });
    }
  });
});
