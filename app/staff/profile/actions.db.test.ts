import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { updateTimeZoneAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

describe('updateTimeZoneAction', () => {
  it('refuses anyone signed out', async () => {
    await expectRefusedBelow(
      'viewer',
      () => updateTimeZoneAction(idle, form({ timeZone: 'Asia/Tashkent' })),
      async () => (await getDb()).select({ tz: users.timeZone }).from(users),
    );
  });

  it('refuses a zone that does not exist, and saves a real one (or none) for the signed-in person only', async () => {
    const me = await actAs('viewer');
    expect(await updateTimeZoneAction(idle, form({ timeZone: 'Tashkent' }))).toMatchObject({
      fieldErrors: { timeZone: ['Choose a time zone from the list.'] },
    });
    expect(await updateTimeZoneAction(idle, form({ timeZone: 'Asia/Tashkent' }))).toMatchObject({ status: 'success' });
    const row = async () => (await getDb()).select({ tz: users.timeZone }).from(users).where(eq(users.id, me!.id));
    expect(await row()).toEqual([{ tz: 'Asia/Tashkent' }]);
    await updateTimeZoneAction(idle, form({ timeZone: '' }));
    expect(await row()).toEqual([{ tz: null }]);
  });
});
