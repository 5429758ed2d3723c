import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';

// Calendar files for invitations. ical.js (Mozilla's, which Thunderbird uses) writes the iCalendar text — escaping,
// CRLF — and foldLines() below folds it (ical.js's own folding writes 76-octet continuation lines); timezones-ical-library supplies the venue's VTIMEZONE, which clients need to place
// DTSTART;TZID=… correctly.

export type CalendarEvent = {
  /** Stable per invitation, so an update replaces the event instead of adding a second one. */
  uid: string;
  /** Raised each time the meeting changes. */
  sequence: number;
  start: Date;
  end: Date;
  /** The venue's IANA zone. */
  timeZone: string;
  summary: string;
  location: string | null;
  description: string;
  url: string | null;
  cancelled?: boolean;
};

function wallTime(instant: Date, zone: string): ICAL.Time {
  const local = new TZDate(instant.getTime(), zone);
  return ICAL.Time.fromData({
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hour: local.getHours(),
    minute: local.getMinutes(),
    second: local.getSeconds(),
    isDate: false,
  });
}

// Parsed once per zone (a bulk send writes thousands of files for one meeting); each file gets its own copy.
const vtimezones = new Map<string, unknown[] | null>();
function vtimezone(zone: string): unknown[] | null {
  if (!vtimezones.has(zone)) {
    const block = tzlib_get_ical_block(zone)[0];
    vtimezones.set(
      zone,
      typeof block === 'string' && block.includes('BEGIN:VTIMEZONE') ? (ICAL.parse(block) as unknown[]) : null,
    );
  }
  const parsed = vtimezones.get(zone);
  return parsed ? structuredClone(parsed) : null;
}

/**
 * A one-event calendar with METHOD:PUBLISH: mail clients offer to add it, with no accept/decline buttons that would
 * answer to a mailbox instead of the app.
 */
export function calendarFile(event: CalendarEvent, now = new Date()): string {
  // A bulk send writes the same event for thousands of invitees, differing only in the UUID inside the UID: written
  // once (per minute, for DTSTAMP) with a stand-in of the same length, so line folding falls in the same places.
  const uuid = UUID.exec(event.uid)?.[0];
  if (!uuid) return writeCalendarFile(event, now);
  const key = JSON.stringify([
    { ...event, uid: event.uid.replace(uuid, STAND_IN) },
    Math.floor(now.getTime() / 60_000),
  ]);
  let file = written.get(key);
  if (file === undefined) {
    if (written.size >= 200) written.clear();
    file = writeCalendarFile({ ...event, uid: event.uid.replace(uuid, STAND_IN) }, now);
    written.set(key, file);
  }
  // The stand-in may be folded across lines: put the UUID's characters in its characters' places, folds kept.
  return file.replace(FOLDED_STAND_IN, (found) => {
    let next = 0;
    return found.replace(/[0-9a-f-]/g, () => uuid[next++]!);
  });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const STAND_IN = '00000000-0000-0000-0000-000000000000';
const FOLDED_STAND_IN = new RegExp(STAND_IN.split('').join('(?:\\r\\n )?'));
const written = new Map<string, string>();

function writeCalendarFile(event: CalendarEvent, now: Date): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Council Desk//Invitations//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');

  const zone = vtimezone(event.timeZone);
  const zoned = zone !== null;
  if (zone) calendar.addSubcomponent(new ICAL.Component(zone as ConstructorParameters<typeof ICAL.Component>[0]));

  const vevent = new ICAL.Component('vevent');
  vevent.updatePropertyWithValue('uid', event.uid);
  vevent.updatePropertyWithValue('sequence', event.sequence);
  vevent.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
  for (const [name, instant] of [
    ['dtstart', event.start],
    ['dtend', event.end],
  ] as const) {
    const property = new ICAL.Property(name);
    if (zoned) {
      property.setParameter('tzid', event.timeZone);
      property.setValue(wallTime(instant, event.timeZone));
    } else {
      property.setValue(ICAL.Time.fromJSDate(instant, true));
    }
    vevent.addProperty(property);
  }
  vevent.updatePropertyWithValue('summary', event.summary);
  if (event.location) vevent.updatePropertyWithValue('location', event.location);
  vevent.updatePropertyWithValue('description', event.description);
  if (event.url) vevent.updatePropertyWithValue('url', event.url);
  vevent.updatePropertyWithValue('status', event.cancelled ? 'CANCELLED' : 'CONFIRMED');
  vevent.updatePropertyWithValue('transp', 'OPAQUE');
  calendar.addSubcomponent(vevent);
  return foldLines(calendar.toString()) + '\r\n';
}

const MAX_OCTETS = 75;

/**
 * Folds content lines at 75 octets, as RFC 5545 §3.1 requires: a continuation line's leading space counts, so it
 * carries at most 74 octets of content, and a multi-byte UTF-8 character is never split across lines.
 */
export function foldLines(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      if (Buffer.byteLength(line) <= MAX_OCTETS) return line;
      const parts: string[] = [];
      let part = '';
      let octets = 0;
      for (const char of line) {
        const size = Buffer.byteLength(char);
        const room = parts.length ? MAX_OCTETS - 1 : MAX_OCTETS;
        if (octets + size > room) {
          parts.push(part);
          part = '';
          octets = 0;
        }
        part += char;
        octets += size;
      }
      parts.push(part);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}
