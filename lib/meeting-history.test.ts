import { describe, expect, it } from 'vitest';
import { describeEntry, historyLines, ordinal, type HistoryEntry } from './meeting-history';

const zones = { venue: 'Asia/Tashkent', reader: 'Asia/Tashkent' };
let n = 0;
const entry = (action: string, values: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `e${++n}`,
  at: new Date('2026-11-30T05:02:00Z'),
  action,
  actor: 'Dilnoza Karimova',
  before: null,
  after: null,
  ...values,
});
const say = (action: string, values: Partial<HistoryEntry> = {}) => describeEntry(entry(action, values), zones);

describe('meeting history sentences', () => {
  it('words each kind of meeting change with names, and times in the venue’s zone', () => {
    expect(
      say('meeting.updated', {
        before: { endsAt: '2027-03-04T12:00:00.000Z', capacity: 40 },
        after: { endsAt: '2027-03-04T12:30:00.000Z', capacity: 50 },
      }),
    ).toBe(
      'Dilnoza Karimova changed the end on 4 March 2027 from 17:00 to 17:30 Tashkent time (UTC+5) and the number of seats from 40 to 50.',
    );
    expect(
      say('meeting.updated', {
        before: { registrationDeadline: null, titleEn: 'Old' },
        after: { registrationDeadline: '2027-03-01T13:00:00.000Z', titleEn: 'New' },
      }),
    ).toBe(
      'Dilnoza Karimova changed the registration deadline from none to 1 March 2027, 18:00 Tashkent time (UTC+5) and the English title from “Old” to “New”.',
    );
    expect(
      say('meeting.status_changed', { before: { status: 'planned' }, after: { status: 'invitations_open' } }),
    ).toBe('Dilnoza Karimova changed the status from planned to invitations open.');
    expect(say('meeting.created', { after: { titleEn: 'Plenary' } })).toBe(
      'Dilnoza Karimova created the meeting “Plenary”.',
    );
    expect(say('meeting.duplicated', { subject: 'Plenary 2026' })).toBe(
      'Dilnoza Karimova created this meeting as a copy of “Plenary 2026”.',
    );
    expect(
      say('meeting.organisations_reordered', {
        subject: 'UNODC',
        after: { moved: 'uuid', direction: 'up', position: 2 },
      }),
    ).toBe('Dilnoza Karimova moved UNODC up to 2nd place.');
    expect(say('meeting.organisation_linked', { after: { organisation: 'OSCE', role: 'co_organiser' } })).toBe(
      'Dilnoza Karimova added OSCE as co-organiser.',
    );
    expect(
      say('meeting.organisation_role_changed', {
        before: { organisation: 'OSCE', role: 'partner' },
        after: { organisation: 'OSCE', role: 'organiser' },
      }),
    ).toBe('Dilnoza Karimova made OSCE organiser (was partner).');
    expect(say('meeting.organisation_unlinked', { before: { organisation: 'OSCE', role: 'partner' } })).toBe(
      'Dilnoza Karimova removed OSCE (partner).',
    );
    expect(
      say('meeting.agenda_item_added', {
        after: { title: 'Opening', startsAt: '2027-03-04T04:00:00.000Z', people: 2 },
      }),
    ).toBe('Dilnoza Karimova added “Opening” to the agenda, at 4 March 2027, 09:00 Tashkent time (UTC+5).');
    expect(
      say('meeting.agenda_item_updated', {
        before: { title: 'Opening', room: 'A' },
        after: { title: 'Opening', room: 'B', people: 3 },
      }),
    ).toBe('Dilnoza Karimova changed the agenda item “Opening”: the room from “A” to “B”.');
    expect(say('meeting.agenda_item_removed', { before: { title: 'Break' } })).toBe(
      'Dilnoza Karimova removed “Break” from the agenda.',
    );
    expect(say('meeting.agenda_reordered', { after: { moved: 'Break', direction: 'down' } })).toBe(
      'Dilnoza Karimova moved “Break” down in the agenda.',
    );
    expect(say('meeting.agenda_published')).toBe('Dilnoza Karimova published the agenda.');
    expect(say('meeting.agenda_unpublished')).toBe('Dilnoza Karimova took the agenda off the public page.');
    expect(say('meeting.update_sent', { after: { recipients: 1, sequence: 2 } })).toBe(
      'Dilnoza Karimova sent an update to 1 invitee.',
    );
    expect(say('meeting.invitation_texts_saved', { after: { invitationTextEn: 'x' } })).toBe(
      'Dilnoza Karimova saved the invitation and reminder texts.',
    );
    expect(say('invitation.reminded', { after: { reminded: 5 } })).toBe(
      'Dilnoza Karimova reminded 5 invitees who had not answered.',
    );
    expect(say('summary.drafted', { after: { slug: 'x' } })).toBe('Dilnoza Karimova drafted the summary.');
    expect(say('registration.visa_purged', { actor: null, after: { registrations: 3 } })).toBe(
      'The system deleted the visa-support details of 3 registrations, 30 days after the meeting.',
    );
  });

  it('still says something readable for an action it does not know', () => {
    expect(say('invitation.bulk_revoked', { after: { revokedCount: 4, note: 'x' } })).toBe(
      'Dilnoza Karimova recorded “bulk revoked” (invitation) — revoked count: 4.',
    );
    expect(say('meeting.something_new')).toBe('Dilnoza Karimova recorded “something new”.');
  });

  it('numbers places as English does', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});

describe('grouping small moves', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 5, minute));
  const move = (minute: number, moved: string, direction: 'up' | 'down', extra: Partial<HistoryEntry> = {}) =>
    entry('meeting.agenda_reordered', { at: at(minute), after: { moved, direction }, ...extra });

  it('makes one line of one person’s moves of one item, with the net movement', () => {
    const lines = historyLines(
      [
        entry('meeting.organisations_reordered', {
          at: at(4),
          subject: 'UNODC',
          after: { direction: 'up', position: 2 },
        }),
        entry('meeting.organisations_reordered', {
          at: at(3),
          subject: 'UNODC',
          after: { direction: 'up', position: 3 },
        }),
        entry('meeting.organisations_reordered', {
          at: at(2),
          subject: 'UNODC',
          after: { direction: 'up', position: 4 },
        }),
      ],
      zones,
    );
    expect(lines.map((l) => l.sentence)).toEqual(['Dilnoza Karimova moved UNODC up 3 places, to 2nd place.']);
    expect(lines[0]!.entries).toHaveLength(3);
    expect(lines[0]!.at).toEqual(at(4));
  });

  it('counts moves of several items, and keeps apart other people, other actions and long pauses', () => {
    const lines = historyLines(
      [
        move(4, 'Opening', 'up'),
        move(3, 'Break', 'down'),
        move(3, 'Opening', 'up'),
        move(2, 'Panel', 'up'),
        move(2, 'Panel', 'down'),
        entry('meeting.agenda_published', { at: at(1) }),
        move(0, 'Break', 'up', { actor: 'Timur Aliev' }),
        move(0, 'Break', 'down'),
        move(0, 'Break', 'up', { at: new Date(at(0).getTime() - 11 * 60_000) }),
      ],
      zones,
    );
    expect(lines.map((l) => l.sentence)).toEqual([
      'Dilnoza Karimova reordered the agenda 5 times between 10:02 and 10:04 Tashkent time (UTC+5).',
      'Dilnoza Karimova published the agenda.',
      'Timur Aliev moved “Break” up in the agenda.',
      'Dilnoza Karimova moved “Break” down in the agenda.',
      'Dilnoza Karimova moved “Break” up in the agenda.',
    ]);
  });

  it('says when moves cancel out', () => {
    expect(historyLines([move(3, 'Panel', 'down'), move(2, 'Panel', 'up')], zones)[0]!.sentence).toBe(
      'Dilnoza Karimova moved “Panel” in the agenda and back again (2 moves).',
    );
  });
});
