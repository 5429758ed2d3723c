import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { Notice, PageHeader } from '@/components/ui';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { getParticipant } from '@/db/participants';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { correctRegistrationAction } from '../../actions';
import { StaffRegistrationForm } from '../../staff-registration-form';

export const metadata: Metadata = { title: 'Correct a registration', referrer: 'no-referrer' };

export default async function CorrectRegistrationPage({
  params,
}: PageProps<'/staff/meetings/[id]/participants/[invitationId]/edit'>) {
  await connection();
  const { id, invitationId } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/participants/${invitationId}/edit`);
  const valid = z.uuid().safeParse(id).success && z.uuid().safeParse(invitationId).success;
  const [meeting, person] = valid
    ? await Promise.all([
        getMeetingInvitationSettings({ actor: staff, meetingId: id }),
        getParticipant({ actor: staff, meetingId: id, invitationId }),
      ])
    : [null, null];
  if (!meeting || !person) notFound();
  const active = person.status === 'registered' || person.status === 'waitlisted' || person.status === 'offered';

  return (
    <>
      <PageHeader
        back={{ href: `/staff/meetings/${id}/participants/${invitationId}`, label: `← ${person.displayName}` }}
        title={`Correct the registration of ${person.displayName}`}
      />
      <p className="mt-1 max-w-2xl text-slate-700">
        A registered delegate is emailed what changed, in their language, with an updated calendar file.
      </p>
      {!roleAtLeast(staff.role, 'editor') ? (
        <Notice tone="warning" className="mt-3">
          Correcting a registration needs the editor role.
        </Notice>
      ) : !active ? (
        <Notice tone="warning" className="mt-3">
          This registration is not active (cancelled or lapsed): there is nothing to correct.
        </Notice>
      ) : (
        <StaffRegistrationForm
          action={correctRegistrationAction.bind(null, id, invitationId)}
          defaults={person}
          email={person.email}
          visaSupport={meeting.visaSupport}
          hybrid={meeting.format === 'hybrid'}
          hasVisaDetails={person.hasVisaDetails}
          mode="correct"
        />
      )}
    </>
  );
}
