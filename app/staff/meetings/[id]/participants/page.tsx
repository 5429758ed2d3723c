import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { FilterSelect, ORGANISATION_TYPE_OPTIONS } from '@/components/filter-select';
import { Button, Card, DataTable, PageHeader, Td, Tr } from '@/components/ui';
import { badgePrintTimes } from '@/db/badges';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { countParticipants, listParticipants } from '@/db/participants';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { formatDate, formatDateTime } from '@/lib/datetime';
import {
  ATTENDANCE_MODE_LABELS,
  INVITATION_ROLE_LABELS,
  ORGANISATION_TYPE_LABELS,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
} from '@/lib/domain';
import { counted } from '@/lib/counted';
import { filterQuery, readParticipantFilters } from './filters';

export const metadata: Metadata = { title: 'Participants' };

/** A labelled select of fixed choices (the print form's). */
function ChoiceSelect({
  id,
  name,
  label,
  children,
}: {
  id: string;
  name: string;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} className="min-h-10 rounded-md border border-slate-400 bg-white px-2">
        {children}
      </select>
    </div>
  );
}

const day = (d: string | null) => (d ? formatDate(new Date(`${d}T12:00:00Z`), 'UTC', 'en') : '—');

/** A bar chart that is also a table: screen readers and printouts get the figures, the bars are decoration. */
function CountChart({ title, rows, total }: { title: string; rows: { label: string; n: number }[]; total: number }) {
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <Card as="figure" compact>
      <figcaption className="font-semibold">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">Nobody registered yet.</p>
      ) : (
        <table className="mt-2 w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">{title.replace(/^By /, '')}</th>
              <th scope="col">Registered</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" className="w-2/5 py-0.5 pr-2 text-left font-normal">
                  {r.label}
                </th>
                <td className="w-12 pr-2 text-right tabular-nums">{r.n}</td>
                <td className="py-0.5">
                  <span
                    aria-hidden="true"
                    className="block h-3 rounded-sm bg-brand-700"
                    style={{ width: `${(r.n / max) * 100}%` }}
                  />
                  <span className="sr-only">{Math.round((r.n / total) * 100)} %</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export default async function ParticipantsPage({
  params,
  searchParams,
}: PageProps<'/staff/meetings/[id]/participants'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/participants`);
  const meeting = z.uuid().safeParse(id).success
    ? await getMeetingInvitationSettings({ actor: staff, meetingId: id })
    : null;
  if (!meeting) notFound();
  const filters = readParticipantFilters(await searchParams);
  const [rows, counts, printed] = await Promise.all([
    listParticipants({ actor: staff, meetingId: id, filters }),
    countParticipants({ actor: staff, meetingId: id }),
    badgePrintTimes({ actor: staff, meetingId: id }),
  ]);
  const registered = counts.byStatus.registered;
  const hybrid = meeting.format === 'hybrid';
  const filtered = Boolean(filters.status || filters.country || filters.organisationType);

  return (
    <>
      <PageHeader back={{ href: `/staff/meetings/${id}`, label: `← ${meeting.titleEn}` }} title="Participants" />
      <p className="mt-1 text-slate-700">
        {meeting.titleEn} · {registered} registered
        {meeting.capacity ? ` of ${meeting.capacity} seats` : ''}
        {counts.byStatus.offered ? ` · ${counted(counts.byStatus.offered, 'seat')} offered` : ''}
        {counts.byStatus.waitlisted ? ` · ${counts.byStatus.waitlisted} on the waiting list` : ''}
        {counts.byStatus.cancelled ? ` · ${counts.byStatus.cancelled} cancelled` : ''}
      </p>
      <ul className="no-print mt-2 flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <Link href={`/staff/meetings/${id}/participants/new`} className="font-medium">
            Register someone on their behalf
          </Link>
        </li>
        <li>
          <Link href={`/staff/meetings/${id}/participants/list`} className="font-medium">
            List of participants (PDF, DOCX)
          </Link>
        </li>
        <li>
          <Link href={`/staff/meetings/${id}/attendance`} className="font-medium">
            Attendance record
          </Link>
        </li>
      </ul>

      {roleAtLeast(staff.role, 'editor') && (
        <section aria-labelledby="badges-heading" className="no-print mt-4">
          <h2 id="badges-heading" className="text-lg font-semibold">
            Badges
          </h2>
          <p className="text-sm text-slate-700">
            {printed.size} of {registered} registered have a printed badge. Printing gives each badge a new check-in
            code: a badge printed before for the same person stops working.{' '}
            <Link href={`/staff/meetings/${id}/check-in`}>Check-in at the door</Link>
          </p>
          <form method="post" action={`/staff/meetings/${id}/badges`} className="mt-2 flex flex-wrap items-end gap-3">
            <ChoiceSelect id="badges-which" name="which" label="Which badges">
              <option value="unprinted">Only those not printed yet</option>
              <option value="all">All registered participants (reprints every badge)</option>
            </ChoiceSelect>
            <ChoiceSelect id="badges-layout" name="layout" label="Paper">
              <option value="a4">A4 sheets, four badges with cut marks</option>
              <option value="a6">A6, one badge a page</option>
            </ChoiceSelect>
            <Button variant="secondary" size="md">
              Print badges (PDF)
            </Button>
          </form>
        </section>
      )}

      <div className="no-print mt-4 grid gap-3 md:grid-cols-2">
        <CountChart
          title="By country"
          total={registered}
          rows={counts.byCountry.map((c) => ({ label: countryName(c.country, 'en'), n: c.n }))}
        />
        <CountChart
          title="By type of organisation"
          total={registered}
          rows={counts.byOrganisationType.map((c) => ({
            label: c.type ? ORGANISATION_TYPE_LABELS[c.type] : 'No organisation in the directory',
            n: c.n,
          }))}
        />
      </div>

      <form method="get" className="no-print mt-6 flex flex-wrap items-end gap-3" aria-label="Filter participants">
        <FilterSelect
          id="filter-status"
          name="status"
          label="Status"
          value={filters.status}
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: REGISTRATION_STATUS_LABELS[s] }))}
        />
        <FilterSelect
          id="filter-country"
          name="country"
          label="Country"
          value={filters.country}
          options={countryOptions('en').map((c) => ({ value: c.code, label: c.name }))}
        />
        <FilterSelect
          id="filter-type"
          name="type"
          label="Type of organisation"
          value={filters.organisationType}
          options={ORGANISATION_TYPE_OPTIONS}
        />
        <Button variant="secondary" size="md">
          Filter
        </Button>
        {filtered && <Link href={`/staff/meetings/${id}/participants`}>Clear filters</Link>}
        <a href={`/staff/meetings/${id}/participants/export${filterQuery(filters)}`} className="ml-auto font-medium">
          Download {filtered ? 'these' : 'all'} as CSV
        </a>
      </form>

      {rows.length === 0 ? (
        <p className="mt-4 text-slate-700">
          {filtered ? 'Nobody matches these filters.' : 'Nobody has registered yet.'}
        </p>
      ) : (
        // Printed, the table is all there is, without the needs column: a printout lies on a desk (app/globals.css).
        <div className="print-participants">
          <DataTable
            label="Participants table"
            columns={[
              'Name',
              'Organisation',
              'Country',
              'Role',
              'Status',
              ...(hybrid ? ['Attends'] : []),
              'Registered on',
              'Stay',
              'Badge printed',
              // Last: the print stylesheet leaves it out (app/globals.css).
              'Needs',
            ]}
            caption={<>{counted(rows.length, 'registration')}</>}
          >
            {rows.map((r) => (
              <Tr key={r.invitationId}>
                <Td>
                  <Link href={`/staff/meetings/${id}/participants/${r.invitationId}`}>{r.displayName}</Link>
                  <span className="block text-xs text-slate-700">{r.passportName}</span>
                </Td>
                <Td>
                  {r.organisationName}
                  {r.title && <span className="block text-xs text-slate-700">{r.title}</span>}
                </Td>
                <Td>{countryName(r.country, 'en')}</Td>
                <Td>{INVITATION_ROLE_LABELS[r.role]}</Td>
                <Td>
                  {REGISTRATION_STATUS_LABELS[r.status]}
                  {r.status === 'offered' && r.offerExpiresAt && (
                    <span className="block text-xs">
                      until {formatDateTime(r.offerExpiresAt, meeting.timeZone, 'en')}
                    </span>
                  )}
                </Td>
                {hybrid && <Td>{r.attendance ? ATTENDANCE_MODE_LABELS[r.attendance] : '—'}</Td>}
                <Td>{formatDateTime(r.registeredOn, meeting.timeZone, 'en')}</Td>
                <Td className="whitespace-nowrap">
                  {r.arrivalDate || r.departureDate ? `${day(r.arrivalDate)} – ${day(r.departureDate)}` : '—'}
                </Td>
                <Td>
                  {printed.has(r.invitationId)
                    ? formatDateTime(printed.get(r.invitationId)!, meeting.timeZone, 'en')
                    : '—'}
                </Td>
                <Td>{[r.accessibilityNeeds, r.dietaryNeeds].filter(Boolean).join(' · ') || '—'}</Td>
              </Tr>
            ))}
          </DataTable>
        </div>
      )}
    </>
  );
}
