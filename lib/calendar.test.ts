import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
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
