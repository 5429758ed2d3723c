import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createContact, createInvitation, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { flat, pdfText } from '@/test/documents';
import { renderDocument } from '@/lib/documents';
import { attendanceCsv, attendanceModel, attendanceRecord, meetingDays } from './attendance';
import { getDb } from './client';
import { checkIns, organisations, registrations } from './schema';

describe('the attendance record', () => {
  it('counts live check-ins per day and in total, names who did not come, and keeps gender to totals', async () => {
    const db = await getDb();
    const meeting = await createMeeting({
      startsAt: new Date('2025-03-10T04:00:00Z'),
      endsAt: new Date('2025-03-11T12:00:00Z'),
    });
    expect(meetingDays(meeting)).toEqual(['2025-03-10', '2025-03-11']);
    const [undp] = await db
      .insert(organisations)
      .values({ nameEn: 'United Nations Development Programme', nameRu: 'Программа развития ООН', type: 'un_entity' })
      .returning();
    // A State is represented through a government body of its country (there are no delegations here).
    const [mfaKz, mfaKg] = await db
      .insert(organisations)
      .values([
        { nameEn: 'Ministry of Foreign Affairs of Kazakhstan', type: 'government', country: 'KZ' },
        { nameEn: 'Ministry of Foreign Affairs of Kyrgyzstan', type: 'government', country: 'KG' },
      ])
      .returning();
    const person = async (name: string, country: string, gender: string, organisationId?: string) => {
      const contact = await createContact({ name, organisationId });
      const invitation = await createInvitation({ meetingId: meeting.id, contactId: contact.id });
      await db.insert(registrations).values({
        invitationId: invitation.id,
        meetingId: meeting.id,
        status: 'registered',
        passportName: name,
        displayName: name,
        organisationName: country === 'TJ' ? '=HYPERLINK("http://evil.example")' : 'As written',
        country,
        gender,
        dataConsentAt: new Date(),
      });
      return invitation.id;
    };
    const a = await person('Asel Omarova', 'KZ', 'female', mfaKz!.id);
    const b = await person('Bakyt Usenov', 'KG', 'male', mfaKg!.id);
    const c = await person('Chris Doe', 'US', 'prefer_not_to_say', undp!.id);
    const absent = await person('Dana Absent', 'TJ', 'female');
    await db.insert(checkIns).values([
      { invitationId: a, meetingId: meeting.id, day: '2025-03-10' },
      { invitationId: a, meetingId: meeting.id, day: '2025-03-11' },
      { invitationId: b, meetingId: meeting.id, day: '2025-03-11' },
      { invitationId: c, meetingId: meeting.id, day: '2025-03-10' },
      // Undone: Dana did not come after all.
      { invitationId: absent, meetingId: meeting.id, day: '2025-03-10', undoneAt: new Date() },
    ]);

    const record = await attendanceRecord({ actor: await createStaff('viewer'), meetingId: meeting.id });
    expect(record!.days.map((d) => [d.day, d.attendees.length])).toEqual([
      ['2025-03-10', 2],
      ['2025-03-11', 2],
    ]);
    expect(record!.attendees).toHaveLength(3);
    expect(record!.absent.map((p) => p.name)).toEqual(['Dana Absent']);
    expect(record!.byCountry).toEqual([
      { label: 'Kazakhstan', n: 1 },
      { label: 'Kyrgyzstan', n: 1 },
      { label: 'United States of America', n: 1 },
    ]);
    expect(record!.byOrganisationType).toContainEqual({ label: 'UN entity', n: 1 });
    expect(record!.byRole).toEqual([{ label: 'Delegate', n: 3 }]);
    expect(Object.fromEntries(record!.byGender.map((g) => [g.gender, g.n]))).toEqual({
      female: 1,
      male: 1,
      other: 0,
      prefer_not_to_say: 1,
    });
    expect(record!.paragraph.en).toBe(
      'The meeting was attended by representatives of Kazakhstan and Kyrgyzstan, and the following United Nations ' +
        'entities: United Nations Development Programme.',
    );
    expect(record!.paragraph.ru).toBe(
      'В работе совещания приняли участие представители следующих государств: Казахстан и Кыргызстан; и ' +
        'подразделений системы Организации Объединенных Наций: Программа развития ООН.',
    );

    // CSV: BOM, formula-safe, one row a person, no gender column.
    const csv = attendanceCsv(record!);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(rows[0]).toEqual([
      'Name',
      'Name as in passport',
      'Organisation',
      'Type of organisation',
      'Country',
      'Role',
      'Walk-in',
      'Attended',
      '2025-03-10',
      '2025-03-11',
    ]);
    expect(rows).toHaveLength(5);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/female|prefer_not_to_say/i);

    const text = flat(pdfText((await renderDocument(attendanceModel(record!, new Date()))).pdf));
    expect(text).toContain('В работе совещания приняли участие представители следующих государств');
    expect(text).toContain('Dana Absent');
    expect(text).toContain('Female 1');
  });
});
