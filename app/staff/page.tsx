import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { connection } from 'next/server';
import { listStaffMeetings, type MeetingListItem } from '@/db/meetings';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName } from '@/lib/countries';
import { MeetingWhen } from '@/components/meeting-when';
import { roleAtLeast } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function StaffDashboard() {
  await connection();
  const staff = await requireSignedInPage('/staff');
  const { upcoming, past } = await listStaffMeetings({ actor: staff });
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        {roleAtLeast(staff.role, 'editor') && (
          <Link
            href="/staff/meetings/new"
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            New meeting
          </Link>
        )}
      </div>
      <MeetingTable
        id="upcoming"
        caption="Upcoming meetings"
        empty="No upcoming meetings."
        meetings={upcoming}
        readerZone={staff.timeZone}
      />
      <MeetingTable
        id="past"
        caption="Past meetings"
        empty="No past meetings."
        meetings={past}
        readerZone={staff.timeZone}
      />
    </>
  );
}

async function MeetingTable({
  id,
  caption,
  empty,
  meetings,
  readerZone,
}: {
  id: string;
  caption: string;
  empty: string;
  meetings: MeetingListItem[];
  readerZone: string | null;
}) {
  const t = await getTranslations({ locale: 'en', namespace: 'Meeting' });
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="text-lg font-semibold">
        {caption}
      </h2>
      {meetings.length === 0 ? (
        <p className="mt-2 text-slate-700">{empty}</p>
      ) : (
        <TableScroll label={`${caption} table`}>
          <table className="w-full text-left text-sm">
            <TableHead columns={['Meeting', 'When (venue time)', 'Where', 'Status']} />
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/staff/meetings/${meeting.id}`} className="font-medium">
                      {meeting.titleEn}
                    </Link>
                    <div className="text-slate-700">{t(`kind.${meeting.kind}`)}</div>
                  </td>
                  <td className="px-3 py-2">
                    <MeetingWhen
                      startsAt={meeting.startsAt}
                      endsAt={meeting.endsAt}
                      timeZone={meeting.timeZone}
                      readerZone={readerZone}
                    />
                  </td>
                  <td className="px-3 py-2">
                    {meeting.format === 'online'
                      ? 'Online'
                      : [meeting.cityEn, meeting.country && countryName(meeting.country, 'en')]
                          .filter(Boolean)
                          .join(', ')}
                    {meeting.format === 'hybrid' && ' (hybrid)'}
                  </td>
                  <td className="px-3 py-2">{t(`status.${meeting.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
