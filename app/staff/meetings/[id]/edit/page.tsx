import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { PageHeader } from '@/components/ui';
import { getMeeting } from '@/db/meetings';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { toZonedParts } from '@/lib/datetime';
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
  const start = toZonedParts(meeting.startsAt, meeting.timeZone);
  const end = toZonedParts(meeting.endsAt, meeting.timeZone);
  const deadline = meeting.registrationDeadline ? toZonedParts(meeting.registrationDeadline, meeting.timeZone) : null;
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
        defaults={{
          councilId: meeting.councilId,
          workingGroupId: meeting.workingGroupId ?? '',
          kind: meeting.kind,
          titleEn: meeting.titleEn,
          titleRu: meeting.titleRu,
          objectivesEn: meeting.objectivesEn,
          objectivesRu: meeting.objectivesRu,
          timeZone: meeting.timeZone,
          startDate: start.date,
          startTime: start.time,
          endDate: end.date,
          endTime: end.time,
          format: meeting.format,
          meetingLink: meeting.meetingLink ?? '',
          cityEn: meeting.cityEn ?? '',
          cityRu: meeting.cityRu ?? '',
          country: meeting.country ?? '',
          venueEn: meeting.venueEn ?? '',
          venueRu: meeting.venueRu ?? '',
          capacity: meeting.capacity ? String(meeting.capacity) : '',
          waitlistOfferHours: String(meeting.waitlistOfferHours),
          visaSupport: meeting.visaSupport ? 'on' : '',
          deadlineDate: deadline?.date ?? '',
          deadlineTime: deadline?.time ?? '',
        }}
        {...await meetingFormOptions({ actor: staff })}
      />
    </>
  );
}
