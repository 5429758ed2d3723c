import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { authSecret } from '@/lib/auth/secret';
import { appBaseUrl } from '@/lib/env';
import { recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import { accounts, adminSetupTokens, sessions, users, verificationTokens, type User } from './schema';

// The sign-in side of staff accounts: used by Auth.js callbacks, the first-admin set-up and `npm run admin:create`,
// before anyone is signed in. Managing staff (db/staff.ts) needs an admin.

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const normaliseEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase();

export async function findActiveStaffByEmail(email: string): Promise<User | null> {
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, normaliseEmail(email)), eq(users.active, true)));
  return user ?? null;
}

/**
 * The active staff member whose unexpired sign-in session has this token, or null: one indexed lookup, for the
 * read-only JSON routes that skip Auth.js's own session round trip (services/auth/session-cookie.ts). Checking `active` here
 * keeps "a deactivated account is out at once" for them too.
 */
export async function findStaffBySessionToken(
  token: string,
): Promise<Pick<User, 'id' | 'email' | 'name' | 'role' | 'timeZone'> | null> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, timeZone: users.timeZone })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, sql`now()`), eq(users.active, true)));
  return user ?? null;
}

export async function countActiveAdmins(executor?: DbExecutor): Promise<number> {
  const db = executor ?? (await getDb());
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return row?.n ?? 0;
}

const SETUP_TOKEN_HOURS = 24;
const SIGN_IN_MINUTES = 15;

/**
 * A one-time link that makes its holder an admin: for `email` when given (`npm run admin:create`), else for the
 * first admin, who gives their own address. Only a hash is stored.
 */
export async function createAdminSetupLink({ email }: { email?: string } = {}): Promise<string> {
  const db = await getDb();
  const token = randomBytes(32).toString('base64url');
  await db.insert(adminSetupTokens).values({
    tokenHash: sha256(token),
    email: email ? normaliseEmail(email) : null,
    expiresAt: new Date(Date.now() + SETUP_TOKEN_HOURS * 3600_000),
  });
  return `${appBaseUrl()}/staff/setup/${token}`;
}

export type SetupTokenState =
  { usable: true; email: string | null } | { usable: false; reason: 'unknown' | 'used' | 'expired' | 'adminExists' };

export async function inspectAdminSetupToken(token: string): Promise<SetupTokenState> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(adminSetupTokens)
    .where(eq(adminSetupTokens.tokenHash, sha256(token)));
  if (!row) return { usable: false, reason: 'unknown' };
  if (row.usedAt) return { usable: false, reason: 'used' };
  if (row.expiresAt < new Date()) return { usable: false, reason: 'expired' };
  if (!row.email && (await countActiveAdmins()) > 0) return { usable: false, reason: 'adminExists' };
  return { usable: true, email: row.email };
}

/**
 * Spends a set-up token: creates (or promotes and reactivates) the admin and returns an Auth.js sign-in URL for
 * them, so the ordinary sign-in callback makes the session. All in one transaction: a token works once.
 */
export async function completeAdminSetup({
  token,
  name,
  email: givenEmail,
}: {
  token: string;
  name: string;
  email?: string;
}): Promise<
  | { ok: true; signInUrl: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'adminExists' | 'emailRequired' }
> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(adminSetupTokens)
      .where(eq(adminSetupTokens.tokenHash, sha256(token)))
      .for('update');
    if (!row) return { ok: false, reason: 'unknown' } as const;
    if (row.usedAt) return { ok: false, reason: 'used' } as const;
    if (row.expiresAt < new Date()) return { ok: false, reason: 'expired' } as const;
    if (!row.email && (await countActiveAdmins(tx)) > 0) return { ok: false, reason: 'adminExists' } as const;
    const email = row.email ?? (givenEmail ? normaliseEmail(givenEmail) : null);
    if (!email) return { ok: false, reason: 'emailRequired' } as const;

    const [before] = await tx.select().from(users).where(eq(users.email, email));
    const [admin] = await tx
      .insert(users)
      .values({ email, name, role: 'admin', active: true })
      .onConflictDoUpdate({
        target: users.email,
        set: { name, role: 'admin', active: true, updatedAt: sql`now()` },
      })
      .returning();
    await tx
      .update(adminSetupTokens)
      .set({ usedAt: sql`now()` })
      .where(eq(adminSetupTokens.tokenHash, row.tokenHash));
    await recordAudit(tx, {
      actor: { id: admin!.id, email },
      action: before ? 'staff.promoted_by_setup_link' : 'staff.created_by_setup_link',
      entityType: 'user',
      entityId: admin!.id,
      before: before ? { role: before.role, active: before.active, name: before.name } : undefined,
      after: { email, name, role: 'admin', active: true },
    });
    return { ok: true, signInUrl: await createSignInUrl(tx, email) } as const;
  });
}

