import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { decryptJson } from '@/lib/data-key';
import type { RegistrationInput } from '@/lib/schemas/registration';
import { createContact, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import { invitationLink, renderQueuedMail } from './invitation-mail';
import { inviteContacts } from './invitations';
import { erasePerson } from './participants';
import { cancelRegistration, submitRegistration } from './registrations';
import { auditLog, invitations, outboxMessages, registrationNotes, registrations, type VisaDetails } from './schema';
import {
  addRegistrationNote,
  cancelOnBehalf,
  correctRegistration,
  inviteeDefaults,
  listRegistrationNotes,
  listUnregisteredInvitees,
  promoteFromWaitlist,
  registerOnBehalf,
} from './staff-registrations';

const START = new Date('2027-05-14T05:00:00Z');
const BEFORE = new Date('2027-04-01T00:00:00Z');
// After the registration deadline, before the start: staff may still register someone.
const AFTER_DEADLINE = new Date('2027-05-10T00:00:00Z');

async function setUp(stamp: string, { capacity = null as number | null, people = 3, visaSupport = false } = {}) {
  const meeting = await createMeeting({
    startsAt: START,
    endsAt: new Date('2027-05-14T12:00:00Z'),
    status: 'planned',
    registrationDeadline: new Date('2027-05-01T00:00:00Z'),
    capacity,
    visaSupport,
  });
  await Promise.all(
    Array.from({ length: people }, (_, i) =>
      createContact({
        name: `Person ${String(i).padStart(3, '0')} ${stamp}`,
        email: `s${i}.${stamp}@example.org`,
        language: i % 2 ? 'ru' : 'en',
        tags: [`s-${stamp}`],
      }),
    ),
  );
  const editor = await createStaff('editor');
  await inviteContacts(editor, meeting.id, {
    selection: { by: 'filter', tag: `s-${stamp}` },
    role: 'delegate',
    confirmedCount: people,
  });
  const db = await getDb();
  const rows = await db
    .select()
    .from(invitations)
    .where(eq(invitations.meetingId, meeting.id))
    .orderBy(invitations.email);
  return { meeting, editor, invitations: rows, tokens: rows.map((r) => invitationLink(r).split('/i/')[1]!) };
}

const input = (overrides: Partial<RegistrationInput> = {}): RegistrationInput => ({
  passportName: 'Aziz Karimov',
  displayName: 'Азиз Каримов',
  title: '',
  organisationName: 'Ministry of Justice',
  country: 'UZ',
  phone: '+998 71 000 00 00',
  arrivalDate: null,
  departureDate: null,
  accessibilityNeeds: '',
  dietaryNeeds: '',
  listConsent: true,
  attendance: null,
  visa: null,
  ...overrides,
});

async function mailsOf(invitationId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.invitationId, invitationId), sql`${outboxMessages.kind} like 'registration.%'`))
    .orderBy(outboxMessages.createdAt);
  return renderQueuedMail(rows);
}

const statusOf = async (invitationId: string) => {
  const [row] = await (
    await getDb()
  )
    .select({ status: registrations.status })
    .from(registrations)
    .where(eq(registrations.invitationId, invitationId));
  return row?.status ?? null;
};

