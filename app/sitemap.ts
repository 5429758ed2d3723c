import type { MetadataRoute } from 'next';
import { listPublishedSummaries } from '@/db/published-summaries';
import { listPublicMeetingSlugs } from '@/db/public-meetings';
import { meetingPath } from '@/lib/public-meeting';
import { getPathname } from '@/lib/i18n/navigation';
import { isBuildPhase, newsPath, siteUrl } from '@/lib/summary/public';

export const revalidate = 60;

/** The public pages in both languages, each with its other-language alternate; meetings and published summaries included. */
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
  const meetings = isBuildPhase() ? [] : await listPublicMeetingSlugs();
  return [
    ...pair(getPathname({ href: '/', locale: 'en' }), getPathname({ href: '/', locale: 'ru' })),
    ...pair(newsPath('en'), newsPath('ru'), items[0]?.publishedAt),
    ...items.flatMap((summary) =>
      pair(newsPath('en', summary.slug), newsPath('ru', summary.slug), summary.publishedAt),
    ),
    ...meetings.flatMap((meeting) =>
      pair(meetingPath('en', meeting.slug), meetingPath('ru', meeting.slug), meeting.updatedAt),
    ),
    ...pair(getPathname({ href: '/privacy', locale: 'en' }), getPathname({ href: '/privacy', locale: 'ru' })),
  ];
}
