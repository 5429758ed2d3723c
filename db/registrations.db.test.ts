import ICAL from 'ical.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { decryptJson } from '@/lib/data-key';
import type { RegistrationInput } from '@/lib/schemas/registration';
import { getDb } from './client';
import { renderQueuedMail } from './invitation-mail';
import { invitationLink } from './invitation-mail';
import { answerInvitation, inviteContacts, revokeInvitation } from './invitations';
import {
  cancelRegistration,
  purgeVisaDetails,
  ownRegistration,
  settleWaitingLists,
  submitRegistration,
  takeOfferedSeat,
} from './registrations';
import { auditLog, invitations, outboxMessages, registrations, type VisaDetails } from './schema';
import { createContact, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';

const tokenOf = (link: string) => link.split('/i/')[1]!;

/** A registration as its delegate's page sees it (openInvitationLink reads it the same way). */
async function registrationOnLink(invitationId: string) {
  const db = await getDb();
  const [row] = await db.select().from(registrations).where(eq(registrations.invitationId, invitationId));
  return row ? ownRegistration(db, row) : null;
}
const START = new Date('2027-05-14T05:00:00Z');
const BEFORE = new Date('2027-04-01T00:00:00Z');

const editor = () => createStaff('editor');

/** A meeting with `capacity` seats and `people` invited contacts; returns their links' tokens. */
async function setUp(
  stamp: string,
  {
    capacity = null,
    people = 3,
    visaSupport = false,
    format = 'in_person',
  }: { capacity?: number | null; people?: number; visaSupport?: boolean; format?: 'in_person' | 'hybrid' } = {},
) {
  const db = await getDb();
  const meeting = await createMeeting({
    startsAt: START,
    endsAt: new Date('2027-05-14T12:00:00Z'),
    cityEn: 'Tashkent',
    country: 'UZ',
    status: 'planned',
    registrationDeadline: new Date('2027-05-01T00:00:00Z'),
    capacity,
    visaSupport,
    format,
    meetingLink: format === 'hybrid' ? 'https://meet.example.org/hybrid' : null,
  });
  await Promise.all(
    Array.from({ length: people }, (_, i) =>
      createContact({
        name: `Person ${i} ${stamp}`,
        email: `p${i}.${stamp}@example.org`,
        language: i % 2 ? 'ru' : 'en',
        tags: [`r-${stamp}`],
      }),
    ),
  );
  await inviteContacts(await editor(), meeting.id, {
    selection: { by: 'filter', tag: `r-${stamp}` },
    role: 'delegate',
    confirmedCount: people,
  });
  const rows = await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id));
  return { meeting, invitations: rows, tokens: rows.map((r) => tokenOf(invitationLink(r))) };
}

const form = (overrides: Partial<RegistrationInput> = {}): RegistrationInput => ({
  passportName: 'Aziz Karimov',
  displayName: 'Азиз Каримов',
  title: 'Head of division',
  organisationName: 'Ministry of Justice',
  country: 'UZ',
  phone: '+998 71 000 00 00',
  arrivalDate: '2027-05-13',
  departureDate: '2027-05-15',
  accessibilityNeeds: '',
  dietaryNeeds: 'Vegetarian',
  listConsent: true,
  attendance: null,
  visa: null,
  ...overrides,
});

const VISA: VisaDetails = {
  nationality: 'KZ',
  passportNumber: 'N12345678',
  dateOfBirth: '1980-02-03',
  passportExpiry: '2030-01-01',
};

async function mailFor(invitationId: string) {
  return renderQueuedMail(
    await (
      await getDb()
    )
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.invitationId, invitationId))
      .orderBy(outboxMessages.createdAt),
  );
}

function calendarOf(message: { attachments: { contentBase64: string }[] }) {
  const ics = Buffer.from(message.attachments[0]!.contentBase64, 'base64').toString('utf8');
  const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
  return {
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: event.getFirstPropertyValue('status'),
  };
}

