import { createTranslator } from 'use-intl/core';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import { calendarFile } from '@/lib/calendar';
import { greeting, type Addressee } from '@/lib/courtesy';
import { countryName } from '@/lib/countries';
import { formatDateTime, formatDateTimeRange, type Locale } from '@/lib/datetime';
import type { InvitationRole } from '@/lib/domain';
import { DEFAULT_TEXTS, fillPlaceholders, type PlaceholderValues } from '@/lib/invitation-template';
import { organisationName, type NamedOrganisation } from '@/lib/organisation-label';
import { escapeHtml, htmlButton, htmlEmail } from './html';

// The emails of an invitation — the invitation itself, reminders and updates — in the recipient's language, with
// the meeting's calendar entry attached. Pure: the caller supplies the link and everything else.

export type InvitationMeeting = {
  id: string;
  titleEn: string;
  titleRu: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: 'in_person' | 'hybrid' | 'online';
  venueEn: string | null;
  venueRu: string | null;
  cityEn: string | null;
  cityRu: string | null;
  country: string | null;
  meetingLink: string | null;
  registrationDeadline: Date | null;
  calendarSequence: number;
  status: string;
  invitationTextEn: string | null;
  invitationTextRu: string | null;
  reminderTextEn: string | null;
  reminderTextRu: string | null;
  councilNameEn: string;
  councilNameRu: string;
  /** The council's secretariat organisation: it signs the emails (absent or null: "Secretariat of the council"). */
  secretariat?: NamedOrganisation | null;
};

export type InvitationEmailKind = 'invitation' | 'reminder' | 'update';

const MESSAGES = { en, ru } as const;

const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();
const makeTranslator = (locale: Locale) =>
  createTranslator({ locale, messages: MESSAGES[locale], namespace: 'InvitationEmail' });

/** The emails' words in `locale` (one translator per language, kept: a bulk send composes thousands of emails). */
export function invitationTranslator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = makeTranslator(locale)));
  return t;
}

/** "Hyatt Regency, Tashkent, Uzbekistan" / "Online" / both for a hybrid meeting, in the language asked for. */
export function meetingPlace(meeting: InvitationMeeting, locale: Locale): string {
  const t = invitationTranslator(locale);
  const venue = locale === 'ru' ? (meeting.venueRu ?? meeting.venueEn) : meeting.venueEn;
  const city = locale === 'ru' ? (meeting.cityRu ?? meeting.cityEn) : meeting.cityEn;
  const physical = [venue, city, meeting.country && countryName(meeting.country, locale)].filter(Boolean).join(', ');
  if (meeting.format === 'online') return t('online');
  if (meeting.format === 'hybrid') return physical ? `${physical} ${t('orOnline')}` : t('online');
  return physical;
}

/**
 * The one line every delegate email is signed with: the council's secretariat organisation in the email's language
 * (its Russian name where staff gave one), else "Secretariat of the {council}" / «{council}, секретариат» (the
 * Russian keeps the council's name in the nominative, as on a letterhead, since it cannot be declined here).
 */
export function signatureLine(
  meeting: Pick<InvitationMeeting, 'councilNameEn' | 'councilNameRu'> & Partial<Pick<InvitationMeeting, 'secretariat'>>,
  locale: Locale,
) {
  if (meeting.secretariat) return organisationName(meeting.secretariat, locale);
  return invitationTranslator(locale)('signature', {
    council: locale === 'ru' ? meeting.councilNameRu : meeting.councilNameEn,
  });
}

export function placeholderValues(
  meeting: InvitationMeeting,
  locale: Locale,
  name: string,
  role: InvitationRole,
  /** How to greet the invitee (absent: neutrally, by name). */
  addressee?: Pick<Addressee, 'courtesyTitle' | 'grammaticalGender'>,
): PlaceholderValues {
  const t = invitationTranslator(locale);
  return {
    greeting: greeting({ name, courtesyTitle: null, grammaticalGender: null, ...addressee }, locale),
    name,
    meeting: locale === 'ru' ? meeting.titleRu : meeting.titleEn,
    council: locale === 'ru' ? meeting.councilNameRu : meeting.councilNameEn,
    dates: formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale),
    venue: meetingPlace(meeting, locale),
    deadline: meeting.registrationDeadline
      ? formatDateTime(meeting.registrationDeadline, meeting.timeZone, locale)
      : t('noDeadline'),
    role: t(`role.${role}`),
  };
}

/** The text staff wrote for this meeting, or the default, before placeholders are filled. */
export function templateText(meeting: InvitationMeeting, kind: 'invitation' | 'reminder', locale: Locale): string {
  const own =
    kind === 'invitation'
      ? locale === 'ru'
        ? meeting.invitationTextRu
        : meeting.invitationTextEn
      : locale === 'ru'
        ? meeting.reminderTextRu
        : meeting.reminderTextEn;
  return own?.trim() ? own : DEFAULT_TEXTS[kind][locale];
}

