import { describe, expect, it } from 'vitest';
import { createContact, createCouncil, createInvitation, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { docxText, flat, pdfFonts, pdfText } from '@/test/documents';
import type { NewContact } from '@/test/factories';
import { getDb } from './client';
import {
  currentReleasedParticipantList,
  draftParticipantList,
  meetingForListDownload,
  releaseParticipantList,
} from './participant-list';
import { checkIns, delegationMembers, delegations, organisations, registrations } from './schema';
import { invitationToken } from '@/lib/invitation-token';
import { authSecret } from '@/lib/auth/secret';

type Org = typeof organisations.$inferInsert;

async function organisation(values: Org) {
  const [row] = await (await getDb()).insert(organisations).values(values).returning();
  return row!;
}

/** A meeting with people of every group, two who did not consent, one erased and one who cancelled. */
async function seeded(meetingOverrides: Parameters<typeof createMeeting>[0] = {}) {
  const db = await getDb();
  const centre = await organisation({
    nameEn: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
    nameRu: 'Региональный центр ООН по превентивной дипломатии для Центральной Азии',
    acronym: 'UNRCCA',
    type: 'un_entity',
  });
  const council = await createCouncil({ secretariatOrganisationId: centre.id });
  const meeting = await createMeeting({
    councilId: council.id,
    titleEn: 'Regional plenary',
    titleRu: 'Региональное пленарное заседание',
    ...meetingOverrides,
  });
  const mfaUz = await organisation({
    nameEn: 'Ministry of Foreign Affairs of Uzbekistan',
    nameRu: 'Министерство иностранных дел Узбекистана',
    type: 'government',
    country: 'UZ',
  });
  const undp = await organisation({
    nameEn: 'United Nations Development Programme',
    nameRu: 'Программа развития ООН',
    type: 'un_entity',
  });
  const osce = await organisation({
    nameEn: 'Organization for Security and Co-operation in Europe',
    nameRu: 'Организация по безопасности и сотрудничеству в Европе',
    type: 'regional_organisation',
  });
  const ngo = await organisation({ nameEn: 'Water Partnership', nameRu: null, type: 'civil_society' });
  const focal = await createContact();
  const [kzDelegation] = await db
    .insert(delegations)
    .values({
      meetingId: meeting.id,
      kind: 'state',
      countryCode: 'KZ',
      focalPointContactId: focal.id,
      quota: 5,
      addresseeEn: 'Ministry',
      addresseeRu: 'Министерству',
      language: 'ru',
    })
    .returning();

  const person = async (
    p: {
      passport: string;
      display: string;
      position?: string;
      organisationName?: string;
      country?: string;
      consent?: boolean;
      status?: 'registered' | 'cancelled';
      erased?: boolean;
      head?: boolean;
      delegation?: boolean;
    },
    contact: Partial<NewContact> = {},
  ) => {
    const c = await createContact({ name: p.display, ...contact });
    const invitation = await createInvitation({ meetingId: meeting.id, contactId: c.id });
    await db.insert(registrations).values({
      invitationId: invitation.id,
      meetingId: meeting.id,
      status: p.status ?? 'registered',
      passportName: p.passport,
      displayName: p.display,
      title: p.position ?? '',
      organisationName: p.organisationName ?? 'Somewhere',
      country: p.country ?? 'KZ',
      listConsent: p.consent ?? true,
      dataConsentAt: new Date(),
      registeredAt: new Date(),
      erasedAt: p.erased ? new Date() : null,
    });
    if (p.delegation) {
      await db.insert(delegationMembers).values({
        delegationId: kzDelegation!.id,
        contactId: c.id,
        invitationId: invitation.id,
        status: 'invited',
        passportName: p.passport,
        displayName: p.display,
        email: c.email,
        language: 'ru',
        head: p.head ?? false,
      });
    }
    return invitation;
  };

  const people = {
    // Kazakhstan's delegation: the head comes first although "Zhanna" sorts after "Aidar".
    aidar: await person(
      { passport: 'Aidar Bekov', display: 'Айдар Беков', position: 'Counsellor', delegation: true },
      { courtesyTitle: 'Mr.' },
    ),
    head: await person(
      {
        passport: 'Zhanna Omarova',
        display: 'Жанна Омарова',
        position: 'Deputy Minister',
        delegation: true,
        head: true,
      },
      { courtesyTitle: 'H.E.' },
    ),
    uz: await person(
      { passport: 'Bakhodir Umarov', display: 'Баходир Умаров', country: 'UZ' },
      { organisationId: mfaUz.id, courtesyTitle: 'Mr.' },
    ),
    palestine: await person(
      { passport: 'Leila Haddad', display: 'Leila Haddad', organisationName: 'Mission of Palestine', country: 'PS' },
      { courtesyTitle: 'Ms.' },
    ),
    undp: await person(
      { passport: 'Anna Smith', display: 'Anna Smith', position: 'Resident Representative' },
      { organisationId: undp.id, courtesyTitle: 'Ms.' },
    ),
    osce: await person(
      { passport: 'Pierre Martin', display: 'Pierre Martin' },
      { organisationId: osce.id, courtesyTitle: 'Dr.' },
    ),
    ngo: await person({ passport: 'Dilnoza Karimova', display: 'Дильноза Каримова' }, { organisationId: ngo.id }),
    staff: await person(
      { passport: 'Timur Aliev', display: 'Тимур Алиев', position: 'Political Affairs Officer' },
      { organisationId: centre.id, courtesyTitle: 'Mr.' },
    ),
    refused: await person({ passport: 'Hidden Person', display: 'Скрытый Человек', consent: false }),
    erased: await person({ passport: 'Erased Person', display: 'Erased Person', erased: true }),
    cancelled: await person({ passport: 'Gone Person', display: 'Gone Person', status: 'cancelled' }),
  };
  // Palestine as an Observer State: a diplomatic mission of its country.
  const mission = await organisation({
    nameEn: 'Mission of the State of Palestine',
    type: 'diplomatic_mission',
    country: 'PS',
  });
  const db2 = await getDb();
  const { contacts, invitations } = await import('./schema');
  const { eq } = await import('drizzle-orm');
  const [inv] = await db2.select().from(invitations).where(eq(invitations.id, people.palestine.id));
  await db2.update(contacts).set({ organisationId: mission.id }).where(eq(contacts.id, inv!.contactId));
  return { meeting, people };
}

const order = (text: string, names: string[]) => {
  const positions = names.map((n) => text.indexOf(n));
  for (const [i, p] of positions.entries()) expect(p, `${names[i]} in the text`).toBeGreaterThanOrEqual(0);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
};

describe('the list of participants', () => {
  it('groups, orders and leaves out exactly as a secretariat circulates it, in both languages', async () => {
    const { meeting } = await seeded();
    const viewer = await createStaff('viewer');
    const en = await draftParticipantList({ actor: viewer, meetingId: meeting.id, language: 'en' });
    const ru = await draftParticipantList({ actor: viewer, meetingId: meeting.id, language: 'ru' });
    const enText = flat(pdfText(en!.pdf));
    const ruText = flat(pdfText(ru!.pdf));

    order(enText, [
      'DRAFT',
      'List of participants',
      'Member States',
      'Kazakhstan',
      'H.E. Zhanna Omarova',
      'Deputy Minister',
      'Mr. Aidar Bekov',
      'Uzbekistan',
      'Mr. Bakhodir Umarov',
      'Ministry of Foreign Affairs of Uzbekistan',
      'Observer States',
      'State of Palestine',
      'Ms. Leila Haddad',
      'United Nations system',
      'United Nations Development Programme',
      'Ms. Anna Smith',
      'Intergovernmental and regional organisations',
      'Dr. Pierre Martin',
      'Civil society and other organisations',
      'Water Partnership',
      'Dilnoza Karimova',
      'Secretariat',
      'Mr. Timur Aliev',
    ]);
    expect(enText).toMatch(/Page 1 of \d/);
    // Russian: Cyrillic names where given, Latin otherwise; А–Я order of the States (Казахстан before Узбекистан).
    order(ruText, [
      'ПРОЕКТ',
      'Список участников',
      'Государства-члены',
      'Казахстан',
      'Е. П. Жанна Омарова',
      'г-н Айдар Беков',
      'Узбекистан',
      'г-н Баходир Умаров',
      'Министерство иностранных дел Узбекистана',
      'Государства-наблюдатели',
      'Государство Палестина',
      'г-жа Leila Haddad',
      'Система Организации Объединенных Наций',
      'Программа развития ООН',
      'Межправительственные и региональные организации',
      'Гражданское общество и другие организации',
      'Дильноза Каримова',
      'Секретариат',
      'г-н Тимур Алиев',
    ]);
    expect(ruText).toMatch(/Стр\. 1 из \d/);
    for (const text of [enText, ruText]) {
      for (const absent of ['Hidden', 'Скрытый', 'Erased', 'Gone']) expect(text).not.toContain(absent);
    }
    expect(enText).toMatch(/As of \d{1,2} \w+ \d{4}, \d\d:\d\d Tashkent time \(UTC\+5\)/);
    expect(enText).toContain('Participants registered for the meeting');
    expect(pdfFonts(ru!.pdf).every((f) => f.embedded)).toBe(true);

    const docx = await docxText(ru!.docx);
    order(docx, ['Государства-члены', 'Казахстан', 'Е. П. Жанна Омарова', 'г-н Айдар Беков', 'Секретариат']);
    expect(docx).not.toContain('Скрытый');
  });

  it('after the meeting lists who attended, and says so', async () => {
    const { meeting, people } = await seeded({
      startsAt: new Date('2024-05-14T05:00:00Z'),
      endsAt: new Date('2024-05-14T12:00:00Z'),
    });
    const db = await getDb();
    await db.insert(checkIns).values([
      { invitationId: people.aidar.id, meetingId: meeting.id, day: '2024-05-14' },
      { invitationId: people.refused.id, meetingId: meeting.id, day: '2024-05-14' },
      // Undone: does not count.
      { invitationId: people.undp.id, meetingId: meeting.id, day: '2024-05-14', undoneAt: new Date() },
    ]);
    const viewer = await createStaff('viewer');
    const en = await draftParticipantList({ actor: viewer, meetingId: meeting.id, language: 'en' });
    expect(en!.basis).toBe('attended');
    const text = flat(pdfText(en!.pdf));
    expect(text).toContain('Participants who attended the meeting');
    expect(text).toContain('Aidar Bekov');
    for (const absent of ['Omarova', 'Anna Smith', 'Hidden']) expect(text).not.toContain(absent);
  });

  it('releases a final version delegates download by their link; a newer release replaces it', async () => {
    const { meeting, people } = await seeded();
    const editor = await createStaff('editor');
    const viewer = await createStaff('viewer');
    await expect(releaseParticipantList({ actor: viewer, meetingId: meeting.id })).rejects.toThrow();
    expect(await currentReleasedParticipantList(meeting.id)).toBeNull();

    const first = await releaseParticipantList({
      actor: editor,
      meetingId: meeting.id,
      now: new Date('2030-05-01T06:00:00Z'),
    });
    expect(first.ok && first.release.entries).toBe(8);
    const db = await getDb();
    const { eq } = await import('drizzle-orm');
    // Registrations change after the release: the released file does not.
    await db.update(registrations).set({ listConsent: false }).where(eq(registrations.invitationId, people.osce.id));
    const released = await currentReleasedParticipantList(meeting.id);
    const text = flat(pdfText(await released!.files.en.pdf()));
    expect(text).toContain('FINAL');
    expect(text).toContain('Pierre Martin');

    const second = await releaseParticipantList({
      actor: editor,
      meetingId: meeting.id,
      now: new Date('2030-05-02T06:00:00Z'),
    });
    expect(second.ok && second.release.entries).toBe(7);
    const replaced = await currentReleasedParticipantList(meeting.id);
    expect(replaced!.releasedAt).toEqual(new Date('2030-05-02T06:00:00Z'));
    expect(flat(pdfText(await replaced!.files.ru.pdf()))).not.toContain('Pierre Martin');

    const token = (id: string) => invitationToken(authSecret(), { invitationId: id, version: 1 });
    expect(await meetingForListDownload(token(people.aidar.id))).toBe(meeting.id);
    // Registered only: not those who cancelled, nor a link of a later version, nor a forged one.
    expect(await meetingForListDownload(token(people.cancelled.id))).toBeNull();
    expect(
      await meetingForListDownload(invitationToken(authSecret(), { invitationId: people.aidar.id, version: 2 })),
    ).toBeNull();
    expect(await meetingForListDownload('not-a-token')).toBeNull();
  });
});
