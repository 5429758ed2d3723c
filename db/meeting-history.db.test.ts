import { describe, expect, it } from 'vitest';
import { historyLines } from '@/lib/meeting-history';
import { createMeeting, createUser, uniqueStamp } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import { duplicateMeeting, linkOrganisation, listMeetingHistory, moveOrganisation } from './meetings';
import { organisations } from './schema';

describe('meeting history', () => {
  it('names the staff member, the organisation moved and the meeting copied from, in one list', async () => {
    const db = await getDb();
    const user = await createUser({ role: 'editor', name: 'Dilnoza Karimova' });
    const dilnoza = { id: user.id, email: user.email, name: user.name, role: user.role, timeZone: null };
    const nameless = await createUser({ role: 'editor', name: null });
    const meeting = await createMeeting({ titleEn: `Plenary ${uniqueStamp()}`, timeZone: 'Asia/Tashkent' });
    const [osce, unodc] = await db
      .insert(organisations)
      .values([
        {
          nameEn: 'Organization for Security and Co-operation in Europe',
          acronym: 'OSCE',
          type: 'regional_organisation',
        },
        { nameEn: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', type: 'un_entity' },
      ])
      .returning();
    for (const org of [osce!, unodc!])
      await linkOrganisation(dilnoza, { meetingId: meeting.id, organisationId: org.id, role: 'partner' });
    await moveOrganisation(dilnoza, { meetingId: meeting.id, organisationId: unodc!.id, direction: 'up' });
    const anonymous = { id: nameless.id, email: nameless.email, name: null, role: nameless.role, timeZone: null };
    await moveOrganisation(anonymous, { meetingId: meeting.id, organisationId: unodc!.id, direction: 'down' });

    const history = await listMeetingHistory({ actor: await createStaff('viewer'), id: meeting.id });
    const lines = historyLines(history, { venue: 'Asia/Tashkent', reader: 'Europe/Berlin' }).map((l) => l.sentence);
    expect(lines).toEqual([
      `${nameless.email} moved UNODC down to 2nd place.`,
      'Dilnoza Karimova moved UNODC up to 1st place.',
      'Dilnoza Karimova added UNODC as partner.',
      'Dilnoza Karimova added OSCE as partner.',
    ]);

    const copy = await duplicateMeeting(dilnoza, meeting.id, {
      titleEn: 'Copy',
      titleRu: 'Копия',
      startsAt: new Date('2030-01-01T05:00:00Z'),
      endsAt: new Date('2030-01-01T12:00:00Z'),
    });
    const copied = await listMeetingHistory({ actor: dilnoza, id: copy.ok ? copy.id : '' });
    expect(copied.map((e) => e.subject)).toEqual([meeting.titleEn]);
  });
});
