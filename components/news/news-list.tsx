import { getTranslations } from 'next-intl/server';
import { formatDate, type Locale } from '@/lib/datetime';
import { listPath, localised, newsPath, NEWS_PAGE_SIZE } from '@/lib/summary/public';
import type { PublishedSummary } from '@/lib/summary/public';

/** One page of the news list, newest first, with links to newer and older pages (plain links: no JavaScript). */
export async function NewsList({
  items,
  total,
  page,
  locale,
}: {
  items: PublishedSummary[];
  total: number;
  page: number;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: 'News' });
  const pages = Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE));
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
      {items.length === 0 ? (
        <p className="mt-4">{t('empty')}</p>
      ) : (
        <ol className="mt-6 space-y-8">
          {items.map((summary) => {
            const text = localised(summary, locale);
            return (
              <li key={summary.id}>
                <article>
                  <h2 className="text-xl font-semibold leading-snug">
                    <a href={newsPath(locale, summary.slug)}>{text.headline}</a>
                  </h2>
                  <p className="mt-1 text-sm text-slate-700">
                    <time dateTime={summary.firstPublishedAt.toISOString()}>
                      {t('published', { date: formatDate(summary.firstPublishedAt, summary.meeting.timeZone, locale) })}
                    </time>
                  </p>
                  <p className="mt-2">{text.lead}</p>
                </article>
              </li>
            );
          })}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label={t('pagination')} className="mt-10 flex flex-wrap items-center justify-between gap-3">
          {page > 1 ? (
            <a href={listPath(locale, page - 1)} rel="prev">
              ← {t('previous')}
            </a>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-700">{t('pageOf', { page, pages })}</span>
          {page < pages ? (
            <a href={listPath(locale, page + 1)} rel="next">
              {t('next')} →
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
