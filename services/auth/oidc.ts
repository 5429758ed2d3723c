import 'server-only';
import type { OIDCConfig } from 'next-auth/providers';
import { matchOidcSignIn, OIDC_PROVIDER_ID, type OidcClaims } from '@/db/staff-auth';
import { env } from '@/lib/env';

// Sign-in through the organisation's identity provider (OpenID Connect), configured by the OIDC_ settings. Who may
// sign in is decided by matchOidcSignIn (db/staff-auth.ts), from the ID token's claims.

/** The provider for Auth.js, or null when the OIDC_ settings are not set. */
export function oidcProvider(): OIDCConfig<OidcClaims> | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: OIDC_NAME,
    type: 'oidc',
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    // state against forged callbacks, PKCE against stolen codes, nonce against replayed ID tokens.
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: 'openid email profile' } },
    // The claims come from the ID token, which Auth.js has verified (signature, issuer, audience, nonce).
    profile: (claims) => ({ id: claims.sub, email: claims.email ?? '', name: claims.name ?? null }),
  };
}

export function oidcSignInName(): string | null {
  const { OIDC_ISSUER, OIDC_NAME } = env();
  return OIDC_ISSUER ? OIDC_NAME : null;
}

/** The signIn callback's decision for this provider. */
export async function allowOidcSignIn(claims: OidcClaims): Promise<boolean> {
  const { OIDC_ALLOWED_DOMAINS, OIDC_TENANT_ID } = env();
  const match = await matchOidcSignIn(claims, { allowedDomains: OIDC_ALLOWED_DOMAINS, tenantId: OIDC_TENANT_ID });
  if (!match.ok) console.warn(`[auth] identity-provider sign-in refused (${match.reason}) for subject ${claims.sub}`);
  return match.ok;
}
