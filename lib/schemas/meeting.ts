import { z } from 'zod';
import { isCountryCode } from '@/lib/countries';
import { isValidTimeZone, parseZonedDateTime, toZonedParts } from '@/lib/datetime';
import { MEETING_FORMATS, MEETING_KINDS } from '@/lib/domain';

// A meeting as staff plan it: the one place its planned fields are named. The meeting form (app/staff/meetings/)
// posts these fields, its actions parse them, and the data layer (db/meetings.ts) takes the output as it is. Times
// are posted as wall-clock times at the venue and turned into instants here; meetingFormValues turns them back.

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `Keep this under ${max} characters.`).optional());
const requiredText = (message: string, max = 300) =>
  z.string(message).trim().min(1, message).max(max, `Keep this under ${max} characters.`);

export const PAST_CONFIRMATION = 'This meeting starts in the past: tick “Yes, it is in the past” to save it.';

const NONEXISTENT = 'This time does not exist at the venue that day (the clocks go forward): choose another.';

/** Date and time fields for one moment, checked against the venue's zone by the form's superRefine. */
const whenFields = {
  startDate: z.iso.date('Enter the start date.'),
  startTime: z.string('Enter the start time.').regex(/^\d{2}:\d{2}$/, 'Enter the start time, like 09:30.'),
  endDate: z.iso.date('Enter the end date.'),
  endTime: z.string('Enter the end time.').regex(/^\d{2}:\d{2}$/, 'Enter the end time, like 17:00.'),
};

type WhenInput = { startDate: string; startTime: string; endDate: string; endTime: string; timeZone: string };

/** Resolves start and end in the zone, adding issues to `ctx` for anything wrong; null when something is. */
function resolveWhen(input: WhenInput, ctx: z.RefinementCtx): { startsAt: Date; endsAt: Date } | null {
  const start = parseZonedDateTime(input.startDate, input.startTime, input.timeZone);
  const end = parseZonedDateTime(input.endDate, input.endTime, input.timeZone);
  if (!start.ok)
    ctx.addIssue({
      code: 'custom',
      path: ['startTime'],
      message: start.reason === 'nonexistent' ? NONEXISTENT : 'Enter a real date and time.',
    });
  if (!end.ok)
    ctx.addIssue({
      code: 'custom',
      path: ['endTime'],
      message: end.reason === 'nonexistent' ? NONEXISTENT : 'Enter a real date and time.',
    });
  if (!start.ok || !end.ok) return null;
  if (end.instant <= start.instant) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The meeting must end after it starts.' });
    return null;
  }
  return { startsAt: start.instant, endsAt: end.instant };
}

export const meetingFormSchema = z
  .object({
    councilId: z.uuid('Choose the council.'),
    workingGroupId: z.preprocess(blankToUndefined, z.uuid('Choose a working group from the list.').optional()),
    kind: z.enum(MEETING_KINDS, 'Choose the kind of meeting.'),
    titleEn: requiredText('Enter the title in English.'),
    titleRu: requiredText('Enter the title in Russian.'),
    objectivesEn: optionalText(5000),
    objectivesRu: optionalText(5000),
    timeZone: z.string('Choose the venue’s time zone.').refine(isValidTimeZone, 'Choose the venue’s time zone.'),
    ...whenFields,
    format: z.enum(MEETING_FORMATS, 'Choose in person, hybrid or online.'),
    meetingLink: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https$/, error: 'Enter the meeting link, starting with https://' })
        .max(2000)
        .optional(),
    ),
    cityEn: optionalText(200),
    cityRu: optionalText(200),
    // «в Ташкенте»: Russian declines the city after «в»; no rule gets it right for every name, so staff write it.
    cityRuLocative: optionalText(200),
    country: z.preprocess(
      blankToUndefined,
      z.string().refine(isCountryCode, 'Choose a country from the list.').optional(),
    ),
    venueEn: optionalText(300),
    venueRu: optionalText(300),
    capacity: z.preprocess(
      blankToUndefined,
      z.coerce
        .number('Enter the number of seats, or leave it empty for no limit.')
        .int('Enter a whole number of seats.')
        .min(1, 'A meeting needs at least one seat; leave it empty for no limit.')
        .max(100_000, 'That is more seats than any venue has.')
        .optional(),
    ),
    waitlistOfferHours: z.preprocess(
      blankToUndefined,
      z.coerce
        .number('Enter how many hours a freed seat stays offered.')
        .int('Enter a whole number of hours.')
        .min(1, 'An offer needs at least one hour.')
        .max(336, 'Offer a seat for two weeks (336 hours) at most.')
        .default(48),
    ),
    visaSupport: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    deadlineDate: z.preprocess(blankToUndefined, z.iso.date('Enter the deadline date.').optional()),
    deadlineTime: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{2}:\d{2}$/, 'Enter the deadline time, like 18:00.')
        .optional(),
    ),
  })
  .transform((input, ctx) => {
    const when = resolveWhen(input, ctx);
    if (input.format !== 'in_person' && !input.meetingLink) {
      const message = `${input.format === 'online' ? 'An online' : 'A hybrid'} meeting needs its meeting link.`;
      ctx.addIssue({ code: 'custom', path: ['meetingLink'], message });
    }
    if (input.format !== 'online' && !input.cityEn) {
      ctx.addIssue({ code: 'custom', path: ['cityEn'], message: 'Enter the city, in English.' });
    }
    if (input.format !== 'online' && !input.country) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'Choose the country of the venue.' });
    }
    let registrationDeadline: Date | null = null;
    if (input.deadlineDate || input.deadlineTime) {
      const deadline = parseZonedDateTime(input.deadlineDate ?? '', input.deadlineTime ?? '', input.timeZone);
      if (!deadline.ok) {
        ctx.addIssue({
          code: 'custom',
          path: [input.deadlineDate ? 'deadlineTime' : 'deadlineDate'],
          message:
            deadline.reason === 'nonexistent' ? NONEXISTENT : 'Enter both the date and the time of the deadline.',
        });
      } else if (when && deadline.instant > when.startsAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['deadlineDate'],
          message: 'Registration must close before the meeting starts.',
        });
      } else registrationDeadline = deadline.instant;
    }
    if (!when) return z.NEVER;
    return {
      councilId: input.councilId,
      workingGroupId: input.workingGroupId ?? null,
      kind: input.kind,
      titleEn: input.titleEn,
      titleRu: input.titleRu,
      objectivesEn: input.objectivesEn ?? '',
      objectivesRu: input.objectivesRu ?? '',
      timeZone: input.timeZone,
      startsAt: when.startsAt,
      endsAt: when.endsAt,
      format: input.format,
      meetingLink: input.format === 'in_person' ? null : (input.meetingLink ?? null),
      cityEn: input.format === 'online' ? null : (input.cityEn ?? null),
      cityRu: input.format === 'online' ? null : (input.cityRu ?? null),
      cityRuLocative: input.format === 'online' ? null : (input.cityRuLocative ?? null),
      country: input.format === 'online' ? null : (input.country ?? null),
      venueEn: input.format === 'online' ? null : (input.venueEn ?? null),
      venueRu: input.format === 'online' ? null : (input.venueRu ?? null),
      capacity: input.capacity ?? null,
      waitlistOfferHours: input.waitlistOfferHours,
      visaSupport: input.visaSupport,
      registrationDeadline,
    };
  });

