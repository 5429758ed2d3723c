import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { PageHeader } from '@/components/ui';
import { getPublishedSummary, listPublishedSummaries } from '@/db/published-summaries';
import type { PublishedSummary } from '@/lib/summary/public';
import type { Locale } from '@/lib/datetime';
import {
  feedPath,
  isBuildPhase,
  listPath,
  localised,
  newsFeed,
  newsPath,
  NEWS_PAGE_SIZE,
  photoPath,
  plainDescription,
  siteUrl,
} from '@/lib/summary/public';
import { NewsArticle } from '@/components/news/news-article';
import { PublicFrame } from '@/components/public-frame';
import { secretariatName } from '@/services/public-secretariat';
import { NewsList } from '@/components/news/news-list';

// The public news pages, the same in both languages: app/news/… (English) and app/ru/news/… (Russian) call these.
// Each is rendered once, cached, and regenerated when a summary is published or unpublished (lib/summary/public-cache).

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const otherLocale = (locale: Locale): Locale => (locale === 'ru' ? 'en' : 'ru');

// Metadata and page read the same rows: cache() makes it one query per render.
const publishedSummary = cache(async (slug: string): Promise<PublishedSummary | null> => {
  if (isBuildPhase() || !SLUG.test(slug) || slug.length > 120) return null;
  return getPublishedSummary(slug);
});

const listPage = cache(async (page: number) => {
  if (isBuildPhase()) return { items: [], total: 0 };
  return listPublishedSummaries({ page, pageSize: NEWS_PAGE_SIZE });
});

/** "2" → 2 for /news/page/2; anything else (including 1, which is /news itself) is not a page. */
export function listPageNumber(raw: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(raw) && raw !== '1' ? Number(raw) : null;
}

export async function notFoundMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'News' });
  return { title: t('notFoundTitle'), robots: { index: false } };
}

export async function articleMetadata(locale: Locale, slug: string): Promise<Metadata> {
  const summary = await publishedSummary(slug);
  const t = await getTranslations({ locale, namespace: 'News' });
  if (!summary) return notFoundMetadata(locale);
  const text = localised(summary, locale);
  const description = plainDescription(summary, locale);
  const url = newsPath(locale, slug);
  return {
    metadataBase: new URL(siteUrl()),
    title: text.headline,
    description,
    alternates: {
      canonical: url,
      languages: { en: newsPath('en', slug), ru: newsPath('ru', slug) },
      types: { 'application/atom+xml': feedPath(locale) },
    },
    openGraph: {
      type: 'article',
      url,
      title: text.headline,
      description,
      siteName: t('sourceName'),
      locale: locale === 'ru' ? 'ru_RU' : 'en_GB',
      alternateLocale: locale === 'ru' ? 'en_GB' : 'ru_RU',
      publishedTime: summary.firstPublishedAt.toISOString(),
      modifiedTime: summary.publishedAt.toISOString(),
      images: text.photos.map((photo) => ({
        url: photoPath(photo.id),
        width: photo.width,
        height: photo.height,
        alt: photo.alt,
        type: photo.contentType,
      })),
    },
    twitter: { card: 'summary_large_image', title: text.headline, description },
  };
}

export async function ArticlePage({ locale, slug }: { locale: Locale; slug: string }) {
  const summary = await publishedSummary(slug);
  if (!summary) notFound();
  return (
    <PublicFrame
      section="news"
      locale={locale}
      secretariat={await secretariatName(locale)}
      other={newsPath(otherLocale(locale), slug)}
    >
      <NewsArticle summary={summary} locale={locale} />
    </PublicFrame>
  );
}

export async function listMetadata(locale: Locale, page: number): Promise<Metadata> {
  if (page > 1 && (await listPage(page)).items.length === 0) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: 'News' });
  const title = page > 1 ? t('pageTitle', { page }) : t('title');
  return {
    metadataBase: new URL(siteUrl()),
    title,
    description: t('description'),
    alternates: {
      canonical: listPath(locale, page),
      languages: { en: listPath('en', page), ru: listPath('ru', page) },
      types: { 'application/atom+xml': feedPath(locale) },
    },
    openGraph: {
      type: 'website',
      url: listPath(locale, page),
      title: t('title'),
      description: t('description'),
      siteName: await secretariatName(locale),
    },
  };
}

export async function ListPage({ locale, page }: { locale: Locale; page: number }) {
  const { items, total } = await listPage(page);
  if (page > 1 && items.length === 0) notFound();
  return (
    <PublicFrame
      section="news"
      locale={locale}
      secretariat={await secretariatName(locale)}
      other={listPath(otherLocale(locale), page)}
    >
      <NewsList items={items} total={total} page={page} locale={locale} />
    </PublicFrame>
  );
}

export async function NewsNotFound({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'News' });
  return (
    <PublicFrame
      section="news"
      locale={locale}
      secretariat={await secretariatName(locale)}
      other={newsPath(otherLocale(locale))}
    >
      <PageHeader title={t('notFoundTitle')} />
      <p className="mt-2">{t('notFoundBody')}</p>
      <p className="mt-4">
        <a href={newsPath(locale)}>{t('allNews')}</a>
      </p>
    </PublicFrame>
  );
}

export async function feedResponse(locale: Locale): Promise<Response> {
  const t = await getTranslations({ locale, namespace: 'News' });
  const { items } = await listPage(1);
  const xml = newsFeed(items, locale, { title: t('title'), description: t('description'), publisher: t('sourceName') });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