export function invitationEmail({
  kind,
  meeting,
  locale,
  name,
  addressee,
  role,
  link,
  invitationId,
  changes = [],
  calendarRevision = 0,
  registered = false,
  substituteFor = null,
  mailDomain,
}: {
  kind: InvitationEmailKind;
  meeting: InvitationMeeting;
  locale: Locale;
  name: string;
  /** Courtesy title and grammatical gender, for the greeting (absent: neutral). */
  addressee?: Pick<Addressee, 'courtesyTitle' | 'grammaticalGender'>;
  role: InvitationRole;
  link: string;
  invitationId: string;
  /** For an update: what changed, already in the recipient's language. */
  changes?: string[];
  /** The invitee's own revisions of the event (registration emails), added to the meeting's sequence. */
  calendarRevision?: number;
  /** Whether the invitee is registered: only then does the email (and its calendar entry) carry the meeting link. */
  registered?: boolean;
  /** The name of the delegate who declined and proposed this invitee in their place (issue 20 substitutions). */
  substituteFor?: string | null;
  mailDomain: string;
}) {
  const t = invitationTranslator(locale);
  const withLink = registered && meeting.format !== 'in_person' && meeting.meetingLink;
  const values = placeholderValues(meeting, locale, name, role, addressee);
  const title = values.meeting;
  const body = [
    kind === 'update'
      ? t('updateIntro', { greeting: values.greeting, meeting: title })
      : fillPlaceholders(templateText(meeting, kind, locale), values),
    ...(substituteFor && kind !== 'update' ? [t('substituteFor', { name: substituteFor })] : []),
  ].join('\n\n');
  const details = [
    `${t('when')}: ${values.dates}`,
    `${t('where')}: ${values.venue}`,
    ...(withLink ? [`${t('onlineLink')}: ${meeting.meetingLink}`] : []),
  ];
  // A new link concerns those who may join; the others are told nothing of it.
  const told = registered ? changes : changes.filter((c) => c !== t('linkChanged'));
  const changed = kind === 'update' && told.length ? [`${t('changed')}`, ...told.map((c) => `- ${c}`)] : [];
  const signature = signatureLine(meeting, locale);
  const text = [
    body,
    '',
    ...changed,
    ...(changed.length ? [''] : []),
    ...details,
    '',
    `${t('linkLabel')}: ${link}`,
    t('personal'),
    t('calendar'),
    '',
    signature,
  ].join('\n');
  const html = htmlEmail({
    lang: locale,
    title,
    paragraphs: [
      ...body.split(/\n{2,}/).map((p) => escapeHtml(p).replace(/\n/g, '<br>')),
      ...(changed.length
        ? [`<strong>${escapeHtml(changed[0]!)}</strong><br>${told.map((c) => `– ${escapeHtml(c)}`).join('<br>')}`]
        : []),
      details.map((d) => escapeHtml(d)).join('<br>'),
      htmlButton(link, t('button')),
      `${escapeHtml(t('personal'))} ${escapeHtml(t('calendar'))}`,
      escapeHtml(signature),
    ],
  });
  const ics = calendarFile({
    uid: `invitation-${invitationId}@${mailDomain}`,
    sequence: meeting.calendarSequence + calendarRevision,
    start: meeting.startsAt,
    end: meeting.endsAt,
    timeZone: meeting.timeZone,
    summary: title,
    location: withLink && meeting.format === 'online' ? meeting.meetingLink : values.venue,
    // No personal link in the calendar entry: calendars are shared with assistants and delegations, and the
    // attachment outlives the redaction of the delivered email's body.
    description: details.join('\n'),
    url: null,
    cancelled: meeting.status === 'cancelled',
  });
  return {
    subject: t(`subject.${kind}`, { meeting: title }),
    text,
    html,
    attachments: [
      {
        filename: 'invitation.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        contentBase64: Buffer.from(ics).toString('base64'),
      },
    ],
  };
}

/** "Starts: 14 May 2024 → 15 May 2024" lines for an update email, from the fields that changed. */
export function describeMeetingChanges(
  before: Partial<InvitationMeeting>,
  after: InvitationMeeting,
  locale: Locale,
): string[] {
  const t = invitationTranslator(locale);
  const lines: string[] = [];
  if (
    before.startsAt &&
    before.endsAt &&
    (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime())
  ) {
    lines.push(
      `${t('when')}: ${formatDateTimeRange(before.startsAt, before.endsAt, after.timeZone, locale)} → ${formatDateTimeRange(after.startsAt, after.endsAt, after.timeZone, locale)}`,
    );
  }
  const placeBefore = meetingPlace({ ...after, ...before } as InvitationMeeting, locale);
  const placeAfter = meetingPlace(after, locale);
  if (placeBefore !== placeAfter) lines.push(`${t('where')}: ${placeBefore} → ${placeAfter}`);
  // The link itself is not in the line: the same lines go to every invitee, and only registered participants get the
  // link (with the email's details).
  if ((before.meetingLink ?? null) !== after.meetingLink && 'meetingLink' in before && after.meetingLink)
    lines.push(t('linkChanged'));
  if (
    before.registrationDeadline !== undefined &&
    (before.registrationDeadline?.getTime() ?? null) !== (after.registrationDeadline?.getTime() ?? null)
  ) {
    lines.push(
      `${t('deadline')}: ${after.registrationDeadline ? formatDateTime(after.registrationDeadline, after.timeZone, locale) : t('noDeadline')}`,
    );
  }
  if (after.status === 'cancelled' && before.status !== 'cancelled') lines.unshift(t('cancelled'));
  return lines;
}
