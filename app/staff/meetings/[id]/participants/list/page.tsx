import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { Card, DataTable, PageHeader, RowHeader, Td, Tr } from '@/components/ui';
import { listParticipantListReleases, participantListOverview } from '@/db/participant-list';
import { roleAtLeast } from '@/lib/auth/roles';
import { counted } from '@/lib/counted';
import { formatDateTime } from '@/lib/datetime';
import { requireSignedInPage } from '@/services/auth/staff';
import { releaseParticipantListAction } from './actions';

export const metadata: Metadata = { title: 'List of participants' };

const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Russian' },
] as const;

function Downloads({ base, query, what }: { base: string; query: string; what: string }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
      {LANGUAGES.map((language) =>
        (['pdf', 'docx'] as const).map((format) => (
          <li key={`${language.code}-${format}`}>
            <a href={`${base}/${language.code}/${format}${query}`} download>
              {what} in {language.name} ({format.toUpperCase()})
            </a>
          </li>
        )),
      )}
    </ul>
  );
}

export default async function ParticipantListPage({ params }: PageProps<'/staff/meetings/[id]/participants/list'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/participants/list`);
  const overview = z.uuid().safeParse(id).success
    ? await participantListOverview({ actor: staff, meetingId: id })
    : null;
  if (!overview) notFound();
  const { meeting, basis, entries, withheld } = overview;
  const releases = await listParticipantListReleases({ actor: staff, meetingId: id });
  const base = `/staff/meetings/${id}/participants/list`;
  const canRelease = roleAtLeast(staff.role, 'editor');

  return (
    <>
      <PageHeader
        back={{ href: `/staff/meetings/${id}/participants`, label: '← Participants' }}
        title="List of participants"
      />
      <p className="mt-1 text-slate-700">{meeting.titleEn}</p>
      <p className="mt-3">
        The list names {counted(entries, 'person', 'people')} who {basis === 'attended' ? 'attended' : 'registered'}
        {basis === 'attended' ? ' (from the check-ins, as the meeting is over)' : ''} and consented to be listed
        {withheld ? `; ${counted(withheld, 'other')} did not consent and are left out` : ''}.
      </p>

      <Card as="section" aria-labelledby="draft" className="mt-6">
        <h2 id="draft" className="text-lg font-semibold">
          Draft as it stands
        </h2>
        <p className="mt-1 text-sm text-slate-700">Marked as a draft. Edit the DOCX before circulating it if needed.</p>
        <Downloads base={base} query="" what="Draft" />
      </Card>

      <Card as="section" aria-labelledby="release" className="mt-6">
        <h2 id="release" className="text-lg font-semibold">
          Released to delegates
        </h2>
        {releases.length === 0 ? (
          <p className="mt-1 text-slate-700">Not released yet: delegates do not see a list.</p>
        ) : (
          <>
            <p className="mt-1">
              Registered delegates see the version released{' '}
              {formatDateTime(releases[0]!.releasedAt, meeting.timeZone, 'en')} on their invitation page.
            </p>
            <Downloads base={base} query="?released" what="Released list" />
          </>
        )}
        {canRelease && (
          <ActionForm
            action={releaseParticipantListAction.bind(null, id)}
            submitLabel={releases.length ? 'Release the list as it stands now' : 'Release the list to delegates'}
            className="mt-4 flex flex-col items-start gap-2"
          >
            <p className="text-sm text-slate-700">
              A release replaces the one delegates see now, marked final and dated.
            </p>
          </ActionForm>
        )}
        {releases.length > 0 && (
          <DataTable label="Releases" columns={['Released', 'Counts', 'People']}>
            {releases.map((release) => (
              <Tr key={release.id}>
                <RowHeader>{formatDateTime(release.releasedAt, meeting.timeZone, 'en')}</RowHeader>
                <Td>{release.basis === 'attended' ? 'Attended' : 'Registered'}</Td>
                <Td>{release.entries}</Td>
              </Tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
