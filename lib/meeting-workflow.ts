import type { MeetingStatus } from './domain';

/**
 * The statuses a meeting may move to by hand from each status. Publishing and unpublishing a summary (held ⇄
 * summary published) happen only through the summary itself, so they are not here.
 */
export const MANUAL_TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['planned', 'cancelled'],
  planned: ['draft', 'invitations_open', 'cancelled'],
  invitations_open: ['registration_closed', 'cancelled'],
  registration_closed: ['invitations_open', 'held', 'cancelled'],
  held: [],
  summary_published: [],
  cancelled: [],
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

export function checkTransition(
  meeting: { status: MeetingStatus; endsAt: Date },
  to: MeetingStatus,
  now: Date = new Date(),
): TransitionCheck {
  if (!MANUAL_TRANSITIONS[meeting.status].includes(to)) {
    return { ok: false, reason: `A meeting cannot go from “${meeting.status}” to “${to}”.` };
  }
  if (to === 'held' && meeting.endsAt > now) {
    return { ok: false, reason: 'A meeting can be marked held only after it has ended.' };
  }
  return { ok: true };
}

/** The statuses staff can move a meeting to now: those a button would not refuse (held only after the end). */
export function availableTransitions(
  meeting: { status: MeetingStatus; endsAt: Date },
  now: Date = new Date(),
): MeetingStatus[] {
  return MANUAL_TRANSITIONS[meeting.status].filter((to) => checkTransition(meeting, to, now).ok);
}

/** The verb on the button that moves a meeting to `status`. */
export const TRANSITION_LABELS: Record<MeetingStatus, string> = {
  draft: 'Back to draft',
  planned: 'Mark as planned',
  invitations_open: 'Open invitations',
  registration_closed: 'Close registration',
  held: 'Mark as held',
  summary_published: 'Publish summary',
  cancelled: 'Cancel meeting',
};
