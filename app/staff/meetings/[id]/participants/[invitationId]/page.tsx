import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { Card, PageHeader } from '@/components/ui';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { getParticipant, revealVisaDetails } from '@/db/participants';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName } from '@/lib/countries';
import { formatDate, formatDateTime } from '@/lib/datetime';
import { ORGANISATION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from '@/lib/domain';

export const metadata: Metadata = { title: 'Participant', referrer: 'no-referrer' };

const day = (d: string | null) => (d ? formatDate(new Date(`${d}T12:00:00Z`), 'UTC', 'en') : '—');

export default async function ParticipantPage({
  params,
  searchParams,
}: PageProps<'/staff/meetings/[id]/participants/[invitationId]'>) {
  await connection();
  const { id, invitationId } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/participants/${invitationId}`);
  const valid = z.uuid().safeParse(id).success && z.uuid().safeParse(invitationId).success;
  const [meeting, person] = valid
    ? await Promise.all([
        getMeetingInvitationSettings({ actor: staff, meetingId: id }),
        getParticipant({ actor: staff, meetingId: id, invitationId }),
      ])
    : [null, null];
  if (!meeting || !person) notFound();
  const isAdmin = roleAtLeast(staff.role, 'admin');
  // Shown only when an admin asks, and each time recorded in the audit log.
  const visa =
    isAdmin && (await searchParams).visa === 'show' && person.hasVisaDetails
      ? await revealVisaDetails(staff, invitationId)
      : null;
  const zone = meeting.timeZone;

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
      </p>

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
