import { ListPage, listMetadata } from '@/app/news/news-pages';

// Served from the cache; regenerated on publish/unpublish, and at most every 60 s (lib/summary/public-cache.ts).
export const revalidate = 60;

export const generateMetadata = () => listMetadata('ru', 1);

export default function NewsListPage() {
  return <ListPage locale="ru" page={1} />;
}
