import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { MeetingProgramme } from '@/components/meeting-programme';
import { MeetingDocumentsList } from '@/components/meeting-documents-list';
import { listDocumentsFor } from '@/db/meeting-documents';
import { PublicFrame } from '@/components/public-frame';
import { ReaderLocalTime } from '@/components/reader-local-time';
import { Notice, PageHeader } from '@/components/ui';
import { getPublicMeeting, type PublicMeetingLookup } from '@/db/public-meetings';
import { formatDateTimeRange, type Locale } from '@/lib/datetime';
import { localePath } from '@/lib/i18n/routing';
import { MEETING_SLUG } from '@/lib/meeting-slug';
import { organisationName } from '@/lib/organisation-label';
import {
  meetingCalendarFile,
  meetingCalendarPath,
  meetingEventJsonLd,
  meetingPath,
  meetingTitle,
  type PublicMeeting,
  physicalPlace,
} from '@/lib/public-meeting';
import { renderMarkdown, markdownToPlainText } from '@/lib/summary/markdown';
import { isBuildPhase, newsPath, shortDescription, siteUrl } from '@/lib/summary/public';
import { secretariatName } from '@/services/public-secretariat';

// The public meeting pages, the same in both languages: app/meetings/[slug] (English) and app/ru/meetings/[slug]
// (Russian) call these. Cached like the news pages and dropped when staff change the meeting, its agenda or its
// documents (lib/public-meeting-cache.ts).

const otherLocale = (locale: Locale): Locale => (locale === 'ru' ? 'en' : 'ru');

// Metadata and page read the same rows: cache() makes it one query per render.
const lookup = cache(async (slug: string): Promise<PublicMeetingLookup> => {
  if (isBuildPhase() || !MEETING_SLUG.test(slug) || slug.length > 120) return null;
  return getPublicMeeting(slug);
});

async function meetingOrRedirect(locale: Locale, slug: string): Promise<PublicMeeting> {
  const found = await lookup(slug);
  if (!found) notFound();
  // An address from before a rename: 308, so the method and any bookmark follow.
  if (found.found === 'moved') permanentRedirect(meetingPath(locale, found.slug));
  return found.meeting;
}

export async function meetingNotFoundMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'MeetingPage' });
  return { title: t('notFoundTitle'), robots: { index: false } };
}

export async function meetingMetadata(locale: Locale, slug: string): Promise<Metadata> {
  const found = await lookup(slug);
  if (found?.found !== 'meeting') return meetingNotFoundMetadata(locale);
  const meeting = found.meeting;
  const title = meetingTitle(meeting, locale);
  const when = formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale);
  const objectives = markdownToPlainText(locale === 'ru' ? meeting.objectivesRu : meeting.objectivesEn);
  const description = shortDescription([when, physicalPlace(meeting, locale), objectives].filter(Boolean).join('. '));
  const url = meetingPath(locale, meeting.slug);
  return {
    metadataBase: new URL(siteUrl()),
    title,
    description,
    alternates: {
      canonical: url,
      languages: { en: meetingPath('en', meeting.slug), ru: meetingPath('ru', meeting.slug) },
    },
    openGraph: {
      type: 'website',
      url,
      title,
      description,
      siteName: await secretariatName(locale),
      locale: locale === 'ru' ? 'ru_RU' : 'en_GB',
      alternateLocale: locale === 'ru' ? 'en_GB' : 'ru_RU',
    },
    twitter: { card: 'summary', title, description },
  };
}

