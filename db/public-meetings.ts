import 'server-only';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { AgendaItemKind } from '@/lib/domain';
import type { ProgrammeItem } from '@/lib/programme';
import type { PublicMeeting, PublicOrganiser } from '@/lib/public-meeting';
import { getDb, type DbExecutor } from './client';
import { resolvePublicSlug } from './meeting-slugs';
import {
  agendaItemPeople,
  agendaItems,
  contacts,
  councils,
  meetingOrganisations,
  meetings,
  organisations,
  summaries,
} from './schema';

// What the public meeting page (/meetings/<slug>) and a delegate's invitation page read: no sign-in, so only what
// the public may see — never drafts, never the meeting link, never a side meeting's participant list.

export type { PublicMeeting } from '@/lib/public-meeting';

export type PublicMeetingLookup =
  { found: 'meeting'; meeting: PublicMeeting } | { found: 'moved'; slug: string } | null;

/**
 * The published agenda of a meeting as the programme shows it: every item (by day and time), with its speakers and
 * moderators in the order staff set, each with the organisation they belong to. Nothing while the agenda is the
 * secretariat's working copy (unpublished).
 */
export async function loadProgramme(executor: DbExecutor, meetingId: string): Promise<ProgrammeItem[]> {
  const items = await executor
    .select({
      id: agendaItems.id,
      kind: agendaItems.kind,
      startsAt: agendaItems.startsAt,
      endsAt: agendaItems.endsAt,
      titleEn: agendaItems.titleEn,
      titleRu: agendaItems.titleRu,
      descriptionEn: agendaItems.descriptionEn,
      descriptionRu: agendaItems.descriptionRu,
      room: agendaItems.room,
      roomRu: agendaItems.roomRu,
      position: agendaItems.position,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.meetingId, meetingId), eq(meetings.agendaPublished, true)))
    .orderBy(asc(agendaItems.startsAt), asc(agendaItems.position));
  if (items.length === 0) return [];
  const people = await executor
    .select({
      agendaItemId: agendaItemPeople.agendaItemId,
      role: agendaItemPeople.role,
      position: agendaItemPeople.position,
      name: contacts.name,
      nameLatin: contacts.nameLatin,
      title: contacts.title,
      organisation: {
        nameEn: organisations.nameEn,
        nameRu: organisations.nameRu,
        acronym: organisations.acronym,
        acronymRu: organisations.acronymRu,
      },
    })
    .from(agendaItemPeople)
    .innerJoin(contacts, eq(contacts.id, agendaItemPeople.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .where(
      and(
        inArray(
          agendaItemPeople.agendaItemId,
          items.map((i) => i.id),
        ),
        ne(agendaItemPeople.role, 'participant'),
      ),
    )
    .orderBy(asc(agendaItemPeople.position), asc(contacts.sortKey));
  return items.map((item) => ({
    ...item,
    kind: item.kind as AgendaItemKind,
    people: people
      .filter((p) => p.agendaItemId === item.id)
      .map((p) => ({
        role: p.role as 'speaker' | 'moderator',
        position: p.position,
        name: p.name,
        nameLatin: p.nameLatin,
        title: p.title,
        organisation: p.organisation?.nameEn ? p.organisation : null,
      })),
  }));
}

/** The public meeting an address names, or where it moved to; null for anything else (drafts included). */
export async function getPublicMeeting(slug: string): Promise<PublicMeetingLookup> {
  const db = await getDb();
  const resolved = await resolvePublicSlug(db, slug);
  if (!resolved) return null;
  if (resolved.found === 'earlier') return { found: 'moved', slug: resolved.slug };
  const id = resolved.meetingId;
  const [row] = await db
    .select({
      meeting: {
        id: meetings.id,
        slug: meetings.slug,
        kind: meetings.kind,
        status: meetings.status,
        titleEn: meetings.titleEn,
        titleRu: meetings.titleRu,
        objectivesEn: meetings.objectivesEn,
        objectivesRu: meetings.objectivesRu,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        timeZone: meetings.timeZone,
        format: meetings.format,
        cityEn: meetings.cityEn,
        cityRu: meetings.cityRu,
        country: meetings.country,
        venueEn: meetings.venueEn,
        venueRu: meetings.venueRu,
        calendarSequence: meetings.calendarSequence,
        updatedAt: meetings.updatedAt,
      },
      council: { nameEn: councils.nameEn, nameRu: councils.nameRu },
      summarySlug: summaries.slug,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .leftJoin(summaries, and(eq(summaries.meetingId, meetings.id), eq(summaries.status, 'published')))
    .where(eq(meetings.id, id));
  if (!row) return null;
  const [organisers, programme] = await Promise.all([
    db
      .select({
        id: organisations.id,
        nameEn: organisations.nameEn,
        nameRu: organisations.nameRu,
        acronym: organisations.acronym,
        acronymRu: organisations.acronymRu,
        role: meetingOrganisations.role,
      })
      .from(meetingOrganisations)
      .innerJoin(organisations, eq(organisations.id, meetingOrganisations.organisationId))
      .where(
        and(eq(meetingOrganisations.meetingId, id), inArray(meetingOrganisations.role, ['organiser', 'co_organiser'])),
      )
      .orderBy(asc(meetingOrganisations.position), asc(organisations.nameEn)),
    loadProgramme(db, id),
  ]);
  return {
    found: 'meeting',
    meeting: {
      ...row.meeting,
      slug: row.meeting.slug ?? slug,
      council: row.council,
      organisers: organisers as PublicOrganiser[],
      programme,
      summarySlug: row.summarySlug,
    },
  };
}

/** Every public meeting's address, for the sitemap. */
export async function listPublicMeetingSlugs(): Promise<{ slug: string; updatedAt: Date }[]> {
  const db = await getDb();
  const rows = await db
    .select({ slug: meetings.slug, updatedAt: meetings.updatedAt })
    .from(meetings)
    .where(ne(meetings.status, 'draft'))
    .orderBy(asc(meetings.startsAt));
  return rows.filter((r): r is { slug: string; updatedAt: Date } => r.slug !== null);
}

/** Public meetings' published summaries by meeting, for the public home's links. */
export async function publishedSummarySlugs(meetingIds: string[]): Promise<Map<string, string>> {
  if (meetingIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ meetingId: summaries.meetingId, slug: summaries.slug })
    .from(summaries)
    .where(and(inArray(summaries.meetingId, meetingIds), eq(summaries.status, 'published')));
  return new Map(rows.map((r) => [r.meetingId, r.slug]));
}

/** A meeting's published programme (empty while the agenda is unpublished): a delegate's invitation page shows it. */
export async function getPublishedProgramme(meetingId: string): Promise<ProgrammeItem[]> {
  return loadProgramme(await getDb(), meetingId);
}
