import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FRONT_CACHE_KEY } from '@/lib/front-cache.mjs';

const revalidated: string[] = [];
vi.mock('next/cache', () => ({
  revalidatePath: (path: string, type?: string) => void revalidated.push(type ? `${path} (${type})` : path),
}));
const { refreshPublicMeetings } = await import('./public-meeting-cache');

type WithFrontCache = { [FRONT_CACHE_KEY]?: { clear(): void } };

describe('refreshPublicMeetings', () => {
  beforeEach(() => {
    revalidated.length = 0;
    delete (globalThis as WithFrontCache)[FRONT_CACHE_KEY];
  });

  it('drops Next’s copies of the meeting pages in both languages, the sitemap and the front cache’s', () => {
    const clear = vi.fn();
    (globalThis as WithFrontCache)[FRONT_CACHE_KEY] = { clear };
    refreshPublicMeetings();
    expect(revalidated).toEqual(['/meetings (layout)', '/ru/meetings (layout)', '/sitemap.xml']);
    expect(clear).toHaveBeenCalledOnce();
  });
});
