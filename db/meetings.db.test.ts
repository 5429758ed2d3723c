import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/roles';
import { getDatabase, getDb } from './client';
import { getHomeCouncil } from './councils';
import { getMeeting, listPublicMeetings, listStaffMeetings } from './meetings';
import { councils, meetingOrganisations, meetings, organisations } from './schema';
import { DEMO_COUNCIL_ID, DEMO_PLENARY_ID, DEMO_WORKING_GROUP_ID, seedDemoData } from '@/scripts/demo/seed';

// A viewer: these tests are about the queries; the e2e and action tests cover sign-in itself.
const viewer: StaffUser = { id: 'viewer', email: 'viewer@example.org', name: null, role: 'viewer', timeZone: null };

// The same migrations, seed and queries on both embedded PGlite and PostgreSQL (see vitest.config.ts).
describe(`database (${process.env.TEST_DATABASE_KIND})`, () => {
  // When the demo is loaded, for every test below (its working-group meeting is dated from then).
  const seededAt = new Date('2026-11-27T08:00:00Z');

  it('opens the configured kind of database with every migration applied', async () => {
    const database = await getDatabase();
    expect(database.kind).toBe(process.env.TEST_DATABASE_KIND);
    const result: unknown = await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    // postgres.js returns the rows themselves, PGlite an object holding them.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { table_name: string }[];
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['councils', 'meeting_organisations', 'meetings', 'organisations']),
    );
  });

  it('seeds the demo council once, however often it runs', async () => {
    const db = await getDb();
    await seedDemoData(db, { now: seededAt });
    await seedDemoData(db, { now: seededAt });
    const [councilCount] = await db.select({ n: count() }).from(councils);
    const [meetingCount] = await db.select({ n: count() }).from(meetings);
    const [organisationCount] = await db.select({ n: count() }).from(organisations);
    expect({ councils: councilCount?.n, meetings: meetingCount?.n, organisations: organisationCount?.n }).toEqual({
      councils: 1,
      meetings: 2,
      // The base twelve and the ten of the plenary's attendance (scripts/demo/demo-attendance.ts).
      organisations: 22,
    });

    const council = await getHomeCouncil();
    expect(council?.id).toBe(DEMO_COUNCIL_ID);
    expect(council?.nameEn).toBe('Regional Expert Council on Rehabilitation and Reintegration of Returnees');
  });

  it('splits meetings into upcoming and past at the given moment', async () => {
    const { upcoming, past } = await listPublicMeetings({ now: new Date('2026-11-27T08:00:00Z') });
    expect(past.map((m) => m.id)).toEqual([DEMO_PLENARY_ID]);
    expect(upcoming.map((m) => m.id)).toEqual([DEMO_WORKING_GROUP_ID]);
    expect(past[0]?.startsAt.toISOString()).toBe('2024-05-14T05:00:00.000Z');
    expect(past[0]?.timeZone).toBe('Asia/Tashkent');

    const before = await listStaffMeetings({ actor: viewer, now: new Date('2024-05-14T06:00:00Z') });
    expect(before.upcoming.map((m) => m.id)).toEqual([DEMO_PLENARY_ID, DEMO_WORKING_GROUP_ID]);
  });

  it('places the working-group meeting about six weeks after the demo is loaded, online', async () => {
    const meeting = await getMeeting({ actor: viewer, id: DEMO_WORKING_GROUP_ID });
    expect(meeting?.format).toBe('online');
    expect(meeting?.kind).toBe('working_group');
    const days = (meeting!.startsAt.getTime() - seededAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(40);
    expect(days).toBeLessThan(44);
  });

  it('lists the plenary’s organisations with their roles, organiser first', async () => {
    const meeting = await getMeeting({ actor: viewer, id: DEMO_PLENARY_ID });
    expect(meeting?.status).toBe('held');
    expect(meeting?.council.id).toBe(DEMO_COUNCIL_ID);
    const byRole = (role: string) =>
      meeting!.organisations.filter((o) => o.role === role).map((o) => o.acronym ?? o.nameEn);
    expect(meeting!.organisations[0]?.acronym).toBe('UNRCCA');
    expect(byRole('organiser')).toEqual(['UNRCCA']);
    expect(byRole('co_organiser').sort()).toEqual(
      ["Family and Women's Committee", 'ISRS', 'MFA UZ', 'OSCE', 'SSS', 'UNOCT'].sort(),
    );
    expect(byRole('participating').sort()).toEqual(['CICA', 'CIS', 'CTED', 'SCO', 'UNODC']);
  });

  it('returns null for a meeting that does not exist', async () => {
    expect(await getMeeting({ actor: viewer, id: '00000000-0000-4000-8000-000000000000' })).toBeNull();
  });

  it('refuses a meeting that ends before it starts, and a country that is not an ISO code', async () => {
    const db = await getDb();
    const base = {
      councilId: DEMO_COUNCIL_ID,
      kind: 'briefing' as const,
      titleEn: 'Briefing',
      titleRu: 'Брифинг',
      timeZone: 'America/New_York',
      format: 'in_person' as const,
    };
    await expect(
      db.insert(meetings).values({
        ...base,
        startsAt: new Date('2024-12-10T20:00:00Z'),
        endsAt: new Date('2024-12-10T19:00:00Z'),
      }),
    ).rejects.toThrow();
    await expect(
      db.insert(meetings).values({
        ...base,
        startsAt: new Date('2024-12-10T20:00:00Z'),
        endsAt: new Date('2024-12-10T21:00:00Z'),
        country: 'United States',
      }),
    ).rejects.toThrow();
    const [links] = await db
      .select({ n: count() })
      .from(meetingOrganisations)
      .where(eq(meetingOrganisations.meetingId, DEMO_PLENARY_ID));
    expect(links?.n).toBe(12);
  });
});