/**
 * An Auth.js email sign-in URL for `email`, made the way Auth.js makes its own: the verification token is stored as
 * sha256(token + secret) and the link carries the token itself.
 */
async function createSignInUrl(executor: DbExecutor, email: string, callbackUrl = '/staff'): Promise<string> {
  const token = randomBytes(32).toString('hex');
  await executor.insert(verificationTokens).values({
    identifier: email,
    token: sha256(`${token}${authSecret()}`),
    expires: new Date(Date.now() + SIGN_IN_MINUTES * 60_000),
  });
  // Through the confirmation page, like the emailed links: a full navigation from its button spends the token.
  return `/staff/sign-in/confirm?${new URLSearchParams({ callbackUrl, token, email })}`;
}

/** What an OpenID Connect provider asserted in its ID token (services/auth/oidc.ts). */
export interface OidcClaims {
  iss: string;
  sub: string;
  email?: string | null;
  email_verified?: boolean | string | null;
  name?: string | null;
  /** Microsoft Entra ID: the tenant the account belongs to. */
  tid?: string | null;
}

export interface OidcRules {
  allowedDomains: string[];
  tenantId?: string;
}

export type OidcMatch =
  | { ok: true; userId: string; how: 'subject' | 'email' | 'created' }
  | { ok: false; reason: 'tenant' | 'domain' | 'issuer' | 'unverified' | 'unknown' | 'inactive' };

export const OIDC_PROVIDER_ID = 'oidc';

/**
 * Who an identity provider's sign-in is, by the rules of issue 24: the pair iss + sub recorded at the first match
 * (so a later change of address at the provider changes nothing); before that, an existing account by email only
 * when the provider vouches for the address (email_verified) and, for Entra ID, only from the configured tenant.
 * Allowed domains limit everyone; without them nobody gets a new account, with them only as viewer. A deactivated
 * account stays out.
 */
export async function matchOidcSignIn(claims: OidcClaims, rules: OidcRules): Promise<OidcMatch> {
  if (rules.tenantId && claims.tid !== rules.tenantId) return { ok: false, reason: 'tenant' };
  const email = claims.email ? normaliseEmail(claims.email) : null;
  const domain = email?.split('@').pop() ?? null;
  if (rules.allowedDomains.length && !(domain && rules.allowedDomains.includes(domain))) {
    return { ok: false, reason: 'domain' };
  }
  const db = await getDb();
  return db.transaction(async (tx): Promise<OidcMatch> => {
    const [linked] = await tx
      .select({ account: accounts, user: users })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .where(and(eq(accounts.provider, OIDC_PROVIDER_ID), eq(accounts.providerAccountId, claims.sub)));
    if (linked) {
      if (linked.account.issuer !== claims.iss) return { ok: false, reason: 'issuer' };
      if (!linked.user.active) return { ok: false, reason: 'inactive' };
      return { ok: true, userId: linked.user.id, how: 'subject' };
    }
    if (!email || (claims.email_verified !== true && claims.email_verified !== 'true')) {
      return { ok: false, reason: 'unverified' };
    }
    const [existing] = await tx.select().from(users).where(eq(users.email, email)).for('update');
    if (existing && !existing.active) return { ok: false, reason: 'inactive' };
    if (!existing && !rules.allowedDomains.length) return { ok: false, reason: 'unknown' };
    const [user] = existing
      ? [existing]
      : await tx
          .insert(users)
          .values({ email, name: claims.name?.trim() || null, role: 'viewer', active: true })
          .returning();
    if (!user) return { ok: false, reason: 'unknown' };
    const [link] = await tx
      .insert(accounts)
      .values({
        userId: user.id,
        type: 'oidc',
        provider: OIDC_PROVIDER_ID,
        providerAccountId: claims.sub,
        issuer: claims.iss,
      })
      .onConflictDoNothing()
      .returning({ userId: accounts.userId });
    // A simultaneous first sign-in linked it already: the next sign-in matches by subject.
    if (!link) return { ok: false, reason: 'unknown' };
    await recordAudit(tx, {
      actor: { id: user.id, email },
      action: existing ? 'staff.linked_identity_provider' : 'staff.created_by_identity_provider',
      entityType: 'user',
      entityId: user.id,
      after: { issuer: claims.iss, subject: claims.sub, ...(existing ? {} : { email, role: 'viewer' }) },
    });
    return { ok: true, userId: user.id, how: existing ? 'email' : 'created' };
  });
}