describe('staff acting on registrations', () => {
  it('register someone on their behalf after the deadline, told so in their language; a full meeting waitlists', async () => {
    const { meeting, editor, invitations: people } = await setUp('a', { capacity: 1, people: 2 });
    const [en, ru] = people as [(typeof people)[0], (typeof people)[0]];
    expect(ru.language).toBe('ru');
    const viewer = await createStaff('viewer');
    await expect(
      registerOnBehalf(viewer, { meetingId: meeting.id, invitationId: en.id, input: input() }, AFTER_DEADLINE),
    ).rejects.toThrow();
    expect(await listUnregisteredInvitees({ actor: viewer, meetingId: meeting.id })).toHaveLength(2);
    // The form starts from the directory entry (a name that is not in Latin letters alone is left for staff to
    // type as in the passport); an invitation of another meeting is not found.
    expect(await inviteeDefaults({ actor: viewer, meetingId: meeting.id, invitationId: en.id })).toMatchObject({
      email: en.email,
      defaults: { displayName: 'Person 000 a', passportName: '' },
    });
    expect(await inviteeDefaults({ actor: viewer, meetingId: crypto.randomUUID(), invitationId: en.id })).toBeNull();

    expect(
      await registerOnBehalf(editor, { meetingId: meeting.id, invitationId: en.id, input: input() }, AFTER_DEADLINE),
    ).toEqual({ ok: true, outcome: 'registered' });
    expect(
      await registerOnBehalf(editor, { meetingId: meeting.id, invitationId: en.id, input: input() }, AFTER_DEADLINE),
    ).toEqual({ ok: false, reason: 'already' });
    expect(
      await registerOnBehalf(editor, { meetingId: meeting.id, invitationId: ru.id, input: input() }, AFTER_DEADLINE),
    ).toEqual({ ok: true, outcome: 'waitlisted', place: 1 });
    expect(
      await registerOnBehalf(editor, { meetingId: meeting.id, invitationId: ru.id, input: input() }, START),
    ).toEqual({ ok: false, reason: 'already' });
    expect(await listUnregisteredInvitees({ actor: editor, meetingId: meeting.id })).toEqual([]);

    const [confirmation] = await mailsOf(en.id);
    expect(confirmation!.textBody).toContain('the secretariat has registered you');
    expect(confirmation!.attachments).toHaveLength(1);
    const [waitlisted] = await mailsOf(ru.id);
    expect(waitlisted!.textBody).toContain('секретариат зарегистрировал Вас');
    expect(waitlisted!.textBody).toContain('под номером 1');
    const [inv] = await (await getDb()).select().from(invitations).where(eq(invitations.id, en.id));
    expect(inv!.status).toBe('accepted');
    const [audit] = await (
      await getDb()
    )
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, en.id), eq(auditLog.action, 'registration.registered')));
    expect(audit).toMatchObject({ actorId: editor.id, after: expect.objectContaining({ onBehalf: true }) });
  });

  it('refuses a registration once the meeting has started, and visa details a meeting does not ask for', async () => {
    const { meeting, editor, invitations: people } = await setUp('b', { people: 1 });
    const args = { meetingId: meeting.id, invitationId: people[0]!.id };
    expect(await registerOnBehalf(editor, { ...args, input: input() }, START)).toEqual({
      ok: false,
      reason: 'closed',
    });
    const visa: VisaDetails = {
      nationality: 'KZ',
      passportNumber: 'N1234567',
      dateOfBirth: '1980-01-01',
      passportExpiry: '2030-01-01',
    };
    expect(await registerOnBehalf(editor, { ...args, input: input({ visa }) }, BEFORE)).toEqual({
      ok: false,
      reason: 'visaNotAsked',
    });
    expect(await statusOf(people[0]!.id)).toBeNull();
  });

  it('corrects a registration, names what changed in the email, and keeps visa details encrypted', async () => {
    const { meeting, editor, invitations: people, tokens } = await setUp('c', { people: 1, visaSupport: true });
    const id = people[0]!.id;
    await submitRegistration(tokens[0]!, input(), BEFORE);
    const args = { meetingId: meeting.id, invitationId: id };
    expect(await correctRegistration(editor, { ...args, input: input() }, BEFORE)).toEqual({ ok: true, changed: [] });
    const visa: VisaDetails = {
      nationality: 'KZ',
      passportNumber: 'N7654321',
      dateOfBirth: '1980-01-01',
      passportExpiry: '2031-01-01',
    };
    expect(
      await correctRegistration(
        editor,
        { ...args, input: input({ passportName: 'Aziz Karimov Jr', arrivalDate: '2027-05-13', visa }) },
        BEFORE,
      ),
    ).toEqual({ ok: true, changed: ['passportName', 'arrivalDate', 'visa'] });
    const [row] = await (await getDb()).select().from(registrations).where(eq(registrations.invitationId, id));
    expect(row).toMatchObject({ passportName: 'Aziz Karimov Jr', arrivalDate: '2027-05-13', status: 'registered' });
    expect(row!.visaData).not.toContain('N7654321');
    expect(decryptJson<VisaDetails>(row!.visaData!, id)).toEqual(visa);

    const mails = await mailsOf(id);
    expect(mails.map((m) => m.kind)).toEqual(['registration.registered', 'registration.changed']);
    expect(mails[1]!.textBody).toContain('Changed: name as in passport, arrival date, visa-support details');
    expect(mails[1]!.textBody).not.toContain('N7654321');
    const [audit] = await (
      await getDb()
    )
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'registration.corrected')));
    expect(audit!.before).toEqual({ passportName: '[redacted]', arrivalDate: null });
    expect(JSON.stringify(audit)).not.toContain('N7654321');
  });

  it('cancels for the delegate: they are told, and the freed seat is offered to the first on the list', async () => {
    const { meeting, editor, invitations: people, tokens } = await setUp('d', { capacity: 1, people: 2 });
    await submitRegistration(tokens[0]!, input(), BEFORE);
    await submitRegistration(tokens[1]!, input(), BEFORE);
    const args = { meetingId: meeting.id, invitationId: people[0]!.id };
    expect(await cancelOnBehalf(await createStaff('viewer'), args, BEFORE).catch(() => 'refused')).toBe('refused');
    expect(await cancelOnBehalf(editor, args, BEFORE)).toEqual({ ok: true });
    expect(await cancelOnBehalf(editor, args, BEFORE)).toEqual({ ok: false, reason: 'notActive' });
    expect(await statusOf(people[0]!.id)).toBe('cancelled');
    expect(await statusOf(people[1]!.id)).toBe('offered');
    const cancelled = (await mailsOf(people[0]!.id)).at(-1)!;
    expect(cancelled.kind).toBe('registration.cancelled');
    expect(cancelled.textBody).toContain('The secretariat has cancelled your registration');
  });

  it('gives a chosen person a seat: an automatic offer goes back to the list; refused when every seat is taken', async () => {
    const { meeting, editor, invitations: people, tokens } = await setUp('e', { capacity: 1, people: 3 });
    for (const token of tokens) await submitRegistration(token, input(), BEFORE);
    const [first, second, third] = people.map((p) => p.id) as [string, string, string];
    const promote = (invitationId: string) =>
      promoteFromWaitlist(editor, { meetingId: meeting.id, invitationId }, BEFORE);
    expect(await promote(third)).toEqual({ ok: false, reason: 'full' });
    expect(await promote(first)).toEqual({ ok: false, reason: 'notWaiting' });

    await cancelRegistration(tokens[0]!, BEFORE);
    expect(await statusOf(second)).toBe('offered');
    // Staff choose the third instead of the second, who had been offered the seat automatically.
    expect(await promote(third)).toEqual({ ok: true, withdrewOfferFrom: second });
    expect(await statusOf(third)).toBe('registered');
    expect(await statusOf(second)).toBe('waitlisted');
    const withdrawn = (await mailsOf(second)).at(-1)!;
    expect(withdrawn.kind).toBe('registration.withdrawn');
    expect(withdrawn.textBody).toContain('под номером 1');
    const promoted = (await mailsOf(third)).at(-1)!;
    expect(promoted.kind).toBe('registration.promoted');
    expect(promoted.textBody).toContain('the secretariat has given it to you');
    expect(promoted.attachments).toHaveLength(1);
    expect(await promote(second)).toEqual({ ok: false, reason: 'full' });
  });

  it('keeps internal notes for staff, out of the delegate’s emails, and erases them with the person', async () => {
    const { meeting, editor, invitations: people, tokens } = await setUp('f', { people: 1 });
    const id = people[0]!.id;
    const args = { meetingId: meeting.id, invitationId: id };
    expect(await addRegistrationNote(editor, { ...args, body: 'Funding: UNODC' })).toEqual({
      ok: false,
      reason: 'notFound',
    });
    await submitRegistration(tokens[0]!, input(), BEFORE);
    await expect(addRegistrationNote(await createStaff('viewer'), { ...args, body: 'x' })).rejects.toThrow();
    expect(await addRegistrationNote(editor, { ...args, body: 'Funding: UNODC' })).toMatchObject({ ok: true });
    await addRegistrationNote(editor, { ...args, body: 'Travel booked' });
    const notes = await listRegistrationNotes({ actor: await createStaff('viewer'), invitationId: id });
    expect(notes.map((n) => n.body)).toEqual(['Travel booked', 'Funding: UNODC']);
    expect(notes[0]!.author).toBe(editor.name ?? editor.email);
    const mails = await mailsOf(id);
    expect(mails.some((m) => m.textBody.includes('UNODC'))).toBe(false);
    const audits = await (
      await getDb()
    )
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'registration.note_added')));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain('UNODC');

    await erasePerson(await createStaff('admin'), people[0]!.contactId);
    expect(
      await (await getDb()).select().from(registrationNotes).where(eq(registrationNotes.invitationId, id)),
    ).toEqual([]);
  });
});