describe('registration', () => {
  it('keeps the answer on gender for the totals only: never in the audit log or an email', async () => {
    const {
      invitations: [invitation],
      tokens: [token],
    } = await setUp('g');
    await submitRegistration(token!, form({ gender: 'female' }), BEFORE);
    // A change that does not answer the question (the staff's correction form) keeps the answer on file.
    await submitRegistration(token!, form({ arrivalDate: '2027-05-12' }), BEFORE);
    const db = await getDb();
    const [row] = await db.select().from(registrations).where(eq(registrations.invitationId, invitation!.id));
    expect(row!.gender).toBe('female');
    // Changing only the answer is a change, and still says nothing of it anywhere.
    expect(
      await submitRegistration(token!, form({ arrivalDate: '2027-05-12', gender: 'other' }), BEFORE),
    ).toMatchObject({ outcome: 'changed' });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, invitation!.id));
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toMatch(/gender|female|"other"/);
    const mails = await mailFor(invitation!.id);
    expect(JSON.stringify(mails)).not.toMatch(/gender|female/i);
  });

  it('registers, changes with an updated calendar event, and cancels; a repeated submission changes nothing', async () => {
    const {
      invitations: [invitation],
      tokens: [token],
    } = await setUp('a');
    expect(await submitRegistration(token!, form(), BEFORE)).toEqual({
      ok: true,
      outcome: 'registered',
      email: invitation!.email,
    });
    // The same form again (a flaky connection): one registration, no second email.
    expect(await submitRegistration(token!, form(), BEFORE)).toMatchObject({ ok: true, outcome: 'unchanged' });
    expect(await submitRegistration(token!, form({ arrivalDate: '2027-05-12' }), BEFORE)).toMatchObject({
      ok: true,
      outcome: 'changed',
    });
    const own = await registrationOnLink(invitation!.id);
    expect(own).toMatchObject({ status: 'registered', arrivalDate: '2027-05-12', hasVisaDetails: false });
    const [inv] = await (await getDb()).select().from(invitations).where(eq(invitations.id, invitation!.id));
    expect(inv!.status).toBe('accepted');

    expect(await cancelRegistration(token!, BEFORE)).toEqual({ ok: true });
    expect(await cancelRegistration(token!, BEFORE)).toEqual({ ok: false, reason: 'nothing' });
    const mails = (await mailFor(invitation!.id)).filter((m) => m.kind.startsWith('registration.'));
    expect(mails.map((m) => m.kind)).toEqual([
      'registration.registered',
      'registration.changed',
      'registration.cancelled',
    ]);
    const events = mails.map(calendarOf);
    const [invitationMail] = (await mailFor(invitation!.id)).filter((m) => m.kind === 'invitation.invitation');
    // One event throughout (the invitation's), each file with a higher SEQUENCE; the last one cancels it.
    expect(new Set([calendarOf(invitationMail!).uid, ...events.map((e) => e.uid)]).size).toBe(1);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(events.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(mails[1]!.textBody).toContain('12');
  });

  it('refuses answers after the deadline, but a cancellation until the start', async () => {
    const {
      tokens: [token],
    } = await setUp('b');
    expect(await submitRegistration(token!, form(), BEFORE)).toMatchObject({ ok: true });
    expect(await submitRegistration(token!, form({ dietaryNeeds: 'Halal' }), new Date('2027-05-02T00:00:00Z'))).toEqual(
      { ok: false, reason: 'closed' },
    );
    expect(await cancelRegistration(token!, new Date('2027-05-14T05:00:00Z'))).toEqual({
      ok: false,
      reason: 'started',
    });
    expect(await cancelRegistration(token!, new Date('2027-05-10T00:00:00Z'))).toEqual({ ok: true });
    expect(await submitRegistration('not-a-token', form(), BEFORE)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('fills the seats, queues the rest, offers a freed seat with an expiry, and passes an unanswered offer on', async () => {
    const { invitations: invs, tokens, meeting } = await setUp('c', { capacity: 2, people: 5 });
    const results = [];
    for (const token of tokens) results.push(await submitRegistration(token, form(), BEFORE));
    expect(results.map((r) => (r.ok ? r.outcome : r.reason))).toEqual([
      'registered',
      'registered',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    expect(results.slice(2).map((r) => (r.ok && r.outcome === 'waitlisted' ? r.place : 0))).toEqual([1, 2, 3]);

    // The first registered person cancels: the first on the list is offered the seat for 48 hours.
    await cancelRegistration(tokens[0]!, BEFORE);
    const offered = await registrationOnLink(invs[2]!.id);
    expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: new Date(BEFORE.getTime() + 48 * 3600_000) });
    expect((await registrationOnLink(invs[3]!.id))!.place).toBe(1);
    const offerMail = (await mailFor(invs[2]!.id)).find((m) => m.kind === 'registration.offered');
    expect(offerMail!.attachments).toEqual([]);
    // Nobody else may take that seat meanwhile.
    expect(await takeOfferedSeat(tokens[3]!, BEFORE)).toEqual({ ok: false, reason: 'gone' });

    // Unanswered for 48 hours: it lapses and the next is offered.
    const later = new Date(BEFORE.getTime() + 49 * 3600_000);
    await settleWaitingLists(later);
    expect((await registrationOnLink(invs[2]!.id))!.status).toBe('lapsed');
    expect((await registrationOnLink(invs[3]!.id))!.status).toBe('offered');
    expect(await takeOfferedSeat(tokens[2]!, later)).toEqual({ ok: false, reason: 'gone' });
    // An offer is taken after the registration deadline too, until it expires.
    const afterDeadline = new Date('2027-05-02T00:00:00Z');
    await (
      await getDb()
    )
      .update(registrations)
      .set({ offerExpiresAt: new Date('2027-05-03T00:00:00Z') })
      .where(eq(registrations.invitationId, invs[3]!.id));
    expect(await takeOfferedSeat(tokens[3]!, afterDeadline)).toEqual({ ok: true });
    const held = await (
      await getDb()
    )
      .select()
      .from(registrations)
      .where(and(eq(registrations.meetingId, meeting.id), inArray(registrations.status, ['registered', 'offered'])));
    expect(held).toHaveLength(2);
  });

  it('never offers past the start, and gives a declined or revoked invitee’s seat away', async () => {
    const { invitations: invs, tokens } = await setUp('d', { capacity: 1, people: 3 });
    for (const token of tokens) await submitRegistration(token, form(), BEFORE);
    const nearStart = new Date(START.getTime() - 3600_000);
    await cancelRegistration(tokens[0]!, nearStart);
    expect((await registrationOnLink(invs[1]!.id))!.offerExpiresAt).toEqual(START);

    await settleWaitingLists(START);
    expect((await registrationOnLink(invs[1]!.id))!.status).toBe('lapsed');
    // After the start nothing is offered any more.
    expect((await registrationOnLink(invs[2]!.id))!.status).toBe('waitlisted');

    const other = await setUp('d2', { capacity: 1, people: 3 });
    for (const token of other.tokens) await submitRegistration(token, form(), BEFORE);
    await answerInvitation(other.tokens[0]!, { accept: false, reason: null }, BEFORE);
    expect((await registrationOnLink(other.invitations[0]!.id))!.status).toBe('cancelled');
    expect((await registrationOnLink(other.invitations[1]!.id))!.status).toBe('offered');
    await takeOfferedSeat(other.tokens[1]!, BEFORE);
    await revokeInvitation(await editor(), other.invitations[1]!.id);
    expect((await registrationOnLink(other.invitations[2]!.id))!.status).toBe('offered');
  });

  it('asks each registrant of a hybrid meeting how they take part, and keeps nothing for other formats', async () => {
    const hybrid = await setUp(`hy${Date.now().toString(36)}`, { people: 1, format: 'hybrid' });
    expect(await submitRegistration(hybrid.tokens[0]!, form(), BEFORE)).toEqual({ ok: false, reason: 'attendance' });
    expect(await submitRegistration(hybrid.tokens[0]!, form({ attendance: 'online' }), BEFORE)).toMatchObject({
      ok: true,
      outcome: 'registered',
    });
    expect(await registrationOnLink(hybrid.invitations[0]!.id)).toMatchObject({ attendance: 'online' });
    expect(await submitRegistration(hybrid.tokens[0]!, form({ attendance: 'in_person' }), BEFORE)).toMatchObject({
      outcome: 'changed',
    });

    const inPerson = await setUp(`ip${Date.now().toString(36)}`, { people: 1 });
    await submitRegistration(inPerson.tokens[0]!, form({ attendance: 'online' }), BEFORE);
    expect(await registrationOnLink(inPerson.invitations[0]!.id)).toMatchObject({ attendance: null });
  });

  it('keeps visa details encrypted, refuses them when not asked for, and purges them 30 days after the meeting', async () => {
    const plain = await setUp('e');
    expect(await submitRegistration(plain.tokens[0]!, form({ visa: VISA }), BEFORE)).toEqual({
      ok: false,
      reason: 'visaNotAsked',
    });
    expect(await registrationOnLink(plain.invitations[0]!.id)).toBeNull();

    const { invitations: invs, tokens, meeting } = await setUp('f', { visaSupport: true });
    expect(
      await submitRegistration(tokens[0]!, form({ visa: { ...VISA, passportExpiry: '2027-05-01' } }), BEFORE),
    ).toEqual({ ok: false, reason: 'passportExpiry' });
    expect(await submitRegistration(tokens[0]!, form({ visa: VISA }), BEFORE)).toMatchObject({
      ok: true,
      outcome: 'registered',
    });
    const db = await getDb();
    const [row] = await db.select().from(registrations).where(eq(registrations.invitationId, invs[0]!.id));
    expect(row!.visaData).toMatch(/^v1:/);
    expect(row!.visaData).not.toContain('N12345678');
    expect(decryptJson(row!.visaData!, invs[0]!.id)).toEqual(VISA);
    // Bound to its row: copied elsewhere, it does not decrypt.
    expect(() => decryptJson(row!.visaData!, invs[1]!.id)).toThrow();
    // A change without visa fields keeps them.
    await submitRegistration(tokens[0]!, form({ dietaryNeeds: 'None' }), BEFORE);
    expect((await registrationOnLink(invs[0]!.id))!.hasVisaDetails).toBe(true);

    // Nothing of it anywhere else: audit log, outbox.
    const dump = JSON.stringify([
      await db.select().from(auditLog).where(eq(auditLog.entityId, invs[0]!.id)),
      await db.select().from(outboxMessages).where(eq(outboxMessages.invitationId, invs[0]!.id)),
    ]);
    for (const secret of ['N12345678', '1980-02-03', '2030-01-01']) expect(dump).not.toContain(secret);

    expect(await purgeVisaDetails(new Date(meeting.endsAt.getTime() + 29 * 24 * 3600_000))).toBe(0);
    expect(await purgeVisaDetails(new Date(meeting.endsAt.getTime() + 31 * 24 * 3600_000))).toBeGreaterThanOrEqual(1);
    const [after] = await db.select().from(registrations).where(eq(registrations.invitationId, invs[0]!.id));
    expect(after!.visaData).toBeNull();
    expect(after!.visaPurgedAt).not.toBeNull();
    const [{ n }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(
        sql`${registrations.visaData} like '%' || ${'v1:'} || '%' and ${registrations.meetingId} = ${meeting.id}`,
      )) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe.runIf(process.env.TEST_DATABASE_KIND === 'postgres')('capacity under concurrency', () => {
  it(
    '200 simultaneous registrations for 50 seats end with 50 registered and 150 waitlisted, 20 times over',
    { timeout: 600_000 },
    async () => {
      for (let round = 0; round < 20; round++) {
        const { tokens, meeting } = await setUp(`z${round}`, { capacity: 50, people: 200 });
        const results = await Promise.all(tokens.map((token) => submitRegistration(token, form(), BEFORE)));
        expect(results.every((r) => r.ok)).toBe(true);
        const db = await getDb();
        const counts = await db
          .select({ status: registrations.status, n: sql<number>`count(*)::int` })
          .from(registrations)
          .where(eq(registrations.meetingId, meeting.id))
          .groupBy(registrations.status);
        expect(Object.fromEntries(counts.map((c) => [c.status, c.n]))).toEqual({ registered: 50, waitlisted: 150 });
        // Places on the list are 1…150, each once.
        const places = results.flatMap((r) => (r.ok && r.outcome === 'waitlisted' ? [r.place] : []));
        expect(new Set(places).size).toBe(150);
      }
    },
  );
});
