import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { getMeeting } from '@/db/meetings';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/lib/auth/staff';
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
  const meeting = z.uuid().safeParse(id).success ? await getMeeting({ id }) : null;
  if (!meeting) notFound();
  return (
    <>
      <p className="text-sm">
        <Link href={`/staff/meetings/${id}`}>← {meeting.titleEn}</Link>
      </p>
      <h1 className="mt-2 mb-4 text-2xl font-semibold">Edit meeting</h1>
      <MeetingForm
        action={updateMeetingAction.bind(null, id)}
        submitLabel="Save changes"
        defaults={meetingFormValues(meeting)}
        {...await meetingFormOptions()}
      />
    </>
  );
}