export async function MeetingPage({ locale, slug }: { locale: Locale; slug: string }) {
  const meeting = await meetingOrRedirect(locale, slug);
  const documents = await listDocumentsFor({ meetingId: meeting.id, audience: 'public', locale });
  const t = await getTranslations({ locale, namespace: 'MeetingPage' });
  const tMeeting = await getTranslations({ locale, namespace: 'Meeting' });
  const ru = locale === 'ru';
  const place = physicalPlace(meeting, locale);
  const objectives = ru ? meeting.objectivesRu || meeting.objectivesEn : meeting.objectivesEn;
  return (
    <PublicFrame
      section="meetings"
      locale={locale}
      secretariat={await secretariatName(locale)}
      other={meetingPath(otherLocale(locale), meeting.slug)}
    >
      <article>
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: meetingEventJsonLd(meeting, locale, siteUrl()) }}
        />
        <p className="text-sm text-slate-700">{ru ? meeting.council.nameRu : meeting.council.nameEn}</p>
        <PageHeader title={meetingTitle(meeting, locale)} className="mt-1" />
        <p className="mt-1 text-slate-700">{tMeeting(`kind.${meeting.kind}`)}</p>
        {meeting.status === 'cancelled' && (
          <Notice tone="warning" size="md" className="mt-3 font-semibold">
            {t('cancelled')}
          </Notice>
        )}
        <dl className="mt-4 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t('when')}</dt>
          <dd>
            <time dateTime={meeting.startsAt.toISOString()}>
              {formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale)}
            </time>
            <ReaderLocalTime
              startsAt={meeting.startsAt.toISOString()}
              endsAt={meeting.endsAt.toISOString()}
              venueZone={meeting.timeZone}
              locale={locale}
              label={t('yourTime')}
            />
          </dd>
          <dt className="font-semibold">{t('where')}</dt>
          <dd>
            {meeting.format === 'online' ? t('online') : place}
            {meeting.format === 'hybrid' && <span className="block text-slate-700">{t('onlineToo')}</span>}
          </dd>
          {meeting.organisers.length > 0 && (
            <>
              <dt className="font-semibold">{t('organisers')}</dt>
              <dd>
                <ul>
                  {meeting.organisers.map((organisation) => (
                    <li key={organisation.id}>
                      {organisationName(organisation, locale)}{' '}
                      <span className="text-slate-700">({t(`role.${organisation.role}`)})</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
        <p className="mt-4">
          <a href={meetingCalendarPath(locale, meeting.slug)} download={`${meeting.slug}.ics`}>
            {t('addToCalendar')}
          </a>
        </p>
        {meeting.summarySlug && (
          <section aria-labelledby="summary" className="mt-6 rounded-md border border-brand-100 bg-brand-50 p-4">
            <h2 id="summary" className="text-lg font-semibold">
              {t('summary')}
            </h2>
            <p className="mt-1">
              <a href={newsPath(locale, meeting.summarySlug)}>
                {t('readSummary', { headline: meetingTitle(meeting, locale) })}
              </a>
            </p>
          </section>
        )}
        {objectives && (
          <section aria-labelledby="objectives" className="mt-6">
            <h2 id="objectives" className="text-xl font-semibold">
              {t('objectives')}
            </h2>
            <div className="mt-2 space-y-2" dangerouslySetInnerHTML={{ __html: renderMarkdown(objectives) }} />
          </section>
        )}
        <MeetingProgramme items={meeting.programme} timeZone={meeting.timeZone} locale={locale} />
        <MeetingDocumentsList documents={documents} locale={locale} />
      </article>
    </PublicFrame>
  );
}

export async function MeetingNotFound({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'MeetingPage' });
  return (
    <PublicFrame
      section="meetings"
      locale={locale}
      secretariat={await secretariatName(locale)}
      other={localePath(otherLocale(locale), '/')}
    >
      <PageHeader title={t('notFoundTitle')} />
      <p className="mt-2">{t('notFoundBody')}</p>
    </PublicFrame>
  );
}

/** The meeting's calendar file; 404 for anything that is not a public meeting's current address. */
export async function calendarResponse(locale: Locale, slug: string): Promise<Response> {
  const found = await lookup(slug);
  if (found?.found !== 'meeting') return new Response('Not found', { status: 404 });
  const body = meetingCalendarFile(found.meeting, locale, siteUrl());
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8; method=PUBLISH',
      'Content-Disposition': `attachment; filename="${found.meeting.slug}.ics"`,
    },
  });
}
