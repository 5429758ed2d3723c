import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { findStaffBySessionToken } from '@/db/staff-auth';

/**
 * Auth.js's session cookie name: `__Secure-` prefixed when the app is served over HTTPS, as Auth.js decides it (from
 * AUTH_URL when set, else the request's forwarded protocol).
 */
export function sessionCookieName(authUrl: string | undefined, forwardedProto: string | null): string {
  const secure = authUrl ? authUrl.startsWith('https:') : forwardedProto?.split(',')[0]?.trim() === 'https';
  return `${secure ? '__Secure-' : ''}authjs.session-token`;
}

/**
 * The active staff member behind this request's Auth.js session cookie, from one indexed query instead of Auth.js's
 * session round trip (a few milliseconds of CPU a call, which at ten searches a second is most of the route's time).
 * For the read-only JSON routes a staff page calls as one types or waits (services/auth/staff.ts); it does not
 * extend the session, which the pages around them do through `auth()`.
 */
export const sessionCookieUser = cache(async () => {
  const name = sessionCookieName(process.env.AUTH_URL, (await headers()).get('x-forwarded-proto'));
  const token = (await cookies()).get(name)?.value;
  return token ? findStaffBySessionToken(token) : null;
});
