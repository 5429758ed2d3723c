// Test support for server actions under Vitest: a stand-in for services/auth whose session the test chooses, and
// helpers to make form data. Use with
// `vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule))`. Tests of db/ itself need
// none of this: they pass an actor from test/staff.ts.
import { expect } from 'vitest';
import type { StaffRole } from '@/lib/auth/roles';
import type { FormState } from '@/lib/form-state';
import { createStaff } from './staff';

type TestSession = {
  user: { id: string; email: string; name: string | null; role: StaffRole; active: boolean; timeZone: string | null };
} | null;
let current: TestSession = null;

export const authModule = {
  auth: async () => current,
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
};

/**
 * The stand-in for services/auth/session-cookie (the read-only routes' session check), following the same chosen
 * session: `vi.mock('@/services/auth/session-cookie', () => import('@/test/session').then((m) => m.sessionCookieModule))`.
 */
export const sessionCookieModule = {
  sessionCookieUser: async () => {
    if (!current?.user.active) return null;
    const { id, email, name, role, timeZone } = current.user;
    return { id, email, name, role, timeZone };
  },
};

/** Creates an active staff member with `role` and makes them the signed-in user; null signs out. */
export async function actAs(role: StaffRole | null): Promise<{ id: string; email: string } | null> {
  if (!role) {
    current = null;
    return null;
  }
  const staff = await createStaff(role);
  current = { user: { ...staff, active: true } };
  return { id: staff.id, email: staff.email };
}

export function form(fields: Record<string, string | string[]> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

export const idle: FormState = { status: 'idle' };

/**
 * Calls `run` as nobody and as each role below `least`, and checks each call is refused with nothing changed (as
 * seen by `snapshot`).
 */
export async function expectRefusedBelow(
  least: StaffRole,
  run: () => Promise<FormState>,
  snapshot: () => Promise<unknown>,
): Promise<void> {
  const roles: (StaffRole | null)[] = [null, 'viewer', 'editor', 'admin'];
  for (const role of roles.slice(0, roles.indexOf(least))) {
    await actAs(role);
    const before = await snapshot();
    const state = await run();
    expect(state.status, `as ${role ?? 'anonymous'}`).toBe('error');
    expect(state.status === 'error' && state.code).toBe(role ? 'forbidden' : 'unauthenticated');
    expect(state.status === 'error' && state.refusal).toEqual({
      reason: role ? 'forbidden' : 'unauthenticated',
      needs: least,
    });
    expect(await snapshot(), `as ${role ?? 'anonymous'}: nothing changed`).toEqual(before);
  }
}
