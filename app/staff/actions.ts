'use server';

import { z } from 'zod';
import { staffAction } from '@/services/actions';
import { signOut } from '@/services/auth';

export const signOutAction = staffAction({ name: 'staff.signOut', role: 'viewer', schema: z.object({}) }, async () => {
  await signOut({ redirectTo: '/staff/sign-in?signedOut=1' });
});
