import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { PageHeader } from '@/components/ui';
import { getMeeting } from '@/db/meetings';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { meetingFormValues } from '@/lib/schemas/meeting';
import { updateMeetingAction } from '../../actions';
import { meetingFormOptions } from '../../form-options';
import { MeetingForm } from '../../meeting-form';

export const metadata: Metadata = { title: 'Edit meeting' };

export default async function EditMeetingPage({ params }: PageProps<'/staff/meetings/[id]/edit'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/edit`);
  if (!roleAtLeast(staff.role, 'editor')) return <AccessDenied needed="editor" />;
  const meeting = z.uuid().safeParse(id).success ? await getMeeting({ actor: staff, id }) : null;
  if (!meeting) notFound();
  return (
    <>
      <PageHeader
        back={{ href: `/staff/meetings/${id}`, label: `← ${meeting.titleEn}` }}
        title="Edit meeting"
        className="mb-4"
      />
      <MeetingForm
        action={updateMeetingAction.bind(null, id)}
        submitLabel="Save changes"
        defaults={meetingFormValues(meeting)}
        savedStartsAt={meeting.startsAt.toISOString()}
        {...await meetingFormOptions({ actor: staff })}
      />
    </>
  );
}
