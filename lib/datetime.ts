import { TZDate } from '@date-fns/tz';

export type Locale = 'en' | 'ru';

// How a news item names a zone: "Tashkent time", «по времени Ташкента». Zones missing here fall back to the city of
// the IANA name ("Europe/Vienna" → "Vienna").
const ZONE_CITY: Record<string, { en: string; ruGenitive: string }> = {
  'Asia/Tashkent': { en: 'Tashkent', ruGenitive: 'Ташкента' },
  'Asia/Samarkand': { en: 'Samarkand', ruGenitive: 'Самарканда' },
  'Asia/Almaty': { en: 'Almaty', ruGenitive: 'Алматы' },
  'Asia/Qostanay': { en: 'Kostanay', ruGenitive: 'Костаная' },
  'Asia/Bishkek': { en: 'Bishkek', ruGenitive: 'Бишкека' },
  'Asia/Dushanbe': { en: 'Dushanbe', ruGenitive: 'Душанбе' },
  'Asia/Ashgabat': { en: 'Ashgabat', ruGenitive: 'Ашхабада' },
  'Asia/Kabul': { en: 'Kabul', ruGenitive: 'Кабула' },
  'Europe/Moscow': { en: 'Moscow', ruGenitive: 'Москвы' },
  'Europe/Vienna': { en: 'Vienna', ruGenitive: 'Вены' },
  'Europe/Zurich': { en: 'Geneva', ruGenitive: 'Женевы' },
  'Europe/Brussels': { en: 'Brussels', ruGenitive: 'Брюсселя' },
  'Europe/London': { en: 'London', ruGenitive: 'Лондона' },
  'Europe/Berlin': { en: 'Berlin', ruGenitive: 'Берлина' },
  'Europe/Paris': { en: 'Paris', ruGenitive: 'Парижа' },
  'Europe/Rome': { en: 'Rome', ruGenitive: 'Рима' },
  'Europe/Istanbul': { en: 'Istanbul', ruGenitive: 'Стамбула' },
  'Asia/Dubai': { en: 'Dubai', ruGenitive: 'Дубая' },
  'Asia/Baku': { en: 'Baku', ruGenitive: 'Баку' },
  'Asia/Tbilisi': { en: 'Tbilisi', ruGenitive: 'Тбилиси' },
  'Asia/Yerevan': { en: 'Yerevan', ruGenitive: 'Еревана' },
  'Asia/Tehran': { en: 'Tehran', ruGenitive: 'Тегерана' },
  'Asia/Kolkata': { en: 'Kolkata', ruGenitive: 'Калькутты' },
  'Asia/Tokyo': { en: 'Tokyo', ruGenitive: 'Токио' },
  'America/New_York': { en: 'New York', ruGenitive: 'Нью-Йорка' },
  'Asia/Shanghai': { en: 'Beijing', ruGenitive: 'Пекина' },
  UTC: { en: 'UTC', ruGenitive: 'UTC' },
};

