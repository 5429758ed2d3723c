import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { connection } from 'next/server';
import { listStaffMeetings, type MeetingListItem } from '@/db/meetings';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName } from '@/lib/countries';
import { MeetingWhen } from '@/components/meeting-when';
import { buttonClass, DataTable, PageHeader, Td, Tr } from '@/components/ui';
import { roleAtLeast } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function StaffDashboard() {
  await connection();
  const staff = await requireSignedInPage('/staff');
  const { upcoming, past } = await listStaffMeetings({ actor: staff });
  return (
    <>
      <PageHeader
        title="Dashboard"
        actions={
          roleAtLeast(staff.role, 'editor') && (
            <Link href="/staff/meetings/new" className={buttonClass()}>
              New meeting
            </Link>
          )
        }
      />
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
        <DataTable label={`${caption} table`} columns={['Meeting', 'When (venue time)', 'Where', 'Status']}>
          {meetings.map((meeting) => (
            <Tr key={meeting.id}>
              <Td>
                <Link href={`/staff/meetings/${meeting.id}`} className="font-medium">
                  {meeting.titleEn}
                </Link>
                <div className="text-slate-700">{t(`kind.${meeting.kind}`)}</div>
              </Td>
              <Td>
                <MeetingWhen
                  startsAt={meeting.startsAt}
                  endsAt={meeting.endsAt}
                  timeZone={meeting.timeZone}
                  readerZone={readerZone}
                />
              </Td>
              <Td>
                {meeting.format === 'online'
                  ? 'Online'
                  : [meeting.cityEn, meeting.country && countryName(meeting.country, 'en')].filter(Boolean).join(', ')}
                {meeting.format === 'hybrid' && ' (hybrid)'}
              </Td>
              <Td>{t(`status.${meeting.status}`)}</Td>
            </Tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
