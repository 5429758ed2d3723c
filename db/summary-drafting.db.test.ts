import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEMO_PLENARY_ID, DEMO_WORKING_GROUP_ID, seedDemoData } from '@/scripts/demo/seed';
import { createInvitation } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import { contacts, organisations, registrations, summaries } from './schema';
import { draftMeetingSummary } from './summary-drafting';

const latinWord = (word: string) =>
  new RegExp(`(?<![A-Za-z])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`);

describe(`drafting a summary (${process.env.TEST_DATABASE_KIND})`, () => {
  it('drafts the seeded Tashkent plenary in Russian throughout, and each speaker in the spelling they use', async () => {
    const db = await getDb();
    await seedDemoData(db, { now: new Date('2026-11-27T08:00:00Z') });
    // The opening speaker, in the directory in Latin script, wrote his name in Cyrillic when he last registered.
    const [kaha] = await db.select().from(contacts).where(eq(contacts.name, 'Kaha Imnadze'));
    const invitation = await createInvitation({ meetingId: DEMO_WORKING_GROUP_ID, contactId: kaha!.id });
    await db.insert(registrations).values({
      invitationId: invitation.id,
      meetingId: DEMO_WORKING_GROUP_ID,
      status: 'registered',
      passportName: 'IMNADZE KAHA',
      displayName: 'Каха Имнадзе',
      organisationName: 'UNRCCA',
      country: 'GE',
      dataConsentAt: new Date(),
      registeredAt: new Date(),
    });

    const result = await draftMeetingSummary(await createStaff('editor'), DEMO_PLENARY_ID);
    expect(result.ok).toBe(true);
    const [draft] = await db.select().from(summaries).where(eq(summaries.meetingId, DEMO_PLENARY_ID));
    const russian = [draft!.headlineRu, draft!.leadRu, draft!.bodyRu].join('\n');

    // Every organisation with a Russian acronym is named by it: its Latin one appears nowhere in the Russian draft.
    const withRussianAcronym = (await db.select().from(organisations)).filter((o) => o.acronym && o.acronymRu);
    expect(withRussianAcronym.map((o) => o.acronym)).toEqual(
      expect.arrayContaining(['UNRCCA', 'UNOCT', 'MFA UZ', 'OSCE', 'SCO', 'CICA', 'CIS']),
    );
    for (const o of withRussianAcronym) expect(russian, o.acronym!).not.toMatch(latinWord(o.acronym!));
    expect(russian).toContain('(РЦПДЦА)');
    expect(russian).toContain('(КТУ ООН)');

    // The dateline («ТАШКЕНТ, 14 мая 2024 г. —») carries the date; the lead opens with the place, declined.
    expect(draft!.leadRu).toMatch(/^В Ташкенте состоялось первое заседание Регионального экспертного совета/);
    expect(draft!.leadRu).not.toContain('мая');
    expect(draft!.leadEn).toMatch(
      /^The United Nations Regional Centre for Preventive Diplomacy for Central Asia \(UNRCCA\) held the first meeting/,
    );
    expect(draft!.leadEn).not.toContain('May');

    expect(draft!.bodyRu).toContain('(выступающие: Каха Имнадзе)');
    expect(draft!.bodyEn).toContain('(speakers: Kaha Imnadze)');
  });
});
