import type { CheckInAnswer } from '@/db/check-in';
import { INVITATION_ROLE_LABELS } from '@/lib/domain';

// What the door staff read after a scan, in a sentence (shared by the page's script and the walk-in action).

export function answerWords(answer: CheckInAnswer): string {
  if (answer.ok) {
    const { person } = answer;
    return `Checked in: ${person.name} — ${person.delegation}, ${INVITATION_ROLE_LABELS[person.role]}.`;
  }
  switch (answer.reason) {
    case 'unknown':
      return 'Unknown code: this is not a badge of this meeting.';
    case 'revoked':
      return `Revoked badge: ${answer.person.name} was given a new one. Do not let this badge in.`;
    case 'cancelled':
      return `Registration cancelled: ${answer.person.name} is no longer registered.`;
    case 'notRegistered':
      return `Not registered: ${answer.person.name} has no seat (waiting list or lapsed offer).`;
    case 'already':
      return `Already checked in today at ${answer.atText}${answer.by ? ` by ${answer.by}` : ''}: ${answer.person.name}.`;
  }
}
