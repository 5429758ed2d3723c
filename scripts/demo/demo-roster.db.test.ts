import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listRoster } from '@/db/councils';
import { councilMembers } from '@/db/schema';
import { createStaff } from '@/test/staff';
import { DEMO_ROSTER_SIZE } from './demo-roster';
import { DEMO_COUNCIL_ID, DEMO_WORKING_GROUP_BODY_ID, seedDemoData } from './seed';

describe(`the demo council's roster (${process.env.TEST_DATABASE_KIND})`, () => {
  it('has experts of the five States and partner organisations, with terms and one working group', async () => {
    const db = await getDb();
    await seedDemoData(db);
    await seedDemoData(db);
    const actor = await createStaff('viewer');
    const roster = await listRoster({ actor, councilId: DEMO_COUNCIL_ID, asOf: '2025-06-01' });
    expect(roster).toHaveLength(DEMO_ROSTER_SIZE);
    expect(DEMO_ROSTER_SIZE).toBe(13);
    const terms = await db.select().from(councilMembers).where(eq(councilMembers.councilId, DEMO_COUNCIL_ID));
    const nominated = (country: string) => terms.filter((m) => m.nominatedByCountry === country).length;
    expect(['KZ', 'KG', 'TJ', 'TM', 'UZ'].map(nominated)).toEqual([2, 2, 2, 2, 2]);
    expect(roster.map((m) => m.organisation)).toEqual(expect.arrayContaining(['UNODC', 'OSCE', 'UNOCT']));
    expect(roster.filter((m) => m.role === 'chair')).toHaveLength(1);
    expect(roster.filter((m) => m.workingGroupIds.includes(DEMO_WORKING_GROUP_BODY_ID))).toHaveLength(6);
    expect(roster.every((m) => m.termTo !== null)).toBe(true);
    // Before the first meeting, nobody.
    expect(await listRoster({ actor, councilId: DEMO_COUNCIL_ID, asOf: '2024-05-13' })).toEqual([]);
  });
});