describe.runIf(process.env.TEST_DATABASE_KIND === 'postgres')('seats under concurrency with staff', () => {
  it(
    'staff giving seats from the waiting list while delegates register and cancel never exceed capacity',
    { timeout: 300_000 },
    async () => {
      for (let round = 0; round < 5; round++) {
        const {
          meeting,
          editor,
          invitations: people,
          tokens,
        } = await setUp(`z${round}`, {
          capacity: 20,
          people: 80,
        });
        // 20 seated and 20 waiting before the race.
        for (const token of tokens.slice(0, 40)) await submitRegistration(token, input(), BEFORE);
        const waiting = people.slice(20, 40).map((p) => p.id);
        const results = await Promise.all([
          ...tokens.slice(40).map((token) => submitRegistration(token, input(), BEFORE)),
          ...tokens.slice(0, 8).map((token) => cancelRegistration(token, BEFORE)),
          ...waiting.map((invitationId) =>
            promoteFromWaitlist(editor, { meetingId: meeting.id, invitationId }, BEFORE),
          ),
        ]);
        expect(results.every((r) => r.ok || ('reason' in r && ['full', 'notWaiting'].includes(r.reason)))).toBe(true);
        const db = await getDb();
        const counts = Object.fromEntries(
          (
            await db
              .select({ status: registrations.status, n: sql<number>`count(*)::int` })
              .from(registrations)
              .where(eq(registrations.meetingId, meeting.id))
              .groupBy(registrations.status)
          ).map((c) => [c.status, c.n]),
        );
        expect((counts.registered ?? 0) + (counts.offered ?? 0)).toBe(20);
        expect(counts.cancelled).toBe(8);
        // Every freed seat went to someone: 8 of the waiting were seated by staff or offered a seat.
        const seatedFromList = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(registrations)
          .where(
            and(inArray(registrations.invitationId, waiting), inArray(registrations.status, ['registered', 'offered'])),
          );
        expect(seatedFromList[0]!.n).toBe(8);
      }
    },
  );
});
