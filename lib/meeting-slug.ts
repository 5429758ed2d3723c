import { toZonedParts } from '@/lib/datetime';
import { toLatin } from '@/lib/transliterate';

// A meeting's public address, /meetings/<slug>. The database applies the same rule to rows inserted without a slug
// (drizzle/0022_meeting_slugs.sql, meeting_slug_base): keep the two alike.

export const MEETING_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_WORDS_LENGTH = 80;

/** The year of the meeting's start at the venue (a meeting starting on 31 December in Tashkent is that year's). */
export function venueYear(startsAt: Date, timeZone: string): number {
  return Number(toZonedParts(startsAt, timeZone).date.slice(0, 4));
}

/** "Regional Expert Council: Annual Meeting" in 2027 → "regional-expert-council-annual-meeting-2027". */
export function meetingSlugBase(titleEn: string, year: number): string {
  let words = toLatin(titleEn.toLowerCase())
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length > MAX_WORDS_LENGTH) {
    // Cut at the last whole word within the limit.
    words = words
      .slice(0, MAX_WORDS_LENGTH + 1)
      .replace(/-[^-]*$/, '')
      .slice(0, MAX_WORDS_LENGTH)
      .replace(/^-+|-+$/g, '');
  }
  const suffix = String(year);
  if (!words) return suffix;
  // A title that already ends with its year ("Annual Meeting 2027") does not get it twice.
  if (words === suffix || words.endsWith(`-${suffix}`)) return words;
  return `${words}-${suffix}`;
}

/** `base`, or `base-2`, `base-3` … : the first that `taken` does not hold. */
export function freeMeetingSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
