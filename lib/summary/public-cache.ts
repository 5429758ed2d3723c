import 'server-only';
import { revalidatePath } from 'next/cache';

/**
 * The public news pages are served from Next's cache (regenerated at most every NEWS_CACHE_SECONDS). Publishing or
 * unpublishing drops this instance's copies at once; other instances (each has its own cache) catch up within
 * NEWS_CACHE_SECONDS — the bound the README states.
 */
export const NEWS_CACHE_SECONDS = 60;

export function refreshPublicNews(slug: string) {
  // Every page under the two news layouts: the lists, both versions of the summary, the feeds.
  revalidatePath('/news', 'layout');
  revalidatePath('/ru/news', 'layout');
  revalidatePath(`/news/${slug}`);
  revalidatePath(`/ru/news/${slug}`);
  revalidatePath('/sitemap.xml');
}
