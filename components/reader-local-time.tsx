'use client';

import { useSyncExternalStore } from 'react';
import { formatDateTimeRange, type Locale } from '@/lib/datetime';

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZoneOnServer = () => null;

/**
 * The meeting's time in the reader's own zone, where it differs from the venue's. Only where JavaScript runs (the
 * server cannot know the reader's zone); the venue's time, always shown beside it, is what the page says without it.
 */
export function ReaderLocalTime({
  startsAt,
  endsAt,
  venueZone,
  locale,
  label,
}: {
  startsAt: string;
  endsAt: string;
  venueZone: string;
  locale: Locale;
  label: string;
}) {
  const zone = useSyncExternalStore(noSubscription, browserZone, noZoneOnServer);
  if (!zone || zone === venueZone) return null;
  const local = formatDateTimeRange(new Date(startsAt), new Date(endsAt), zone, locale);
  if (local === formatDateTimeRange(new Date(startsAt), new Date(endsAt), venueZone, locale)) return null;
  return (
    <span className="block text-slate-700">
      {label} {local}
    </span>
  );
}
