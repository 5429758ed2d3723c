import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readContactsFile } from '@/lib/contact-import';
import { getDb } from './client';
import {
  chooseImportOrganisation,
  createContactImport,
  getContactImport,
  importNextChunk,
  previewContactImport,
  runContactImport,
  startContactImport,
} from './contact-import';
import { contacts, organisations } from './schema';
import { createStaff } from '@/test/staff';

// Copies of ../shared/fixtures (the secretariat's real-world files), kept in the repository so CI has them.
const fixtures = path.join(process.cwd(), 'e2e/fixtures');
const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'contacts-expected.json'), 'utf8'));

const editor = () => createStaff('editor');

async function importBytes(bytes: Uint8Array, fileName: string) {
  const actor = await editor();
  const read = readContactsFile(bytes);
  if (!read.ok) throw new Error(read.problem);
  const id = await createContactImport(actor, { fileName, ...read.file });
  const batch = (await getContactImport({ actor, id }))!;
  const preview = await previewContactImport({ actor, batch });
  expect(await startContactImport(actor, id)).toEqual({ ok: true });
  await runContactImport(id);
  return { id, preview, batch: (await getContactImport({ actor, id }))! };
}

const importFixture = (name: string) => importBytes(fs.readFileSync(path.join(fixtures, name)), name);

