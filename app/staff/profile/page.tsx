import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ActionForm } from '@/components/action-form';
import { inputClass } from '@/components/field';
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
      <h1 className="text-2xl font-semibold">Your profile</h1>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Name</dt>
        <dd>{staff.name ?? '—'}</dd>
        <dt className="font-medium">Email</dt>
        <dd>{staff.email}</dd>
        <dt className="font-medium">Role</dt>
        <dd>{staff.role}</dd>
      </dl>
      <section aria-labelledby="time-zone" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
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
          <div className="flex flex-col gap-1">
            <label htmlFor="profile-time-zone" className="text-sm font-medium">
              Time zone
            </label>
            <select id="profile-time-zone" name="timeZone" defaultValue={staff.timeZone ?? ''} className={inputClass}>
              <option value="">Venue time only</option>
              {allTimeZones().map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </div>
        </ActionForm>
      </section>
    </>
  );
}
