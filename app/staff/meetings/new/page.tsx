import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AccessDenied } from '@/components/access-denied';
import { PageHeader } from '@/components/ui';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { createMeetingAction } from '../actions';
import { meetingFormOptions } from '../form-options';
import { MeetingForm } from '../meeting-form';

export const metadata: Metadata = { title: 'New meeting' };

export default async function NewMeetingPage() {
  await connection();
  const staff = await requireSignedInPage('/staff/meetings/new');
  if (!roleAtLeast(staff.role, 'editor')) return <AccessDenied needed="editor" />;
  const options = await meetingFormOptions({ actor: staff });
  return (
    <>
      <PageHeader back={{ href: '/staff', label: '← Dashboard' }} title="New meeting" className="mb-4" />
      <MeetingForm
        action={createMeetingAction}
        submitLabel="Create meeting"
        defaults={{
          councilId: options.councils[0]?.value,
          timeZone: staff.timeZone ?? 'Asia/Tashkent',
          format: 'in_person',
        }}
        {...options}
      />
    </>
  );
}
