import { createTranslator } from 'use-intl/core';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import { greeting, type Addressee } from '@/lib/courtesy';
import { formatDateTime, formatDateTimeRange, type Locale } from '@/lib/datetime';
import { escapeHtml, htmlButton, htmlEmail } from './html';
import { meetingPlace, signatureLine, type InvitationMeeting } from './invitation-email';

// The emails of a delegation: its focal point's invitation to nominate (with the delegation link), and the word to a
// member whose place went to someone else. Pure: the caller supplies the link and everything else.

const translator = (locale: Locale) =>
  createTranslator({ locale, messages: locale === 'ru' ? ru : en, namespace: 'DelegationEmail' });

/** Courtesy title and grammatical gender of the person written to, for the greeting (absent: neutral). */
export type Courtesy = Pick<Addressee, 'courtesyTitle' | 'grammaticalGender'>;

const greet = (name: string, courtesy: Courtesy | undefined, locale: Locale) =>
  greeting({ name, courtesyTitle: null, grammaticalGender: null, ...courtesy }, locale);

const paragraphsToHtml = (paragraphs: string[]) => paragraphs.map((p) => escapeHtml(p).replace(/\n/g, '<br>'));

export function focalPointEmail({
  meeting,
  locale,
  name,
  courtesy,
  addressee,
  quota,
  nominationDeadline,
  link,
}: {
  meeting: InvitationMeeting;
  locale: Locale;
  name: string;
  courtesy?: Courtesy;
  /** The ministry or organisation, as the sentence takes it (the Russian in the dative). */
  addressee: string;
  quota: number;
  nominationDeadline: Date | null;
  link: string;
}) {
  const t = translator(locale);
  const signature = signatureLine(meeting, locale);
  const title = locale === 'ru' ? meeting.titleRu : meeting.titleEn;
  const subject = t('subject', { meeting: title });
  const before = [
    greet(name, courtesy, locale),
    t('body', {
      secretariat: signature,
      addressee,
      quota,
      meeting: title,
      dates: formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale),
      place: meetingPlace(meeting, locale),
    }),
    nominationDeadline
      ? t('deadline', { deadline: formatDateTime(nominationDeadline, meeting.timeZone, locale) })
      : t('noDeadline'),
    t('how'),
  ];
  const after = [t('personal'), signature];
  return {
    subject,
    text: [...before, link, ...after].join('\n\n'),
    html: htmlEmail({
      lang: locale,
      title: subject,
      paragraphs: [...paragraphsToHtml(before), htmlButton(link, t('button')), ...paragraphsToHtml(after)],
    }),
  };
}

/** To a member whose place the focal point gave to someone else: their link no longer works. */
export function replacedMemberEmail({
  meeting,
  locale,
  name,
  courtesy,
}: {
  meeting: InvitationMeeting;
  locale: Locale;
  name: string;
  courtesy?: Courtesy;
}) {
  const t = translator(locale);
  const title = locale === 'ru' ? meeting.titleRu : meeting.titleEn;
  const subject = t('replacedSubject', { meeting: title });
  const paragraphs = [greet(name, courtesy, locale), t('replaced', { meeting: title }), signatureLine(meeting, locale)];
  return {
    subject,
    text: paragraphs.join('\n\n'),
    html: htmlEmail({ lang: locale, title: subject, paragraphs: paragraphsToHtml(paragraphs) }),
  };
}

/** To the focal point: a member who declined proposes a substitute, to accept or refuse on the delegation page. */
export function proposalEmail({
  meeting,
  locale,
  name,
  courtesy,
  member,
  substitute,
  link,
}: {
  meeting: InvitationMeeting;
  locale: Locale;
  name: string;
  courtesy?: Courtesy;
  member: string;
  substitute: string;
  link: string;
}) {
  const t = translator(locale);
  const title = locale === 'ru' ? meeting.titleRu : meeting.titleEn;
  const subject = t('proposalSubject', { meeting: title });
  const before = [greet(name, courtesy, locale), t('proposal', { member, meeting: title, name: substitute })];
  const after = [t('personal'), signatureLine(meeting, locale)];
  return {
    subject,
    text: [...before, link, ...after].join('\n\n'),
    html: htmlEmail({
      lang: locale,
      title: subject,
      paragraphs: [...paragraphsToHtml(before), htmlButton(link, t('button')), ...paragraphsToHtml(after)],
    }),
  };
}
