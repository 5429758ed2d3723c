import { createTranslator } from 'use-intl/core';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import { calendarFile } from '@/lib/calendar';
import { greeting, type Addressee } from '@/lib/courtesy';
import { formatDate, formatDateTime, formatDateTimeRange, type Locale } from '@/lib/datetime';
import { escapeHtml, htmlButton, htmlEmail } from './html';
import { invitationTranslator, meetingPlace, signatureLine, type InvitationMeeting } from './invitation-email';

// The emails a registration sends: confirmation (or the waiting-list place), a change, a cancellation, and the offer
// of a freed seat. Those that concern the calendar carry the invitation's event (same UID) with a higher SEQUENCE.

export type RegistrationEmailKind =
  | 'registered'
  | 'waitlisted'
  | 'changed'
  | 'cancelled'
  | 'offered'
  // Sent only for the secretariat's own steps: a seat given from the waiting list, and an offer that it replaced.
  | 'promoted'
  | 'withdrawn';

/** Kinds the secretariat's own steps word differently (the delegate did not do it themselves). */
export type StaffEmailKind = 'registered' | 'waitlisted' | 'changed' | 'cancelled' | 'promoted' | 'withdrawn';
/** What a correction may name as changed (the stored fields, and the visa details without their values). */
export type ChangedField =
  | 'passportName'
  | 'displayName'
  | 'title'
  | 'organisationName'
  | 'country'
  | 'phone'
  | 'arrivalDate'
  | 'departureDate'
  | 'accessibilityNeeds'
  | 'dietaryNeeds'
  | 'listConsent'
  | 'attendance'
  | 'visa';

const MESSAGES = { en, ru } as const;
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();
const makeTranslator = (locale: Locale) =>
  createTranslator({ locale, messages: MESSAGES[locale], namespace: 'RegistrationEmail' });
function registrationTranslator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = makeTranslator(locale)));
  return t;
}

export type RegistrationSummary = {
  passportName: string;
  arrivalDate: string | null;
  departureDate: string | null;
};

/** The calendar UID of an invitee's event: invitation, updates and registration emails all name the same event. */
export const invitationEventUid = (invitationId: string, mailDomain: string) =>
  `invitation-${invitationId}@${mailDomain}`;

export function registrationSubject(
  kind: RegistrationEmailKind,
  meeting: Pick<InvitationMeeting, 'titleEn' | 'titleRu'>,
  locale: Locale,
): string {
  return registrationTranslator(locale)(`subject.${kind}`, {
    meeting: locale === 'ru' ? meeting.titleRu : meeting.titleEn,
  });
}

export function registrationEmail({
  kind,
  meeting,
  locale,
  name,
  addressee,
  link,
  invitationId,
  sequence,
  registration,
  place,
  offerUntil,
  registered = true,
  mailDomain,
  byStaff = false,
  changes = [],
}: {
  kind: RegistrationEmailKind;
  meeting: InvitationMeeting;
  locale: Locale;
  name: string;
  /** Courtesy title and grammatical gender, for the greeting (absent: neutral). */
  addressee?: Pick<Addressee, 'courtesyTitle' | 'grammaticalGender'>;
  link: string;
  invitationId: string;
  /** SEQUENCE of the attached calendar event. */
  sequence: number;
  registration: RegistrationSummary;
  /** Place on the waiting list (waitlisted). */
  place?: number;
  /** Until when a freed seat is held (offered). */
  offerUntil?: Date;
  /** Whether the registration holds a seat now (a waiting-list place changing its details does not). */
  registered?: boolean;
  mailDomain: string;
  /** The secretariat did it (on the delegate's behalf, or by its own decision): the email says so. */
  byStaff?: boolean;
  /** What a correction changed, named in the email (never the values of the visa details). */
  changes?: ChangedField[];
}) {
  const t = registrationTranslator(locale);
  const it = invitationTranslator(locale);
  const title = locale === 'ru' ? meeting.titleRu : meeting.titleEn;
  const staffWording = byStaff || kind === 'promoted' || kind === 'withdrawn';
  const body = t(
    staffWording ? `staff.${kind as StaffEmailKind}` : (kind as Exclude<RegistrationEmailKind, StaffEmailKind>),
    {
      greeting: greeting({ name, courtesyTitle: null, grammaticalGender: null, ...addressee }, locale),
      changes: changes.map((field) => t(`field.${field}`)).join(', '),
      meeting: title,
      place: place ?? 0,
      until: offerUntil ? formatDateTime(offerUntil, meeting.timeZone, locale) : '',
    },
  );
  const when = `${it('when')}: ${formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale)}`;
  const where = `${it('where')}: ${meetingPlace(meeting, locale)}`;
  // The meeting link reaches registered participants only: not the waiting list, an offer or a cancellation.
  const withLink =
    registered &&
    (kind === 'registered' || kind === 'changed') &&
    meeting.format !== 'in_person' &&
    meeting.meetingLink;
  const joinLine = withLink ? [`${it('onlineLink')}: ${meeting.meetingLink}`] : [];
  const day = (d: string | null) => (d ? formatDate(new Date(`${d}T12:00:00Z`), 'UTC', locale) : t('none'));
  const details =
    kind === 'cancelled' || kind === 'offered' || kind === 'withdrawn'
      ? [when, where]
      : [
          when,
          where,
          ...joinLine,
          `${t('passportName')}: ${registration.passportName}`,
          ...(registration.arrivalDate || registration.departureDate
            ? [
                `${t('arrival')}: ${day(registration.arrivalDate)}`,
                `${t('departure')}: ${day(registration.departureDate)}`,
              ]
            : []),
        ];
  const signature = signatureLine(meeting, locale);
  const text = [body, '', ...details, '', `${t('linkLabel')}: ${link}`, it('personal'), '', signature].join('\n');
  const html = htmlEmail({
    lang: locale,
    title,
    paragraphs: [
      ...body.split(/\n{2,}/).map((p) => escapeHtml(p).replace(/\n/g, '<br>')),
      details.map((d) => escapeHtml(d)).join('<br>'),
      htmlButton(link, t('button')),
      escapeHtml(it('personal')),
      escapeHtml(signature),
    ],
  });
  // The waiting list and an offer change nothing in the calendar: the invitation's event stands as it was.
  const withCalendar = kind === 'registered' || kind === 'changed' || kind === 'cancelled' || kind === 'promoted';
  const attachments = withCalendar
    ? [
        {
          filename: 'meeting.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          contentBase64: Buffer.from(
            calendarFile({
              uid: invitationEventUid(invitationId, mailDomain),
              sequence,
              start: meeting.startsAt,
              end: meeting.endsAt,
              timeZone: meeting.timeZone,
              summary: title,
              location: withLink && meeting.format === 'online' ? meeting.meetingLink : meetingPlace(meeting, locale),
              description: [when, where, ...joinLine].join('\n'),
              url: null,
              cancelled: kind === 'cancelled' || meeting.status === 'cancelled',
            }),
          ).toString('base64'),
        },
      ]
    : [];
  return { subject: registrationSubject(kind, meeting, locale), text, html, attachments };
}
