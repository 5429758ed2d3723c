import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/roles';
import { createStaff } from '@/test/staff';
import { sessionCookieName } from './session-cookie';
import { requireStaffForReadOnlyRoute } from './staff';

// Auth.js itself is not loaded: this check does without it.
vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));

// The request's cookies and headers, as next/headers gives them to a route handler.
const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Headers() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
  }),
  headers: async () => request.headers,
}));

async function signedIn(role: 'viewer' | 'editor' | 'admin', expiresInMs = 3600_000) {
  const staff = await createStaff(role);
  const sessionToken = randomBytes(16).toString('hex');
  await (
    await getDb()
  )
    .insert(sessions)
    .values({ sessionToken, userId: staff.id, expires: new Date(Date.now() + expiresInMs) });
  return { staff, sessionToken };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AuthorizationError ? error.reason : error),
  );

describe('the session check of read-only staff routes', () => {
  beforeEach(() => {
    request.cookies.clear();
    request.headers = new Headers();
    vi.unstubAllEnvs();
    vi.stubEnv('AUTH_URL', 'http://localhost:3000');
  });

  it('names the cookie as Auth.js does, secure over HTTPS', () => {
    expect(sessionCookieName('https://desk.example.org', null)).toBe('__Secure-authjs.session-token');
    expect(sessionCookieName('http://localhost:3000', 'https')).toBe('authjs.session-token');
    expect(sessionCookieName(undefined, 'https, http')).toBe('__Secure-authjs.session-token');
    expect(sessionCookieName(undefined, null)).toBe('authjs.session-token');
  });

  it('gives the staff member behind a live session, with their role checked', async () => {
    const { staff, sessionToken } = await signedIn('viewer');
    request.cookies.set('authjs.session-token', sessionToken);
    expect(await requireStaffForReadOnlyRoute('viewer')).toEqual(staff);
    expect(await refusal(requireStaffForReadOnlyRoute('editor'))).toBe('forbidden');
  });

  it('refuses no cookie, an unknown token, an expired session and the cookie under the other name', async () => {
    expect(await refusal(requireStaffForReadOnlyRoute('viewer'))).toBe('unauthenticated');
    request.cookies.set('authjs.session-token', randomBytes(16).toString('hex'));
    expect(await refusal(requireStaffForReadOnlyRoute('viewer'))).toBe('unauthenticated');

    const expired = await signedIn('admin', -1000);
    request.cookies.set('authjs.session-token', expired.sessionToken);
    expect(await refusal(requireStaffForReadOnlyRoute('viewer'))).toBe('unauthenticated');

    // Over HTTPS only the __Secure- cookie counts, as for Auth.js.
    const live = await signedIn('admin');
    vi.stubEnv('AUTH_URL', 'https://desk.example.org');
    request.cookies.set('authjs.session-token', live.sessionToken);
    expect(await refusal(requireStaffForReadOnlyRoute('viewer'))).toBe('unauthenticated');
    request.cookies.set('__Secure-authjs.session-token', live.sessionToken);
    expect(await requireStaffForReadOnlyRoute('admin')).toEqual(live.staff);
  });

  it('shuts out a deactivated account at once, session or not', async () => {
    const { staff, sessionToken } = await signedIn('editor');
    request.cookies.set('authjs.session-token', sessionToken);
    expect((await requireStaffForReadOnlyRoute('editor')).id).toBe(staff.id);
    await (await getDb()).update(users).set({ active: false }).where(eq(users.id, staff.id));
    expect(await refusal(requireStaffForReadOnlyRoute('viewer'))).toBe('unauthenticated');
  });
});
