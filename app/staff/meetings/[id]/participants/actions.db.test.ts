import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { inviteContacts } from '@/db/invitations';
import { invitations, outboxMessages, registrationNotes, registrations } from '@/db/schema';
import { createContact, createMeeting, uniqueStamp } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { createStaff } from '@/test/staff';
import {
  addNoteAction,
  cancelRegistrationAction,
  correctRegistrationAction,
  promoteAction,
  registerOnBehalfAction,
} from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

async function setUp() {
  const stamp = uniqueStamp();
  const meeting = await createMeeting({
    startsAt: new Date(Date.now() + 30 * 86400_000),
    endsAt: new Date(Date.now() + 30 * 86400_000 + 8 * 3600_000),
    status: 'planned',
    capacity: 1,
  });
  for (const i of [0, 1])
    await createContact({ name: `Delegate ${i} ${stamp}`, email: `d${i}.${stamp}@example.org`, tags: [stamp] });
  await inviteContacts(await createStaff('editor'), meeting.id, {
    selection: { by: 'filter', tag: stamp },
    role: 'delegate',
    confirmedCount: 2,
  });
  const rows = await (
    await getDb()
  )
    .select()
    .from(invitations)
    .where(eq(invitations.meetingId, meeting.id))
    .orderBy(invitations.email);
  return { meeting, ids: rows.map((r) => r.id) as [string, string] };
}

const registration = {
  passportName: 'Dilnoza Karimova',
  displayName: 'Dilnoza Karimova',
  organisationName: 'Ministry of Foreign Affairs',
  country: 'UZ',
  phone: '+998 71 000 00 00',
  dataConsent: 'on',
};

const state = async (meetingId: string) => {
  const db = await getDb();
  return {
    registrations: await db.select().from(registrations).where(eq(registrations.meetingId, meetingId)),
    notes: (await db.select().from(registrationNotes)).length,
    messages: (await db.select().from(outboxMessages)).length,
  };
};

describe('participant actions', () => {
  it('refuse anyone below editor and change nothing', async () => {
    const { meeting, ids } = await setUp();
    const snapshot = () => state(meeting.id);
    const [a, b] = ids;
    await expectRefusedBelow('editor', () => registerOnBehalfAction(meeting.id, a, idle, form(registration)), snapshot);
    await actAs('editor');
    await expect(registerOnBehalfAction(meeting.id, a, idle, form(registration))).rejects.toThrow('NEXT_REDIRECT');
    await expect(registerOnBehalfAction(meeting.id, b, idle, form(registration))).rejects.toThrow('NEXT_REDIRECT');
    await expectRefusedBelow(
      'editor',
      () => correctRegistrationAction(meeting.id, a, idle, form({ ...registration, title: 'Director' })),
      snapshot,
    );
    await expectRefusedBelow('editor', () => cancelRegistrationAction(meeting.id, a, idle, form()), snapshot);
    await expectRefusedBelow('editor', () => promoteAction(meeting.id, b, idle, form()), snapshot);
    await expectRefusedBelow('editor', () => addNoteAction(meeting.id, a, idle, form({ note: 'Funded' })), snapshot);
  });

  it('answer bad input with field errors and save nothing', async () => {
    const { meeting, ids } = await setUp();
    await actAs('editor');
    const before = await state(meeting.id);
    const refused = await registerOnBehalfAction(
      meeting.id,
      ids[0],
      idle,
      form({ ...registration, passportName: 'Дильноза', country: 'XX', dataConsent: '' }),
    );
    expect(refused).toMatchObject({
      status: 'error',
      code: 'fix',
      fieldErrors: { passportName: ['latin'], country: ['country'], dataConsent: ['consent'] },
    });
    expect(await addNoteAction(meeting.id, ids[0], idle, form({ note: '  ' }))).toMatchObject({
      status: 'error',
      fieldErrors: { note: ['Write the note.'] },
    });
    expect(await cancelRegistrationAction('not-a-uuid', ids[0], idle, form())).toMatchObject({ code: 'missing' });
    expect(await state(meeting.id)).toEqual(before);
  });

  it('let an editor correct, note, give a seat (refused while full) and cancel', async () => {
    const { meeting, ids } = await setUp();
    const [a, b] = ids;
    await actAs('editor');
    await expect(registerOnBehalfAction(meeting.id, a, idle, form(registration))).rejects.toThrow('NEXT_REDIRECT');
    await expect(registerOnBehalfAction(meeting.id, b, idle, form(registration))).rejects.toThrow('NEXT_REDIRECT');
    // The correction form has no consent box: the delegate's consent stands.
    const withoutConsent = Object.fromEntries(Object.entries(registration).filter(([key]) => key !== 'dataConsent'));
    await expect(
      correctRegistrationAction(meeting.id, a, idle, form({ ...withoutConsent, title: 'Director' })),
    ).rejects.toThrow('NEXT_REDIRECT');
    expect(await addNoteAction(meeting.id, a, idle, form({ note: 'Travel booked' }))).toMatchObject({
      status: 'success',
    });
    expect(await promoteAction(meeting.id, b, idle, form())).toMatchObject({
      status: 'error',
      message: expect.stringContaining('No seat is free'),
    });
    await expect(cancelRegistrationAction(meeting.id, a, idle, form())).rejects.toThrow('NEXT_REDIRECT');
    await expect(promoteAction(meeting.id, b, idle, form())).rejects.toThrow('NEXT_REDIRECT');
    const rows = (await state(meeting.id)).registrations;
    expect(Object.fromEntries(rows.map((r) => [r.invitationId, [r.status, r.title]]))).toEqual({
      [a]: ['cancelled', 'Director'],
      [b]: ['registered', ''],
    });
  });
});
