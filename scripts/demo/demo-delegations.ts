import { eq } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { contactKeys } from '@/db/directory-keys';
import type { DbExecutor } from '@/db/client';
import { issueNoteVerbale } from '@/db/notes-verbales';
import { contacts, delegationMembers, delegations, invitations, notesVerbales } from '@/db/schema';
import type { ContactLanguage } from '@/lib/domain';
import { ministryAddressee } from '@/lib/mfa-names';

// The upcoming working-group meeting's delegations: the five Central Asian states, each through its foreign
// ministry's focal point (invented people, addresses under example.org), with a quota of 3. Uzbekistan's focal point
// has made the nominations, and its three members have accepted. Fixed ids, so seeding twice changes nothing.

const id = (n: number) => `0b7a7c1e-5d1f-4c43-9a51-${String(9000 + n).padStart(12, '0')}`;
/** Organisations of the base seed (seed.ts, demo-attendance.ts): the five foreign ministries. */
const seeded = (n: number) => `0b7a7c1e-5d1f-4c43-9a51-${String(200 + n).padStart(12, '0')}`;

const FOCAL_POINTS: { country: string; ministry: string; name: string; email: string; language: ContactLanguage }[] = [
  {
    country: 'KZ',
    ministry: seeded(13),
    name: 'Айгерим Садыкова',
    email: 'a.sadykova@mfa-kz.example.org',
    language: 'ru',
  },
  {
    country: 'KG',
    ministry: seeded(14),
    name: 'Нурбек Токтогулов',
    email: 'n.toktogulov@mfa-kg.example.org',
    language: 'ru',
  },
  {
    country: 'TJ',
    ministry: seeded(15),
    name: 'Фарангис Назарова',
    email: 'f.nazarova@mfa-tj.example.org',
    language: 'ru',
  },
  {
    country: 'TM',
    ministry: seeded(16),
    name: 'Мерген Ораздурдыев',
    email: 'm.orazdurdyev@mfa-tm.example.org',
    language: 'ru',
  },
  {
    country: 'UZ',
    ministry: seeded(3),
    name: 'Dilnoza Yusupova',
    email: 'd.yusupova@mfa-uz.example.org',
    language: 'en',
  },
];

const UZBEK_DELEGATION = [
  {
    title: 'Mr.',
    passportName: 'Bakhodir Tashmatov',
    displayName: 'Баходир Ташматов',
    position: 'Deputy Director, Department of International Security',
    head: true,
  },
  {
    title: 'Ms.',
    passportName: 'Malika Rakhimova',
    displayName: 'Малика Рахимова',
    position: 'Counsellor',
    head: false,
  },
  {
    title: 'Mr.',
    passportName: 'Jasur Alimov',
    displayName: 'Жасур Алимов',
    position: 'Second Secretary',
    head: false,
  },
];

export async function seedDemoDelegations(
  tx: PgDatabase<PgQueryResultHKT, Record<string, unknown>>,
  meetingId: string,
  nominationDeadline: Date,
) {
  await tx
    .insert(contacts)
    .values(
      FOCAL_POINTS.map((f, i) => ({
        id: id(i),
        name: f.name,
        email: f.email,
        organisationId: f.ministry,
        country: f.country,
        language: f.language,
        tags: ['focal point'],
        source: 'Demo data',
        ...contactKeys(f),
      })),
    )
    .onConflictDoNothing();
  await tx
    .insert(delegations)
    .values(
      FOCAL_POINTS.map((f, i) => {
        const addressee = ministryAddressee(f.country);
        return {
          id: id(10 + i),
          meetingId,
          kind: 'state' as const,
          countryCode: f.country,
          focalPointContactId: id(i),
          quota: 3,
          nominationDeadline,
          addresseeEn: addressee.en,
          addresseeRu: addressee.ru,
          language: f.language,
        };
      }),
    )
    .onConflictDoNothing();
  const uzbekistan = id(10 + FOCAL_POINTS.findIndex((f) => f.country === 'UZ'));
  const members = UZBEK_DELEGATION.map((m, i) => ({
    ...m,
    contactId: id(20 + i),
    invitationId: id(30 + i),
    email: `${m.passportName.toLowerCase().replace(' ', '.')}@mfa-uz.example.org`,
    language: 'ru' as const,
  }));
  await tx
    .insert(contacts)
    .values(
      members.map((m) => ({
        id: m.contactId,
        name: m.displayName,
        nameLatin: m.passportName,
        title: m.position,
        email: m.email,
        organisationId: seeded(3),
        country: 'UZ',
        language: m.language,
        source: 'Demo data',
        ...contactKeys({ name: m.displayName, nameLatin: m.passportName, email: m.email }),
      })),
    )
    .onConflictDoNothing();
  await tx
    .insert(invitations)
    .values(
      members.map((m) => ({
        id: m.invitationId,
        meetingId,
        contactId: m.contactId,
        role: 'delegate' as const,
        email: m.email,
        language: m.language,
        // They have answered: the meeting's reminders are for those who have not.
        status: 'accepted' as const,
        answeredAt: nominationDeadline,
      })),
    )
    .onConflictDoNothing();
  await tx
    .insert(delegationMembers)
    .values(
      members.map((m, i) => ({
        id: id(40 + i),
        delegationId: uzbekistan,
        contactId: m.contactId,
        invitationId: m.invitationId,
        status: 'invited' as const,
        title: m.title,
        passportName: m.passportName,
        displayName: m.displayName,
        position: m.position,
        email: m.email,
        language: m.language,
        head: m.head,
      })),
    )
    .onConflictDoNothing();
  // Uzbekistan's delegation was invited by a note verbale: it stands in the meeting's register (once, however often
  // the seed runs).
  const [noted] = await tx
    .select({ id: notesVerbales.id })
    .from(notesVerbales)
    .where(eq(notesVerbales.delegationId, uzbekistan));
  if (!noted) {
    const addressee = ministryAddressee('UZ');
    await issueNoteVerbale(tx as DbExecutor, {
      meetingId,
      delegationId: uzbekistan,
      language: 'ru',
      addressee: addressee.ru,
      quota: 3,
      nominationDeadline,
      issuedBy: { id: null, email: null },
    });
  }
}
