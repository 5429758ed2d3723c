import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { ActionForm } from '@/components/action-form';
import { Notice, PageHeader } from '@/components/ui';
import { doorDay } from '@/db/check-in';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { roleAtLeast } from '@/lib/auth/roles';
import { countryOptions } from '@/lib/countries';
import { formatDate } from '@/lib/datetime';
import { INVITATION_ROLE_LABELS, INVITATION_ROLES } from '@/lib/domain';
import { requireSignedInPage } from '@/services/auth/staff';
import { undoCheckInAction, walkInAction } from './actions';
import { CheckInDesk } from './check-in-desk';
import { WalkInForm } from './walk-in-form';

export const metadata: Metadata = { title: 'Check-in' };

/** The door, on a phone: scanning, finding by name, walk-ins, and today's latest check-ins to undo a mistake. */
export default async function CheckInPage({ params, searchParams }: PageProps<'/staff/meetings/[id]/check-in'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/check-in`);
  if (!roleAtLeast(staff.role, 'editor')) return <AccessDenied needed="editor" />;
  const meeting = z.uuid().safeParse(id).success
    ? await getMeetingInvitationSettings({ actor: staff, meetingId: id })
    : null;
  const day = meeting ? await doorDay({ actor: staff, meetingId: id }) : null;
  if (!meeting || !day) notFound();
  return (
    <div className="mx-auto max-w-md">
      <PageHeader back={{ href: `/staff/meetings/${id}`, label: `← ${meeting.titleEn}` }} title="Check-in" />
      <p className="mt-1 text-slate-700">
        {formatDate(new Date(`${day.day}T12:00:00Z`), 'UTC', 'en')} at the venue: {day.checkedIn} of {day.registered}{' '}
        registered checked in.
      </p>
      {(await searchParams).undone === '1' && (
        <Notice tone="success" role="status" className="mt-3">
          Check-in undone.
        </Notice>
      )}
      <div className="mt-4">
        <CheckInDesk meetingId={id} />
      </div>

      <section aria-labelledby="recent-heading" className="mt-6">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Latest check-ins today
        </h2>
        {day.recent.length === 0 ? (
          <p className="text-slate-700">Nobody checked in yet today.</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-2">
            {day.recent.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-300 p-2">
                <p className="font-medium">{r.name}</p>
                <p className="text-sm text-slate-700">
                  {r.delegation} · {r.atText}
                  {r.by ? ` · by ${r.by}` : ''}
                </p>
                <ActionForm
                  action={undoCheckInAction.bind(null, id, r.id)}
                  submitLabel={<>Undo the check-in of {r.name}</>}
                  variant="secondary"
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="walk-in-heading" className="mt-6">
        <h2 id="walk-in-heading" className="text-lg font-semibold">
          Register a walk-in
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          Registered whatever the seat count (they are in the room), checked in at once, and no email is sent.
        </p>
        <WalkInForm
          meetingId={id}
          action={walkInAction.bind(null, id)}
          countries={countryOptions('en')}
          roles={INVITATION_ROLES.map((r) => ({ value: r, label: INVITATION_ROLE_LABELS[r] }))}
        />
      </section>
      <p className="mt-6">
        <Link href={`/staff/meetings/${id}/participants`}>Participants and badges</Link>
      </p>
    </div>
  );
}
