import { describe, expect, it } from 'vitest';
import { MEETING_STATUSES } from './domain';
import { availableTransitions, checkTransition, MANUAL_TRANSITIONS } from './meeting-workflow';

const ended = new Date('2024-05-14T12:00:00Z');
const now = new Date('2026-11-27T00:00:00Z');

describe('the meeting workflow', () => {
  it('walks draft → planned → invitations open → registration closed → held', () => {
    const path = ['draft', 'planned', 'invitations_open', 'registration_closed', 'held'] as const;
    for (let i = 0; i < path.length - 1; i++) {
      expect(checkTransition({ status: path[i]!, endsAt: ended }, path[i + 1]!, now)).toEqual({ ok: true });
    }
  });

  it('refuses skipping steps, leaving cancelled, and touching summaries by hand', () => {
    expect(checkTransition({ status: 'draft', endsAt: ended }, 'held', now).ok).toBe(false);
    expect(checkTransition({ status: 'cancelled', endsAt: ended }, 'planned', now).ok).toBe(false);
    expect(checkTransition({ status: 'held', endsAt: ended }, 'summary_published', now).ok).toBe(false);
    expect(checkTransition({ status: 'summary_published', endsAt: ended }, 'held', now).ok).toBe(false);
    for (const status of MEETING_STATUSES) expect(MANUAL_TRANSITIONS[status]).not.toContain('summary_published');
  });

  it('marks a meeting held only after its end', () => {
    const future = new Date('2027-01-01T00:00:00Z');
    expect(checkTransition({ status: 'registration_closed', endsAt: future }, 'held', now)).toEqual({
      ok: false,
      reason: 'A meeting can be marked held only after it has ended.',
    });
  });

  it('offers "held" only once the meeting has ended', () => {
    const endsAt = new Date('2026-11-27T12:00:00Z');
    const closed = { status: 'registration_closed' as const, endsAt };
    expect(availableTransitions(closed, new Date('2026-11-27T11:59:00Z'))).toEqual(['invitations_open', 'cancelled']);
    expect(availableTransitions(closed, new Date('2026-11-27T12:00:00Z'))).toContain('held');
  });

  it('lets any meeting not yet held be cancelled', () => {
    for (const status of ['draft', 'planned', 'invitations_open', 'registration_closed'] as const) {
      expect(checkTransition({ status, endsAt: ended }, 'cancelled', now).ok).toBe(true);
    }
  });
});
