import ICAL from 'ical.js';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from './client';
import { invitationLink, renderQueuedMail, sendDueAutoReminders } from './invitation-mail';
import { mergeContacts } from './contacts';
import {
  answerInvitation,
  actOnInvitations,
  inviteContacts,
  openInvitationLink,
  previewRecipients,
  reissueInvitation,
  resendInvitation,
  revokeInvitation,
  sendMeetingUpdate,
} from './invitations';
import { auditLog, contacts, invitations, meetings, outboxMessages } from './schema';
import { createContact, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';

const editor = () => createStaff('editor');

/** Staff confirm a reminder to everyone of the meeting who has not answered (nor been reminded today). */
const remindEveryone = (actor: Awaited<ReturnType<typeof editor>>, meetingId: string, confirmedCount: number) =>
  actOnInvitations(actor, meetingId, {
    action: 'remind',
    selection: { id: [], all: '1' },
    confirmedCount,
    since: null,
  });

const tokenOf = (link: string) => link.split('/i/')[1]!;

/** A planned meeting in Tashkent next year and three contacts, one of them Russian-speaking. */
async function setUp(stamp: string, { deadline = new Date('2027-05-01T00:00:00Z') }: { deadline?: Date | null } = {}) {
  const meeting = await createMeeting({
    kind: 'working_group',
    titleEn: 'Working group meeting',
    titleRu: 'Заседание рабочей группы',
    startsAt: new Date('2027-05-14T05:00:00Z'),
    endsAt: new Date('2027-05-14T12:00:00Z'),
    venueEn: 'Hyatt Regency',
    cityEn: 'Tashkent',
    cityRu: 'Ташкент',
    country: 'UZ',
    status: 'planned',
    registrationDeadline: deadline,
  });
  const tags = [`t-${stamp}`];
  const people = [
    await createContact({
      name: 'Ержан Ахметов',
      email: `yerzhan.${stamp}@example.org`,
      language: 'ru',
      country: 'KZ',
      tags,
    }),
    await createContact({ name: 'Aidana Jumaeva', email: `aidana.${stamp}@example.org`, country: 'TJ', tags }),
    await createContact({ name: 'Farrukh Rakhimov', email: `farrukh.${stamp}@example.org`, country: 'UZ', tags }),
  ];
  return { meeting, people };
}

// As they would be sent (bodies are written at send time).
const messagesOf = async (ids: string[]) =>
  renderQueuedMail(
    await (await getDb()).select().from(outboxMessages).where(inArray(outboxMessages.invitationId, ids)),
  );

describe('invitations', () => {
  it('invites by filter in each person’s language with a personal link and a calendar file, once', async () => {
    const actor = await editor();
    const { meeting, people } = await setUp('a');
    const selection = { by: 'filter' as const, tag: 't-a' };
    expect(await previewRecipients({ actor, meetingId: meeting.id, selection })).toMatchObject({
      selected: 3,
      alreadyInvited: 0,
      byLanguage: { en: 2, ru: 1 },
    });
    expect(await inviteContacts(actor, meeting.id, { selection, role: 'delegate', confirmedCount: 2 })).toEqual({
      ok: false,
      reason: 'countChanged',
      count: 3,
    });
    expect(await inviteContacts(actor, meeting.id, { selection, role: 'delegate', confirmedCount: 3 })).toEqual({
      ok: true,
      invited: 3,
      alreadyInvited: 0,
    });
    // Inviting again invites nobody twice.
    expect(await previewRecipients({ actor, meetingId: meeting.id, selection })).toMatchObject({
      selected: 3,
      alreadyInvited: 3,
      byLanguage: { en: 0, ru: 0 },
    });
    expect(await inviteContacts(actor, meeting.id, { selection, role: 'delegate', confirmedCount: 0 })).toEqual({
      ok: false,
      reason: 'nobody',
    });

    const rows = await (await getDb()).select().from(invitations).where(eq(invitations.meetingId, meeting.id));
    expect(rows).toHaveLength(3);
    const messages = await messagesOf(rows.map((r) => r.id));
    expect(messages).toHaveLength(3);
    const russian = messages.find((m) => m.toAddress === people[0]!.email)!;
    expect(russian.subject).toBe('Приглашение: Заседание рабочей группы');
    expect(russian.textBody).toContain('Здравствуйте, Ержан Ахметов!');
    expect(russian.textBody).toContain('14 мая 2027');
    expect(russian.textBody).toMatch(/\/ru\/i\/[A-Za-z0-9_-]{48}/);
    const english = messages.find((m) => m.toAddress === people[1]!.email)!;
    expect(english.subject).toBe('Invitation: Working group meeting');
    expect(english.textBody).toContain('14 May 2027, 10:00–17:00');
    expect(english.secretLinks).toHaveLength(1);
    const ics = Buffer.from(english.attachments[0]!.contentBase64, 'base64').toString('utf8');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-05-14T05:00:00.000Z');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect((await (await getDb()).select().from(meetings).where(eq(meetings.id, meeting.id)))[0]!.status).toBe(
      'invitations_open',
    );
  });

  it('opens a link without changing anything, takes an answer until the deadline, and kills revoked and re-issued links', async () => {
    const actor = await editor();
    const { meeting } = await setUp('b');
    await inviteContacts(actor, meeting.id, {
      selection: { by: 'filter', tag: 't-b' },
      role: 'speaker',
      confirmedCount: 3,
    });
    const [first, second, third] = (
      await (await getDb()).select().from(invitations).where(eq(invitations.meetingId, meeting.id))
    ).sort((a, b) => a.email.localeCompare(b.email));
    const before = new Date('2027-04-01T00:00:00Z');

    const link = invitationLink(first!);
    const snapshot = async () => (await getDb()).select().from(invitations).where(eq(invitations.id, first!.id));
    const unchanged = await snapshot();
    for (let i = 0; i < 10; i++)
      expect(await openInvitationLink(tokenOf(link), before)).toMatchObject({ ok: true, opened: { state: 'open' } });
    expect(await snapshot()).toEqual(unchanged);

    expect(await answerInvitation(tokenOf(link), { accept: true }, before)).toEqual({ ok: true });
    expect(
      await answerInvitation(
        tokenOf(invitationLink(second!)),
        { accept: false, reason: 'Another mission that week' },
        before,
      ),
    ).toEqual({ ok: true });
    // After the deadline the page still opens, answers are closed; after the meeting the link has expired.
    expect(await openInvitationLink(tokenOf(link), new Date('2027-05-02T00:00:00Z'))).toMatchObject({
      ok: true,
      opened: { state: 'closed' },
    });
    expect(
      await answerInvitation(tokenOf(link), { accept: false, reason: null }, new Date('2027-05-02T00:00:00Z')),
    ).toEqual({ ok: false, reason: 'closed' });
    expect(await openInvitationLink(tokenOf(link), new Date('2027-05-15T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });

    expect(await reissueInvitation(actor, third!.id)).toEqual({ ok: true });
    expect(await openInvitationLink(tokenOf(invitationLink(third!)), before)).toEqual({
      ok: false,
      reason: 'superseded',
    });
    expect(await openInvitationLink(tokenOf(invitationLink({ ...third!, linkVersion: 2 })), before)).toMatchObject({
      ok: true,
    });
    expect(await revokeInvitation(actor, third!.id)).toEqual({ ok: true });
    expect(await openInvitationLink(tokenOf(invitationLink({ ...third!, linkVersion: 2 })), before)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    expect(await openInvitationLink('A'.repeat(48), before)).toEqual({ ok: false, reason: 'unknown' });

    const statuses = Object.fromEntries(
      (await (await getDb()).select().from(invitations).where(eq(invitations.meetingId, meeting.id))).map((r) => [
        r.email,
        r.status,
      ]),
    );
    expect(statuses).toEqual({ [first!.email]: 'accepted', [second!.email]: 'declined', [third!.email]: 'revoked' });
    // The audit log never holds a link.
    const audit = JSON.stringify(await (await getDb()).select().from(auditLog));
    expect(audit).not.toContain(tokenOf(link));
  });

  it('reminds those who have not answered, automatically once, and sends an update saying what changed', async () => {
    const actor = await editor();
    const { meeting } = await setUp('c');
    await inviteContacts(actor, meeting.id, {
      selection: { by: 'filter', tag: 't-c' },
      role: 'delegate',
      confirmedCount: 3,
    });
    const all = await (await getDb()).select().from(invitations).where(eq(invitations.meetingId, meeting.id));
    await answerInvitation(tokenOf(invitationLink(all[0]!)), { accept: true }, new Date('2027-04-01T00:00:00Z'));
    expect(await remindEveryone(actor, meeting.id, 3)).toEqual({ ok: false, reason: 'countChanged', count: 2 });
    expect(await remindEveryone(actor, meeting.id, 2)).toEqual({ ok: true, count: 2 });

    await (await getDb()).update(meetings).set({ autoReminderDays: 3 }).where(eq(meetings.id, meeting.id));
    expect(await sendDueAutoReminders(new Date('2027-04-01T00:00:00Z'))).toBe(0);
    const [a, b] = await Promise.all([
      sendDueAutoReminders(new Date('2027-04-29T00:00:00Z')),
      sendDueAutoReminders(new Date('2027-04-29T00:00:00Z')),
    ]);
    expect(a + b).toBe(1);
    const reminders = (await messagesOf(all.map((i) => i.id))).filter((m) => m.kind === 'invitation.reminder');
    expect(reminders).toHaveLength(4);

    expect(await sendMeetingUpdate(actor, meeting.id)).toEqual({ ok: false, reason: 'nothingChanged' });
    await (
      await getDb()
    )
      .update(meetings)
      .set({ startsAt: new Date('2027-05-15T05:00:00Z'), endsAt: new Date('2027-05-15T12:00:00Z') })
      .where(eq(meetings.id, meeting.id));
    expect(await sendMeetingUpdate(actor, meeting.id)).toEqual({ ok: true });
    const updates = (await messagesOf(all.map((i) => i.id))).filter((m) => m.kind === 'invitation.update');
    expect(updates).toHaveLength(3);
    const english = updates.find((m) => m.subject.startsWith('Updated'))!;
    expect(english.textBody).toContain('What changed:');
    expect(english.textBody).toContain(
      '14 May 2027, 10:00–17:00 Tashkent time (UTC+5) → 15 May 2027, 10:00–17:00 Tashkent time (UTC+5)',
    );
    const ics = Buffer.from(english.attachments[0]!.contentBase64, 'base64').toString('utf8');
    expect(ics).toContain('SEQUENCE:1');
  });

  it('carries invitations over when contacts are merged, two to one meeting becoming one', async () => {
    const actor = await editor();
    const { meeting, people } = await setUp('d');
    await inviteContacts(actor, meeting.id, {
      selection: { by: 'contacts', contactId: [people[0]!.id, people[1]!.id] },
      role: 'delegate',
      confirmedCount: 2,
    });
    const [dupInvitation] = await (
      await getDb()
    )
      .select()
      .from(invitations)
      .where(eq(invitations.contactId, people[1]!.id));
    await answerInvitation(tokenOf(invitationLink(dupInvitation!)), { accept: true }, new Date('2027-04-01T00:00:00Z'));
    expect(await mergeContacts(actor, { keepId: people[0]!.id, mergeId: people[1]!.id })).toEqual({
      ok: true,
      id: people[0]!.id,
    });
    const left = await (await getDb()).select().from(invitations).where(eq(invitations.meetingId, meeting.id));
    expect(left).toEqual([expect.objectContaining({ contactId: people[0]!.id, status: 'accepted' })]);
  });

  it('withdraws mail still queued when an invitation is revoked, resends to a corrected address, and tells a cancellation', async () => {
    const actor = await editor();
    const { meeting, people } = await setUp('e');
    await inviteContacts(actor, meeting.id, {
      selection: { by: 'contacts', contactId: [people[0]!.id, people[1]!.id] },
      role: 'delegate',
      confirmedCount: 2,
    });
    const db = await getDb();
    const [first, second] = await db
      .select()
      .from(invitations)
      .where(eq(invitations.meetingId, meeting.id))
      .orderBy(invitations.email);
    // Not delivered yet (this test has no SMTP server: the rows wait as "captured"); revoking withdraws them.
    await revokeInvitation(actor, second!.id);
    const withdrawn = await messagesOf([second!.id]);
    expect(withdrawn.map((m) => [m.status, m.lastError])).toEqual([['failed', 'the invitation was revoked']]);
    expect(withdrawn[0]!.textBody).not.toContain('/i/');
    expect(withdrawn[0]!.attachments).toEqual([]);

    await db
      .update(contacts)
      .set({ email: `fixed.${first!.email}` })
      .where(eq(contacts.id, first!.contactId));
    expect(await resendInvitation(actor, first!.id)).toEqual({ ok: true });
    const [moved] = await db.select().from(invitations).where(eq(invitations.id, first!.id));
    expect(moved!.email).toBe(`fixed.${first!.email}`);
    expect((await messagesOf([first!.id])).map((m) => m.toAddress)).toContain(`fixed.${first!.email}`);

    await db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, meeting.id));
    expect(await remindEveryone(actor, meeting.id, 1)).toEqual({ ok: false, reason: 'closed' });
    expect(
      await inviteContacts(actor, meeting.id, {
        selection: { by: 'contacts', contactId: [people[2]!.id] },
        role: 'delegate',
        confirmedCount: 1,
      }),
    ).toEqual({ ok: false, reason: 'notInvitable' });
    expect(await sendMeetingUpdate(actor, meeting.id)).toEqual({ ok: true });
    const update = (await messagesOf([first!.id])).find((m) => m.kind === 'invitation.update')!;
    expect(update.textBody).toContain('The meeting has been cancelled.');
    expect(Buffer.from(update.attachments[0]!.contentBase64, 'base64').toString()).toContain('STATUS:CANCELLED');
    expect(await sendMeetingUpdate(actor, meeting.id)).toEqual({ ok: false, reason: 'nothingChanged' });
    expect(await openInvitationLink(tokenOf(invitationLink(moved!)), new Date('2027-04-01T00:00:00Z'))).toMatchObject({
      ok: true,
      opened: { state: 'closed' },
    });
  });
});
