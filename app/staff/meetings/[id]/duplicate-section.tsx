import { ActionConfirmation, ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { Card } from '@/components/ui';
import type { getMeeting } from '@/db/meetings';
import { toZonedParts } from '@/lib/datetime';
import { duplicateMeetingAction } from '../actions';

type Meeting = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/** A new draft from this meeting, on new dates (in the meeting's own zone). */
export function DuplicateSection({ meeting }: { meeting: Meeting }) {
  const start = toZonedParts(meeting.startsAt, meeting.timeZone);
  const end = toZonedParts(meeting.endsAt, meeting.timeZone);
  return (
    <Card as="section" aria-labelledby="duplicate" className="mt-8">
      <h2 id="duplicate" className="text-lg font-semibold">
        Duplicate this meeting
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        A new draft with the same council, kind, venue, texts, organisations and agenda (moved with the dates, and
        internal until published), on the dates you give (in {meeting.timeZone}).
      </p>
      <ActionForm
        action={duplicateMeetingAction.bind(null, meeting.id)}
        submitLabel="Duplicate"
        className="mt-3 grid gap-3 sm:grid-cols-2"
      >
        <input type="hidden" name="timeZone" value={meeting.timeZone} />
        {(
          [
            ['titleEn', 'New title in English', 'text', meeting.titleEn],
            ['titleRu', 'New title in Russian', 'text', meeting.titleRu],
            ['startDate', 'New start date', 'date', start.date],
            ['startTime', 'New start time', 'time', start.time],
            ['endDate', 'New end date', 'date', end.date],
            ['endTime', 'New end time', 'time', end.time],
          ] as const
        ).map(([name, label, type, value]) => (
          <FormRow key={name} id={`duplicate-${name}`} label={label}>
            <input id={`duplicate-${name}`} name={name} type={type} defaultValue={value} className={inputClass} />
          </FormRow>
        ))}
        <ActionConfirmation name="confirmPast" id="duplicate-confirmPast" label="Yes, it is in the past" />
      </ActionForm>
    </Card>
  );
}