// Creating an Intl.DateTimeFormat costs far more than using one (a bulk send formats thousands of dates): one per
// locale, zone and options, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** "UTC+5", "UTC−4", "UTC+5:30", "UTC" for the zone's offset at that instant. */
export function utcOffsetLabel(instant: Date, zone: string): string {
  const part = formatter('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  return (part ?? 'GMT').replace('GMT', 'UTC');
}

/** "Tashkent time (UTC+5)" / «по времени Ташкента (UTC+5)». */
export function zoneLabel(instant: Date, zone: string, locale: Locale): string {
  const fallbackCity = zone.split('/').pop()!.replaceAll('_', ' ');
  const city = ZONE_CITY[zone];
  const offset = utcOffsetLabel(instant, zone);
  if (zone === 'UTC') return 'UTC';
  if (locale === 'en') return `${city?.en ?? fallbackCity} time (${offset})`;
  if (city) return `по времени ${city.ruGenitive} (${offset})`;
  // No Russian city name to hand: the zone's Russian name instead ("Центральная Европа").
  const generic = formatter('ru-RU', { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  return `(${generic ?? fallbackCity}, ${offset})`;
}

const intlLocale = (locale: Locale) => (locale === 'ru' ? 'ru-RU' : 'en-GB');

/** "14 May 2024" / «14 мая 2024 г.» as the calendar reads in that zone. */
export function formatDate(instant: Date, zone: string, locale: Locale): string {
  return formatter(intlLocale(locale), {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

/** "10:00", 24-hour, in that zone. */
export function formatTime(instant: Date, zone: string, locale: Locale): string {
  return formatter(intlLocale(locale), {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** "14 May 2024, 10:00 Tashkent time (UTC+5)": a moment, always with its zone named. */
export function formatDateTime(instant: Date, zone: string, locale: Locale): string {
  return `${formatDate(instant, zone, locale)}, ${formatTime(instant, zone, locale)} ${zoneLabel(instant, zone, locale)}`;
}

/**
 * "14 May 2024, 10:00–17:00 Tashkent time (UTC+5)" when the meeting starts and ends on one calendar day of the
 * venue; otherwise both ends in full.
 */
export function formatDateTimeRange(start: Date, end: Date, zone: string, locale: Locale): string {
  const startDay = formatDate(start, zone, locale);
  const endDay = formatDate(end, zone, locale);
  const startOffset = utcOffsetLabel(start, zone);
  if (startDay === endDay && startOffset === utcOffsetLabel(end, zone)) {
    return `${startDay}, ${formatTime(start, zone, locale)}–${formatTime(end, zone, locale)} ${zoneLabel(start, zone, locale)}`;
  }
  if (startOffset === utcOffsetLabel(end, zone)) {
    return `${startDay}, ${formatTime(start, zone, locale)} – ${endDay}, ${formatTime(end, zone, locale)} ${zoneLabel(start, zone, locale)}`;
  }
  return `${formatDateTime(start, zone, locale)} – ${formatDateTime(end, zone, locale)}`;
}

/** The instant at which the wall clock in `zone` reads the given local date and time. */
export function zonedToInstant(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  zone: string,
): Date {
  return new Date(new TZDate(local.year, local.month - 1, local.day, local.hour, local.minute, zone).getTime());
}

/** The calendar date (year, month 1–12, day) that `instant` falls on in `zone`. */
export function calendarDateIn(instant: Date, zone: string): { year: number; month: number; day: number } {
  const local = new TZDate(instant.getTime(), zone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/**
 * The instant a wall-clock date and time ("2024-12-10", "15:00") names in `zone`, or why there is none: a time
 * skipped when the clocks go forward does not exist.
 */
export function parseZonedDateTime(
  date: string,
  time: string,
  zone: string,
): { ok: true; instant: Date } | { ok: false; reason: 'invalid' | 'nonexistent' } {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t || !isValidTimeZone(zone)) return { ok: false, reason: 'invalid' };
  const local = { year: +d[1]!, month: +d[2]!, day: +d[3]!, hour: +t[1]!, minute: +t[2]! };
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > 31 || local.hour > 23 || local.minute > 59) {
    return { ok: false, reason: 'invalid' };
  }
  const instant = zonedToInstant(local, zone);
  const back = toZonedParts(instant, zone);
  if (back.date !== date)
    return { ok: false, reason: back.date.slice(0, 7) === date.slice(0, 7) ? 'nonexistent' : 'invalid' };
  if (back.time !== time) return { ok: false, reason: 'nonexistent' };
  return { ok: true, instant };
}

/** The wall-clock date ("2024-12-10") and time ("15:00") of `instant` in `zone`, as form fields want them. */
export function toZonedParts(instant: Date, zone: string): { date: string; time: string } {
  const local = new TZDate(instant.getTime(), zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** Every IANA zone this runtime knows, for pickers. */
export function allTimeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}
