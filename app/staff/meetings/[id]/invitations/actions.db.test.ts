import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { invitations, meetings, outboxMessages } from '@/db/schema';
import { createContact, createMeeting, uniqueStamp } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { bulkInvitationsAction, inviteAction, saveTextsAction, sendUpdateAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

async function setUp() {
  const meeting = await createMeeting({
    titleRu: 'Пленарное',
    format: 'online',
    meetingLink: 'https://meet.example.org/x',
    status: 'planned',
  });
  const person = await createContact({
    name: 'Aziz Karimov',
    email: `aziz.${uniqueStamp()}@example.org`,
    language: 'ru',
  });
  return { meeting, person };
}

const state = async (meetingId: string) => {
  const db = await getDb();
  return {
    invitations: await db.select().from(invitations).where(eq(invitations.meetingId, meetingId)),
    messages: (await db.select().from(outboxMessages)).length,
    meeting: (await db.select().from(meetings).where(eq(meetings.id, meetingId)))[0],
  };
};

/** Where a successful action sent the browser (redirect() throws, with the URL in its digest). */
async function redirectedTo(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? '';
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(';')[2]!;
}

const bulk = (meetingId: string, fields: Record<string, string | string[]>) =>
  bulkInvitationsAction(meetingId, idle, form(fields));

const sendForm = (contactId: string, confirmedCount = 1) =>
  form({ by: 'contacts', contactId, role: 'delegate', confirmedCount: String(confirmedCount) });

describe('invitation actions', () => {
  it('refuse anyone below editor and change nothing', async () => {
    const { meeting, person } = await setUp();
    const snapshot = () => state(meeting.id);
    await expectRefusedBelow('editor', () => inviteAction(meeting.id, idle, sendForm(person.id)), snapshot);
    await expectRefusedBelow('editor', () => sendUpdateAction(meeting.id, idle, form()), snapshot);
    await expectRefusedBelow(
      'editor',
      () =>
        saveTextsAction(
          meeting.id,
          idle,
          form({ invitationTextEn: 'Hi', invitationTextRu: '', reminderTextEn: '', reminderTextRu: '' }),
        ),
      snapshot,
    );
    await actAs('editor');
    await expect(inviteAction(meeting.id, idle, sendForm(person.id))).rejects.toThrow('NEXT_REDIRECT');
    const [invitation] = (await state(meeting.id)).invitations;
    for (const action of ['remind', 'resend', 'reissue', 'revoke']) {
      await expectRefusedBelow(
        'editor',
        () => bulk(meeting.id, { action, id: invitation!.id, confirmedCount: '1' }),
        snapshot,
      );
    }
  });

  it('answer bad input and send nothing', async () => {
    const { meeting, person } = await setUp();
    await actAs('editor');
    const before = await state(meeting.id);
    expect(
      await inviteAction(meeting.id, idle, form({ by: 'everyone', role: 'king', confirmedCount: 'x' })),
    ).toMatchObject({
      status: 'error',
      fieldErrors: {
        by: ['Choose whom to invite.'],
        role: ['Choose the role they are invited in.'],
        confirmedCount: ['The number to send is missing.'],
      },
    });
    expect(
      await inviteAction(meeting.id, idle, form({ by: 'contacts', role: 'delegate', confirmedCount: '1' })),
    ).toMatchObject({ fieldErrors: { contactId: ['Tick at least one contact.'] } });
    expect(
      await inviteAction(meeting.id, idle, form({ by: 'filter', role: 'delegate', confirmedCount: '1' })),
    ).toMatchObject({
      fieldErrors: { country: ['Choose a country, a type of organisation or a tag.'] },
    });
    expect(await inviteAction(meeting.id, idle, sendForm(person.id, 5))).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/^The number has changed to 1/),
    });
    expect(
      await saveTextsAction(
        meeting.id,
        idle,
        form({
          invitationTextEn: 'Dear {{nmae}}',
          invitationTextRu: '',
          reminderTextEn: '',
          reminderTextRu: '',
          autoReminderDays: '90',
        }),
      ),
    ).toMatchObject({
      fieldErrors: {
        invitationTextEn: [expect.stringMatching(/^Unknown placeholder \{\{nmae\}\}: use \{\{name\}\}/)],
        autoReminderDays: ['Give 1 to 60 days, or leave it blank.'],
      },
    });
    expect(await bulk(meeting.id, { action: 'remind', all: '1', confirmedCount: '0' })).toMatchObject({
      fieldErrors: { confirmedCount: [expect.any(String)] },
    });
    expect(await state(meeting.id)).toEqual(before);
    // A draft meeting takes no invitations.
    await (await getDb()).update(meetings).set({ status: 'draft' }).where(eq(meetings.id, meeting.id));
    expect(await inviteAction(meeting.id, idle, sendForm(person.id))).toMatchObject({
      message:
        'Invitations can be sent only for planned meetings whose answer deadline has not passed (not drafts, closed, held or cancelled ones).',
    });
  });

  it('refuse a bulk action on a bad selection, and do nothing', async () => {
    const { meeting, person } = await setUp();
    await actAs('editor');
    await expect(inviteAction(meeting.id, idle, sendForm(person.id))).rejects.toThrow('NEXT_REDIRECT');
    const other = await setUp();
    await expect(inviteAction(other.meeting.id, idle, sendForm(other.person.id))).rejects.toThrow('NEXT_REDIRECT');
    const [mine] = (await state(meeting.id)).invitations;
    const [theirs] = (await state(other.meeting.id)).invitations;
    const before = await state(meeting.id);
    // Nobody ticked, and not "all matching".
    expect(await bulk(meeting.id, { action: 'revoke', confirmedCount: '1' })).toMatchObject({
      fieldErrors: { id: ['Tick at least one invitation.'] },
    });
    expect(await bulk(meeting.id, { action: 'explode', id: mine!.id, confirmedCount: '1' })).toMatchObject({
      fieldErrors: { action: ['Choose what to do.'] },
    });
    expect(await bulk(meeting.id, { action: 'revoke', id: 'not-an-id', confirmedCount: '1' })).toMatchObject({
      status: 'error',
      fieldErrors: { id: [expect.stringMatching(/could not be read/)] },
    });
    // A filter that cannot be read would widen "all matching": refused, not dropped.
    for (const [field, value] of [
      ['answer', 'maybe'],
      ['delivery', 'lost'],
      ['country', 'XX'],
      ['type', 'club'],
      ['role', 'king'],
    ] as const)
      expect(
        await bulk(meeting.id, { action: 'revoke', all: '1', [field]: value, confirmedCount: '1' }),
        field,
      ).toMatchObject({ status: 'error', fieldErrors: { [field]: [expect.any(String)] } });
    // Another meeting's invitation, alone or among this meeting's.
    for (const id of [[theirs!.id], [mine!.id, theirs!.id]])
      expect(await bulk(meeting.id, { action: 'revoke', id, confirmedCount: String(id.length) })).toMatchObject({
        status: 'error',
        message: 'Some of those invitations are not this meeting’s: nothing was done.',
      });
    expect(await bulk(meeting.id, { action: 'revoke', id: mine!.id, confirmedCount: '2' })).toMatchObject({
      message: expect.stringMatching(/^The number has changed to 1/),
    });
    expect(await state(meeting.id)).toEqual(before);
    expect((await state(other.meeting.id)).invitations[0]!.status).toBe('invited');
  });

  it('resend, re-issue, remind once (again only when ticked) and revoke a selection, each queuing its email', async () => {
    const { meeting, person } = await setUp();
    await actAs('editor');
    await expect(inviteAction(meeting.id, idle, sendForm(person.id))).rejects.toThrow('NEXT_REDIRECT');
    const [invitation] = (await state(meeting.id)).invitations;
    const one = { id: invitation!.id, confirmedCount: '1' };
    expect(await redirectedTo(bulk(meeting.id, { ...one, action: 'resend' }))).toBe(
      `/staff/meetings/${meeting.id}/invitations?done=resend&n=1#invited`,
    );
    await redirectedTo(bulk(meeting.id, { ...one, action: 'reissue' }));
    // Everyone matching a filter; the list comes back with the filter.
    expect(
      await redirectedTo(bulk(meeting.id, { action: 'remind', all: '1', answer: 'no_answer', confirmedCount: '1' })),
    ).toBe(`/staff/meetings/${meeting.id}/invitations?answer=no_answer&done=remind&n=1#invited`);
    // Reminded just now: not again, unless "remind again" is ticked on a confirmation shown after that reminder.
    expect(await bulk(meeting.id, { ...one, action: 'remind' })).toMatchObject({
      message: expect.stringMatching(/^Everyone selected who has not answered was reminded in the last 24 hours/),
    });
    const [reminded] = (await state(meeting.id)).invitations;
    const shownBefore = new Date(reminded!.lastRemindedAt!.getTime() - 1000).toISOString();
    const shownAfter = new Date(reminded!.lastRemindedAt!.getTime() + 1000).toISOString();
    expect(await bulk(meeting.id, { ...one, action: 'remind', again: '1', since: shownBefore })).toMatchObject({
      status: 'error',
    });
    await redirectedTo(bulk(meeting.id, { ...one, action: 'remind', again: '1', since: shownAfter }));
    await redirectedTo(bulk(meeting.id, { ...one, action: 'revoke' }));
    expect(await bulk(meeting.id, { ...one, action: 'resend' })).toMatchObject({
      message: 'There is nobody to send this to, or nothing has changed: nothing was sent.',
    });
    const messages = await (
      await getDb()
    )
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.invitationId, invitation!.id));
    expect(messages.map((m) => m.kind).sort()).toEqual([
      'invitation.invitation',
      'invitation.invitation',
      'invitation.invitation',
      'invitation.reminder',
      'invitation.reminder',
    ]);
    expect((await state(meeting.id)).invitations[0]!.status).toBe('revoked');
    expect(
      await saveTextsAction(
        meeting.id,
        idle,
        form({
          invitationTextEn: 'Dear {{ name }}, welcome.',
          invitationTextRu: '',
          reminderTextEn: '',
          reminderTextRu: '',
          autoReminderDays: '3',
        }),
      ),
    ).toMatchObject({ status: 'success' });
    expect((await state(meeting.id)).meeting).toMatchObject({
      invitationTextEn: 'Dear {{ name }}, welcome.',
      invitationTextRu: null,
      autoReminderDays: 3,
    });
  });
});
