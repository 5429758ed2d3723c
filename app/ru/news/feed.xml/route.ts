import { feedResponse } from '@/app/news/news-pages';

export const dynamic = 'force-static';
export const revalidate = 60;

export function GET() {
  return feedResponse('ru');
}
