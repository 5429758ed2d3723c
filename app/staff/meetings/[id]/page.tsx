import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { TableScroll } from '@/components/table-scroll';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getMeeting } from '@/db/meetings';
import { countryName } from '@/lib/countries';
import { getCurrentStaff, requireSignedInPage } from '@/lib/auth/staff';
import { formatDateTimeRange } from '@/lib/datetime';

const loadMeeting = async (params: Promise<{ id: string }>) => {
  const { id } = await params;
  // A malformed id is simply a page that does not exist, not a database error.
  return z.uuid().safeParse(id).success ? getMeeting({ id }) : null;
};

export async function generateMetadata({ params }: PageProps<'/staff/meetings/[id]'>): Promise<Metadata> {
  if (!(await getCurrentStaff())) return { title: 'Meeting' };
  const meeting = await loadMeeting(params);
  return { title: meeting?.titleEn ?? 'Meeting not found' };
}

export default async function StaffMeetingPage({ params }: PageProps<'/staff/meetings/[id]'>) {
  await requireSignedInPage(`/staff/meetings/${(await params).id}`);
  const meeting = await loadMeeting(params);
  if (!meeting) notFound();
  const t = await getTranslations({ locale: 'en' });
  const place =
    meeting.format === 'online'
      ? 'Online'
      : [meeting.venueEn, meeting.cityEn, meeting.country && countryName(meeting.country, 'en')].filter(Boolean).join(', ');

  return (
    <>
      <p className="text-sm">
        <Link href="/staff">← Dashboard</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{meeting.titleEn}</h1>
      <p lang="ru" className="mt-1 text-slate-700">
        {meeting.titleRu}
      </p>
      <dl className="mt-6 grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Council</dt>
        <dd>{meeting.council.nameEn}</dd>
        <dt className="font-medium">Kind</dt>
        <dd>{t(`Meeting.kind.${meeting.kind}`)}</dd>
        <dt className="font-medium">When</dt>
        <dd>
          <time dateTime={meeting.startsAt.toISOString()}>
            {formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, 'en')}
          </time>
        </dd>
        <dt className="font-medium">Format</dt>
        <dd>{t(`Meeting.format.${meeting.format}`)}</dd>
        <dt className="font-medium">Where</dt>
        <dd>{place || '—'}</dd>
        <dt className="font-medium">Status</dt>
        <dd>{t(`Meeting.status.${meeting.status}`)}</dd>
      </dl>

      <section aria-labelledby="organisations" className="mt-8">
        <h2 id="organisations" className="text-lg font-semibold">
          Organisations
        </h2>
        {meeting.organisations.length === 0 ? (
          <p className="mt-2 text-slate-700">No organisations are linked to this meeting yet.</p>
        ) : (
          <TableScroll label="Organisations table">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">Organisation</th>
                  <th scope="col" className="px-3 py-2">Role</th>
                  <th scope="col" className="px-3 py-2">Type</th>
                  <th scope="col" className="px-3 py-2">Country</th>
                </tr>
              </thead>
              <tbody>
                {meeting.organisations.map((organisation) => (
                  <tr key={organisation.id} className="border-t border-slate-200">
                    <td className="px-3 py-2">
                      {organisation.nameEn}
                      {organisation.acronym && <span className="text-slate-700"> ({organisation.acronym})</span>}
                    </td>
                    <td className="px-3 py-2">{t(`Organisation.role.${organisation.role}`)}</td>
                    <td className="px-3 py-2">{t(`Organisation.type.${organisation.type}`)}</td>
                    <td className="px-3 py-2">
                      {organisation.country ? countryName(organisation.country, 'en') : 'International'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
