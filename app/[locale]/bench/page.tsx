import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PageHeader } from '@/components/ui';
import { readOneMeetingTitle } from '@/db/app-bench';
import { pageLocale } from '@/lib/i18n/page-locale';

// The same stack doing the least: a public page that reads one row from PostgreSQL, the baseline the invitation
// landing page is held against in `npm run bench`. Present only when the server is started for the bench.
export default async function BenchPage({ params }: PageProps<'/[locale]/bench'>) {
  await connection();
  if (process.env.BENCH_ROUTES !== '1') notFound();
  const locale = await pageLocale(params);
  const title = await readOneMeetingTitle(locale);
  return <PageHeader title={title ?? '—'} />;
}
