import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { FormRow, inputClass } from '@/components/field';
import { Button, Notice, PageHeader } from '@/components/ui';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { inviteeDefaults, listUnregisteredInvitees } from '@/db/staff-registrations';
import { roleAtLeast } from '@/lib/auth/roles';
import { REGISTRATION_STATUS_LABELS } from '@/lib/domain';
import { requireSignedInPage } from '@/services/auth/staff';
import { registerOnBehalfAction } from '../actions';
import { StaffRegistrationForm } from '../staff-registration-form';

export const metadata: Metadata = { title: 'Register someone on their behalf' };

/** After a phone call: pick an invitee who has not registered, then fill in their registration with them. */
export default async function RegisterOnBehalfPage({
  params,
  searchParams,
}: PageProps<'/staff/meetings/[id]/participants/new'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/participants/new`);
  const meeting = z.uuid().safeParse(id).success
    ? await getMeetingInvitationSettings({ actor: staff, meetingId: id })
    : null;
  if (!meeting) notFound();
  const chosen = z.uuid().safeParse((await searchParams).invitation);
  const [invitees, person] = await Promise.all([
    listUnregisteredInvitees({ actor: staff, meetingId: id }),
    chosen.success ? inviteeDefaults({ actor: staff, meetingId: id, invitationId: chosen.data }) : null,
  ]);
  const eligible = chosen.success && invitees.some((i) => i.invitationId === chosen.data);
  const mayEdit = roleAtLeast(staff.role, 'editor');

  return (
    <>
      <PageHeader
        back={{ href: `/staff/meetings/${id}/participants`, label: `← Participants of ${meeting.titleEn}` }}
        title="Register someone on their behalf"
      />
      <p className="mt-1 max-w-2xl text-slate-700">
        For an invitee who asked the secretariat to register them (by phone, by email). The rules for seats and the
        waiting list are the delegate’s own; the registration deadline does not apply, the start of the meeting does.
      </p>
      {!mayEdit && (
        <Notice tone="warning" className="mt-3">
          Registering someone needs the editor role.
        </Notice>
      )}
      {invitees.length === 0 ? (
        <p className="mt-4">Everyone invited has registered (or is on the waiting list).</p>
      ) : (
        <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
          <FormRow id="invitee" label="Invited person">
            <select
              id="invitee"
              name="invitation"
              defaultValue={chosen.success ? chosen.data : ''}
              className={inputClass}
            >
              <option value="">Choose an invitee</option>
              {invitees.map((i) => (
                <option key={i.invitationId} value={i.invitationId}>
                  {i.name}
                  {i.organisation ? ` (${i.organisation})` : ''} · {i.email}
                  {i.registrationStatus ? ` · ${REGISTRATION_STATUS_LABELS[i.registrationStatus].toLowerCase()}` : ''}
                  {i.invitationStatus === 'declined' ? ' · declined' : ''}
                </option>
              ))}
            </select>
          </FormRow>
          <Button variant="secondary" size="md">
            Choose
          </Button>
        </form>
      )}
      {chosen.success && !eligible && (
        <Notice tone="warning" className="mt-3">
          This invitee cannot be registered here: they are registered already, or the invitation was revoked.
        </Notice>
      )}
      {mayEdit && eligible && person && (
        <section aria-labelledby="registration" className="mt-6">
          <h2 id="registration" className="text-lg font-semibold">
            Registration of {person.defaults.displayName}
          </h2>
          <StaffRegistrationForm
            action={registerOnBehalfAction.bind(null, id, chosen.data!)}
            defaults={person.defaults}
            email={person.email}
            visaSupport={meeting.visaSupport}
            hybrid={meeting.format === 'hybrid'}
            hasVisaDetails={false}
            mode="register"
          />
        </section>
      )}
    </>
  );
}
