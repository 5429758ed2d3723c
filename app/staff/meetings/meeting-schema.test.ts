import type { ComponentProps } from 'react';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { createMeeting, updateMeeting } from '@/db/meetings';
import type { Meeting } from '@/db/schema';
import { meetingFormSchema, meetingFormValues, type MeetingValues } from '@/lib/schemas/meeting';
import type { MeetingForm } from './meeting-form';

const posted = {
  councilId: '7b0f7a5e-55b5-4c4e-9a55-2a1c1c1c1c1c',
  workingGroupId: '',
  kind: 'plenary',
  titleEn: 'Plenary',
  titleRu: 'Пленарное заседание',
  timeZone: 'Asia/Tashkent',
  startDate: '2027-05-14',
  startTime: '10:00',
  endDate: '2027-05-14',
  endTime: '17:30',
  format: 'hybrid',
  meetingLink: 'https://meet.example.org/plenary',
  cityEn: 'Tashkent',
  country: 'UZ',
  capacity: '120',
  visaSupport: 'on',
  deadlineDate: '2027-05-01',
  deadlineTime: '18:00',
};

describe('the meeting schema', () => {
  it('is what the form posts, the action parses and the data layer takes', () => {
    expectTypeOf<ComponentProps<typeof MeetingForm>['defaults']>().toEqualTypeOf<
      Partial<Record<keyof z.input<typeof meetingFormSchema>, string>>
    >();
    expectTypeOf<Parameters<typeof createMeeting>[1]>().toEqualTypeOf<z.output<typeof meetingFormSchema>>();
    expectTypeOf<Parameters<typeof updateMeeting>[2]>().toEqualTypeOf<z.output<typeof meetingFormSchema>>();
    // The table: a column of the same name and type for every planned field.
    expectTypeOf<Pick<Meeting, keyof MeetingValues>>().toEqualTypeOf<MeetingValues>();
  });

  it('shows a saved meeting in the form as it was posted', () => {
    const saved = meetingFormSchema.parse(posted);
    expect(saved).toMatchObject({
      startsAt: new Date('2027-05-14T05:00:00Z'),
      registrationDeadline: new Date('2027-05-01T13:00:00Z'),
      capacity: 120,
      workingGroupId: null,
    });
    expect(meetingFormSchema.parse(meetingFormValues(saved))).toEqual(saved);
    expect(meetingFormValues(saved)).toMatchObject({ ...posted, waitlistOfferHours: '48', venueEn: '' });
  });
});
