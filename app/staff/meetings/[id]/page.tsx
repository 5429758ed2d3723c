import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { OrganisationOptions } from '@/components/choice-options';
import { ReorderControls } from '@/components/reorder-controls';
import { inputClass } from '@/components/field';
import { MeetingWhen } from '@/components/meeting-when';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { listAgenda } from '@/db/agenda';
import { listContactChoices } from '@/db/contacts';
import { getMeeting, listMeetingHistory, listOrganisationChoices } from '@/db/meetings';
import { getMeetingSummaryId } from '@/db/summaries';
import { roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import { getCurrentStaff, requireSignedInPage } from '@/services/auth/staff';
import { countryName } from '@/lib/countries';
import { formatDateTime, toZonedParts } from '@/lib/datetime';
import { ORGANISATION_ROLES, SUMMARY_STATUS_LABELS } from '@/lib/domain';
import { MANUAL_TRANSITIONS, TRANSITION_LABELS } from '@/lib/meeting-workflow';
import {
  changeMeetingStatusAction,
  duplicateMeetingAction,
  linkOrganisationAction,
  moveOrganisationAction,
  unlinkOrganisationAction,
} from '../actions';
import { AgendaSection } from './agenda-section';
import { draftSummaryAction } from '../../summaries/actions';

const loadMeeting = async (staff: StaffUser, params: Promise<{ id: string }>) => {
  const { id } = await params;
  // A malformed id is simply a page that does not exist, not a database error.
  return z.uuid().safeParse(id).success ? getMeeting({ actor: staff, id }) : null;
};

export async function generateMetadata({ params }: PageProps<'/staff/meetings/[id]'>): Promise<Metadata> {
  const staff = await getCurrentStaff();
  if (!staff) return { title: 'Meeting' };
  const meeting = await loadMeeting(staff, params);
  return { title: meeting?.titleEn ?? 'Meeting not found' };
}

export default async function StaffMeetingPage({ params, searchParams }: PageProps<'/staff/meetings/[id]'>) {
  const staff = await requireSignedInPage(`/staff/meetings/${(await params).id}`);
  const meeting = await loadMeeting(staff, params);
  if (!meeting) notFound();
  const canEdit = roleAtLeast(staff.role, 'editor');
  const t = await getTranslations({ locale: 'en' });
  const [history, organisationChoices, agenda, contacts, summary] = await Promise.all([
    listMeetingHistory({ actor: staff, id: meeting.id }),
    canEdit ? listOrganisationChoices({ actor: staff }) : Promise.resolve([]),
    listAgenda({ actor: staff, meetingId: meeting.id }),
    canEdit ? listContactChoices({ actor: staff }) : Promise.resolve([]),
    getMeetingSummaryId({ actor: staff, meetingId: meeting.id }),
  ]);
  const place =
    meeting.format === 'online'
      ? 'Online'
      : [meeting.venueEn, meeting.cityEn, meeting.country && countryName(meeting.country, 'en')]
          .filter(Boolean)
          .join(', ');
  const next = MANUAL_TRANSITIONS[meeting.status];
  const start = toZonedParts(meeting.startsAt, meeting.timeZone);
  const end = toZonedParts(meeting.endsAt, meeting.timeZone);
  const duplicated = (await searchParams).duplicated === '1';

  return (
    <>
      <p className="text-sm">
        <Link href="/staff">← Dashboard</Link>
      </p>
      {duplicated && (
        <p
          role="status"
          className="mt-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          This is the new copy, as a draft. Check its details, then plan it.
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{meeting.titleEn}</h1>
          <p lang="ru" className="mt-1 text-slate-700">
            {meeting.titleRu}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link
            href={`/staff/meetings/${meeting.id}/invitations`}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 no-underline hover:bg-slate-100"
          >
            Invitations
          </Link>
          <Link
            href={`/staff/meetings/${meeting.id}/participants`}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 no-underline hover:bg-slate-100"
          >
            Participants
          </Link>
          {canEdit && (
            <Link
              href={`/staff/meetings/${meeting.id}/edit`}
              className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 no-underline hover:bg-slate-100"
            >
              Edit details
            </Link>
          )}
        </div>
      </div>
      <dl className="mt-6 grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Council</dt>
        <dd>
          <Link href={`/staff/councils/${meeting.council.id}`}>{meeting.council.nameEn}</Link>
          {meeting.workingGroup && <span className="block text-slate-700">{meeting.workingGroup}</span>}
        </dd>
        <dt className="font-medium">Kind</dt>
        <dd>{t(`Meeting.kind.${meeting.kind}`)}</dd>
        <dt className="font-medium">When</dt>
        <dd>
          <MeetingWhen
            startsAt={meeting.startsAt}
            endsAt={meeting.endsAt}
            timeZone={meeting.timeZone}
            readerZone={staff.timeZone}
          />
        </dd>
        <dt className="font-medium">Format</dt>
        <dd>{t(`Meeting.format.${meeting.format}`)}</dd>
        <dt className="font-medium">Where</dt>
        <dd>
          {place || '—'}
          {meeting.meetingLink && (
            <span className="block">
              Link: <a href={meeting.meetingLink}>{meeting.meetingLink}</a>
            </span>
          )}
        </dd>
        <dt className="font-medium">Capacity</dt>
        <dd>
          {meeting.capacity
            ? `${meeting.capacity} seats (a freed seat is offered for ${meeting.waitlistOfferHours} hours)`
            : 'No limit'}
        </dd>
        <dt className="font-medium">Visa support</dt>
        <dd>{meeting.visaSupport ? 'Delegates are asked for passport details' : 'Not offered'}</dd>
        <dt className="font-medium">Registration deadline</dt>
        <dd>
          {meeting.registrationDeadline ? formatDateTime(meeting.registrationDeadline, meeting.timeZone, 'en') : 'None'}
        </dd>
        <dt className="font-medium">Status</dt>
        <dd>{t(`Meeting.status.${meeting.status}`)}</dd>
        {meeting.objectivesEn && (
          <>
            <dt className="font-medium">Objectives</dt>
            <dd className="whitespace-pre-line">{meeting.objectivesEn}</dd>
          </>
        )}
      </dl>

      {canEdit && next.length > 0 && (
        <section aria-labelledby="workflow" className="mt-6">
          <h2 id="workflow" className="text-lg font-semibold">
            Status
          </h2>
          <div className="mt-2 flex flex-wrap gap-4">
            {next.map((to) => (
              <ActionForm
                key={to}
                action={changeMeetingStatusAction.bind(null, meeting.id)}
                submitLabel={TRANSITION_LABELS[to]}
                variant={to === 'cancelled' ? 'danger' : to === 'draft' ? 'secondary' : 'primary'}
              >
                <input type="hidden" name="to" value={to} />
              </ActionForm>
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="summary" className="mt-6">
        <h2 id="summary" className="text-lg font-semibold">
          Summary
        </h2>
        {summary ? (
          <p className="mt-2">
            <Link href={`/staff/summaries/${summary.id}`}>Open the summary</Link> (
            {SUMMARY_STATUS_LABELS[summary.status]})
          </p>
        ) : meeting.status === 'held' ? (
          canEdit ? (
            <div className="mt-2">
              <p className="mb-2 text-sm text-slate-700">
                A first text in English and Russian, written from this meeting’s records: organisers, participants by
                country and organisation type, the published agenda. It names no participant.
              </p>
              <ActionForm
                action={draftSummaryAction.bind(null, meeting.id)}
                submitLabel="Draft summary"
                pendingLabel="Drafting…"
              />
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-700">No summary yet.</p>
          )
        ) : (
          <p className="mt-2 text-sm text-slate-700">A summary can be drafted once the meeting is marked as held.</p>
        )}
      </section>

      <section aria-labelledby="organisations" className="mt-8">
        <h2 id="organisations" className="text-lg font-semibold">
          Organisations
        </h2>
        {meeting.organisations.length === 0 ? (
          <p className="mt-2 text-slate-700">No organisations are linked to this meeting yet.</p>
        ) : (
          <TableScroll label="Organisations table">
            <table className="w-full text-left text-sm">
              <TableHead columns={['Organisation', 'Role', 'Type', 'Country', canEdit && 'Order']} />
              <tbody>
                {meeting.organisations.map((organisation, index) => {
                  const name = organisation.acronym ?? organisation.nameEn;
                  return (
                    <tr key={organisation.id} className="border-t border-slate-200 align-top">
                      <td className="px-3 py-2">
                        {organisation.nameEn}
                        {organisation.acronym && <span className="text-slate-700"> ({organisation.acronym})</span>}
                      </td>
                      <td className="px-3 py-2">{t(`Organisation.role.${organisation.role}`)}</td>
                      <td className="px-3 py-2">{t(`Organisation.type.${organisation.type}`)}</td>
                      <td className="px-3 py-2">
                        {organisation.country ? countryName(organisation.country, 'en') : 'International'}
                      </td>
                      {canEdit && (
                        <td className="px-3 py-2">
                          <div className="flex flex-wrap gap-1">
                            <ReorderControls
                              action={moveOrganisationAction.bind(null, meeting.id, organisation.id)}
                              name={name}
                              index={index}
                              count={meeting.organisations.length}
                            />
                            <ActionForm
                              action={unlinkOrganisationAction.bind(null, meeting.id, organisation.id)}
                              variant="secondary"
                              submitLabel={
                                <>
                                  Remove<span className="sr-only"> {name}</span>
                                </>
                              }
                            />
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
        {canEdit && (
          <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="mb-2 font-semibold">Link an organisation</h3>
            <ActionForm action={linkOrganisationAction.bind(null, meeting.id)} submitLabel="Link organisation">
              <div className="flex flex-col gap-1">
                <label htmlFor="link-organisation" className="text-sm font-medium">
                  Organisation
                </label>
                <select id="link-organisation" name="organisationId" className={inputClass} defaultValue="">
                  <OrganisationOptions organisations={organisationChoices} />
                </select>
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="link-role" className="text-sm font-medium">
                  Role
                </label>
                <select id="link-role" name="role" className={inputClass} defaultValue="co_organiser">
                  {ORGANISATION_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`Organisation.role.${role}`)}
                    </option>
                  ))}
                </select>
              </div>
            </ActionForm>
          </div>
        )}
      </section>

      <AgendaSection meeting={meeting} agenda={agenda} canEdit={canEdit} contacts={contacts} />

      {canEdit && (
        <section aria-labelledby="duplicate" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="duplicate" className="text-lg font-semibold">
            Duplicate this meeting
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            A new draft with the same council, kind, venue, texts, organisations and agenda (moved with the dates, and
            internal until published), on the dates you give (in {meeting.timeZone}).
          </p>
          <ActionForm
            action={duplicateMeetingAction.bind(null, meeting.id)}
            submitLabel="Duplicate"
            className="mt-3 grid gap-3 sm:grid-cols-2"
          >
            <input type="hidden" name="timeZone" value={meeting.timeZone} />
            {(
              [
                ['titleEn', 'New title in English', 'text', meeting.titleEn],
                ['titleRu', 'New title in Russian', 'text', meeting.titleRu],
                ['startDate', 'New start date', 'date', start.date],
                ['startTime', 'New start time', 'time', start.time],
                ['endDate', 'New end date', 'date', end.date],
                ['endTime', 'New end time', 'time', end.time],
              ] as const
            ).map(([name, label, type, value]) => (
              <div key={name} className="flex flex-col gap-1">
                <label htmlFor={`duplicate-${name}`} className="text-sm font-medium">
                  {label}
                </label>
                <input id={`duplicate-${name}`} name={name} type={type} defaultValue={value} className={inputClass} />
              </div>
            ))}
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="history" className="mt-8">
        <h2 id="history" className="text-lg font-semibold">
          History
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-slate-700">No changes recorded.</p>
        ) : (
          <ol className="mt-2 space-y-2 text-sm">
            {history.map((entry) => (
              <li key={entry.id} className="rounded border border-slate-200 bg-white px-3 py-2">
                <span className="font-medium">{formatDateTime(entry.at, staff.timeZone ?? 'UTC', 'en')}</span> ·{' '}
                {entry.actorEmail ?? 'system'} · {entry.action.replace('meeting.', '').replaceAll('_', ' ')}
                {entry.after != null && (
                  <code className="mt-1 block break-all text-xs text-slate-700">
                    {entry.before != null && `${JSON.stringify(entry.before)} → `}
                    {JSON.stringify(entry.after)}
                  </code>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
