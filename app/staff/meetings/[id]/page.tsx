import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { MeetingWhen } from '@/components/meeting-when';
import { buttonClass, Card, PageHeader } from '@/components/ui';
import { listAgenda } from '@/db/agenda';
import { getMeeting, listMeetingHistory } from '@/db/meetings';
import { getMeetingSummaryId } from '@/db/summaries';
import { roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import { getCurrentStaff, requireSignedInPage } from '@/services/auth/staff';
import { echoedValues, pickerFallback } from '@/services/people-picker';
import { countryName } from '@/lib/countries';
import { formatDateTime } from '@/lib/datetime';
import { SUMMARY_STATUS_LABELS } from '@/lib/domain';
import { availableTransitions, TRANSITION_LABELS } from '@/lib/meeting-workflow';
import { changeMeetingStatusAction } from '../actions';
import { AGENDA_PEOPLE_FIELDS, AgendaSection, type AgendaFallback } from './agenda-section';
import { DuplicateSection } from './duplicate-section';
import { HistorySection } from './history-section';
import { OrganisationsSection } from './organisations-section';
import { draftSummaryAction } from '../../summaries/actions';
import { meetingPath } from '@/lib/public-meeting';
import { PageNotice } from '@/components/form-status';

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
  const query = await searchParams;
  // A no-JavaScript people search names the agenda form it came from (components/people-picker.tsx).
  const form = typeof query.find === 'string' && /^agenda-[\w-]+$/.test(query.find) ? query.find : null;
  const [history, organisationPicker, agenda, pickerFields, summary] = await Promise.all([
    listMeetingHistory({ actor: staff, id: meeting.id }),
    canEdit
      ? pickerFallback(staff, query, 'link-organisation', ['organisationId'], { organisationId: 'organisations' })
      : Promise.resolve(null),
    listAgenda({ actor: staff, meetingId: meeting.id }),
    canEdit && form ? pickerFallback(staff, query, form, [...AGENDA_PEOPLE_FIELDS]) : Promise.resolve(null),
    getMeetingSummaryId({ actor: staff, meetingId: meeting.id }),
  ]);
  const agendaFallback: AgendaFallback | null =
    form && pickerFields ? { form, fields: pickerFields, values: echoedValues(query, form) ?? {} } : null;
  const place =
    meeting.format === 'online'
      ? 'Online'
      : [meeting.venueEn, meeting.cityEn, meeting.country && countryName(meeting.country, 'en')]
          .filter(Boolean)
          .join(', ');
  const next = availableTransitions(meeting);
  const duplicated = query.duplicated === '1';

  return (
    <>
      <p className="text-sm">
        <Link href="/staff">← Dashboard</Link>
      </p>
      {duplicated && (
        <PageNotice className="mt-3">This is the new copy, as a draft. Check its details, then plan it.</PageNotice>
      )}
      <PageHeader
        className="mt-2"
        title={meeting.titleEn}
        subtitle={
          <p lang="ru" className="mt-1 text-slate-700">
            {meeting.titleRu}
          </p>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/staff/meetings/${meeting.id}/invitations`} className={buttonClass({ variant: 'secondary' })}>
              Invitations
            </Link>
            <Link href={`/staff/meetings/${meeting.id}/delegations`} className={buttonClass({ variant: 'secondary' })}>
              Delegations
            </Link>
            <Link href={`/staff/meetings/${meeting.id}/participants`} className={buttonClass({ variant: 'secondary' })}>
              Participants
            </Link>
            {canEdit && (
              <Link href={`/staff/meetings/${meeting.id}/check-in`} className={buttonClass({ variant: 'secondary' })}>
                Check-in
              </Link>
            )}
            <Link href={`/staff/meetings/${meeting.id}/documents`} className={buttonClass({ variant: 'secondary' })}>
              Documents
            </Link>
            <Link
              href={`/staff/meetings/${meeting.id}/notes-verbales`}
              className={buttonClass({ variant: 'secondary' })}
            >
              Notes verbales
            </Link>
            {meeting.visaSupport && roleAtLeast(staff.role, 'admin') && (
              <Link href={`/staff/meetings/${meeting.id}/visa`} className={buttonClass({ variant: 'secondary' })}>
                Visa requests
              </Link>
            )}
            {canEdit && (
              <Link href={`/staff/meetings/${meeting.id}/edit`} className={buttonClass({ variant: 'secondary' })}>
                Edit details
              </Link>
            )}
          </div>
        }
      />
      <Card as="dl" className="mt-6 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
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
        <dt className="font-medium">Public page</dt>
        <dd>
          {meeting.status === 'draft' || !meeting.slug ? (
            // The address follows the English title until the meeting is public, and is kept from then on.
            `Once no longer a draft: /meetings/${meeting.slug ?? ''}`
          ) : (
            <>
              <a href={meetingPath('en', meeting.slug)}>{meetingPath('en', meeting.slug)}</a> ·{' '}
              <a href={meetingPath('ru', meeting.slug)} hrefLang="ru">
                Russian version
              </a>
            </>
          )}
        </dd>
        {meeting.objectivesEn && (
          <>
            <dt className="font-medium">Objectives</dt>
            <dd className="whitespace-pre-line">{meeting.objectivesEn}</dd>
          </>
        )}
      </Card>

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

      <OrganisationsSection meeting={meeting} canEdit={canEdit} fallback={organisationPicker?.organisationId ?? null} />

      <AgendaSection meeting={meeting} agenda={agenda} canEdit={canEdit} fallback={agendaFallback} />

      {canEdit && <DuplicateSection meeting={meeting} />}

      <HistorySection
        history={history}
        zones={{ venue: meeting.timeZone, reader: staff.timeZone ?? meeting.timeZone }}
        showRaw={roleAtLeast(staff.role, 'admin')}
      />
    </>
  );
}
