import { describe, expect, it, vi } from 'vitest';
import { actAs, authModule, form, idle } from '@/test/session';
import { signOutAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));

describe('signOutAction', () => {
  it('refuses when nobody is signed in', async () => {
    const signOut = vi.spyOn(authModule, 'signOut');
    await actAs(null);
    expect(await signOutAction(idle, form())).toMatchObject({
      status: 'error',
      code: 'unauthenticated',
    });
    expect(signOut).not.toHaveBeenCalled();
  });

  it('signs out any signed-in staff member, whatever extra fields are posted', async () => {
    const signOut = vi.spyOn(authModule, 'signOut');
    await actAs('viewer');
    await signOutAction(idle, form({ unexpected: 'x' }));
    expect(signOut).toHaveBeenCalledWith({ redirectTo: '/staff/sign-in?signedOut=1' });
  });
});
