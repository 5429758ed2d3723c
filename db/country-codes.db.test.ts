import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countryName, WITHDRAWN_CODES } from '@/lib/countries';
import { getDb } from './client';
import { countParticipants } from './participants';
import {
  contacts,
  councilMembers,
  councils,
  invitations,
  meetings,
  organisations,
  registrations,
  type AnnouncedMeeting,
} from './schema';
import { createStaff } from '@/test/staff';

// drizzle/0011_un_country_codes.sql on data stored before it: rows the Intl-built pickers saved with withdrawn codes
// (a Soviet-era "Russia" as SU, "Germany" as DD…). getDb() has applied every migration to an empty database; the
// rows go in afterwards and the migration's statements run again over them, as they would on a deployed database.

const MIGRATION = path.join(process.cwd(), 'drizzle/0011_un_country_codes.sql');
const statements = () =>
  fs
    .readFileSync(MIGRATION, 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);

async function migrateCountryCodes() {
  const db = await getDb();
  for (const statement of statements()) await db.execute(sql.raw(statement));
}

const announced = (country: string): AnnouncedMeeting => ({
  startsAt: '2027-05-14T05:00:00.000Z',
  endsAt: '2027-05-14T12:00:00.000Z',
  format: 'in_person',
  venueEn: null,
  venueRu: null,
  cityEn: 'Berlin',
  cityRu: null,
  country,
  meetingLink: null,
  registrationDeadline: null,
});

describe('the UN country codes migration', () => {
  it('maps exactly the withdrawn codes lib/countries.ts maps', () => {
    const pairs = [...fs.readFileSync(MIGRATION, 'utf8').matchAll(/\('([A-Z]{2})', '([A-Z]{2})'\)/g)];
    expect(Object.fromEntries(pairs.map(([, old, current]) => [old, current]))).toEqual(WITHDRAWN_CODES);
  });

  it('moves every stored country off withdrawn codes, and the participants chart counts Russia once', async () => {
    const db = await getDb();
    const [council] = await db.insert(councils).values({ nameEn: 'Council', nameRu: 'Совет' }).returning();
    const [meeting] = await db
      .insert(meetings)
      .values({
        councilId: council!.id,
        kind: 'plenary',
        titleEn: 'Plenary',
        titleRu: 'Пленарное заседание',
        startsAt: new Date('2027-05-14T05:00:00Z'),
        endsAt: new Date('2027-05-14T12:00:00Z'),
        timeZone: 'Europe/Berlin',
        format: 'in_person',
        cityEn: 'Berlin',
        country: 'DD',
        announced: announced('DD'),
      })
      .returning();
    const [organisation] = await db
      .insert(organisations)
      .values({ nameEn: 'Foreign Office', type: 'government', country: 'UK' })
      .returning();
    const people = await db
      .insert(contacts)
      .values(
        (['SU', 'RU', 'YU', 'KZ'] as const).map((country, i) => ({
          name: `Person ${i}`,
          email: `country-codes-${i}@example.org`,
          country,
          organisationId: organisation!.id,
        })),
      )
      .returning();
    await db.insert(councilMembers).values({
      councilId: council!.id,
      contactId: people[0]!.id,
      role: 'member',
      nominatedByCountry: 'CS',
      termFrom: '2024-01-01',
    });
    const invited = await db
      .insert(invitations)
      .values(
        people.map((p) => ({
          meetingId: meeting!.id,
          contactId: p.id,
          role: 'delegate' as const,
          email: p.email,
          language: 'en' as const,
        })),
      )
      .returning();
    await db.insert(registrations).values(
      invited.map((invitation, i) => ({
        invitationId: invitation.id,
        meetingId: meeting!.id,
        status: 'registered' as const,
        passportName: `Person ${i}`,
        displayName: `Person ${i}`,
        organisationName: 'Foreign Office',
        country: people[i]!.country!,
        dataConsentAt: new Date(),
        registeredAt: new Date(),
      })),
    );
    const viewer = await createStaff('viewer');
    // Before: two bars named after Russia.
    const before = await countParticipants({ actor: viewer, meetingId: meeting!.id });
    expect(before.byCountry.filter((c) => countryName(c.country, 'en') === 'Russian Federation')).toHaveLength(2);

    await migrateCountryCodes();

    const ids = people.map((p) => p.id);
    const contactRows = await db.select().from(contacts).where(inArray(contacts.id, ids));
    expect(contactRows.map((c) => c.country).sort()).toEqual(['KZ', 'RS', 'RU', 'RU']);
    expect((await db.select().from(organisations).where(eq(organisations.id, organisation!.id)))[0]!.country).toBe(
      'GB',
    );
    const [migrated] = await db.select().from(meetings).where(eq(meetings.id, meeting!.id));
    expect(migrated).toMatchObject({ country: 'DE', announced: announced('DE') });
    expect(
      (await db.select().from(councilMembers).where(eq(councilMembers.councilId, council!.id)))[0]!.nominatedByCountry,
    ).toBe('RS');
    const after = await countParticipants({ actor: viewer, meetingId: meeting!.id });
    expect(after.byCountry).toEqual([
      { country: 'RU', n: 2 },
      { country: 'KZ', n: 1 },
      { country: 'RS', n: 1 },
    ]);
    expect(after.byCountry.map((c) => countryName(c.country, 'ru'))).toEqual([
      'Российская Федерация',
      'Казахстан',
      'Сербия',
    ]);
  });
});
