import 'server-only';
import { env } from '@/lib/env';
import { keptSecret } from '@/lib/kept-secret';

let cached: string | undefined;

/**
 * AUTH_SECRET, or — for the embedded default and local development — one generated on first use and kept in
 * DATA_DIR, so sessions survive restarts without any configuration. lib/env.ts refuses a production start on
 * PostgreSQL without AUTH_SECRET, where every instance must share it.
 */
export function authSecret(): string {
  if (cached) return cached;
  const { AUTH_SECRET } = env();
  return (cached = AUTH_SECRET ?? keptSecret('auth-secret', 33));
}
