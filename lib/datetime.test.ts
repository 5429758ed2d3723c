import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDateTimeRange,
  isValidTimeZone,
  utcOffsetLabel,
  zonedToInstant,
  zoneLabel,
} from './datetime';

const plenaryStart = new Date('2024-05-14T05:00:00Z');

describe('formatDateTime', () => {
  it('names the venue’s zone and offset, in English and Russian', () => {
    expect(formatDateTime(plenaryStart, 'Asia/Tashkent', 'en')).toBe('14 May 2024, 10:00 Tashkent time (UTC+5)');
    expect(formatDateTime(plenaryStart, 'Asia/Tashkent', 'ru')).toBe(
      '14 мая 2024 г., 10:00 по времени Ташкента (UTC+5)',
    );
  });

  it('shows a New York afternoon as the next morning in Tashkent', () => {
    const briefing = zonedToInstant({ year: 2024, month: 12, day: 10, hour: 15, minute: 0 }, 'America/New_York');
    expect(briefing.toISOString()).toBe('2024-12-10T20:00:00.000Z');
    expect(formatDateTime(briefing, 'America/New_York', 'en')).toBe('10 December 2024, 15:00 New York time (UTC-5)');
    expect(formatDateTime(briefing, 'Asia/Tashkent', 'en')).toBe('11 December 2024, 01:00 Tashkent time (UTC+5)');
  });

  it('falls back to the IANA city (English) or the zone’s own name (Russian) for zones it has no name for', () => {
    expect(zoneLabel(plenaryStart, 'Asia/Kathmandu', 'en')).toBe('Kathmandu time (UTC+5:45)');
    expect(zoneLabel(plenaryStart, 'Asia/Kathmandu', 'ru')).toMatch(/^\(.*Непал.*, UTC\+5:45\)$/);
    expect(zoneLabel(plenaryStart, 'Asia/Kolkata', 'en')).toBe('Kolkata time (UTC+5:30)');
  });
});

describe('utcOffsetLabel', () => {
  it('follows daylight saving time across the US spring change', () => {
    const beforeChange = zonedToInstant({ year: 2024, month: 3, day: 9, hour: 12, minute: 0 }, 'America/New_York');
    const afterChange = zonedToInstant({ year: 2024, month: 3, day: 10, hour: 12, minute: 0 }, 'America/New_York');
    expect(utcOffsetLabel(beforeChange, 'America/New_York')).toBe('UTC-5');
    expect(utcOffsetLabel(afterChange, 'America/New_York')).toBe('UTC-4');
    // Noon to noon across the change is 23 hours, not 24.
    expect((afterChange.getTime() - beforeChange.getTime()) / 3_600_000).toBe(23);
  });
});

describe('formatDateTimeRange', () => {
  it('writes a one-day meeting with one date', () => {
    expect(formatDateTimeRange(plenaryStart, new Date('2024-05-14T12:00:00Z'), 'Asia/Tashkent', 'en')).toBe(
      '14 May 2024, 10:00–17:00 Tashkent time (UTC+5)',
    );
  });

  it('writes both dates when the meeting runs over midnight in the venue', () => {
    expect(formatDateTimeRange(plenaryStart, new Date('2024-05-15T07:00:00Z'), 'Asia/Tashkent', 'ru')).toBe(
      '14 мая 2024 г., 10:00 – 15 мая 2024 г., 12:00 по времени Ташкента (UTC+5)',
    );
  });

  it('names both offsets when the clocks change during the meeting', () => {
    const start = zonedToInstant({ year: 2024, month: 3, day: 9, hour: 18, minute: 0 }, 'America/New_York');
    const end = zonedToInstant({ year: 2024, month: 3, day: 10, hour: 12, minute: 0 }, 'America/New_York');
    expect(formatDateTimeRange(start, end, 'America/New_York', 'en')).toBe(
      '9 March 2024, 18:00 New York time (UTC-5) – 10 March 2024, 12:00 New York time (UTC-4)',
    );
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect(isValidTimeZone('Asia/Tashkent')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Tashkent')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('parseZonedDateTime', () => {
  it('reads a venue’s wall-clock time as an instant', async () => {
    const { parseZonedDateTime } = await import('./datetime');
    expect(parseZonedDateTime('2024-12-10', '15:00', 'America/New_York')).toEqual({
      ok: true,
      instant: new Date('2024-12-10T20:00:00Z'),
    });
    expect(parseZonedDateTime('2024-05-14', '10:00', 'Asia/Tashkent')).toEqual({
      ok: true,
      instant: new Date('2024-05-14T05:00:00Z'),
    });
  });

  it('refuses a time the clocks skip, and dates that do not exist', async () => {
    const { parseZonedDateTime } = await import('./datetime');
    // 10 March 2024: New York's clocks jump from 02:00 to 03:00.
    expect(parseZonedDateTime('2024-03-10', '02:30', 'America/New_York')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(parseZonedDateTime('2024-03-10', '03:30', 'America/New_York').ok).toBe(true);
    expect(parseZonedDateTime('2024-02-30', '10:00', 'Asia/Tashkent')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseZonedDateTime('2024-05-14', '24:00', 'Asia/Tashkent')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseZonedDateTime('14.05.2024', '10:00', 'Asia/Tashkent')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('round-trips with toZonedParts, across the autumn change too', async () => {
    const { parseZonedDateTime, toZonedParts } = await import('./datetime');
    // 3 November 2024, 01:30 happens twice in New York; the first (daylight) one is taken.
    const r = parseZonedDateTime('2024-11-03', '01:30', 'America/New_York');
    expect(r.ok && toZonedParts(r.instant, 'America/New_York')).toEqual({ date: '2024-11-03', time: '01:30' });
  });
});
