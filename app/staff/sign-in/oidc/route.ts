import { signIn } from '@/services/auth';
import { oidcSignInName } from '@/services/auth/oidc';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { htmlPage, isSameOriginRequest } from '@/lib/http';

/**
 * The sign-in page's identity-provider button posts here: Auth.js sets its state, PKCE and nonce cookies and answers
 * with the provider's authorisation address. A plain form post, so it works without JavaScript.
 */
export async function POST(request: Request) {
  if (!oidcSignInName()) return new Response('Not found', { status: 404 });
  if (!isSameOriginRequest(request)) {
    return htmlPage({
      status: 403,
      title: 'Request refused',
      body: '<p>This form must be sent from the Council Desk sign-in page.</p>',
    });
  }
  const form = await request.formData();
  const callbackUrl = safeCallbackPath(String(form.get('callbackUrl') ?? ''));
  const location: string = await signIn('oidc', { redirectTo: callbackUrl, redirect: false });
  return Response.redirect(location, 303);
}
