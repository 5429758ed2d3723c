import 'server-only';
import { revalidatePath } from 'next/cache';
import { FRONT_CACHE_KEY } from '@/lib/front-cache.mjs';

/**
 * The public news pages are served from Next's cache (regenerated at most every NEWS_CACHE_SECONDS). Publishing or
 * unpublishing drops this instance's copies at once; other instances (each has its own cache) catch up within
 * NEWS_CACHE_SECONDS — the bound the README states. In front of Next's cache, `npm start` keeps each page for a
 * second more (lib/front-cache.mjs; NEWS_FRONT_CACHE_SECONDS): those copies are dropped here too.
 */
export const NEWS_CACHE_SECONDS = 60;

export function refreshPublicNews(slug: string) {
  // Every page under the two news layouts: the lists, both versions of the summary, the feeds.
  revalidatePath('/news', 'layout');
  revalidatePath('/ru/news', 'layout');
  revalidatePath(`/news/${slug}`);
  revalidatePath(`/ru/news/${slug}`);
  revalidatePath('/sitemap.xml');
  (globalThis as { [FRONT_CACHE_KEY]?: { clear(): void } })[FRONT_CACHE_KEY]?.clear();
}
