import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('needs nothing for the embedded default', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(path.resolve('data'));
    expect(env.NODE_ENV).toBe('development');
  });

  it('reads TRUST_PROXY as a number of proxies, off by default, and names it when wrong', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: must be the number of proxies/);
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });

  it('accepts postgres:// and postgresql:// URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://app@127.0.0.1:5432/app' }).DATABASE_URL).toBe(
      'postgres://app@127.0.0.1:5432/app',
    );
    expect(parseEnv({ DATABASE_URL: 'postgresql://db.internal/app' }).DATABASE_URL).toBe(
      'postgresql://db.internal/app',
    );
  });

  it('names every wrong variable in its error', () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: 'mysql://localhost/app', NODE_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(message).toMatch(/NODE_ENV:/);
    expect((error as EnvError).issues.map((i) => i.variable).sort()).toEqual(['DATABASE_URL', 'NODE_ENV']);
  });

  it('requires AUTH_SECRET, AUTH_URL and DATA_ENCRYPTION_KEY in production on PostgreSQL, naming them', () => {
    let error: unknown;
    try {
      parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app' });
    } catch (e) {
      error = e;
    }
    expect((error as EnvError).issues.map((i) => i.variable).sort()).toEqual([
      'AUTH_SECRET',
      'AUTH_URL',
      'DATA_ENCRYPTION_KEY',
    ]);
    expect((error as EnvError).message).toMatch(/DATA_ENCRYPTION_KEY: is required in production/);
    expect(() => parseEnv({ DATA_ENCRYPTION_KEY: 'short' })).toThrow(/DATA_ENCRYPTION_KEY: must be 32 random bytes/);
    expect((error as EnvError).message).toMatch(/AUTH_SECRET: is required in production/);
    expect(
      parseEnv({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/app',
        AUTH_SECRET: 'x'.repeat(32),
        AUTH_URL: 'https://council.example.org',
        DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      }).AUTH_URL,
    ).toBe('https://council.example.org');
    // The embedded default keeps a generated secret under DATA_DIR, so it needs only the address.
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_URL: 'http://localhost:3000' })).not.toThrow();
  });

  it('checks mail settings', () => {
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL: must be an SMTP URL/);
    expect(() => parseEnv({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
    expect(parseEnv({ MAIL_FROM: 'Council Desk <desk@unrcca.example.org>' }).MAIL_FROM).toBe(
      'Council Desk <desk@unrcca.example.org>',
    );
    expect(parseEnv({}).OUTBOX_LEASE_SECONDS).toBe(60);
  });

  it('refuses to send real mail in production from the placeholder sender', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_URL: 'https://council.example.org',
      SMTP_URL: 'smtp://mail.example.org:587',
    };
    expect(() => parseEnv(production)).toThrow(/MAIL_FROM: is still the placeholder .*council-desk\.invalid/);
    expect(() => parseEnv({ ...production, MAIL_FROM: 'Desk <desk@example.invalid>' })).toThrow(/MAIL_FROM/);
    expect(parseEnv({ ...production, MAIL_FROM: 'UNRCCA <no-reply@unrcca.example.org>' }).MAIL_FROM).toBe(
      'UNRCCA <no-reply@unrcca.example.org>',
    );
    // Without SMTP_URL nothing leaves the machine, and outside production the placeholder is harmless.
    expect(() => parseEnv({ ...production, SMTP_URL: undefined })).not.toThrow();
    expect(() => parseEnv({ ...production, NODE_ENV: 'development' })).not.toThrow();
  });
});
