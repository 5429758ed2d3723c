import { ArticlePage, articleMetadata } from '@/app/news/news-pages';

export const revalidate = 60;
// Summaries are rendered when first asked for, then cached until published/unpublished again.
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: PageProps<'/ru/news/[slug]'>) {
  return articleMetadata('ru', (await params).slug);
}

export default async function NewsArticlePage({ params }: PageProps<'/ru/news/[slug]'>) {
  return <ArticlePage locale="ru" slug={(await params).slug} />;
}
