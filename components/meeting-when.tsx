import { formatDateTimeRange } from '@/lib/datetime';

/**
 * When a meeting happens, in the venue's zone (always named), and — on staff pages — also in the reader's own zone
 * when that differs: a New York briefing at 15:00 is 01:00 the next day in Tashkent.
 */
export function MeetingWhen({
  startsAt,
  endsAt,
  timeZone,
  readerZone,
}: {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  readerZone?: string | null;
}) {
  const other = readerZone && readerZone !== timeZone ? formatDateTimeRange(startsAt, endsAt, readerZone, 'en') : null;
  const venue = formatDateTimeRange(startsAt, endsAt, timeZone, 'en');
  return (
    <>
      <time dateTime={startsAt.toISOString()}>{venue}</time>
      {other && other !== venue && <span className="block text-slate-700">Your time: {other}</span>}
    </>
  );
}
