import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { invitations, meetings, outboxMessages } from '@/db/schema';
import { createContact, createMeeting, uniqueStamp } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import {
  inviteAction,
  reissueInvitationAction,
  remindAction,
  resendInvitationAction,
  revokeInvitationAction,
  saveTextsAction,
  sendUpdateAction,
} from './actions';

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

const sendForm = (contactId: string, confirmedCount = 1) =>
  form({ by: 'contacts', contactId, role: 'delegate', confirmedCount: String(confirmedCount) });

describe('invitation actions', () => {
  it('refuse anyone below editor and change nothing', async () => {
    const { meeting, person } = await setUp();
    const snapshot = () => state(meeting.id);
    await expectRefusedBelow('editor', () => inviteAction(meeting.id, idle, sendForm(person.id)), snapshot);
    await expectRefusedBelow('editor', () => remindAction(meeting.id, idle, form({ confirmedCount: '1' })), snapshot);
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
    for (const action of [resendInvitationAction, reissueInvitationAction, revokeInvitationAction]) {
      await expectRefusedBelow('editor', () => action(meeting.id, invitation!.id, idle, form()), snapshot);
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
    expect(await remindAction(meeting.id, idle, form({ confirmedCount: '0' }))).toMatchObject({ status: 'error' });
    expect(await state(meeting.id)).toEqual(before);
    // A draft meeting takes no invitations.
    await (await getDb()).update(meetings).set({ status: 'draft' }).where(eq(meetings.id, meeting.id));
    expect(await inviteAction(meeting.id, idle, sendForm(person.id))).toMatchObject({
      message:
        'Invitations can be sent only for planned meetings whose answer deadline has not passed (not drafts, closed, held or cancelled ones).',
    });
  });

  it('invite, resend, re-issue, remind and revoke, each queuing its email', async () => {
    const { meeting, person } = await setUp();
    await actAs('editor');
    await expect(inviteAction(meeting.id, idle, sendForm(person.id))).rejects.toThrow('NEXT_REDIRECT');
    const [invitation] = (await state(meeting.id)).invitations;
    expect(await resendInvitationAction(meeting.id, invitation!.id, idle, form())).toMatchObject({ status: 'success' });
    expect(await reissueInvitationAction(meeting.id, invitation!.id, idle, form())).toMatchObject({
      status: 'success',
    });
    expect(await remindAction(meeting.id, idle, form({ confirmedCount: '1' }))).toMatchObject({
      status: 'success',
      message: '1 reminder queued for sending.',
    });
    expect(await revokeInvitationAction(meeting.id, invitation!.id, idle, form())).toMatchObject({ status: 'success' });
    expect(await resendInvitationAction(meeting.id, invitation!.id, idle, form())).toMatchObject({
      message: 'That invitation has been revoked: nothing was sent.',
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
    ]);
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
