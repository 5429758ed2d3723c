import type { ImportChangeResult } from '@/db/contact-import';
import type { FormState } from '@/lib/form-state';

// What the data layer's refusals for contact imports say on the staff pages: one place to read and reword them.

export function importRefusal(result: Exclude<ImportChangeResult, { ok: true }>): FormState {
  switch (result.reason) {
    case 'mappingIncomplete':
      return {
        status: 'error',
        message: 'Please correct the column choices.',
        fieldErrors: { column: result.problems ?? [] },
      };
    case 'notPreviewing':
      return {
        status: 'error',
        message: 'This import has already started, finished or been cancelled: nothing was changed.',
      };
    case 'notFound':
      return { status: 'error', message: 'That import (or the organisation chosen) no longer exists.' };
  }
}
