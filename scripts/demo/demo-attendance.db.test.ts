import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { checkIns, contacts, invitations, organisations, registrations } from '@/db/schema';
import { DEMO_ATTENDANCE, DEMO_CHECKED_IN } from './demo-attendance';
import { DEMO_PLENARY_ID, seedDemoData } from './seed';

describe('the seeded plenary', () => {
  it('has exactly 104 registered, invented participants from the five states and the organisations, and seeding again adds none', async () => {
    const db = await getDb();
    await seedDemoData(db);
    const rows = await db.select().from(registrations).where(eq(registrations.meetingId, DEMO_PLENARY_ID));
    expect(DEMO_ATTENDANCE).toBe(104);
    expect(rows).toHaveLength(104);
    expect(rows.every((r) => r.status === 'registered')).toBe(true);
    expect(new Set(rows.map((r) => r.passportName)).size).toBe(104);
    for (const state of ['KZ', 'KG', 'TJ', 'TM', 'UZ'])
      expect(
        rows.some((r) => r.country === state),
        state,
      ).toBe(true);
    const types = await db
      .selectDistinct({ type: organisations.type })
      .from(registrations)
      .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
      .innerJoin(contacts, eq(contacts.id, invitations.contactId))
      .innerJoin(organisations, eq(organisations.id, contacts.organisationId))
      .where(eq(registrations.meetingId, DEMO_PLENARY_ID));
    const list = types.map((t) => t.type).sort();
    expect(list).toEqual(['civil_society', 'government', 'regional_organisation', 'un_entity', 'academic'].sort());
    // Checked in on the day, more than one hundred of them, once each however often the seed runs.
    await seedDemoData(db);
    const checked = await db.select().from(checkIns).where(eq(checkIns.meetingId, DEMO_PLENARY_ID));
    expect(checked).toHaveLength(DEMO_CHECKED_IN);
    expect(DEMO_CHECKED_IN).toBeGreaterThan(100);
    expect(new Set(checked.map((c) => c.day))).toEqual(new Set(['2024-05-14']));
  });
});
