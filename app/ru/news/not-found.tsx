import { NewsNotFound } from '@/app/news/news-pages';

export default function NotFound() {
  return <NewsNotFound locale="ru" />;
}
