import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { listStaffSummaries } from '@/db/summaries';
import { requireSignedInPage } from '@/services/auth/staff';
import { formatDate } from '@/lib/datetime';
import { SUMMARY_STATUS_LABELS } from '@/lib/domain';

export const metadata: Metadata = { title: 'Summaries' };

export default async function StaffSummariesPage() {
  await connection();
  const staff = await requireSignedInPage('/staff/summaries');
  const summaries = await listStaffSummaries({ actor: staff });
  return (
    <>
      <h1 className="text-2xl font-semibold">Summaries</h1>
      <p className="mt-1 text-sm text-slate-700">
        The news items about held meetings. To write one, open a held meeting and choose “Draft summary”. Published ones
        are on the <Link href="/news">public news page</Link>.
      </p>
      {summaries.length === 0 ? (
        <p className="mt-4">No summaries yet.</p>
      ) : (
        <div className="mt-4">
          <TableScroll label="Summaries">
            <table className="w-full text-left text-sm">
              <TableHead columns={['Headline', 'Meeting', 'Status', 'Version']} />
              <tbody>
                {summaries.map((summary) => (
                  <tr key={summary.id} className="border-t border-slate-200">
                    <td className="py-2 pr-3">
                      <Link href={`/staff/summaries/${summary.id}`}>{summary.headlineEn || '(no headline yet)'}</Link>
                    </td>
                    <td className="py-2 pr-3">
                      {summary.meetingTitle}
                      <span className="block text-slate-700">
                        {formatDate(summary.meetingStartsAt, summary.meetingTimeZone, 'en')}
                      </span>
                    </td>
                    <td className="py-2 pr-3">{SUMMARY_STATUS_LABELS[summary.status]}</td>
                    <td className="py-2 pr-3">{summary.version}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </>
  );
}
