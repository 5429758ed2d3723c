import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/roles';
import type { MeetingValues } from '@/lib/schemas/meeting';
import { createStaff } from '@/test/staff';
import { createCouncil, createMeeting as insertMeeting, uniqueStamp } from '@/test/factories';
import { getDb } from './client';
import { resolvePublicSlug } from './meeting-slugs';
import { changeMeetingStatus, createMeeting, duplicateMeeting, updateMeeting } from './meetings';
import { getPublicMeeting } from './public-meetings';
import { meetingSlugs, meetings, type Meeting } from './schema';

let editor: StaffUser;
beforeAll(async () => {
  editor = await createStaff('editor');
});

const valuesOf = (m: Meeting, change: Partial<MeetingValues> = {}): MeetingValues => ({
  councilId: m.councilId,
  workingGroupId: m.workingGroupId,
  kind: m.kind,
  titleEn: m.titleEn,
  titleRu: m.titleRu,
  objectivesEn: m.objectivesEn,
  objectivesRu: m.objectivesRu,
  timeZone: m.timeZone,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  format: m.format,
  meetingLink: m.meetingLink,
  cityEn: m.cityEn,
  cityRu: m.cityRu,
  cityRuLocative: m.cityRuLocative,
  country: m.country,
  venueEn: m.venueEn,
  venueRu: m.venueRu,
  capacity: m.capacity,
  waitlistOfferHours: m.waitlistOfferHours,
  visaSupport: m.visaSupport,
  registrationDeadline: m.registrationDeadline,
  ...change,
});

const load = async (id: string) => (await (await getDb()).select().from(meetings).where(eq(meetings.id, id)))[0]!;

describe(`meeting slugs (${process.env.TEST_DATABASE_KIND})`, () => {
  it('a meeting inserted without a slug gets one from the database, unique with -2', async () => {
    const council = await createCouncil();
    const title = `Consultation ${uniqueStamp()}`;
    const first = await insertMeeting({ councilId: council.id, titleEn: title });
    const second = await insertMeeting({ councilId: council.id, titleEn: title });
    const base = `${title.toLowerCase().replace(' ', '-')}-2030`;
    expect(first.slug).toBe(base);
    expect(second.slug).toBe(`${base}-2`);
    // Named again (as the migration's backfill does), a meeting is not in its own way.
    const [again] = await (
      await getDb()
    )
      .update(meetings)
      .set({ slug: null })
      .where(eq(meetings.id, first.id))
      .returning({ slug: meetings.slug });
    expect(again!.slug).toBe(base);
  });

  it('the app names a new meeting from its English title and the venue’s year, deduplicated', async () => {
    const council = await createCouncil();
    const stamp = uniqueStamp();
    const template = await insertMeeting({ councilId: council.id });
    const values = valuesOf(template, { titleEn: `Совещание ${stamp}` });
    const a = await createMeeting(editor, values);
    const b = await createMeeting(editor, values);
    if (!a.ok || !b.ok) throw new Error('not created');
    expect((await load(a.id)).slug).toBe(`soveshchanie-${stamp}-2030`);
    expect((await load(b.id)).slug).toBe(`soveshchanie-${stamp}-2030-2`);
    const copy = await duplicateMeeting(editor, a.id, {
      titleEn: `Совещание ${stamp}`,
      titleRu: 'Копия',
      startsAt: new Date('2031-05-14T05:00:00Z'),
      endsAt: new Date('2031-05-14T12:00:00Z'),
    });
    if (!copy.ok) throw new Error('not duplicated');
    expect((await load(copy.id)).slug).toBe(`soveshchanie-${stamp}-2031`);
  });

  it('gives four meetings created at the same instant with one title a slug each', async () => {
    const council = await createCouncil();
    const stamp = uniqueStamp();
    const values = valuesOf(await insertMeeting({ councilId: council.id }), { titleEn: `Briefing ${stamp}` });
    const created = await Promise.all(Array.from({ length: 4 }, () => createMeeting(editor, values)));
    if (!created.every((c) => c.ok)) throw new Error('not created');
    const slugs = await Promise.all(created.map(async (c) => (await load(c.id)).slug));
    expect(slugs.sort()).toEqual([2, 3, 4, 0].map((n) => `briefing-${stamp}-2030${n ? `-${n}` : ''}`).sort());
  });

  it('follows a draft’s title, redirecting the old slug; is kept once public; drafts are not found', async () => {
    const db = await getDb();
    const stamp = uniqueStamp();
    const meeting = await insertMeeting({ titleEn: `Briefing ${stamp}` });
    const firstSlug = `briefing-${stamp}-2030`;
    expect(meeting.slug).toBe(firstSlug);
    // A draft is not public under any address.
    expect(await resolvePublicSlug(db, firstSlug)).toBeNull();
    expect(await getPublicMeeting(firstSlug)).toBeNull();

    await updateMeeting(editor, meeting.id, valuesOf(meeting, { titleEn: `Working briefing ${stamp}` }));
    const renamed = `working-briefing-${stamp}-2030`;
    expect((await load(meeting.id)).slug).toBe(renamed);
    const earlier = await db.select().from(meetingSlugs).where(eq(meetingSlugs.meetingId, meeting.id));
    expect(earlier.map((r) => r.slug)).toEqual([firstSlug]);

    expect((await changeMeetingStatus(editor, meeting.id, 'planned')).ok).toBe(true);
    expect(await resolvePublicSlug(db, renamed)).toEqual({ found: 'current', meetingId: meeting.id });
    // The address from before the rename leads to the current one.
    expect(await resolvePublicSlug(db, firstSlug)).toEqual({ found: 'earlier', slug: renamed });
    expect(await getPublicMeeting(firstSlug)).toEqual({ found: 'moved', slug: renamed });

    // Public now: a rename keeps the address.
    await updateMeeting(editor, meeting.id, valuesOf(await load(meeting.id), { titleEn: `Renamed ${stamp}` }));
    expect((await load(meeting.id)).slug).toBe(renamed);
    expect(await resolvePublicSlug(db, 'no-such-meeting-2030')).toBeNull();
    expect(await resolvePublicSlug(db, 'Not A Slug')).toBeNull();
  });

  it('an earlier slug of one meeting is never given to another', async () => {
    const db = await getDb();
    const stamp = uniqueStamp();
    const moved = await insertMeeting({ titleEn: `Seminar ${stamp}` });
    await updateMeeting(editor, moved.id, valuesOf(moved, { titleEn: `Seminar two ${stamp}` }));
    const other = await insertMeeting({ titleEn: `Seminar ${stamp}` });
    expect(other.slug).toBe(`seminar-${stamp}-2030-2`);
    const template = await load(other.id);
    const created = await createMeeting(editor, valuesOf(template, { titleEn: `Seminar ${stamp}` }));
    if (!created.ok) throw new Error('not created');
    expect((await load(created.id)).slug).toBe(`seminar-${stamp}-2030-3`);
    // Back to its first title: the meeting takes its own earlier slug back.
    await updateMeeting(editor, moved.id, valuesOf(await load(moved.id), { titleEn: `Seminar ${stamp}` }));
    expect((await load(moved.id)).slug).toBe(`seminar-${stamp}-2030`);
    const [{ n }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetingSlugs)
      .where(eq(meetingSlugs.slug, `seminar-${stamp}-2030`))) as [{ n: number }];
    expect(n).toBe(0);
  });
});
