import { formatDate, formatDateTime, formatTime, zoneLabel } from './datetime';

// A meeting's audit entries as sentences staff can read: who (by name), did what, to what (by name), when (in the
// reader's zone); times the meeting itself holds (start, end, deadline) in the venue's zone, named. Runs of small
// moves by one person (reordering the agenda or the organisations) become one line. Pure: names are resolved by the
// data layer (listMeetingHistory in db/meetings.ts) before they get here.

export type HistoryEntry = {
  id: string;
  at: Date;
  action: string;
  /** The staff member's display name, else their address at the time; null for the system. */
  actor: string | null;
  before: unknown;
  after: unknown;
  /** What the entry's id refers to, by name (an organisation moved, the meeting a copy came from). */
  subject?: string | null;
};

export type HistoryLine = {
  /** The first entry's id: stable while the run grows. */
  key: string;
  /** When the line's latest entry was recorded. */
  at: Date;
  sentence: string;
  /** Every entry the line stands for, newest first (the raw record, for admins). */
  entries: HistoryEntry[];
};

export type HistoryZones = { venue: string; reader: string };

type Values = Record<string, unknown>;
const asValues = (v: unknown): Values => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Values) : {});

const FIELD_NAMES: Record<string, string> = {
  titleEn: 'the English title',
  titleRu: 'the Russian title',
  objectivesEn: 'the objectives in English',
  objectivesRu: 'the objectives in Russian',
  startsAt: 'the start',
  endsAt: 'the end',
  timeZone: 'the time zone',
  format: 'the format',
  meetingLink: 'the meeting link',
  cityEn: 'the city',
  cityRu: 'the city in Russian',
  cityRuLocative: 'the city in Russian (locative)',
  country: 'the country',
  venueEn: 'the venue',
  venueRu: 'the venue in Russian',
  capacity: 'the number of seats',
  waitlistOfferHours: 'the waiting-list offer time',
  visaSupport: 'visa support',
  registrationDeadline: 'the registration deadline',
  councilId: 'the council',
  workingGroupId: 'the working group',
  kind: 'the kind of meeting',
  status: 'the status',
  title: 'the title',
  room: 'the room',
};

/** `registrationDeadline` → "the registration deadline"; an unknown key in plain words. */
const fieldName = (key: string) =>
  FIELD_NAMES[key] ??
  `the ${key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase()}`;

const words = (code: string) => code.replaceAll('_', ' ');
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const quote = (s: string) => `“${s.length > 160 ? `${s.slice(0, 157)}…` : s}”`;

export const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10];
  return `${n}${suffix ?? 'th'}`;
};

/** One value as a sentence shows it; instants in the venue's zone. */
function show(value: unknown, key: string, zone: string): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return key === 'waitlistOfferHours' ? `${value} hours` : String(value);
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return formatDateTime(new Date(value), zone, 'en');
    if (key === 'status' || key === 'format' || key === 'kind') return words(value);
    return quote(value);
  }
  return quote(JSON.stringify(value));
}

/**
 * "the end from 17:00 to 17:30 Tashkent time (UTC+5)" when both instants fall on one day of the venue, else each in
 * full; other values as they are.
 */
function change(key: string, from: unknown, to: unknown, zone: string): string {
  if (typeof from === 'string' && typeof to === 'string' && ISO_INSTANT.test(from) && ISO_INSTANT.test(to)) {
    const a = new Date(from);
    const b = new Date(to);
    if (formatDate(a, zone, 'en') === formatDate(b, zone, 'en'))
      return `${fieldName(key)} on ${formatDate(b, zone, 'en')} from ${formatTime(a, zone, 'en')} to ${formatTime(b, zone, 'en')} ${zoneLabel(b, zone, 'en')}`;
  }
  if (from === undefined) return `${fieldName(key)} to ${show(to, key, zone)}`;
  return `${fieldName(key)} from ${show(from, key, zone)} to ${show(to, key, zone)}`;
}

const list = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

function changes(before: Values, after: Values, zone: string, skip: string[] = []): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.includes(k));
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => change(k, before[k], after[k], zone));
}

const ROLE_WORDS: Record<string, string> = {
  organiser: 'organiser',
  co_organiser: 'co-organiser',
  partner: 'partner',
  participating: 'participating organisation',
};

const place = (after: Values) => (typeof after.position === 'number' ? ` to ${ordinal(after.position)} place` : '');

