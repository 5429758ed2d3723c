import type { InvitationChangeResult } from '@/db/invitations';
import type { FormState } from '@/lib/form-state';

// What the data layer's refusals for invitations say on the staff pages: one place to read and reword them.

export function invitationRefusal(result: Exclude<InvitationChangeResult, { ok: true }>): FormState {
  switch (result.reason) {
    case 'notFound':
      return { status: 'error', message: 'That invitation or meeting no longer exists.' };
    case 'revoked':
      return { status: 'error', message: 'That invitation has been revoked: nothing was sent.' };
    case 'countChanged':
      return {
        status: 'error',
        message: `The number has changed to ${result.count} since you looked: check the list again, then confirm that number. Nothing was sent.`,
      };
    case 'nothingChanged':
      return { status: 'error', message: 'There is nobody to send this to, or nothing has changed: nothing was sent.' };
    case 'foreign':
      return { status: 'error', message: 'Some of those invitations are not this meeting’s: nothing was done.' };
    case 'alreadyReminded':
      return {
        status: 'error',
        message:
          'Everyone selected who has not answered was reminded in the last 24 hours, or just now: nothing was sent. Tick “Remind again” to remind them once more.',
      };
    case 'closed':
      return {
        status: 'error',
        message: 'Answers are no longer taken for this meeting (past its deadline, or not open): nothing was sent.',
      };
  }
}
