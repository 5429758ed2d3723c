import type { MetadataRoute } from 'next';
import { listPublishedSummaries } from '@/db/published-summaries';
import { getPathname } from '@/lib/i18n/navigation';
import { isBuildPhase, newsPath, siteUrl } from '@/lib/summary/public';

export const revalidate = 60;

/** The public pages in both languages, each with its other-language alternate; published summaries included. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const pair = (en: string, ru: string, lastModified?: Date) => {
    const languages = { en: `${base}${en}`, ru: `${base}${ru}` };
    return [
      { url: languages.en, lastModified, alternates: { languages } },
      { url: languages.ru, lastModified, alternates: { languages } },
    ];
  };
  const { items } = isBuildPhase() ? { items: [] } : await listPublishedSummaries({ page: 1, pageSize: 5000 });
  return [
    ...pair(getPathname({ href: '/', locale: 'en' }), getPathname({ href: '/', locale: 'ru' })),
    ...pair(newsPath('en'), newsPath('ru'), items[0]?.publishedAt),
    ...items.flatMap((summary) =>
      pair(newsPath('en', summary.slug), newsPath('ru', summary.slug), summary.publishedAt),
    ),
    ...pair(getPathname({ href: '/privacy', locale: 'en' }), getPathname({ href: '/privacy', locale: 'ru' })),
  ];
}
