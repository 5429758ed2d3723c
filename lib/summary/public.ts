import 'server-only';
import { Feed } from 'feed';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import type { SummaryPhoto, SummaryText } from '@/db/schema';
import type { Locale } from '@/lib/datetime';
import { appBaseUrl } from '@/lib/env';
import { localePath } from '@/lib/i18n/routing';
import { markdownToPlainText, renderMarkdown } from './markdown';

/** A summary's photo without its bytes (app/api/photos serves those). */
export type PhotoInfo = Omit<SummaryPhoto, 'data' | 'storedFileId'>;

/** A published summary as db/published-summaries.ts reads it for the public pages. */
export type PublishedSummary = SummaryText & {
  id: string;
  publishedAt: Date;
  firstPublishedAt: Date;
  updatedAt: Date;
  meeting: {
    startsAt: Date;
    timeZone: string;
    cityEn: string | null;
    cityRu: string | null;
    country: string | null;
    /** The meeting's public page (/meetings/<slug>). */
    slug: string | null;
  };
  photos: PhotoInfo[];
};

// What the public news pages, feeds and sitemap say about a published summary, in one place.

export const NEWS_PAGE_SIZE = 10;

/**
 * `next build` renders the news lists, feeds and sitemap once without a database (the build machine need not reach
 * one): they start empty and are regenerated from the database within a minute of the server starting, and at
 * once on every publish/unpublish.
 */
export const isBuildPhase = () => process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;

/** The site's public address, for links that leave it (feeds, OpenGraph, structured data, sitemap). */
export function siteUrl(): string {
  if (isBuildPhase()) return (process.env.AUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  return appBaseUrl();
}

export const newsPath = (locale: Locale, slug?: string) => localePath(locale, slug ? `/news/${slug}` : '/news');
export const listPath = (locale: Locale, page: number) =>
  page <= 1 ? newsPath(locale) : `${newsPath(locale)}/page/${page}`;
export const feedPath = (locale: Locale) => `${newsPath(locale)}/feed.xml`;
export const photoPath = (id: string) => `/api/photos/${id}`;

export function localised(summary: PublishedSummary, locale: Locale) {
  const ru = locale === 'ru';
  return {
    headline: ru ? summary.headlineRu : summary.headlineEn,
    lead: ru ? summary.leadRu : summary.leadEn,
    body: ru ? summary.bodyRu : summary.bodyEn,
    city: ru ? summary.meeting.cityRu : summary.meeting.cityEn,
    photos: summary.photos.map((photo) => ({ ...photo, alt: ru ? photo.altRu : photo.altEn })),
  };
}

/** A description of at most ~160 characters, cut at a word. */
export function shortDescription(text: string, limit = 160): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= limit) return plain;
  const cut = plain.slice(0, limit - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 80 ? cut.lastIndexOf(' ') : cut.length).replace(/[,.;:]$/, '')}…`;
}

/**
 * schema.org NewsArticle as JSON-LD, for search engines. Serialised with `<` escaped, so no text in it can close
 * the script element it sits in.
 */
export function newsArticleJsonLd(summary: PublishedSummary, locale: Locale, publisherName: string): string {
  const base = siteUrl();
  const text = localised(summary, locale);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: text.headline,
    description: text.lead,
    inLanguage: locale,
    url: `${base}${newsPath(locale, summary.slug)}`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': `${base}${newsPath(locale, summary.slug)}` },
    datePublished: summary.firstPublishedAt.toISOString(),
    dateModified: summary.publishedAt.toISOString(),
    image: text.photos.map((photo) => ({
      '@type': 'ImageObject',
      url: `${base}${photoPath(photo.id)}`,
      width: photo.width,
      height: photo.height,
      caption: photo.alt,
      creditText: photo.credit,
    })),
    ...(text.city ? { locationCreated: { '@type': 'Place', name: text.city } } : {}),
    author: { '@type': 'Organization', name: publisherName, url: base },
    publisher: { '@type': 'Organization', name: publisherName, url: base },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** The Atom feed of the newest published summaries in one language. */
export function newsFeed(
  items: PublishedSummary[],
  locale: Locale,
  texts: { title: string; description: string; publisher: string },
): string {
  const base = siteUrl();
  const feed = new Feed({
    id: `${base}${newsPath(locale)}`,
    link: `${base}${newsPath(locale)}`,
    title: texts.title,
    description: texts.description,
    language: locale,
    copyright: texts.publisher,
    updated: items[0]?.publishedAt ?? new Date(0),
    feedLinks: { atom: `${base}${feedPath(locale)}` },
    author: { name: texts.publisher, link: base },
  });
  for (const summary of items) {
    const text = localised(summary, locale);
    const url = `${base}${newsPath(locale, summary.slug)}`;
    const photo = text.photos[0];
    const figure = photo
      ? `<p><img src="${base}${photoPath(photo.id)}" alt="${escapeHtml(photo.alt)}" width="${photo.width}" height="${photo.height}"></p>`
      : '';
    // Atom's title and summary are written as type="html", so plain text goes in HTML-escaped: a reader shows it as
    // the text it is, never as markup. (The library's enclosure escapes its title badly, so the photo is in the
    // content instead.)
    feed.addItem({
      id: url,
      link: url,
      title: escapeHtml(text.headline),
      description: escapeHtml(text.lead),
      // The same sanitised HTML as the page.
      content: `${figure}<p>${escapeHtml(text.lead)}</p>${renderMarkdown(text.body)}`,
      date: summary.publishedAt,
      published: summary.firstPublishedAt,
    });
  }
  return feed.atom1();
}

export function plainDescription(summary: PublishedSummary, locale: Locale): string {
  const text = localised(summary, locale);
  return shortDescription(text.lead || markdownToPlainText(text.body));
}

export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
