import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { RegistrationInput } from '@/lib/schemas/registration';
import { getDb } from './client';
import { invitationLink, renderQueuedMail } from './invitation-mail';
import { inviteContacts, openInvitationLink } from './invitations';
import { submitRegistration } from './registrations';
import { contacts, councils, invitations, meetings, outboxMessages } from './schema';
import { createStaff } from '@/test/staff';

const BEFORE = new Date('2027-04-01T00:00:00Z');
const tokenOf = (link: string) => link.split('/i/')[1]!;

const form = (displayName: string): RegistrationInput => ({
  passportName: 'Asel Omarova',
  displayName,
  title: 'Counsellor',
  organisationName: 'Ministry of Foreign Affairs',
  country: 'KG',
  phone: '',
  arrivalDate: null,
  departureDate: null,
  accessibilityNeeds: '',
  dietaryNeeds: '',
  listConsent: true,
  attendance: null,
  visa: null,
});

async function meeting(councilId: string, titleEn: string, titleRu: string, day: string) {
  const [row] = await (
    await getDb()
  )
    .insert(meetings)
    .values({
      councilId,
      kind: 'plenary',
      titleEn,
      titleRu,
      startsAt: new Date(`${day}T05:00:00Z`),
      endsAt: new Date(`${day}T12:00:00Z`),
      timeZone: 'Asia/Bishkek',
      format: 'in_person',
      cityEn: 'Bishkek',
      country: 'KG',
      status: 'planned',
    })
    .returning();
  return row!;
}

async function invite(meetingId: string) {
  const editor = await createStaff('editor');
  await inviteContacts(editor, meetingId, {
    selection: { by: 'filter', tag: 'greeting' },
    role: 'delegate',
    confirmedCount: 2,
  });
  return (await getDb()).select().from(invitations).where(eq(invitations.meetingId, meetingId));
}

/** The bodies of the invitation's emails, as they would be sent now. */
async function sent(invitationId: string, kind?: string) {
  const rows = await (
    await getDb()
  )
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.invitationId, invitationId), ...(kind ? [eq(outboxMessages.kind, kind)] : [])));
  return renderQueuedMail(rows);
}

describe('the name an email greets a person by', () => {
  it('is the display name of their latest registration, else the directory’s', async () => {
    const db = await getDb();
    const [council] = await db
      .insert(councils)
      .values({ nameEn: 'Regional Expert Council', nameRu: 'Региональный экспертный совет' })
      .returning();
    const first = await meeting(council!.id, 'First meeting', 'Первое совещание', '2027-05-14');
    const second = await meeting(council!.id, 'Second meeting', 'Второе совещание', '2027-06-14');
    const [asel, ingrid] = await db
      .insert(contacts)
      .values([
        // The directory's form of her name, which she corrects when she registers.
        { name: 'Асель Омаров', email: 'asel@example.org', language: 'ru', country: 'KG', tags: ['greeting'] },
        { name: 'Ingrid Novak', email: 'ingrid@example.org', language: 'en', country: 'NO', tags: ['greeting'] },
      ])
      .returning();

    const firstInvitations = await invite(first.id);
    const aselFirst = firstInvitations.find((i) => i.contactId === asel!.id)!;
    const ingridFirst = firstInvitations.find((i) => i.contactId === ingrid!.id)!;
    // Before any registration: the directory's name.
    expect((await sent(aselFirst.id))[0]!.textBody).toContain('Здравствуйте, Асель Омаров!');

    expect(await submitRegistration(tokenOf(invitationLink(aselFirst)), form('Асель Омарова'), BEFORE)).toMatchObject({
      ok: true,
      outcome: 'registered',
    });
    const confirmation = (await sent(aselFirst.id, 'registration.registered'))[0]!;
    expect(confirmation.textBody).toContain('Здравствуйте, Асель Омарова!');
    expect(confirmation.toName).toBe('Асель Омарова');

    // The next meeting's invitation greets her as she now writes her name; Ingrid, never registered, as the directory.
    const secondInvitations = await invite(second.id);
    const aselSecond = secondInvitations.find((i) => i.contactId === asel!.id)!;
    const ingridSecond = secondInvitations.find((i) => i.contactId === ingrid!.id)!;
    const invitation = (await sent(aselSecond.id))[0]!;
    expect(invitation.textBody).toContain('Здравствуйте, Асель Омарова!');
    expect(invitation.textBody).not.toContain('Омаров!');
    expect(invitation.toName).toBe('Асель Омарова');
    expect((await sent(ingridSecond.id))[0]!.textBody).toMatch(/^Dear Ingrid Novak,\n\nThe secretariat/);
    const page = await openInvitationLink(tokenOf(invitationLink(aselSecond)), BEFORE, { withAgenda: false });
    expect(page.ok && page.opened.name).toBe('Асель Омарова');

    // Her latest registration wins, also in the emails of the earlier meeting still to be sent.
    expect(
      await submitRegistration(tokenOf(invitationLink(aselSecond)), form('Асель Нурлановна Омарова'), BEFORE),
    ).toMatchObject({ ok: true });
    expect((await sent(aselFirst.id, 'registration.registered'))[0]!.textBody).toContain(
      'Здравствуйте, Асель Нурлановна Омарова!',
    );
    const unrelated = await sent(ingridFirst.id);
    expect(unrelated.map((m) => m.toName)).toEqual(['Ingrid Novak']);
    expect(
      (
        await db
          .select()
          .from(contacts)
          .where(inArray(contacts.id, [asel!.id, ingrid!.id]))
      )
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Ingrid Novak', 'Асель Омаров']);
  });
});
