import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { Button, Card, Notice, PageHeader } from '@/components/ui';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { getParticipant, revealVisaDetails } from '@/db/participants';
import { listRegistrationNotes } from '@/db/staff-registrations';
import { badgePrintTimes } from '@/db/badges';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName } from '@/lib/countries';
import { formatDate, formatDateTime } from '@/lib/datetime';
import { ORGANISATION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from '@/lib/domain';
import { addNoteAction, cancelRegistrationAction, promoteAction } from '../actions';

// strict-origin, not no-referrer: no path leaves the page either way, but with no-referrer the badge form's plain post
// carries `Origin: null`, which the origin check refuses.
export const metadata: Metadata = { title: 'Participant', referrer: 'strict-origin' };

/** What the page says after a form that redirected here (the registration forms). */
const DONE: Record<string, string> = {
  registered: 'Registered. The delegate was emailed the confirmation, in their language.',
  waitlisted: 'The meeting is full: the delegate is on the waiting list and was emailed their place.',
  corrected: 'Registration corrected. A registered delegate was emailed what changed.',
  unchanged: 'Nothing was different: nothing was saved and no email sent.',
  cancelled: 'Cancelled. The delegate was emailed; a freed seat is offered to the first on the waiting list.',
  seated: 'Seat given. The delegate was emailed the confirmation.',
  seatedInstead:
    'Seat given and the delegate emailed. The seat had been offered to someone else, who keeps their place on the waiting list and was told.',
};

const day = (d: string | null) => (d ? formatDate(new Date(`${d}T12:00:00Z`), 'UTC', 'en') : '—');

export default async function ParticipantPage({
  params,
  searchParams,
}: PageProps<'/staff/meetings/[id]/participants/[invitationId]'>) {
  await connection();
  const { id, invitationId } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/participants/${invitationId}`);
  const valid = z.uuid().safeParse(id).success && z.uuid().safeParse(invitationId).success;
  const [meeting, person, notes] = valid
    ? await Promise.all([
        getMeetingInvitationSettings({ actor: staff, meetingId: id }),
        getParticipant({ actor: staff, meetingId: id, invitationId }),
        listRegistrationNotes({ actor: staff, invitationId }),
      ])
    : [null, null, []];
  if (!meeting || !person) notFound();
  const isAdmin = roleAtLeast(staff.role, 'admin');
  const mayEdit = roleAtLeast(staff.role, 'editor');
  const done = DONE[String((await searchParams).done)];
  const active = person.status === 'registered' || person.status === 'waitlisted' || person.status === 'offered';
  const beforeStart = meeting.startsAt > new Date();
  const readerZone = staff.timeZone ?? meeting.timeZone;
  // Shown only when an admin asks, and each time recorded in the audit log.
  const visa =
    isAdmin && (await searchParams).visa === 'show' && person.hasVisaDetails
      ? await revealVisaDetails(staff, invitationId)
      : null;
  const zone = meeting.timeZone;
  const badgePrintedAt = (await badgePrintTimes({ actor: staff, meetingId: id })).get(invitationId) ?? null;

  const facts: [string, string][] = [
    [
      'Status',
      `${REGISTRATION_STATUS_LABELS[person.status]}${person.place ? `, number ${person.place} on the waiting list` : ''}${person.status === 'offered' && person.offerExpiresAt ? `, until ${formatDateTime(person.offerExpiresAt, zone, 'en')}` : ''}`,
    ],
    ['Name as usually written', person.displayName],
    ['Name as in passport', person.passportName],
    ['Title', person.title || '—'],
    [
      'Organisation',
      `${person.organisationName}${person.organisationType ? ` (${ORGANISATION_TYPE_LABELS[person.organisationType]})` : ''}`,
    ],
    ['Country', countryName(person.country, 'en')],
    ['Email', person.email],
    ['Phone', person.phone || '—'],
    ['Language', person.language === 'ru' ? 'Russian' : 'English'],
    ['Arrival', day(person.arrivalDate)],
    ['Departure', day(person.departureDate)],
    ['Accessibility needs', person.accessibilityNeeds || '—'],
    ['Dietary needs', person.dietaryNeeds || '—'],
    ['In the list of participants', person.listConsent ? 'Yes, agreed' : 'No'],
    ['Registered', person.registeredAt ? formatDateTime(person.registeredAt, zone, 'en') : '—'],
  ];

  return (
    <>
      <PageHeader
        back={{ href: `/staff/meetings/${id}/participants`, label: `← Participants of ${meeting.titleEn}` }}
        title={person.displayName}
      />
      {done && (
        <Notice tone="success" role="status" className="mt-3">
          {done}
        </Notice>
      )}
      <dl className="mt-4 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm">
        <Link href={`/staff/contacts/${person.contactId}`}>Directory entry</Link>
        {mayEdit && active && (
          <>
            {' · '}
            <Link href={`/staff/meetings/${id}/participants/${invitationId}/edit`}>Correct the registration</Link>
          </>
        )}
      </p>

      {mayEdit && active && beforeStart && (
        <Card as="section" aria-labelledby="seat" className="mt-6">
          <h2 id="seat" className="text-lg font-semibold">
            Seat
          </h2>
          {(person.status === 'waitlisted' || person.status === 'offered') && (
            <div className="mt-2">
              <p className="text-sm text-slate-700">
                {person.status === 'offered'
                  ? 'A seat is offered to this person and held for them: confirm it for them (they asked by phone).'
                  : 'Give this person a free seat instead of the next in line. A seat held only by an open offer counts as free: that offer goes back, and its holder keeps their place and is told. Refused when every seat is taken.'}
              </p>
              <ActionForm
                action={promoteAction.bind(null, id, invitationId)}
                submitLabel="Give a seat from the waiting list"
                className="mt-2 flex flex-wrap items-end gap-2"
              />
            </div>
          )}
          <div className="mt-3">
            <p className="text-sm text-slate-700">
              The delegate is emailed that the secretariat cancelled the registration; a freed seat is offered to the
              first on the waiting list.
            </p>
            <ActionForm
              action={cancelRegistrationAction.bind(null, id, invitationId)}
              submitLabel="Cancel this registration"
              variant="danger"
              confirm={{
                question: `Cancel the registration of ${person.displayName}? They will be emailed.`,
                confirmLabel: 'Yes, cancel the registration',
              }}
              className="mt-2 flex flex-wrap items-end gap-2"
            />
          </div>
        </Card>
      )}

      {mayEdit && person.status === 'registered' && !person.erased && (
        <Card as="section" aria-labelledby="badge" className="mt-6">
          <h2 id="badge" className="text-lg font-semibold">
            Badge
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {badgePrintedAt
              ? `Printed ${formatDateTime(badgePrintedAt, zone, 'en')}. Printing again makes a new badge and the old one is refused at the door.`
              : 'Not printed yet.'}
          </p>
          <form method="post" action={`/staff/meetings/${id}/badges`} className="mt-2 flex flex-wrap gap-2">
            <input type="hidden" name="which" value="one" />
            <input type="hidden" name="invitationId" value={invitationId} />
            <Button variant="secondary" size="md" name="layout" value="a6">
              {badgePrintedAt ? 'Reprint the badge (A6 PDF)' : 'Print the badge (A6 PDF)'}
            </Button>
          </form>
        </Card>
      )}

      <Card as="section" aria-labelledby="notes" className="mt-6">
        <h2 id="notes" className="text-lg font-semibold">
          Internal notes
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          For the secretariat only (funding, travel booked): never shown to the delegate, never emailed.
        </p>
        {notes.length === 0 ? (
          <p className="mt-2">No notes yet.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {notes.map((note) => (
              <li key={note.id} className="rounded border border-slate-200 px-3 py-2">
                <p className="whitespace-pre-line">{note.body}</p>
                <p className="mt-1 text-sm text-slate-700">
                  {note.author ?? 'A former staff member'} · {formatDateTime(note.at, readerZone, 'en')}
                </p>
              </li>
            ))}
          </ul>
        )}
        {mayEdit && (
          <ActionForm
            action={addNoteAction.bind(null, id, invitationId)}
            submitLabel="Add note"
            className="mt-3 flex flex-col items-start gap-2"
          >
            <FormRow id="note" label="New note">
              <textarea id="note" name="note" rows={3} className={inputClass} />
            </FormRow>
          </ActionForm>
        )}
      </Card>

      {meeting.visaSupport && (
        <Card as="section" aria-labelledby="visa" className="mt-6">
          <h2 id="visa" className="text-lg font-semibold">
            Visa support
          </h2>
          {!person.hasVisaDetails ? (
            <p className="mt-1">
              No visa-support details on file
              {meeting.endsAt < new Date() ? ' (they are deleted 30 days after the meeting)' : ''}.
            </p>
          ) : !isAdmin ? (
            <p className="mt-1">Details are on file. Only admins can see them.</p>
          ) : visa ? (
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">Nationality</dt>
              <dd>{countryName(visa.nationality, 'en')}</dd>
              <dt className="font-medium">Passport number</dt>
              <dd>{visa.passportNumber}</dd>
              <dt className="font-medium">Date of birth</dt>
              <dd>{day(visa.dateOfBirth)}</dd>
              <dt className="font-medium">Passport valid until</dt>
              <dd>{day(visa.passportExpiry)}</dd>
            </dl>
          ) : (
            <>
              <p className="mt-1 text-sm">Details are on file, encrypted. Viewing them is recorded in the audit log.</p>
              <Link
                href={`/staff/meetings/${id}/participants/${invitationId}?visa=show`}
                className="mt-2 inline-block font-medium"
              >
                Show visa-support details
              </Link>
            </>
          )}
        </Card>
      )}
    </>
  );
}
