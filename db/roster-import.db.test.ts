import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readContactsFile } from '@/lib/contact-import';
import { createContact, createCouncil, uniqueStamp } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import {
  createContactImport,
  getContactImport,
  previewContactImport,
  rosterRejections,
  runContactImport,
  startContactImport,
} from './contact-import';
import { contacts, councilMembers, organisations, workingGroupMembers, workingGroups } from './schema';

describe(`a roster import (${process.env.TEST_DATABASE_KIND})`, () => {
  it('previews and then adds each row to the roster with its term, skipping those already on it', async () => {
    const db = await getDb();
    const actor = await createStaff('editor');
    const stamp = uniqueStamp();
    const council = await createCouncil();
    const [group] = await db
      .insert(workingGroups)
      .values({ councilId: council.id, nameEn: 'Reintegration', nameRu: 'Реинтеграция' })
      .returning();
    const [unodc] = await db
      .insert(organisations)
      .values({ nameEn: 'United Nations Office on Drugs and Crime', acronym: `UNODC${stamp}`, type: 'un_entity' })
      .returning();
    const sitting = await createContact({ email: `sitting.${stamp}@example.org` });
    await db.insert(councilMembers).values({
      councilId: council.id,
      contactId: sitting.id,
      role: 'member',
      nominatedByCountry: 'TJ',
      termFrom: '2025-01-01',
    });

    const csv = [
      'Full name,Email,Country,Role,Nominated by,Term from,Term to,Working group',
      `Айгуль Сапарова,aigul.${stamp}@example.org,KZ,National expert,Kazakhstan,2026-01-01,2028-12-31,Reintegration`,
      `Rustam Nazarov,rustam.${stamp}@example.org,TJ,Эксперт,UNODC${stamp},01.02.2026,,`,
      `Bad Role,bad.${stamp}@example.org,UZ,Emperor,Uzbekistan,2026-01-01,,`,
      `Bad Group,group.${stamp}@example.org,UZ,Member,Uzbekistan,2026-01-01,,Finance`,
      `Sitting Member,sitting.${stamp}@example.org,TJ,Member,Tajikistan,2026-01-01,,`,
      // The same person twice in the file, the terms overlapping: the second row is skipped.
      `Aigul Saparova,aigul.${stamp}@example.org,KZ,National expert,Kazakhstan,2027-01-01,,`,
    ].join('\n');
    const read = readContactsFile(new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.problem);
    expect(read.file.headers).toHaveLength(8);
    const id = await createContactImport(actor, { fileName: 'roster.csv', ...read.file }, council.id);
    const batch = (await getContactImport({ actor, id }))!;
    expect(batch.mappingConfirmed).toBe(true);

    const preview = await previewContactImport({ actor, batch });
    expect(preview.counts).toMatchObject({ create: 2, rejected: 2 });
    const reasons = preview.outcomes.flatMap((o) => (o.outcome === 'rejected' ? [o.reason] : []));
    expect(reasons).toEqual([
      expect.stringContaining('Unknown role “Emperor”'),
      'No working group “Finance” on this council',
    ]);
    expect(preview.roster).toMatchObject({ councilId: council.id, join: 2, skip: 2 });
    expect(preview.roster!.byLine[2]).toBe(
      'Joins the roster: National expert, nominated by Kazakhstan, 2026-01-01 to 2028-12-31, Reintegration',
    );
    expect(preview.roster!.byLine[3]).toBe(
      `Joins the roster: National expert, nominated by UNODC${stamp}, from 2026-02-01`,
    );
    expect(preview.roster!.byLine[6]).toMatch(/^Already on the roster in those dates: skipped/);
    expect(preview.roster!.byLine[7]).toMatch(/^Already on the roster in those dates: skipped/);
    // Nothing is written before the import is confirmed.
    expect(await db.select().from(councilMembers).where(eq(councilMembers.councilId, council.id))).toHaveLength(1);

    expect(await startContactImport(actor, id)).toEqual({ ok: true });
    await runContactImport(id);
    const done = (await getContactImport({ actor, id }))!;
    expect(done.counts).toMatchObject({ rosterAdded: 2, rosterSkipped: 2, rejected: 2 });
    const members = await db
      .select({
        email: contacts.email,
        role: councilMembers.role,
        country: councilMembers.nominatedByCountry,
        organisation: councilMembers.nominatedByOrganisationId,
        termFrom: councilMembers.termFrom,
        termTo: councilMembers.termTo,
        memberId: councilMembers.id,
      })
      .from(councilMembers)
      .innerJoin(contacts, eq(contacts.id, councilMembers.contactId))
      .where(eq(councilMembers.councilId, council.id))
      .orderBy(councilMembers.termFrom);
    expect(members.map(({ memberId, ...m }) => (void memberId, m))).toEqual([
      { email: sitting.email, role: 'member', country: 'TJ', organisation: null, termFrom: '2025-01-01', termTo: null },
      {
        email: `aigul.${stamp}@example.org`,
        role: 'national_expert',
        country: 'KZ',
        organisation: null,
        termFrom: '2026-01-01',
        termTo: '2028-12-31',
      },
      {
        email: `rustam.${stamp}@example.org`,
        role: 'national_expert',
        country: null,
        organisation: unodc!.id,
        termFrom: '2026-02-01',
        termTo: null,
      },
    ]);
    const grouped = await db
      .select()
      .from(workingGroupMembers)
      .where(eq(workingGroupMembers.workingGroupId, group!.id));
    expect(grouped.map((g) => g.memberId)).toEqual([members[1]!.memberId]);
    // The finished import still names the rows refused for their term (by row index: lines 4 and 5), and they created
    // no contact.
    expect(await rosterRejections({ actor, batch: done })).toEqual({
      2: expect.stringContaining('Unknown role “Emperor”'),
      3: 'No working group “Finance” on this council',
    });
    expect(
      await db
        .select()
        .from(contacts)
        .where(eq(contacts.email, `bad.${stamp}@example.org`)),
    ).toEqual([]);
  });
});
