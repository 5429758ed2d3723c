import type { MeetingFormat, MeetingKind, MeetingStatus, OrganisationRole } from '@/lib/domain';
import type { ProgrammeItem } from '@/lib/programme';
import { calendarFile } from '@/lib/calendar';
import { countryName } from '@/lib/countries';
import type { Locale } from '@/lib/datetime';
import { localePath } from '@/lib/i18n/routing';
import { organisationName } from '@/lib/organisation-label';
import { markdownToPlainText } from '@/lib/summary/markdown';

// What the public meeting page, its calendar file and the sitemap say about a meeting, in one place.

/** A public meeting as db/public-meetings.ts reads it: what anyone may see (never the meeting link). */
export type PublicOrganiser = {
  id: string;
  nameEn: string;
  nameRu: string | null;
  acronym: string | null;
  acronymRu: string | null;
  role: Extract<OrganisationRole, 'organiser' | 'co_organiser'>;
};

export type PublicMeeting = {
  id: string;
  slug: string;
  kind: MeetingKind;
  status: MeetingStatus;
  titleEn: string;
  titleRu: string;
  objectivesEn: string;
  objectivesRu: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: MeetingFormat;
  cityEn: string | null;
  cityRu: string | null;
  country: string | null;
  venueEn: string | null;
  venueRu: string | null;
  calendarSequence: number;
  updatedAt: Date;
  council: { nameEn: string; nameRu: string };
  organisers: PublicOrganiser[];
  programme: ProgrammeItem[];
  /** The published summary's slug (its news page), once there is one. */
  summarySlug: string | null;
};

export const meetingPath = (locale: Locale, slug: string) => localePath(locale, `/meetings/${slug}`);
export const meetingCalendarPath = (locale: Locale, slug: string) => `${meetingPath(locale, slug)}/calendar.ics`;

export function meetingTitle(meeting: Pick<PublicMeeting, 'titleEn' | 'titleRu'>, locale: Locale): string {
  return locale === 'ru' ? meeting.titleRu : meeting.titleEn;
}

/** The physical place in `locale` ("Hotel Uzbekistan, Tashkent, Uzbekistan"); empty for a meeting held online. */
export function physicalPlace(
  meeting: Pick<PublicMeeting, 'format' | 'venueEn' | 'venueRu' | 'cityEn' | 'cityRu' | 'country'>,
  locale: Locale,
): string {
  if (meeting.format === 'online') return '';
  const ru = locale === 'ru';
  return [
    ru ? (meeting.venueRu ?? meeting.venueEn) : meeting.venueEn,
    ru ? (meeting.cityRu ?? meeting.cityEn) : meeting.cityEn,
    meeting.country && countryName(meeting.country, locale),
  ]
    .filter(Boolean)
    .join(', ');
}

const ATTENDANCE_MODE = {
  in_person: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const;

/**
 * schema.org Event as JSON-LD, for search engines: when, how one attends, where (a Place, and for an online or hybrid
 * meeting a VirtualLocation at this page: the meeting link itself is for registered participants only). Serialised
 * with `<` escaped, so no text in it can close the script element it sits in.
 */
export function meetingEventJsonLd(meeting: PublicMeeting, locale: Locale, base: string): string {
  const url = `${base}${meetingPath(locale, meeting.slug)}`;
  const ru = locale === 'ru';
  const place = physicalPlace(meeting, locale);
  const city = ru ? (meeting.cityRu ?? meeting.cityEn) : meeting.cityEn;
  const locations = [
    ...(meeting.format !== 'online'
      ? [
          {
            '@type': 'Place',
            name: (ru ? (meeting.venueRu ?? meeting.venueEn) : meeting.venueEn) ?? place,
            address: {
              '@type': 'PostalAddress',
              ...(city ? { addressLocality: city } : {}),
              ...(meeting.country ? { addressCountry: meeting.country } : {}),
            },
          },
        ]
      : []),
    ...(meeting.format !== 'in_person' ? [{ '@type': 'VirtualLocation', url }] : []),
  ];
  const description = markdownToPlainText(ru ? meeting.objectivesRu : meeting.objectivesEn);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: meetingTitle(meeting, locale),
    ...(description ? { description } : {}),
    url,
    inLanguage: locale,
    startDate: meeting.startsAt.toISOString(),
    endDate: meeting.endsAt.toISOString(),
    eventStatus:
      meeting.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: ATTENDANCE_MODE[meeting.format],
    location: locations.length === 1 ? locations[0] : locations,
    organizer: meeting.organisers
      .filter((o) => o.role === 'organiser')
      .map((o) => ({ '@type': 'Organization', name: organisationName(o, locale) })),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/**
 * The meeting as a calendar file, built as the invitations' are (lib/calendar: the venue's VTIMEZONE, METHOD:PUBLISH)
 * but for anyone: one UID per meeting, no attendee, no meeting link — the page's address instead.
 */
export function meetingCalendarFile(meeting: PublicMeeting, locale: Locale, base: string, now = new Date()): string {
  const url = `${base}${meetingPath(locale, meeting.slug)}`;
  const place = physicalPlace(meeting, locale);
  const online = locale === 'ru' ? 'онлайн' : 'online';
  return calendarFile(
    {
      uid: `meeting-${meeting.id}@${new URL(base).hostname}`,
      sequence: meeting.calendarSequence,
      start: meeting.startsAt,
      end: meeting.endsAt,
      timeZone: meeting.timeZone,
      summary: meetingTitle(meeting, locale),
      location: meeting.format === 'online' ? online : meeting.format === 'hybrid' ? `${place} (+ ${online})` : place,
      description: url,
      url,
      cancelled: meeting.status === 'cancelled',
    },
    now,
  );
}
