'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { completeAdminSetup, inspectAdminSetupToken } from '@/db/staff-auth';
import { tokenAction } from '@/services/actions';

const REFUSALS = {
  unknown: 'This set-up link is not valid. Copy the whole link from the terminal.',
  used: 'This set-up link has already been used. Sign in with your email instead.',
  expired: 'This set-up link has expired. Restart the app (or run npm run admin:create) for a new one.',
  adminExists: 'An admin already exists. Ask them to add you on the Staff page.',
  emailRequired: 'Enter your email address.',
} as const;

export const completeSetupAction = tokenAction(
  {
    name: 'setup.complete',
    bound: z.tuple([z.string().min(20).max(200)]),
    verifyToken: async (token) => {
      const state = await inspectAdminSetupToken(token);
      return state.usable ? { ok: true } : { ok: false, message: REFUSALS[state.reason] };
    },
    schema: z.object({
      name: z.string().trim().min(1, 'Enter your name.').max(200, 'Keep the name under 200 characters.'),
      // Absent when the link was made for a given address.
      email: z.email('Enter a valid email address, like name@example.org.').max(320).optional(),
    }),
  },
  async ({ name, email }, { bound: [token] }) => {
    const result = await completeAdminSetup({ token, name, email });
    if (!result.ok) {
      return result.reason === 'emailRequired'
        ? { status: 'error', message: REFUSALS.emailRequired, fieldErrors: { email: [REFUSALS.emailRequired] } }
        : { status: 'error', message: REFUSALS[result.reason] };
    }
    redirect(result.signInUrl);
  },
);
