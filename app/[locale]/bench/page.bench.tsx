import { connection } from 'next/server';
import { PageHeader } from '@/components/ui';
import { pageLocale } from '@/lib/i18n/page-locale';
import { readOneMeetingTitle } from '@/scripts/bench/app-bench';

// The same stack doing the least: a public page that reads one row from PostgreSQL, the baseline the invitation
// landing page is held against in `npm run bench`. A .bench.tsx file is a page only in the bench's own build
// (next.config.ts): the production build has no such page. Typed by hand: `next typegen` sees production routes only.
export default async function BenchPage({ params }: { params: Promise<{ locale: string }> }) {
  await connection();
  const locale = await pageLocale(params);
  const title = await readOneMeetingTitle(locale);
  return <PageHeader title={title ?? '—'} />;
}
