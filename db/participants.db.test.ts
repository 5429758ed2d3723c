import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from './client';
import { invitationLink } from './invitation-mail';
import { inviteContacts } from './invitations';
import {
  countParticipants,
  ERASED,
  erasePerson,
  exportPersonData,
  getParticipant,
  listParticipants,
  revealVisaDetails,
} from './participants';
import { submitRegistration } from './registrations';
import { auditLog, contacts, invitations, outboxMessages, registrations } from './schema';
import { createContact, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';

const staff = createStaff;
const BEFORE = new Date('2027-04-01T00:00:00Z');

// A different person in each test (they share one database): an erasure also scrubs other entries naming them.
const SURNAMES: Record<string, [string, string]> = {
  a: ['Tursunova', 'Турсунова'],
  b: ['Yuldasheva', 'Юлдашева'],
  c: ['Khamidova', 'Хамидова'],
};

async function registeredPerson(stamp: 'a' | 'b' | 'c') {
  const [latin, cyrillic] = SURNAMES[stamp]!;
  const db = await getDb();
  const meeting = await createMeeting({
    titleRu: 'Пленарное',
    startsAt: new Date('2027-05-14T05:00:00Z'),
    endsAt: new Date('2027-05-14T12:00:00Z'),
    cityEn: 'Tashkent',
    country: 'UZ',
    status: 'planned',
    visaSupport: true,
    capacity: 10,
  });
  const person = await createContact({
    name: `Гульшан ${cyrillic}`,
    nameLatin: `Gulshan ${latin}`,
    email: `gulshan.${stamp}@example.org`,
    phone: '+998 90 111 22 33',
    language: 'ru',
    country: 'UZ',
    tags: [`p-${stamp}`],
  });
  await inviteContacts(await staff('editor'), meeting.id, {
    selection: { by: 'contacts', contactId: [person.id] },
    role: 'delegate',
    confirmedCount: 1,
  });
  const [invitation] = await db.select().from(invitations).where(eq(invitations.contactId, person.id));
  const token = invitationLink(invitation!).split('/i/')[1]!;
  const result = await submitRegistration(
    token,
    {
      passportName: `Gulshan ${latin}`,
      displayName: `Гульшан ${cyrillic}`,
      title: 'Expert',
      organisationName: 'Ministry of Justice',
      country: 'UZ',
      phone: '+998 90 111 22 33',
      arrivalDate: '2027-05-13',
      departureDate: '2027-05-15',
      accessibilityNeeds: 'Wheelchair access',
      dietaryNeeds: '',
      listConsent: true,
      attendance: null,
      visa: { nationality: 'UZ', passportNumber: 'FA7654321', dateOfBirth: '1979-09-09', passportExpiry: '2033-01-01' },
    },
    BEFORE,
  );
  expect(result).toMatchObject({ ok: true, outcome: 'registered' });
  return { meeting, person, invitation: invitation! };
}

describe('participants', () => {
  it('lists and counts registrations with filters; visa details only for admins, each view logged', async () => {
    const { meeting, invitation } = await registeredPerson('a');
    const viewer = await staff('viewer');
    expect(await listParticipants({ actor: viewer, meetingId: meeting.id })).toMatchObject([
      { displayName: 'Гульшан Турсунова', status: 'registered', hasVisaDetails: true },
    ]);
    expect(await listParticipants({ actor: viewer, meetingId: meeting.id, filters: { country: 'KZ' } })).toEqual([]);
    expect(await listParticipants({ actor: viewer, meetingId: meeting.id, filters: { status: 'waitlisted' } })).toEqual(
      [],
    );
    expect(await countParticipants({ actor: viewer, meetingId: meeting.id })).toMatchObject({
      byStatus: { registered: 1 },
      byCountry: [{ country: 'UZ', n: 1 }],
    });
    const row = await getParticipant({ actor: viewer, meetingId: meeting.id, invitationId: invitation.id });
    expect(JSON.stringify(row)).not.toContain('FA7654321');

    await expect(revealVisaDetails(await staff('editor'), invitation.id)).rejects.toThrow();
    const admin = await staff('admin');
    expect(await revealVisaDetails(admin, invitation.id)).toEqual({
      nationality: 'UZ',
      passportNumber: 'FA7654321',
      dateOfBirth: '1979-09-09',
      passportExpiry: '2033-01-01',
    });
    const views = await (
      await getDb()
    )
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${invitation.id} and ${auditLog.action} = 'registration.visa_viewed'`);
    expect(views).toHaveLength(1);
    expect(views[0]!.actorEmail).toBe(admin.email);
    expect(JSON.stringify(views)).not.toContain('FA7654321');
  });

  it('exports everything held about a person, then erases it everywhere while the counts stay', async () => {
    const { meeting, person, invitation } = await registeredPerson('b');
    const admin = await staff('admin');
    await expect(exportPersonData(await staff('editor'), person.id)).rejects.toThrow();
    const data = await exportPersonData(admin, person.id);
    expect(data!.contact).toMatchObject({ email: person.email, phone: '+998 90 111 22 33' });
    expect(data!.invitations[0]!.registration).toMatchObject({
      passportName: 'Gulshan Yuldasheva',
      visa: { passportNumber: 'FA7654321' },
    });
    expect(data!.emails.length).toBeGreaterThanOrEqual(2);

    expect(await erasePerson(admin, person.id)).toEqual({ ok: true });
    const db = await getDb();
    const everything = JSON.stringify([
      await db.select().from(contacts).where(eq(contacts.id, person.id)),
      await db.select().from(invitations).where(eq(invitations.id, invitation.id)),
      await db.select().from(registrations).where(eq(registrations.invitationId, invitation.id)),
      await db
        .select()
        .from(outboxMessages)
        .where(inArray(outboxMessages.invitationId, [invitation.id])),
      await db.select().from(auditLog),
    ]);
    for (const value of [
      person.email,
      'Гульшан Юлдашева',
      'Gulshan Yuldasheva',
      'Yuldasheva',
      '+998 90 111 22 33',
      'FA7654321',
    ])
      expect(everything, value).not.toContain(value);
    expect(everything).toContain(ERASED);
    // The registration keeps what the counts need; every other field is blank, the names marked.
    const [erased] = await db.select().from(registrations).where(eq(registrations.invitationId, invitation.id));
    expect(erased).toMatchObject({
      passportName: ERASED,
      displayName: ERASED,
      title: '',
      organisationName: 'Ministry of Justice',
      country: 'UZ',
      phone: '',
      arrivalDate: null,
      departureDate: null,
      accessibilityNeeds: '',
      dietaryNeeds: '',
      listConsent: false,
      visaData: null,
    });
    expect(erased!.erasedAt).not.toBeNull();
    // Their own entries lose every value (the accessibility need was in the registration's entry).
    const own = await db.select().from(auditLog).where(eq(auditLog.entityId, invitation.id));
    expect(JSON.stringify(own)).not.toContain('Wheelchair');
    // The meeting still counts them, anonymously, by country.
    expect(await countParticipants({ actor: admin, meetingId: meeting.id })).toMatchObject({
      byStatus: { registered: 1 },
      byCountry: [{ country: 'UZ', n: 1 }],
    });
  });
});
