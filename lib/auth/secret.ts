import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

let cached: string | undefined;

/**
 * AUTH_SECRET, or — for the embedded default and local development — one generated on first use and kept in
 * DATA_DIR, so sessions survive restarts without any configuration. lib/env.ts refuses a production start on
 * PostgreSQL without AUTH_SECRET, where every instance must share it.
 */
export function authSecret(): string {
  if (cached) return cached;
  const { AUTH_SECRET, DATA_DIR } = env();
  if (AUTH_SECRET) return (cached = AUTH_SECRET);
  const file = path.join(DATA_DIR, 'auth-secret');
  fs.mkdirSync(DATA_DIR, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(33).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (cached = fs.readFileSync(file, 'utf8').trim());
}
