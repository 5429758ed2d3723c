import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { FilterSelect, ORGANISATION_TYPE_OPTIONS } from '@/components/filter-select';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { countParticipants, listParticipants } from '@/db/participants';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { formatDate, formatDateTime } from '@/lib/datetime';
import { ORGANISATION_TYPE_LABELS, REGISTRATION_STATUS_LABELS, REGISTRATION_STATUSES } from '@/lib/domain';
import { filterQuery, readParticipantFilters } from './filters';

export const metadata: Metadata = { title: 'Participants' };

const day = (d: string | null) => (d ? formatDate(new Date(`${d}T12:00:00Z`), 'UTC', 'en') : '—');

/** A bar chart that is also a table: screen readers and printouts get the figures, the bars are decoration. */
function CountChart({ title, rows, total }: { title: string; rows: { label: string; n: number }[]; total: number }) {
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <figure className="rounded-md border border-slate-200 bg-white p-3">
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
    </figure>
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
  const [rows, counts] = await Promise.all([
    listParticipants({ actor: staff, meetingId: id, filters }),
    countParticipants({ actor: staff, meetingId: id }),
  ]);
  const registered = counts.byStatus.registered;
  const filtered = Boolean(filters.status || filters.country || filters.organisationType);

  return (
    <>
      <p className="text-sm">
        <Link href={`/staff/meetings/${id}`}>← {meeting.titleEn}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Participants</h1>
      <p className="mt-1 text-slate-700">
        {meeting.titleEn} · {registered} registered
        {meeting.capacity ? ` of ${meeting.capacity} seats` : ''}
        {counts.byStatus.offered
          ? ` · ${counts.byStatus.offered} seat${counts.byStatus.offered === 1 ? '' : 's'} offered`
          : ''}
        {counts.byStatus.waitlisted ? ` · ${counts.byStatus.waitlisted} on the waiting list` : ''}
        {counts.byStatus.cancelled ? ` · ${counts.byStatus.cancelled} cancelled` : ''}
      </p>

      <div className="mt-4 grid gap-3 md:grid-cols-2">
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

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" aria-label="Filter participants">
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
        <button
          type="submit"
          className="min-h-10 rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100"
        >
          Filter
        </button>
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
        <TableScroll label="Participants table">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{rows.length} registrations</caption>
            <TableHead columns={['Name', 'Organisation', 'Country', 'Status', 'Stay', 'Needs']} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.invitationId} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/staff/meetings/${id}/participants/${r.invitationId}`}>{r.displayName}</Link>
                    <span className="block text-xs text-slate-700">{r.passportName}</span>
                  </td>
                  <td className="px-3 py-2">
                    {r.organisationName}
                    {r.title && <span className="block text-xs text-slate-700">{r.title}</span>}
                  </td>
                  <td className="px-3 py-2">{countryName(r.country, 'en')}</td>
                  <td className="px-3 py-2">
                    {REGISTRATION_STATUS_LABELS[r.status]}
                    {r.status === 'offered' && r.offerExpiresAt && (
                      <span className="block text-xs">
                        until {formatDateTime(r.offerExpiresAt, meeting.timeZone, 'en')}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {r.arrivalDate || r.departureDate ? `${day(r.arrivalDate)} – ${day(r.departureDate)}` : '—'}
                  </td>
                  <td className="px-3 py-2">
                    {[r.accessibilityNeeds, r.dietaryNeeds].filter(Boolean).join(' · ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
