import { ArticlePage, articleMetadata } from '@/app/news/news-pages';

export const revalidate = 60;
// Summaries are rendered when first asked for, then cached until published/unpublished again.
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: PageProps<'/news/[slug]'>) {
  return articleMetadata('en', (await params).slug);
}

export default async function NewsArticlePage({ params }: PageProps<'/news/[slug]'>) {
  return <ArticlePage locale="en" slug={(await params).slug} />;
}
