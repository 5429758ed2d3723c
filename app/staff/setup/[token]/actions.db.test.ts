import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { users, verificationTokens } from '@/db/schema';
import { createAdminSetupLink } from '@/db/staff-auth';
import { form, idle } from '@/test/session';
import { completeSetupAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));

const tokenOf = (link: string) => link.split('/staff/setup/')[1]!;

// Open to people without an account: the token in the link is the key, so there is no role to refuse; bad and
// spent tokens are the "unauthenticated" case.
describe('completeSetupAction', () => {
  it('refuses a malformed or unknown token and changes nothing', async () => {
    const db = await getDb();
    const before = await db.select().from(users);
    expect(await completeSetupAction('short', idle, form({ name: 'A', email: 'a@council.test' }))).toMatchObject({
      status: 'error',
    });
    expect(await completeSetupAction('x'.repeat(43), idle, form({ name: 'A', email: 'a@council.test' }))).toMatchObject(
      {
        status: 'error',
        message: expect.stringMatching(/not valid/),
      },
    );
    expect(await db.select().from(users)).toEqual(before);
  });

  it('answers bad input per field', async () => {
    const token = tokenOf(await createAdminSetupLink());
    expect(await completeSetupAction(token, idle, form({ name: ' ', email: 'nope' }))).toMatchObject({
      status: 'error',
      fieldErrors: { name: ['Enter your name.'], email: [expect.stringMatching(/valid email/)] },
    });
    expect(await completeSetupAction(token, idle, form({ name: 'Aziza' }))).toMatchObject({
      status: 'error',
      fieldErrors: { email: ['Enter your email address.'] },
    });
  });

  it('makes the first admin once, then the link and any other first-admin link are spent', async () => {
    const first = tokenOf(await createAdminSetupLink());
    const spare = tokenOf(await createAdminSetupLink());
    await expect(
      completeSetupAction(first, idle, form({ name: 'Aziza Karimova', email: 'Aziza@Council.test' })),
    ).rejects.toThrow('NEXT_REDIRECT');
    const db = await getDb();
    const [admin] = await db.select().from(users).where(eq(users.email, 'aziza@council.test'));
    expect(admin).toMatchObject({ role: 'admin', active: true, name: 'Aziza Karimova' });
    expect(
      await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, 'aziza@council.test')),
    ).toHaveLength(1);

    expect(await completeSetupAction(first, idle, form({ name: 'Again', email: 'again@council.test' }))).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/already been used/),
    });
    expect(await completeSetupAction(spare, idle, form({ name: 'Late', email: 'late@council.test' }))).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/An admin already exists/),
    });
  });

  it('lets admin:create links (for a named address) work even when admins exist', async () => {
    const token = tokenOf(await createAdminSetupLink({ email: 'second.admin@council.test' }));
    await expect(
      completeSetupAction(token, idle, form({ name: 'Second Admin', email: 'ignored@council.test' })),
    ).rejects.toThrow('NEXT_REDIRECT');
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, 'ignored@council.test'))).toHaveLength(0);
    const [admin] = await db.select().from(users).where(eq(users.email, 'second.admin@council.test'));
    expect(admin?.role).toBe('admin');
  });
});
