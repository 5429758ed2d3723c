import 'server-only';
import { revalidatePath } from 'next/cache';
import { FRONT_CACHE_KEY } from '@/lib/front-cache.mjs';

/**
 * The public meeting pages (/meetings/<slug>, /ru/meetings/<slug>, their calendar files) are cached as the news pages
 * are (lib/summary/public-cache.ts): in Next's cache, regenerated at most every 60 s, and for a second in front of it
 * (lib/front-cache.mjs). A change staff make to a meeting, its organisers, its agenda or its documents, or to its
 * summary's publication, drops this instance's copies at once; other instances catch up within the same 60 s, the
 * bound the README states for the news pages. Every meeting page goes (a rename moves a draft's address, and the
 * sitemap lists them all): changes are rare, and a page is rendered again on its next visit.
 */
export function refreshPublicMeetings() {
  revalidatePath('/meetings', 'layout');
  revalidatePath('/ru/meetings', 'layout');
  revalidatePath('/sitemap.xml');
  (globalThis as { [FRONT_CACHE_KEY]?: { clear(): void } })[FRONT_CACHE_KEY]?.clear();
}
