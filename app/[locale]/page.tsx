import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { ReaderLocalTime } from '@/components/reader-local-time';
import { getHomeCouncil } from '@/db/councils';
import { listPublicMeetings, type MeetingListItem } from '@/db/meetings';
import { publishedSummarySlugs } from '@/db/public-meetings';
import { meetingPath } from '@/lib/public-meeting';
import { newsPath } from '@/lib/summary/public';
import { countryName } from '@/lib/countries';
import { formatDateTimeRange } from '@/lib/datetime';
import { getPathname } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import type { AppLocale } from '@/lib/i18n/routing';

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  await connection();
  const council = await getHomeCouncil();
  if (!council) return {};
  return {
    title: locale === 'ru' ? council.nameRu : council.nameEn,
    alternates: {
      languages: { en: getPathname({ href: '/', locale: 'en' }), ru: getPathname({ href: '/', locale: 'ru' }) },
    },
  };
}

export default async function CouncilHome({ params }: PageProps<'/[locale]'>) {
  const locale = await pageLocale(params);
  await connection();
  const t = await getTranslations({ locale, namespace: 'Home' });
  const council = await getHomeCouncil();
  if (!council) return <p>{t('noCouncil')}</p>;
  const { upcoming, past } = await listPublicMeetings({ councilId: council.id });
  // A held meeting whose summary is published leads to it.
  const summaries = await publishedSummarySlugs(past.map((m) => m.id));

  return (
    <>
      <h1 className="text-2xl font-semibold text-brand-900 sm:text-3xl">
        {locale === 'ru' ? council.nameRu : council.nameEn}
      </h1>
      <section aria-labelledby="mandate" className="mt-6">
        <h2 id="mandate" className="text-lg font-semibold">
          {t('mandate')}
        </h2>
        <p className="mt-2 leading-relaxed">{locale === 'ru' ? council.mandateRu : council.mandateEn}</p>
      </section>
      <MeetingSection
        id="upcoming"
        heading={t('upcoming')}
        empty={t('noUpcoming')}
        meetings={upcoming}
        locale={locale}
      />
      <MeetingSection
        id="past"
        heading={t('past')}
        empty={t('noPast')}
        meetings={past}
        locale={locale}
        summaries={summaries}
      />
    </>
  );
}

async function MeetingSection({
  id,
  heading,
  empty,
  meetings,
  locale,
  summaries = new Map(),
}: {
  id: string;
  heading: string;
  empty: string;
  meetings: MeetingListItem[];
  locale: AppLocale;
  /** Published summaries' slugs by meeting. */
  summaries?: Map<string, string>;
}) {
  const t = await getTranslations({ locale, namespace: 'Meeting' });
  const tHome = await getTranslations({ locale, namespace: 'Home' });
  const tPage = await getTranslations({ locale, namespace: 'MeetingPage' });
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-lg font-semibold">
        {heading}
      </h2>
      {meetings.length === 0 ? (
        <p className="mt-2 text-slate-700">{empty}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {meetings.map((meeting) => {
            const city = locale === 'ru' ? (meeting.cityRu ?? meeting.cityEn) : meeting.cityEn;
            const place =
              meeting.format === 'online'
                ? tHome('online')
                : [city, meeting.country && countryName(meeting.country, locale)].filter(Boolean).join(', ');
            return (
              <li key={meeting.id}>
                <article
                  aria-labelledby={`meeting-${meeting.id}`}
                  className="rounded-lg border border-slate-200 p-4 shadow-sm"
                >
                  <h3 id={`meeting-${meeting.id}`} className="font-semibold">
                    {meeting.slug ? (
                      // A plain link: the meeting pages are a document of their own (app/meetings).
                      <a href={meetingPath(locale, meeting.slug)}>
                        {locale === 'ru' ? meeting.titleRu : meeting.titleEn}
                      </a>
                    ) : locale === 'ru' ? (
                      meeting.titleRu
                    ) : (
                      meeting.titleEn
                    )}
                  </h3>
                  <p className="mt-1 text-sm text-slate-700">
                    {t(`kind.${meeting.kind}`)}
                    {meeting.status === 'cancelled' && (
                      <strong className="ml-2 text-danger-800">{t('status.cancelled')}</strong>
                    )}
                  </p>
                  <p className="mt-2">
                    <time dateTime={meeting.startsAt.toISOString()}>
                      {formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale)}
                    </time>
                    <ReaderLocalTime
                      startsAt={meeting.startsAt.toISOString()}
                      endsAt={meeting.endsAt.toISOString()}
                      venueZone={meeting.timeZone}
                      locale={locale}
                      label={tHome('yourTime')}
                    />
                  </p>
                  {place && <p className="text-slate-700">{place}</p>}
                  {summaries.has(meeting.id) && (
                    <p className="mt-2">
                      <a href={newsPath(locale, summaries.get(meeting.id))}>
                        {tPage('readSummary', { headline: locale === 'ru' ? meeting.titleRu : meeting.titleEn })}
                      </a>
                    </p>
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
