import { z } from 'zod';
import { hitRateLimit } from '@/db/rate-limits';
import { signIn } from '@/services/auth';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { clientKey, htmlPage, isSameOriginRequest } from '@/lib/http';

// Per client: a whole office behind one address asks for a few links; more is a flood, refused with 429. Per address:
// enough for a typo and a retry; past it the same neutral answer comes and no mail goes, so a flood naming someone's
// address neither fills their inbox nor locks them out: the links they already have keep working.
const PER_CLIENT = { limit: 30, windowSeconds: 15 * 60 };
const PER_ADDRESS = { limit: 5, windowSeconds: 15 * 60 };

// A relative Location: behind a reverse proxy, request.url names the instance's own address, not the public one
// (and the page's `form-action 'self'` then blocks the redirect).
const seeOther = (_request: Request, path: string) => new Response(null, { status: 303, headers: { Location: path } });

/** The sign-in form posts here: a route handler, because only a route handler can answer 429 when rate-limited. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) {
    return htmlPage({
      status: 403,
      title: 'Request refused',
      body: '<p>This form must be sent from the Council Desk sign-in page.</p>',
    });
  }
  const form = await request.formData();
  const callbackUrl = safeCallbackPath(String(form.get('callbackUrl') ?? ''));
  const email = z.email().safeParse(
    String(form.get('email') ?? '')
      .trim()
      .toLowerCase(),
  );
  if (!email.success) {
    return seeOther(request, `/staff/sign-in?${new URLSearchParams({ error: 'email', callbackUrl })}`);
  }

  const perClient = await hitRateLimit({ key: `sign-in:client:${clientKey(request)}`, ...PER_CLIENT });
  if (!perClient.allowed) {
    const minutes = Math.ceil(perClient.retryAfterSeconds / 60);
    return htmlPage({
      status: 429,
      title: 'Too many sign-in requests',
      body:
        `<p>Too many sign-in links were asked for in a short time. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.</p>` +
        '<p>If you already asked for a link, it may still be in your inbox (or spam folder).</p><p><a href="/staff/sign-in">Back to sign-in</a></p>',
      headers: { 'Retry-After': String(perClient.retryAfterSeconds) },
    });
  }
  const perAddress = await hitRateLimit({ key: `sign-in:address:${email.data}`, ...PER_ADDRESS });
  if (!perAddress.allowed) return seeOther(request, '/staff/sign-in/check-email');

  await signIn('email', { email: email.data, redirectTo: callbackUrl, redirect: false });
  return seeOther(request, '/staff/sign-in/check-email');
}
