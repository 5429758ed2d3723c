import type { StaffChangeResult } from '@/db/staff';
import type { FormState } from '@/lib/form-state';

// What the data layer's refusals for staff accounts say on the Staff page: one place to read and reword them.

export function staffRefusal(result: Exclude<StaffChangeResult, { ok: true }>): FormState {
  return {
    status: 'error',
    message: {
      notFound: 'That staff member no longer exists.',
      emailTaken: 'Someone on the staff already has this email address.',
      lastAdmin: 'This is the last active admin: make someone else admin first.',
    }[result.reason],
    ...(result.reason === 'emailTaken'
      ? { fieldErrors: { email: ['Someone on the staff already has this email address.'] } }
      : {}),
  };
}
