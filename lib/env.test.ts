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

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });

  it('accepts postgres:// and postgresql:// URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://app@127.0.0.1:5432/app' }).DATABASE_URL).toBe(
      'postgres://app@127.0.0.1:5432/app',
    );
    expect(parseEnv({ DATABASE_URL: 'postgresql://db.internal/app' }).DATABASE_URL).toBe('postgresql://db.internal/app');
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
});
