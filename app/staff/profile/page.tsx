import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { Card, PageHeader } from '@/components/ui';
import { requireSignedInPage } from '@/services/auth/staff';
import { allTimeZones, formatDateTime } from '@/lib/datetime';
import { updateTimeZoneAction } from './actions';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  await connection();
  const staff = await requireSignedInPage('/staff/profile');
  const now = new Date();
  return (
    <>
      <PageHeader title="Your profile" />
      <Card as="dl" className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Name</dt>
        <dd>{staff.name ?? '—'}</dd>
        <dt className="font-medium">Email</dt>
        <dd>{staff.email}</dd>
        <dt className="font-medium">Role</dt>
        <dd>{staff.role}</dd>
      </Card>
      <Card as="section" aria-labelledby="time-zone" className="mt-6">
        <h2 id="time-zone" className="text-lg font-semibold">
          Your time zone
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Meeting times are always shown in the venue’s zone. Choose yours to see them in your own time as well.
          {staff.timeZone && ` Now: ${formatDateTime(now, staff.timeZone, 'en')}.`}
        </p>
        <ActionForm
          action={updateTimeZoneAction}
          submitLabel="Save time zone"
          className="mt-3 flex flex-wrap items-end gap-2"
        >
          <FormRow id="profile-time-zone" label="Time zone">
            <select id="profile-time-zone" name="timeZone" defaultValue={staff.timeZone ?? ''} className={inputClass}>
              <option value="">Venue time only</option>
              {allTimeZones().map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </FormRow>
        </ActionForm>
      </Card>
    </>
  );
}
