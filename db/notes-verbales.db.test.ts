import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCouncil, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { docxText, flat, pdfFonts, pdfText } from '@/test/documents';
import { actorOf } from './audit';
import { getDb } from './client';
import {
  issueNoteVerbale,
  issueNoteVerbaleByStaff,
  listNotesVerbales,
  noteVerbaleFiles,
  saveNoteReferenceSettings,
  saveNoteTexts,
} from './notes-verbales';
import { councils, organisations } from './schema';

const ON_POSTGRES = process.env.TEST_DATABASE_KIND === 'postgres';

async function rccaMeeting(prefix = 'RCCA') {
  const db = await getDb();
  const [centre] = await db
    .insert(organisations)
    .values({
      nameEn: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
      nameRu: 'Региональный центр ООН по превентивной дипломатии для Центральной Азии',
      acronym: 'UNRCCA',
      acronymRu: 'РЦПДЦА',
      type: 'un_entity',
    })
    .returning();
  const council = await createCouncil({
    secretariatOrganisationId: centre!.id,
    noteReferencePrefix: prefix,
    notePlaceEn: 'Ashgabat',
    notePlaceRu: 'Ашхабад',
  });
  return createMeeting({
    councilId: council.id,
    titleEn: 'Working group on reintegration',
    titleRu: 'Рабочая группа по реинтеграции',
    startsAt: new Date('2027-04-20T04:00:00Z'),
    endsAt: new Date('2027-04-21T12:00:00Z'),
    timeZone: 'Asia/Tashkent',
    cityEn: 'Tashkent',
    cityRu: 'Ташкент',
    country: 'UZ',
  });
}

const NOW = new Date('2027-03-12T06:00:00Z');

