import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarLineProblems } from '@/test/calendar-lines';
import { calendarFile } from './calendar';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { calendar, event };
}

const base = {
  uid: 'invitation-1@council.test',
  sequence: 0,
  summary: 'Regional Expert Council: second meeting',
  location: 'Hyatt Regency, Tashkent',
  description: 'Line one, with a comma; and a semicolon\nLine two',
  url: 'https://council.example.org/i/abc',
};

describe('calendar files', () => {
  it('carries the venue’s zone and the right instants (Tashkent, UTC+5, no daylight saving)', () => {
    const text = calendarFile({
      ...base,
      start: new Date('2027-05-14T05:00:00Z'),
      end: new Date('2027-05-14T12:00:00Z'),
      timeZone: 'Asia/Tashkent',
    });
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART;TZID=Asia/Tashkent:20270514T100000');
    expect(text.includes('\r\n') && !/[^\r]\n/.test(text)).toBe(true);
    const { event } = parse(text);
    expect(event.uid).toBe('invitation-1@council.test');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-05-14T05:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-05-14T12:00:00.000Z');
    expect(event.description).toBe(base.description);
    expect(event.location).toBe(base.location);
  });

  it('is right across a daylight-saving change (Berlin in summer and winter)', () => {
    for (const [start, wall] of [
      ['2027-07-01T08:00:00Z', '20270701T100000'],
      ['2027-12-01T08:00:00Z', '20271201T090000'],
    ] as const) {
      const text = calendarFile({
        ...base,
        sequence: 3,
        start: new Date(start),
        end: new Date(new Date(start).getTime() + 3_600_000),
        timeZone: 'Europe/Berlin',
      });
      expect(text).toContain(`DTSTART;TZID=Europe/Berlin:${wall}`);
      const { event } = parse(text);
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
      expect(event.sequence).toBe(3);
    }
  });

  it('marks a cancelled meeting', () => {
    const text = calendarFile({
      ...base,
      cancelled: true,
      start: new Date('2027-05-14T05:00:00Z'),
      end: new Date('2027-05-14T12:00:00Z'),
      timeZone: 'Asia/Tashkent',
    });
    expect(parse(text).calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('calendar files written once for many invitees', () => {
  it('each carry their own UID, folded or not, and are otherwise the same', () => {
    const now = new Date('2027-05-01T10:00:30Z');
    const base = {
      sequence: 2,
      start: new Date('2027-05-14T05:00:00Z'),
      end: new Date('2027-05-14T12:00:00Z'),
      timeZone: 'Asia/Tashkent',
      summary: 'Plenary',
      location: 'Tashkent',
      description: 'When: 14 May',
      url: null,
    };
    for (const domain of ['example.org', 'a-rather-long-mail-domain-for-the-secretariat.example.org']) {
      const ids = ['3b67a4b1-8496-4bd1-800e-355f1154daab', 'f462ac0d-7964-48fd-a0c0-a730f473ca0e'];
      const files = ids.map((id) => calendarFile({ ...base, uid: `invitation-${id}@${domain}` }, now));
      for (const [i, id] of ids.entries()) {
        const event = new ICAL.Component(ICAL.parse(files[i]!)).getFirstSubcomponent('vevent')!;
        expect(event.getFirstPropertyValue('uid')).toBe(`invitation-${id}@${domain}`);
      }
      expect(files[0]).not.toBe(files[1]);
      expect(files[1]!.replace(/\r\n /g, '').replace(ids[1]!, ids[0]!)).toBe(files[0]!.replace(/\r\n /g, ''));
    }
  });
});

describe('calendar lines', () => {
  it('folds every line at 75 octets, continuation lines included, without splitting a character', () => {
    // Long words in two scripts, so folds fall on one-, two- and four-octet characters and on continuation lines.
    const long = (unit: string) => Array.from({ length: 400 }, (_, i) => unit + (i % 10)).join('');
    for (const text of [long('a'), long('ж'), long('雪'), long('𝄞'), long('aж')]) {
      const file = calendarFile({
        ...base,
        summary: text,
        description: `${text}\n${text}`,
        location: text,
        start: new Date('2027-05-14T05:00:00Z'),
        end: new Date('2027-05-14T12:00:00Z'),
        timeZone: 'Asia/Tashkent',
      });
      expect(calendarLineProblems(file)).toEqual([]);
      const { event } = parse(file);
      expect(event.summary).toBe(text);
      expect(event.description).toBe(`${text}\n${text}`);
    }
  });

  it('keeps the UID of each invitation whole across folds', () => {
    const uid = (n: number) => `invitation-${'x'.repeat(60)}-0000000${n}-1111-2222-3333-444444444444@council.test`;
    for (const n of [1, 2]) {
      const file = calendarFile({
        ...base,
        uid: uid(n),
        start: new Date('2027-05-14T05:00:00Z'),
        end: new Date('2027-05-14T12:00:00Z'),
        timeZone: 'Asia/Tashkent',
      });
      expect(calendarLineProblems(file)).toEqual([]);
      expect(parse(file).event.uid).toBe(uid(n));
    }
  });

  it('has a checker that refuses a 76-octet line and a split character', () => {
    const ok = 'BEGIN:VCALENDAR\r\nX:' + 'a'.repeat(73) + '\r\nEND:VCALENDAR\r\n';
    expect(calendarLineProblems(ok)).toEqual([]);
    expect(calendarLineProblems(ok.replace('X:', 'XY:'))).toEqual(['line 2: 76 octets (at most 75)']);
    const split = Buffer.concat([Buffer.from('X:'), Buffer.from('ж').subarray(0, 1), Buffer.from('\r\n ')]);
    expect(
      calendarLineProblems(Buffer.concat([split, Buffer.from('ж').subarray(1), Buffer.from('\r\n')])),
    ).toHaveLength(2);
  });
});
