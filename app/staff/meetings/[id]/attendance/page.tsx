import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { Card, DataTable, PageHeader, RowHeader, Td, Tr } from '@/components/ui';
import { attendanceRecord, type Counts } from '@/db/attendance';
import { countryName } from '@/lib/countries';
import { counted } from '@/lib/counted';
import { formatDate } from '@/lib/datetime';
import { INVITATION_ROLE_LABELS } from '@/lib/domain';
import { requireSignedInPage } from '@/services/auth/staff';

export const metadata: Metadata = { title: 'Attendance record' };

const dayLabel = (day: string) => formatDate(new Date(`${day}T12:00:00Z`), 'UTC', 'en');

function CountTable({ title, rows }: { title: string; rows: Counts }) {
  return (
    <Card as="section" compact aria-label={title}>
      <h3 className="font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">Nobody checked in yet.</p>
      ) : (
        <table className="mt-2 w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">{title.replace(/^By /, '')}</th>
              <th scope="col">Attended</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                  {r.label}
                </th>
                <td className="text-right tabular-nums">{r.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export default async function AttendancePage({ params }: PageProps<'/staff/meetings/[id]/attendance'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/attendance`);
  const record = z.uuid().safeParse(id).success ? await attendanceRecord({ actor: staff, meetingId: id }) : null;
  if (!record) notFound();
  const { meeting } = record;

  return (
    <>
      <PageHeader
        back={{ href: `/staff/meetings/${id}/participants`, label: '← Participants' }}
        title="Attendance record"
      />
      <p className="mt-1 text-slate-700">{meeting.titleEn}</p>
      <p className="mt-3">
        {counted(record.attendees.length, 'person', 'people')} attended, from the check-ins at the door;{' '}
        {counted(record.absent.length, 'person', 'people')} registered and did not come.
      </p>
      <p className="no-print mt-2 flex flex-wrap gap-x-6">
        <a href={`/staff/meetings/${id}/attendance/csv`} download>
          Download as CSV
        </a>
        <a href={`/staff/meetings/${id}/attendance/pdf`} download>
          Download as PDF
        </a>
      </p>

      <DataTable label="Attendance by day" columns={['Day', 'Attended']}>
        {record.days.map((d) => (
          <Tr key={d.day}>
            <RowHeader>{dayLabel(d.day)}</RowHeader>
            <Td className="tabular-nums">{d.attendees.length}</Td>
          </Tr>
        ))}
        <Tr>
          <RowHeader>In total (distinct people)</RowHeader>
          <Td className="tabular-nums">{record.attendees.length}</Td>
        </Tr>
      </DataTable>

      <div className="mt-4 grid gap-3 md:grid-cols-2">
        <CountTable title="By country" rows={record.byCountry} />
        <CountTable title="By type of organisation" rows={record.byOrganisationType} />
        <CountTable title="By role" rows={record.byRole} />
        <CountTable title="By gender (as stated at registration)" rows={record.byGender} />
      </div>

      <Card as="section" aria-labelledby="paragraph" className="mt-6">
        <h2 id="paragraph" className="text-lg font-semibold">
          Attendance paragraph
        </h2>
        <p className="mt-1 text-sm text-slate-700">Ready to paste into the report: select the text and copy it.</p>
        <label htmlFor="paragraph-en" className="mt-3 block text-sm font-medium">
          English
        </label>
        <textarea
          id="paragraph-en"
          readOnly
          rows={4}
          lang="en"
          value={record.paragraph.en}
          className="mt-1 w-full rounded border border-slate-300 p-2"
        />
        <label htmlFor="paragraph-ru" className="mt-3 block text-sm font-medium">
          Russian
        </label>
        <textarea
          id="paragraph-ru"
          readOnly
          rows={4}
          lang="ru"
          value={record.paragraph.ru}
          className="mt-1 w-full rounded border border-slate-300 p-2"
        />
      </Card>

      <section aria-labelledby="attended" className="mt-6">
        <h2 id="attended" className="text-lg font-semibold">
          Who attended
        </h2>
        {record.attendees.length === 0 ? (
          <p className="mt-1 text-slate-700">Nobody has been checked in.</p>
        ) : (
          <DataTable label="Who attended" columns={['Name', 'Organisation', 'Country', 'Role', 'Days']}>
            {record.attendees.map((a) => (
              <Tr key={a.invitationId}>
                <RowHeader>
                  {a.name}
                  {a.walkIn && <span className="block text-xs text-slate-700">Walk-in</span>}
                </RowHeader>
                <Td>{a.organisationName}</Td>
                <Td>{countryName(a.country, 'en')}</Td>
                <Td>{INVITATION_ROLE_LABELS[a.role]}</Td>
                <Td>{a.days.map(dayLabel).join(', ')}</Td>
              </Tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="absent" className="mt-6">
        <h2 id="absent" className="text-lg font-semibold">
          Registered and did not come
        </h2>
        {record.absent.length === 0 ? (
          <p className="mt-1 text-slate-700">Nobody.</p>
        ) : (
          <DataTable label="Registered and did not come" columns={['Name', 'Organisation', 'Country', 'Role']}>
            {record.absent.map((a) => (
              <Tr key={a.invitationId}>
                <RowHeader>{a.name}</RowHeader>
                <Td>{a.organisationName}</Td>
                <Td>{countryName(a.country, 'en')}</Td>
                <Td>{INVITATION_ROLE_LABELS[a.role]}</Td>
              </Tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
