import { getTranslations } from 'next-intl/server';
import { formatDate, type Locale } from '@/lib/datetime';
import { renderMarkdown } from '@/lib/summary/markdown';
import { localised, newsArticleJsonLd, newsPath, photoPath } from '@/lib/summary/public';
import type { PublishedSummary } from '@/lib/summary/public';
import { meetingPath } from '@/lib/public-meeting';

/** A published summary laid out as a UN news item: headline, dateline, lead, photo, body, source line. */
export async function NewsArticle({ summary, locale }: { summary: PublishedSummary; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'News' });
  const text = localised(summary, locale);
  const [photo, ...morePhotos] = text.photos;
  // The date as the venue's calendar had it (a news dateline carries no time, so no zone to name).
  const date = formatDate(summary.meeting.startsAt, summary.meeting.timeZone, locale);
  const published = formatDate(summary.firstPublishedAt, summary.meeting.timeZone, locale);
  const figure = (p: NonNullable<typeof photo>, eager: boolean) => (
    <figure key={p.id} className="mt-6">
      {/* eslint-disable-next-line @next/next/no-img-element -- already sized and re-encoded on upload; served from the database */}
      <img
        src={photoPath(p.id)}
        alt={p.alt}
        width={p.width}
        height={p.height}
        className="h-auto w-full rounded-md bg-slate-100"
        {...(eager ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const })}
        decoding="async"
      />
      <figcaption className="mt-1 text-sm text-slate-700">{t('photoCredit', { credit: p.credit })}</figcaption>
    </figure>
  );
  return (
    <article className="news-item">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: newsArticleJsonLd(summary, locale, t('sourceName')) }}
      />
      <h1 className="text-3xl font-semibold leading-tight text-slate-900">{text.headline}</h1>
      <p className="mt-3 text-sm text-slate-700">
        <time dateTime={summary.firstPublishedAt.toISOString()}>{t('published', { date: published })}</time>
      </p>
      <p className="mt-4 text-lg leading-relaxed">
        <span className="font-semibold uppercase tracking-wide">{t('dateline', { city: text.city ?? '', date })}</span>{' '}
        — {text.lead}
      </p>
      {photo && figure(photo, true)}
      <div className="news-body mt-6" dangerouslySetInnerHTML={{ __html: renderMarkdown(text.body) }} />
      {morePhotos.map((p) => figure(p, false))}
      {summary.meeting.slug && (
        <p className="mt-6">
          <a href={meetingPath(locale, summary.meeting.slug)}>{t('aboutMeeting')}</a>
        </p>
      )}
      <p className="mt-8 border-t border-slate-200 pt-3 text-sm text-slate-700">
        {t('source', { source: t('sourceName') })}
      </p>
      <p className="mt-2 hidden text-sm print:block">{t('print', { url: newsPath(locale, summary.slug) })}</p>
    </article>
  );
}
