import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FRONT_CACHE_KEY } from '@/lib/front-cache.mjs';

const revalidated: string[] = [];
vi.mock('next/cache', () => ({
  revalidatePath: (path: string, type?: string) => void revalidated.push(type ? `${path} (${type})` : path),
}));
const { refreshPublicNews } = await import('./public-cache');

type WithFrontCache = { [FRONT_CACHE_KEY]?: { clear(): void } };

describe('refreshPublicNews', () => {
  beforeEach(() => {
    revalidated.length = 0;
    delete (globalThis as WithFrontCache)[FRONT_CACHE_KEY];
  });

  it('drops Next’s copies of every news page the summary appears on, and the front cache’s', () => {
    const clear = vi.fn();
    (globalThis as WithFrontCache)[FRONT_CACHE_KEY] = { clear };
    refreshPublicNews('first-meeting');
    expect(revalidated).toEqual([
      '/news (layout)',
      '/ru/news (layout)',
      '/news/first-meeting',
      '/ru/news/first-meeting',
      '/sitemap.xml',
    ]);
    expect(clear).toHaveBeenCalledOnce();
  });

  it('works without a front cache (next dev, tests)', () => {
    expect(() => refreshPublicNews('first-meeting')).not.toThrow();
    expect(revalidated).toHaveLength(5);
  });
});
