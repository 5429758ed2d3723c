import type { OrganisationChangeResult } from '@/db/organisations';
import type { FormState } from '@/lib/form-state';

// What the data layer's refusals for organisations say on the staff pages: one place to read and reword them.

export function organisationRefusal(result: Exclude<OrganisationChangeResult, { ok: true }>): FormState {
  switch (result.reason) {
    case 'acronymTaken':
      return {
        status: 'error',
        code: 'fix',
        fieldErrors: { acronym: ['Another organisation already has this acronym: merge the two instead.'] },
      };
    case 'parentNotFound':
      return { status: 'error', code: 'fix', fieldErrors: { parentId: ['That organisation no longer exists.'] } };
    case 'parentCycle':
      return {
        status: 'error',
        code: 'fix',
        fieldErrors: { parentId: ['An organisation cannot be part of itself or of one of its own departments.'] },
      };
    case 'notFound':
      return { status: 'error', message: 'That organisation no longer exists.' };
  }
}
