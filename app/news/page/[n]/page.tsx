import { notFound } from 'next/navigation';
import { ListPage, listMetadata, listPageNumber, notFoundMetadata } from '@/app/news/news-pages';

export const revalidate = 60;
// Pages are rendered when first asked for, then cached.
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: PageProps<'/news/page/[n]'>) {
  const page = listPageNumber((await params).n);
  return page ? listMetadata('en', page) : notFoundMetadata('en');
}

export default async function NewsListPageN({ params }: PageProps<'/news/page/[n]'>) {
  const page = listPageNumber((await params).n);
  if (!page) notFound();
  return <ListPage locale="en" page={page} />;
}
