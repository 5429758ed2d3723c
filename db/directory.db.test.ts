import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ContactValues } from '@/lib/schemas/contact';
import type { OrganisationValues } from '@/lib/schemas/organisation';
import { REDACTED } from './audit';
import { getDb } from './client';
import { listContacts, mergeContacts, saveContact } from './contacts';
import { listOrganisations, mergeOrganisations, saveOrganisation } from './organisations';
import {
  agendaItemPeople,
  agendaItems,
  auditLog,
  contacts,
  councilMembers,
  councils,
  meetingOrganisations,
  organisations,
} from './schema';
import { createCouncil, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';

const editor = () => createStaff('editor');

const contact = (values: Partial<ContactValues> & { name: string; email: string }): ContactValues => ({
  nameLatin: null,
  title: null,
  courtesyTitle: null,
  grammaticalGender: null,
  phone: null,
  organisationId: null,
  country: null,
  language: 'en',
  tags: [],
  notes: '',
  ...values,
});

const organisation = (values: Partial<OrganisationValues> & { nameEn: string }): OrganisationValues => ({
  nameRu: null,
  acronym: null,
  acronymRu: null,
  type: 'government',
  country: null,
  parentId: null,
  website: null,
  notes: '',
  ...values,
});

async function ok<T extends { ok: boolean }>(result: Promise<T>) {
  const settled = await result;
  expect(settled).toMatchObject({ ok: true });
  return settled as Extract<T, { ok: true }>;
}

/** A council with a meeting and an agenda item, for things to point at. */
async function councilWithAgenda() {
  const db = await getDb();
  const council = await createCouncil();
  const meeting = await createMeeting({
    councilId: council.id,
    titleRu: 'Пленарное',
    startsAt: new Date('2027-05-14T05:00:00Z'),
    endsAt: new Date('2027-05-14T12:00:00Z'),
  });
  const [item] = await db
    .insert(agendaItems)
    .values({
      meetingId: meeting.id,
      kind: 'statement',
      titleEn: 'Opening',
      titleRu: 'Открытие',
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
    })
    .returning();
  return { council, meeting, item: item! };
}

describe('the directory', () => {
  it('finds a contact across scripts, by organisation acronym, and filters by country, tag and council', async () => {
    const actor = await editor();
    const { id: orgId } = await ok(
      saveOrganisation(
        actor,
        null,
        organisation({ nameEn: 'Institute for Strategic Studies X', acronym: 'ISSX', country: 'UZ' }),
      ),
    );
    const { id: olga } = await ok(
      saveContact(
        actor,
        null,
        contact({
          name: 'Ольга Исмоилов',
          email: 'olga.x@example.org',
          country: 'UZ',
          tags: ['expert'],
          organisationId: orgId,
        }),
      ),
    );
    await ok(
      saveContact(actor, null, contact({ name: 'Farrukh Rakhimov', email: 'farrukh.x@example.org', country: 'KZ' })),
    );
    const names = async (filters: Omit<Parameters<typeof listContacts>[0], 'actor'>) =>
      (await listContacts({ actor, ...filters })).contacts.map((c) => c.name);
    expect(await names({ search: 'Ismoilov' })).toEqual(['Ольга Исмоилов']);
    expect(await names({ search: 'Рахимов' })).toEqual(['Farrukh Rakhimov']);
    expect(await names({ search: 'issx' })).toEqual(['Ольга Исмоилов']);
    expect(await names({ search: '100%_' })).toEqual([]);
    expect(await names({ search: 'x@example', country: 'KZ' })).toEqual(['Farrukh Rakhimov']);
    expect(await names({ search: 'x@example', tag: 'expert' })).toEqual(['Ольга Исмоилов']);
    expect(await names({ search: 'x@example', organisationType: 'government' })).toEqual(['Ольга Исмоилов']);
    const { council } = await councilWithAgenda();
    expect(await names({ councilId: council.id })).toEqual([]);
    await (
      await getDb()
    )
      .insert(councilMembers)
      .values({ councilId: council.id, contactId: olga, role: 'national_expert', termFrom: '2024-01-01' });
    expect(await names({ councilId: council.id })).toEqual(['Ольга Исмоилов']);
    expect((await listOrganisations({ actor, search: 'ISSX' })).organisations.map((o) => o.nameEn)).toEqual([
      'Institute for Strategic Studies X',
    ]);
  });

  it('merges two contacts: roster terms and agenda roles move, blanks are filled, nothing is lost', async () => {
    const actor = await editor();
    const db = await getDb();
    const { council, item } = await councilWithAgenda();
    const { id: keep } = await ok(
      saveContact(
        actor,
        null,
        contact({
          name: 'Зарина Оразова',
          email: 'zarina.keep@example.org',
          tags: ['expert'],
          notes: 'Met in Tashkent.',
        }),
      ),
    );
    const { id: dup } = await ok(
      saveContact(
        actor,
        null,
        contact({
          name: 'Zarina Orazova',
          email: 'zarina.dup@example.org',
          phone: '+998 71 000',
          country: 'UZ',
          tags: ['focal point'],
          notes: 'From the MFA list.',
        }),
      ),
    );
    await db
      .insert(councilMembers)
      .values({ councilId: council.id, contactId: dup, role: 'focal_point', termFrom: '2024-05-14' });
    await db.insert(agendaItemPeople).values([
      { agendaItemId: item.id, contactId: dup, role: 'speaker' },
      { agendaItemId: item.id, contactId: keep, role: 'speaker' },
      { agendaItemId: item.id, contactId: dup, role: 'moderator' },
    ]);

    expect(await mergeContacts(actor, { keepId: keep, mergeId: keep })).toEqual({ ok: false, reason: 'same' });
    await ok(mergeContacts(actor, { keepId: keep, mergeId: dup }));
    const [kept] = await db.select().from(contacts).where(eq(contacts.id, keep));
    expect(kept).toMatchObject({
      name: 'Зарина Оразова',
      phone: '+998 71 000',
      country: 'UZ',
      tags: ['expert', 'focal point'],
    });
    expect(kept!.notes).toBe(
      'Met in Tashkent.\nFrom the MFA list.\nMerged with Zarina Orazova <zarina.dup@example.org>.',
    );
    expect(await db.select().from(contacts).where(eq(contacts.id, dup))).toEqual([]);
    expect(
      await db
        .select({ contactId: councilMembers.contactId })
        .from(councilMembers)
        .where(eq(councilMembers.councilId, council.id)),
    ).toEqual([{ contactId: keep }]);
    const roles = await db
      .select({ contactId: agendaItemPeople.contactId, role: agendaItemPeople.role })
      .from(agendaItemPeople)
      .where(eq(agendaItemPeople.agendaItemId, item.id));
    expect(roles.sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { contactId: keep, role: 'moderator' },
      { contactId: keep, role: 'speaker' },
    ]);
    expect(await mergeContacts(actor, { keepId: keep, mergeId: dup })).toEqual({ ok: false, reason: 'notFound' });

    // The audit log says who merged what, without the phone numbers and notes.
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'contact.merged'));
    expect(entry).toMatchObject({ entityId: keep, actorEmail: actor.email });
    expect(JSON.stringify(entry!.before)).not.toContain('+998 71 000');
    expect((entry!.before as { merged: { phone: string; notes: string } }).merged).toMatchObject({
      phone: REDACTED,
      notes: REDACTED,
      email: 'zarina.dup@example.org',
    });
  });

  it('merges two organisations: contacts, meetings, nominations, secretariats and departments move', async () => {
    const actor = await editor();
    const db = await getDb();
    const { council, meeting } = await councilWithAgenda();
    const { id: keep } = await ok(
      saveOrganisation(
        actor,
        null,
        organisation({
          nameEn: 'Organization for Security and Co-operation in Europe X',
          acronym: 'OSCEX',
          type: 'regional_organisation',
        }),
      ),
    );
    const { id: dup } = await ok(
      saveOrganisation(
        actor,
        null,
        organisation({
          nameEn: 'OSCE Secretariat X',
          nameRu: 'ОБСЕ',
          type: 'regional_organisation',
          website: 'https://osce.example.org',
        }),
      ),
    );
    const { id: department } = await ok(
      saveOrganisation(actor, null, organisation({ nameEn: 'Transnational Threats Department X', parentId: dup })),
    );
    const { id: person } = await ok(
      saveContact(
        actor,
        null,
        contact({ name: 'Siobhan O’Brien', email: 'siobhan.x@example.org', organisationId: dup }),
      ),
    );
    const { id: other } = await ok(
      saveContact(actor, null, contact({ name: 'Other Person', email: 'other.x@example.org' })),
    );
    await db.update(councils).set({ secretariatOrganisationId: dup }).where(eq(councils.id, council.id));
    await db.insert(councilMembers).values({
      councilId: council.id,
      contactId: other,
      role: 'observer',
      termFrom: '2024-05-14',
      nominatedByOrganisationId: dup,
    });
    await db.insert(meetingOrganisations).values([
      { meetingId: meeting.id, organisationId: keep, role: 'partner', position: 0 },
      { meetingId: meeting.id, organisationId: dup, role: 'co_organiser', position: 1 },
    ]);

    expect(await saveOrganisation(actor, keep, organisation({ nameEn: 'X', parentId: department }))).toEqual({
      ok: true,
      id: keep,
    });
    expect(
      await saveOrganisation(actor, dup, organisation({ nameEn: 'OSCE Secretariat X', parentId: department })),
    ).toEqual({ ok: false, reason: 'parentCycle' });
    await ok(
      saveOrganisation(
        actor,
        keep,
        organisation({
          nameEn: 'Organization for Security and Co-operation in Europe X',
          acronym: 'OSCEX',
          type: 'regional_organisation',
        }),
      ),
    );
    expect(await saveOrganisation(actor, null, organisation({ nameEn: 'Another', acronym: 'oscex' }))).toEqual({
      ok: false,
      reason: 'acronymTaken',
    });

    await ok(mergeOrganisations(actor, { keepId: keep, mergeId: dup }));
    const [kept] = await db.select().from(organisations).where(eq(organisations.id, keep));
    expect(kept).toMatchObject({
      nameEn: 'Organization for Security and Co-operation in Europe X',
      acronym: 'OSCEX',
      nameRu: 'ОБСЕ',
      website: 'https://osce.example.org',
    });
    expect(await db.select().from(organisations).where(eq(organisations.id, dup))).toEqual([]);
    expect((await db.select().from(contacts).where(eq(contacts.id, person)))[0]!.organisationId).toBe(keep);
    expect((await db.select().from(organisations).where(eq(organisations.id, department)))[0]!.parentId).toBe(keep);
    expect((await db.select().from(councils).where(eq(councils.id, council.id)))[0]!.secretariatOrganisationId).toBe(
      keep,
    );
    expect(
      (await db.select().from(councilMembers).where(eq(councilMembers.contactId, other)))[0]!.nominatedByOrganisationId,
    ).toBe(keep);
    // Linked to the meeting twice: the kept organisation's role stays.
    expect(
      await db
        .select({ organisationId: meetingOrganisations.organisationId, role: meetingOrganisations.role })
        .from(meetingOrganisations)
        .where(eq(meetingOrganisations.meetingId, meeting.id)),
    ).toEqual([{ organisationId: keep, role: 'partner' }]);
    // Found by the Russian name it took over.
    expect((await listOrganisations({ actor, search: 'ОБСЕ' })).organisations.map((o) => o.id)).toEqual([keep]);
  });

  it('lists the organisations Russian texts would name in English, and finds them by their Russian acronym', async () => {
    const actor = await editor();
    const save = async (values: Partial<OrganisationValues> & { nameEn: string }) =>
      (await ok(saveOrganisation(actor, null, organisation(values)))).id;
    const complete = await save({
      nameEn: 'Gap Test Complete',
      nameRu: 'Проверка полная',
      acronym: 'GTC',
      acronymRu: 'ППЛ',
    });
    const noAcronyms = await save({ nameEn: 'Gap Test No Acronym', nameRu: 'Проверка без сокращения' });
    const noRussianName = await save({ nameEn: 'Gap Test No Russian Name', acronym: 'GTN', acronymRu: 'ПБН' });
    const noRussianAcronym = await save({ nameEn: 'Gap Test No Russian Acronym', nameRu: 'Проверка', acronym: 'GTA' });
    const ids = async (missingRussian: boolean) =>
      (await listOrganisations({ actor, search: 'Gap Test', missingRussian })).organisations.map((o) => o.id).sort();
    expect(await ids(true)).toEqual([noRussianName, noRussianAcronym].sort());
    expect(await ids(false)).toEqual([complete, noAcronyms, noRussianName, noRussianAcronym].sort());
    expect((await listOrganisations({ actor, search: 'ППЛ' })).organisations.map((o) => o.id)).toEqual([complete]);
  });
});
