import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createUser, uniqueStamp } from '@/test/factories';
import { getDb } from './client';
import { accounts, auditLog, users } from './schema';
import { matchOidcSignIn, type OidcClaims } from './staff-auth';

// The matching rules of sign-in through an identity provider (issue 24 §4); e2e/oidc-sign-in.spec.ts runs the flow.

const ISSUER = 'https://login.example.org/tenant-a/v2.0';
const NONE = { allowedDomains: [] };

const claims = (stamp: string, overrides: Partial<OidcClaims> = {}): OidcClaims => ({
  iss: ISSUER,
  sub: `sub-${stamp}`,
  email: `person.${stamp}@council.test`,
  email_verified: true,
  name: 'A Person',
  ...overrides,
});

describe('matchOidcSignIn', () => {
  it('links an existing account by a verified address, then matches by iss + sub alone', async () => {
    const stamp = uniqueStamp();
    const user = await createUser({ email: `person.${stamp}@council.test`, role: 'editor' });
    expect(await matchOidcSignIn(claims(stamp), NONE)).toEqual({ ok: true, userId: user.id, how: 'email' });
    const db = await getDb();
    expect(
      await db
        .select({ issuer: accounts.issuer, sub: accounts.providerAccountId })
        .from(accounts)
        .where(eq(accounts.userId, user.id)),
    ).toEqual([{ issuer: ISSUER, sub: `sub-${stamp}` }]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit?.action).toBe('staff.linked_identity_provider');

    // The address changed at the provider (and is no longer even vouched for): the subject still matches.
    expect(
      await matchOidcSignIn(claims(stamp, { email: `renamed.${stamp}@council.test`, email_verified: false }), NONE),
    ).toEqual({ ok: true, userId: user.id, how: 'subject' });
    // The same subject from another issuer is someone else.
    expect(await matchOidcSignIn(claims(stamp, { iss: 'https://other.example.org' }), NONE)).toEqual({
      ok: false,
      reason: 'issuer',
    });
  });

  it('matches no one by an address the provider does not vouch for', async () => {
    const stamp = uniqueStamp();
    await createUser({ email: `person.${stamp}@council.test` });
    for (const email_verified of [false, undefined, null, 'false']) {
      expect(await matchOidcSignIn(claims(stamp, { email_verified }), NONE)).toEqual({
        ok: false,
        reason: 'unverified',
      });
    }
  });

  it('keeps a deactivated account out, linked or not', async () => {
    const stamp = uniqueStamp();
    const user = await createUser({ email: `person.${stamp}@council.test`, active: false });
    expect(await matchOidcSignIn(claims(stamp), NONE)).toEqual({ ok: false, reason: 'inactive' });
    const db = await getDb();
    await db.update(users).set({ active: true }).where(eq(users.id, user.id));
    expect(await matchOidcSignIn(claims(stamp), NONE)).toMatchObject({ ok: true });
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await matchOidcSignIn(claims(stamp), NONE)).toEqual({ ok: false, reason: 'inactive' });
  });

  it('makes no account without allowed domains, and only viewers within them', async () => {
    const stamp = uniqueStamp();
    expect(await matchOidcSignIn(claims(stamp), NONE)).toEqual({ ok: false, reason: 'unknown' });
    const db = await getDb();
    expect(
      await db
        .select()
        .from(users)
        .where(eq(users.email, `person.${stamp}@council.test`)),
    ).toHaveLength(0);

    const rules = { allowedDomains: ['council.test'] };
    expect(await matchOidcSignIn(claims(stamp, { email: `x.${stamp}@elsewhere.test` }), rules)).toEqual({
      ok: false,
      reason: 'domain',
    });
    const made = await matchOidcSignIn(claims(stamp), rules);
    expect(made).toMatchObject({ ok: true, how: 'created' });
    const [user] = await db
      .select()
      .from(users)
      .where(eq(users.email, `person.${stamp}@council.test`));
    expect(user).toMatchObject({ role: 'viewer', active: true });
  });

  it('lets allowed domains limit existing accounts too', async () => {
    const stamp = uniqueStamp();
    await createUser({ email: `person.${stamp}@elsewhere.test`, role: 'admin' });
    expect(
      await matchOidcSignIn(claims(stamp, { email: `person.${stamp}@elsewhere.test` }), {
        allowedDomains: ['council.test'],
      }),
    ).toEqual({ ok: false, reason: 'domain' });
  });

  it('takes Entra ID accounts of the configured tenant only', async () => {
    const stamp = uniqueStamp();
    const user = await createUser({ email: `person.${stamp}@council.test` });
    const rules = { allowedDomains: [], tenantId: 'tenant-a' };
    expect(await matchOidcSignIn(claims(stamp, { tid: 'tenant-b' }), rules)).toEqual({ ok: false, reason: 'tenant' });
    expect(await matchOidcSignIn(claims(stamp), rules)).toEqual({ ok: false, reason: 'tenant' });
    expect(await matchOidcSignIn(claims(stamp, { tid: 'tenant-a' }), rules)).toEqual({
      ok: true,
      userId: user.id,
      how: 'email',
    });
  });
});