describe('notes verbales', () => {
  it('writes a Russian note with the formulas, the dative addressee, reference, place and date', async () => {
    const meeting = await rccaMeeting();
    const admin = await createStaff('admin');
    const note = await (
      await getDb()
    ).transaction((tx) =>
      issueNoteVerbale(tx, {
        meetingId: meeting.id,
        language: 'ru',
        addressee: 'Министерству иностранных дел Республики Казахстан',
        quota: 3,
        nominationDeadline: new Date('2027-04-01T12:00:00Z'),
        issuedBy: actorOf(admin),
        now: NOW,
      }),
    );
    expect(note!.reference).toBe('RCCA/2027/001');
    for (const text of [flat(pdfText(note!.pdf)), flat(await docxText(note!.docx))]) {
      expect(text).toContain(
        'Региональный центр ООН по превентивной дипломатии для Центральной Азии свидетельствует свое уважение Министерству иностранных дел Республики Казахстан и имеет честь',
      );
      expect(text).toContain('в составе до 3 человек');
      expect(text).toContain('«Рабочая группа по реинтеграции»');
      expect(text).toContain('до 1 апреля 2027 года');
      expect(text).toContain(
        'пользуется случаем, чтобы возобновить Министерству иностранных дел Республики Казахстан уверения в своем высоком уважении',
      );
      expect(text).toContain('RCCA/2027/001');
      expect(text).toContain('Ашхабад, 12 марта 2027 года');
      expect(text).not.toMatch(/\{\{|presents its compliments/);
    }
    expect(pdfFonts(note!.pdf).every((f) => f.embedded)).toBe(true);
  });

  it('writes an English note from the meeting’s own template, and numbers the year’s notes in order', async () => {
    const meeting = await rccaMeeting('RCCA-EN');
    const editor = await createStaff('editor');
    await saveNoteTexts(editor, meeting.id, {
      noteTextEn:
        'The {{secretariat}} presents its compliments to the {{addressee}} and has the honour to invite it to “{{meeting}}” on {{dates}}.\n\nThe {{secretariat}} avails itself of this opportunity to renew to the {{addressee}} the assurances of its highest consideration.',
      noteTextRu: null,
    });
    const first = await issueNoteVerbaleByStaff(editor, meeting.id, {
      language: 'en',
      addressee: 'Ministry of Foreign Affairs of Turkmenistan',
      quota: 2,
      nominationDeadline: null,
    });
    const second = await issueNoteVerbaleByStaff(editor, meeting.id, {
      language: 'en',
      addressee: 'Organization for Security and Co-operation in Europe',
      quota: 1,
      nominationDeadline: null,
    });
    if (!first.ok || !second.ok) throw new Error('not issued');
    const year = new Date().getFullYear();
    expect([first.reference, second.reference]).toEqual([`RCCA-EN/${year}/001`, `RCCA-EN/${year}/002`]);
    const register = await listNotesVerbales({ actor: await createStaff('viewer'), meetingId: meeting.id });
    expect(register.map((n) => [n.reference, n.addressee])).toEqual([
      [`RCCA-EN/${year}/002`, 'Organization for Security and Co-operation in Europe'],
      [`RCCA-EN/${year}/001`, 'Ministry of Foreign Affairs of Turkmenistan'],
    ]);
    const files = await noteVerbaleFiles({
      actor: await createStaff('viewer'),
      meetingId: meeting.id,
      noteId: first.id,
    });
    const text = flat(await docxText(files!.docx));
    expect(text).toContain(
      'The United Nations Regional Centre for Preventive Diplomacy for Central Asia presents its compliments to the Ministry of Foreign Affairs of Turkmenistan and has the honour to invite it to “Working group on reintegration” on 20 April 2027 – 21 April 2027.',
    );
    expect(text).toContain(
      'renew to the Ministry of Foreign Affairs of Turkmenistan the assurances of its highest consideration',
    );
    expect(flat(pdfText(files!.pdf))).toContain(
      `Ashgabat, ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Tashkent' }).format(new Date())}`,
    );
    // Another meeting's note is not found through this meeting.
    const other = await createMeeting();
    expect(await noteVerbaleFiles({ actor: editor, meetingId: other.id, noteId: first.id })).toBeNull();
  });

  it('keeps an issued note as it was written when the template and the settings change', async () => {
    const meeting = await rccaMeeting('RCCA-KEPT');
    const admin = await createStaff('admin');
    const issued = await issueNoteVerbaleByStaff(admin, meeting.id, {
      language: 'en',
      addressee: 'Ministry of Foreign Affairs of the Kyrgyz Republic',
      quota: 3,
      nominationDeadline: null,
    });
    if (!issued.ok) throw new Error('not issued');
    await saveNoteTexts(admin, meeting.id, { noteTextEn: 'Changed {{addressee}}.', noteTextRu: null });
    await saveNoteReferenceSettings(admin, meeting.id, { prefix: 'XY', placeEn: 'Bishkek', placeRu: 'Бишкек' });
    const files = await noteVerbaleFiles({ actor: admin, meetingId: meeting.id, noteId: issued.id });
    const text = flat(await docxText(files!.docx));
    expect(text).toContain('presents its compliments to the Ministry of Foreign Affairs of the Kyrgyz Republic');
    expect(text).toContain('Ashgabat');
    const next = await issueNoteVerbaleByStaff(admin, meeting.id, {
      language: 'en',
      addressee: 'Ministry',
      quota: 1,
      nominationDeadline: null,
    });
    expect(next.ok && next.reference).toBe(`XY/${new Date().getFullYear()}/001`);
  });

  it('refuses those below the role each step needs', async () => {
    const meeting = await rccaMeeting();
    const viewer = await createStaff('viewer');
    const editor = await createStaff('editor');
    await expect(
      issueNoteVerbaleByStaff(viewer, meeting.id, {
        language: 'en',
        addressee: 'X',
        quota: 1,
        nominationDeadline: null,
      }),
    ).rejects.toThrow(/editor/);
    await expect(saveNoteTexts(viewer, meeting.id, { noteTextEn: null, noteTextRu: null })).rejects.toThrow(/editor/);
    await expect(
      saveNoteReferenceSettings(editor, meeting.id, { prefix: 'X', placeEn: null, placeRu: null }),
    ).rejects.toThrow(/admin/);
    const [council] = await (await getDb()).select().from(councils).where(eq(councils.id, meeting.councilId));
    expect(council!.noteReferencePrefix).toBe('RCCA');
  });

  it.runIf(ON_POSTGRES)('gives 50 notes issued at once 50 different numbers, 1 to 50', async () => {
    const meeting = await rccaMeeting('RCCA-50');
    const editor = await createStaff('editor');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        issueNoteVerbaleByStaff(editor, meeting.id, {
          language: i % 2 ? 'ru' : 'en',
          addressee: `Addressee ${i}`,
          quota: 1,
          nominationDeadline: null,
        }),
      ),
    );
    const numbers = results.map((r) => (r.ok ? Number(r.reference.split('/')[2]) : 0)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.ok && r.reference)).size).toBe(50);
  });
});
