import 'server-only';
import NextAuth from 'next-auth';
import { cache } from 'react';
import { authAdapter } from '@/db/auth-adapter';
import { findActiveStaffByEmail, type OidcClaims } from '@/db/staff-auth';
import { authSecret } from '@/lib/auth/secret';
import { allowOidcSignIn, oidcProvider } from './oidc';
import { sendSignInEmail } from './sign-in-email';

const SIGN_IN_LINK_MINUTES = 15;

const nextAuth = NextAuth(async () => {
  return {
    adapter: await authAdapter(),
    secret: authSecret(),
    // Safe because lib/env.ts refuses a production start without AUTH_URL (which Auth.js then builds every URL
    // from) unless AUTH_TRUST_HOST=true was chosen explicitly, behind a proxy that sets the Host header.
    trustHost: true,
    session: { strategy: 'database', maxAge: 7 * 24 * 3600, updateAge: 3600 },
    providers: [
      {
        id: 'email',
        type: 'email',
        name: 'Email',
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        // Decides who gets mail: only active staff. Everyone else sees the same "check your email" page, and
        // nothing is sent.
        sendVerificationRequest: ({ identifier, url, expires }) => sendSignInEmail({ email: identifier, url, expires }),
      },
      ...[oidcProvider()].filter((p) => p !== null),
    ],
    pages: {
      signIn: '/staff/sign-in',
      verifyRequest: '/staff/sign-in/check-email',
      error: '/staff/sign-in/error',
    },
    callbacks: {
      async signIn({ user, email, account, profile }) {
        if (account?.provider === 'oidc') return !!profile && allowOidcSignIn(profile as unknown as OidcClaims);
        // Asking for a link is always "allowed" (so the answer never tells who is staff); following one needs an
        // active staff account at that moment.
        if (email?.verificationRequest) return true;
        return !!user.email && !!(await findActiveStaffByEmail(user.email));
      },
      session({ session, user }) {
        session.user = {
          ...session.user,
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          active: user.active,
          timeZone: user.timeZone,
        };
        return session;
      },
    },
  };
});

export const { handlers, signIn, signOut } = nextAuth;

/** The signed-in session, read once per request. */
export const auth = cache(nextAuth.auth);