/** What the entry says, without its actor ("changed the end from 17:00 to 17:30 …"). */
function predicate(entry: HistoryEntry, zone: string): string {
  const before = asValues(entry.before);
  const after = asValues(entry.after);
  const org = (v: Values) => String(v.organisation ?? entry.subject ?? 'an organisation');
  const role = (v: Values) => (typeof v.role === 'string' ? (ROLE_WORDS[v.role] ?? words(v.role)) : 'a role');
  const item = (v: Values) => quote(String(v.title ?? v.moved ?? 'an item'));
  switch (entry.action) {
    case 'meeting.created':
      return `created the meeting${typeof after.titleEn === 'string' ? ` ${quote(after.titleEn)}` : ''}`;
    case 'meeting.updated': {
      const parts = changes(before, after, zone);
      return parts.length ? `changed ${list(parts)}` : 'saved the meeting without changes';
    }
    case 'meeting.status_changed':
      return `changed the status from ${words(String(before.status ?? 'none'))} to ${words(String(after.status ?? 'none'))}`;
    case 'meeting.duplicated':
      return `created this meeting as a copy of ${entry.subject ? quote(entry.subject) : 'another meeting'}`;
    case 'meeting.agenda_item_added':
      return `added ${item(after)} to the agenda${typeof after.startsAt === 'string' ? `, at ${show(after.startsAt, 'startsAt', zone)}` : ''}`;
    case 'meeting.agenda_item_updated': {
      const parts = changes(before, after, zone, ['people']);
      return `changed the agenda item ${item(after)}${parts.length ? `: ${list(parts)}` : ''}`;
    }
    case 'meeting.agenda_item_removed':
      return `removed ${item(before)} from the agenda`;
    case 'meeting.agenda_reordered':
      return `moved ${item(after)} ${after.direction === 'down' ? 'down' : 'up'} in the agenda${place(after)}`;
    case 'meeting.agenda_published':
      return 'published the agenda';
    case 'meeting.agenda_unpublished':
      return 'took the agenda off the public page';
    case 'meeting.organisation_linked':
      return `added ${org(after)} as ${role(after)}`;
    case 'meeting.organisation_role_changed':
      return `made ${org(after)} ${role(after)} (was ${role(before)})`;
    case 'meeting.organisation_unlinked':
      return `removed ${org(before)} (${role(before)})`;
    case 'meeting.organisations_reordered':
      return `moved ${org(after)} ${after.direction === 'down' ? 'down' : 'up'}${place(after)}`;
    case 'meeting.update_sent':
      return `sent an update to ${count(after.recipients, 'invitee')}`;
    case 'meeting.invitation_texts_saved':
      return 'saved the invitation and reminder texts';
    case 'invitation.reminded':
      return `reminded ${count(after.reminded, 'invitee')} who had not answered`;
    case 'summary.drafted':
      return 'drafted the summary';
    case 'registration.visa_purged':
      return `deleted the visa-support details of ${count(after.registrations, 'registration')}, 30 days after the meeting`;
    default:
      return fallback(entry.action, after);
  }
}

const count = (n: unknown, noun: string) => `${Number(n) || 0} ${noun}${Number(n) === 1 ? '' : 's'}`;

/** An action this file does not know yet: its name in words, and the figures it recorded. */
function fallback(action: string, after: Values): string {
  const [domain, verb] = action.includes('.') ? action.split('.', 2) : ['', action];
  const what = words(verb ?? action);
  const subject = domain && domain !== 'meeting' ? ` (${words(domain)})` : '';
  const figures = Object.entries(after)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${words(k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())}: ${v}`);
  return `recorded “${what}”${subject}${figures.length ? ` — ${figures.join(', ')}` : ''}`;
}

const who = (entry: HistoryEntry) => entry.actor ?? 'The system';

/** One entry as a sentence: "Dilnoza Karimova changed the end on 4 March 2027 from 17:00 to 17:30 …". */
export function describeEntry(entry: HistoryEntry, zones: HistoryZones): string {
  return `${who(entry)} ${predicate(entry, zones.venue)}.`;
}

const REORDERS: Record<string, { what: string; subject: (e: HistoryEntry) => string }> = {
  'meeting.agenda_reordered': {
    what: 'the agenda',
    subject: (e) => quote(String(asValues(e.after).moved ?? 'an item')),
  },
  'meeting.organisations_reordered': {
    what: 'the organisations',
    subject: (e) => String(asValues(e.after).organisation ?? e.subject ?? 'an organisation'),
  },
};

/** Moves by one person within this long of the previous one belong to one run. */
export const GROUP_GAP_MS = 10 * 60_000;

function describeRun(run: HistoryEntry[], zones: HistoryZones): string {
  const first = run.at(-1)!;
  const last = run[0]!;
  const kind = REORDERS[first.action]!;
  const subjects = new Set(run.map(kind.subject));
  if (subjects.size === 1) {
    const net = run.reduce((n, e) => n + (asValues(e.after).direction === 'down' ? -1 : 1), 0);
    const subject = [...subjects][0]!;
    const inAgenda = first.action === 'meeting.agenda_reordered' ? ' in the agenda' : '';
    if (net === 0) return `${who(last)} moved ${subject}${inAgenda} and back again (${run.length} moves).`;
    const places = Math.abs(net);
    const landed = place(asValues(last.after));
    return `${who(last)} moved ${subject} ${net > 0 ? 'up' : 'down'} ${places} place${places === 1 ? '' : 's'}${inAgenda}${landed ? `,${landed}` : ''}.`;
  }
  const from = formatTime(first.at, zones.reader, 'en');
  const to = formatTime(last.at, zones.reader, 'en');
  return `${who(last)} reordered ${kind.what} ${run.length} times between ${from} and ${to} ${zoneLabel(last.at, zones.reader, 'en')}.`;
}

/**
 * The history as lines, newest first (as the entries come): each entry a line, except that consecutive reorders of
 * the same list by the same person, each within GROUP_GAP_MS of the next, make one line.
 */
export function historyLines(entries: HistoryEntry[], zones: HistoryZones): HistoryLine[] {
  const lines: HistoryLine[] = [];
  let run: HistoryEntry[] = [];
  const flush = () => {
    if (!run.length) return;
    lines.push({
      key: run.at(-1)!.id,
      at: run[0]!.at,
      sentence: run.length === 1 ? describeEntry(run[0]!, zones) : describeRun(run, zones),
      entries: run,
    });
    run = [];
  };
  for (const entry of entries) {
    const previous = run.at(-1);
    const joins =
      previous &&
      REORDERS[entry.action] &&
      entry.action === previous.action &&
      entry.actor === previous.actor &&
      previous.at.getTime() - entry.at.getTime() <= GROUP_GAP_MS;
    if (!joins) flush();
    run.push(entry);
    if (!REORDERS[entry.action]) flush();
  }
  flush();
  return lines;
}