/** What the data layer takes to create or change a meeting. */
export type MeetingValues = z.output<typeof meetingFormSchema>;
/** A field's name as the meeting form posts it. */
export type MeetingFormField = keyof z.input<typeof meetingFormSchema>;
/** What the form shows before anything is posted. */
export type MeetingFormValues = Partial<Record<MeetingFormField, string>>;

/** A meeting as the form shows it: the schema's transform, backwards (instants as wall-clock times at the venue). */
export function meetingFormValues(meeting: MeetingValues): Record<MeetingFormField, string> {
  const start = toZonedParts(meeting.startsAt, meeting.timeZone);
  const end = toZonedParts(meeting.endsAt, meeting.timeZone);
  const deadline = meeting.registrationDeadline ? toZonedParts(meeting.registrationDeadline, meeting.timeZone) : null;
  return {
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
    cityRuLocative: meeting.cityRuLocative ?? '',
    country: meeting.country ?? '',
    venueEn: meeting.venueEn ?? '',
    venueRu: meeting.venueRu ?? '',
    capacity: meeting.capacity ? String(meeting.capacity) : '',
    waitlistOfferHours: String(meeting.waitlistOfferHours),
    visaSupport: meeting.visaSupport ? 'on' : '',
    deadlineDate: deadline?.date ?? '',
    deadlineTime: deadline?.time ?? '',
  };
}

export const duplicateFormSchema = z
  .object({
    titleEn: requiredText('Enter the title in English.'),
    titleRu: requiredText('Enter the title in Russian.'),
    timeZone: z.string().refine(isValidTimeZone, 'Choose the venue’s time zone.'),
    ...whenFields,
    confirmPast: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
  })
  .transform((input, ctx) => {
    const when = resolveWhen(input, ctx);
    // The form starts from the source's dates: left as they are for a past meeting, the copy would be past too.
    if (when && when.startsAt.getTime() < Date.now() && !input.confirmPast) {
      ctx.addIssue({ code: 'custom', path: ['confirmPast'], message: PAST_CONFIRMATION });
      return z.NEVER;
    }
    return when ? { titleEn: input.titleEn, titleRu: input.titleRu, ...when } : z.NEVER;
  });

/**
 * The meeting form as posted: the meeting, and the confirmation a start in the past needs (a typo in the year
 * otherwise files the meeting silently among the old ones). A meeting whose start is not changed (`savedStartsAt`,
 * posted by the edit form) needs none, so a held meeting stays editable.
 */
export const meetingSubmissionSchema = z
  .intersection(
    meetingFormSchema,
    z.object({
      confirmPast: z
        .string()
        .optional()
        .transform((v) => v === 'on'),
      savedStartsAt: z.string().optional(),
    }),
  )
  .superRefine((input, ctx) => {
    // Refinements run after other issues too; a meeting whose dates did not parse has nothing to compare.
    if (!(input.startsAt instanceof Date)) return;
    const unchanged = input.savedStartsAt && Date.parse(input.savedStartsAt) === input.startsAt.getTime();
    if (input.startsAt.getTime() < Date.now() && !unchanged && !input.confirmPast) {
      ctx.addIssue({ code: 'custom', path: ['confirmPast'], message: PAST_CONFIRMATION });
    }
  })
  .transform(({ confirmPast, savedStartsAt, ...values }): MeetingValues => {
    void [confirmPast, savedStartsAt];
    return values;
  });
