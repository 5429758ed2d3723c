import type { AgendaChangeResult } from '@/db/agenda';
import type { MeetingChangeResult } from '@/db/meetings';
import type { FormState } from '@/lib/form-state';

// What the data layer's refusals for meetings say on the staff pages: one place to read and reword them.

export function meetingRefusal(result: Exclude<MeetingChangeResult, { ok: true }>): FormState {
  const message =
    result.message ??
    {
      notFound: 'That meeting no longer exists.',
      councilNotFound: 'That council no longer exists.',
      workingGroupNotFound: 'Choose a working group of the meeting’s council.',
      notAllowed: 'That change is not allowed.',
    }[result.reason];
  return {
    status: 'error',
    message,
    ...(result.reason === 'councilNotFound' ? { fieldErrors: { councilId: [message] } } : {}),
    ...(result.reason === 'workingGroupNotFound' ? { fieldErrors: { workingGroupId: [message] } } : {}),
  };
}

export function agendaRefusal(result: Exclude<AgendaChangeResult, { ok: true }>): FormState {
  return result.reason === 'contactNotFound'
    ? { status: 'error', message: 'One of the people chosen is no longer in the contacts.' }
    : { status: 'error', message: 'That meeting or agenda item no longer exists.' };
}
