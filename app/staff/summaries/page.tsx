import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DataTable, PageHeader, Td, Tr } from '@/components/ui';
import { listStaffSummaries } from '@/db/summaries';
import { requireSignedInPage } from '@/services/auth/staff';
import { formatDate } from '@/lib/datetime';
import { SUMMARY_STATUS_LABELS, SUMMARY_STATUSES } from '@/lib/domain';

export const metadata: Metadata = { title: 'Summaries' };

export default async function StaffSummariesPage({ searchParams }: PageProps<'/staff/summaries'>) {
  await connection();
  const staff = await requireSignedInPage('/staff/summaries');
  const query = await searchParams;
  const status = SUMMARY_STATUSES.find((s) => s === query.status);
  const summaries = await listStaffSummaries({ actor: staff, status });
  return (
    <>
      <PageHeader title="Summaries" />
      <p className="mt-1 text-sm text-slate-700">
        The news items about held meetings. To write one, open a held meeting and choose “Draft summary”. Published ones
        are on the <Link href="/news">public news page</Link>.
      </p>
      <nav aria-label="Show summaries" className="mt-3 flex flex-wrap gap-3 text-sm">
        {[undefined, ...SUMMARY_STATUSES].map((s) => (
          <Link
            key={s ?? 'all'}
            href={s ? `/staff/summaries?status=${s}` : '/staff/summaries'}
            aria-current={s === status ? 'page' : undefined}
            className="aria-[current=page]:font-semibold"
          >
            {s ? SUMMARY_STATUS_LABELS[s] : 'All'}
          </Link>
        ))}
      </nav>
      {summaries.length === 0 ? (
        <p className="mt-4">
          {status ? `No summaries ${SUMMARY_STATUS_LABELS[status].toLowerCase()}.` : 'No summaries yet.'}
        </p>
      ) : (
        <div className="mt-4">
          <DataTable label="Summaries" columns={['Headline', 'Meeting', 'Status', 'Version']}>
            {summaries.map((summary) => (
              <Tr key={summary.id}>
                <Td>
                  <Link href={`/staff/summaries/${summary.id}`}>{summary.headlineEn || '(no headline yet)'}</Link>
                </Td>
                <Td>
                  {summary.meetingTitle}
                  <span className="block text-slate-700">
                    {formatDate(summary.meetingStartsAt, summary.meetingTimeZone, 'en')}
                  </span>
                </Td>
                <Td>{SUMMARY_STATUS_LABELS[summary.status]}</Td>
                <Td>{summary.version}</Td>
              </Tr>
            ))}
          </DataTable>
        </div>
      )}
    </>
  );
}