describe('contact import', () => {
  it('reads both fixture files to the expected directory, and a second import changes nothing', async () => {
    const db = await getDb();
    const organisationsBefore = await db.select({ id: organisations.id }).from(organisations);
    const messy = await importFixture('contacts-messy.csv');
    expect(messy.batch.encoding).toBe('utf-8');
    const excel = await importFixture('contacts-excel-ru.csv');
    expect(excel.batch.encoding).toBe('windows-1251');
    expect(excel.batch.delimiter).toBe(';');
    expect(excel.batch.status).toBe('done');

    const rejected = [...messy.preview.outcomes, ...excel.preview.outcomes].filter((o) => o.outcome === 'rejected');
    const byEmail = (a: { email: string | null }, b: { email: string | null }) =>
      (a.email ?? '').localeCompare(b.email ?? '');
    expect(
      rejected.map((r) => ({ email: r.email, why: r.outcome === 'rejected' && r.reason.toLowerCase() })).sort(byEmail),
    ).toEqual(
      expected.rejected
        .map((r: { email: string; why: string }) => ({ email: r.email, why: expect.stringContaining(r.why) }))
        .sort(byEmail),
    );

    const all = await db.select().from(contacts);
    const imported = all.filter((c) => c.source.startsWith('Import of'));
    expect(imported).toHaveLength(expected.valid_unique_people_in_both_files);

    for (const check of expected.spot_checks) {
      const [contact] = await db.select().from(contacts).where(eq(contacts.email, check.email));
      expect(contact, check.email).toMatchObject({
        name: check.name,
        ...(check.country && { country: check.country }),
        ...(check.language && { language: check.language }),
        ...(check.title && { title: check.title }),
      });
      if (check.organisation) {
        const [organisation] = await db
          .select()
          .from(organisations)
          .where(eq(organisations.id, contact!.organisationId!));
        expect([organisation!.acronym, organisation!.nameEn]).toContain(check.organisation);
      }
    }

    for (const organisation of expected.organisations) {
      const found = await db
        .select()
        .from(organisations)
        .where(sql`lower(${organisations.nameEn}) = lower(${organisation.name})`);
      expect(found, organisation.name).toHaveLength(1);
      if (organisation.acronym) expect(found[0]!.acronym).toBe(organisation.acronym);
    }
    const organisationsAfter = await db.select({ id: organisations.id }).from(organisations);
    expect(organisationsAfter.length - organisationsBefore.length).toBeLessThanOrEqual(expected.organisations_named);

    // The last file again: every row unchanged, nothing written.
    const contactsBefore = await db.select().from(contacts).orderBy(contacts.email);
    const again = await importFixture('contacts-excel-ru.csv');
    expect(again.preview.counts.create + again.preview.counts.update).toBe(0);
    expect(await db.select().from(contacts).orderBy(contacts.email)).toEqual(contactsBefore);
  });

  it('never clears a value with a blank cell, and shows each field a row would change', async () => {
    const csv = 'Full name,Email,Phone,Position\nZarina Bekova,zarina.b@example.org,+992 37 221 0000,Counsellor\n';
    await importBytes(new TextEncoder().encode(csv), 'first.csv');
    const second = await importBytes(
      new TextEncoder().encode('Full name,Email,Phone,Position\nЗарина Бекова,ZARINA.B@example.org,,Director\n'),
      'second.csv',
    );
    expect(second.preview.outcomes[0]).toMatchObject({
      outcome: 'update',
      changes: [
        { field: 'name', from: 'Zarina Bekova', to: 'Зарина Бекова' },
        { field: 'title', from: 'Counsellor', to: 'Director' },
      ],
    });
    const [stored] = await (await getDb()).select().from(contacts).where(eq(contacts.email, 'zarina.b@example.org'));
    expect(stored).toMatchObject({ name: 'Зарина Бекова', phone: '+992 37 221 0000', title: 'Director' });
  });

  it('names each row by its spreadsheet line and counts each row once', async () => {
    await importBytes(new TextEncoder().encode('Full name,Email\nAli Valiev,ali.v@example.org\n'), 'first.csv');
    // Line 3 is blank and line 4 holds a cell with a line break: a spreadsheet shows them as one row each.
    const csv = [
      'Full name,Email,Position',
      'Ali Valiev,ali.v@example.org,Counsellor',
      '',
      '"Nodira\nKarimova",nodira.k@example.org,',
      'No email,,',
      'Ali Valiev,ali.v@example.org,Director',
    ].join('\r\n');
    const { preview, batch } = await importBytes(new TextEncoder().encode(csv), 'second.csv');
    expect(preview.outcomes.map((o) => [o.line, o.outcome])).toEqual([
      [2, 'update'],
      [4, 'create'],
      [5, 'rejected'],
      [6, 'update'],
    ]);
    expect(preview.counts).toEqual({
      create: 1,
      update: 1,
      unchanged: 0,
      rejected: 1,
      repeated: 1,
      contactsChanged: 2,
    });
    expect(batch.rowLines).toEqual([2, 4, 5, 6]);
  });

  it('maps a new organisation to an existing one when staff say so', async () => {
    const db = await getDb();
    const [existing] = await db
      .insert(organisations)
      .values({
        nameEn: 'Ministry of Internal Affairs of the Kyrgyz Republic',
        acronym: 'MVD KG',
        type: 'government',
        searchKey: 'x',
      })
      .returning();
    const actor = await editor();
    const read = readContactsFile(
      new TextEncoder().encode('Name;Email;Organisation\nBakyt Ermekov;bakyt@example.org;MIA Kyrgyzstan\n'),
    );
    if (!read.ok) throw new Error(read.problem);
    const id = await createContactImport(actor, { fileName: 'mia.csv', ...read.file });
    const preview = await previewContactImport({ actor, batch: (await getContactImport({ actor, id }))! });
    expect(preview.organisations).toEqual([
      { key: 'name:mia kyrgyzstan', name: 'MIA Kyrgyzstan', acronym: null, rows: 1, mappedTo: null },
    ]);
    expect(await chooseImportOrganisation(actor, id, 'name:mia kyrgyzstan', existing!.id)).toEqual({ ok: true });
    await startContactImport(actor, id);
    await runContactImport(id);
    const [contact] = await db.select().from(contacts).where(eq(contacts.email, 'bakyt@example.org'));
    expect(contact!.organisationId).toBe(existing!.id);
    expect(await db.select().from(organisations).where(eq(organisations.nameEn, 'MIA Kyrgyzstan'))).toHaveLength(0);
  });

  it('keeps staff’s choice of organisation for every row, however the rows fall into chunks', async () => {
    const db = await getDb();
    const [undp] = await db
      .insert(organisations)
      .values({
        nameEn: 'UN Development Programme (Tashkent office)',
        acronym: 'UNDP UZ',
        type: 'un_entity',
        searchKey: 'x',
      })
      .returning();
    const actor = await editor();
    const csv =
      'Full name,Email,Organisation,Acronym\nA One,a.one@undp.example.org,United Nations Development Programme,UNDP\nB Two,b.two@undp.example.org,United Nations Development Programme,\n';
    const read = readContactsFile(new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.problem);
    const id = await createContactImport(actor, { fileName: 'undp.csv', ...read.file });
    const preview = await previewContactImport({ actor, batch: (await getContactImport({ actor, id }))! });
    expect(preview.organisations.map((o) => [o.key, o.rows])).toEqual([['acronym:undp', 2]]);
    await chooseImportOrganisation(actor, id, 'acronym:undp', undp!.id);
    await startContactImport(actor, id);
    // One row a chunk: the second row, alone, names the organisation without its acronym.
    while (await importNextChunk(id, 1)) {
      // each call imports one row
    }
    const imported = await db
      .select()
      .from(contacts)
      .where(sql`${contacts.email} like '%@undp.example.org'`);
    expect(imported.map((c) => c.organisationId)).toEqual([undp!.id, undp!.id]);
    expect(
      await db
        .select()
        .from(organisations)
        .where(sql`${organisations.acronym} = 'UNDP'`),
    ).toEqual([]);
  });
});
