import type { ContactChangeResult } from '@/db/contacts';
import type { FormState } from '@/lib/form-state';

// What the data layer's refusals for contacts say on the staff pages: one place to read and reword them.

export function contactRefusal(result: Exclude<ContactChangeResult, { ok: true }>): FormState {
  switch (result.reason) {
    case 'emailTaken':
      return {
        status: 'error',
        code: 'fix',
        fieldErrors: { email: ['Another contact already has this email address.'] },
      };
    case 'organisationNotFound':
      return {
        status: 'error',
        code: 'fix',
        fieldErrors: { organisationId: ['That organisation no longer exists.'] },
      };
    case 'notFound':
      return { status: 'error', message: 'That contact no longer exists.' };
  }
}
