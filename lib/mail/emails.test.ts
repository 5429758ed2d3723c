import { describe, expect, it } from 'vitest';
import { glossaryProblems } from '@/lib/glossary';
import { calendarLineProblems } from '@/test/calendar-lines';
import type { Locale } from '@/lib/datetime';
import type { Addressee } from '@/lib/courtesy';
import { focalPointEmail, proposalEmail, replacedMemberEmail } from './delegation-email';
import { describeMeetingChanges, invitationEmail, type InvitationMeeting } from './invitation-email';
import { registrationEmail, type RegistrationEmailKind } from './registration-email';

// Every default email a delegate receives, rendered as it is sent, in both languages, read the way an editor of UN
// correspondence would: the glossary, the greeting, the articles, the signature.

const MEETING: InvitationMeeting = {
  id: 'm1',
  titleEn: 'Second meeting of the Regional Expert Council on Preventive Diplomacy',
  titleRu: 'Второе совещание Регионального экспертного совета по превентивной дипломатии',
  startsAt: new Date('2027-05-14T05:00:00Z'),
  endsAt: new Date('2027-05-14T12:00:00Z'),
  timeZone: 'Asia/Tashkent',
  format: 'hybrid',
  venueEn: 'Hyatt Regency',
  venueRu: 'Хаятт Ридженси',
  cityEn: 'Tashkent',
  cityRu: 'Ташкент',
  country: 'UZ',
  meetingLink: 'https://meet.example.org/second',
  registrationDeadline: new Date('2027-05-01T12:00:00Z'),
  calendarSequence: 0,
  status: 'invitations_open',
  invitationTextEn: null,
  invitationTextRu: null,
  reminderTextEn: null,
  reminderTextRu: null,
  councilNameEn: 'Regional Expert Council on Preventive Diplomacy',
  councilNameRu: 'Региональный экспертный совет по превентивной дипломатии',
};

const NAME: Record<Locale, string> = { en: 'Asel Omarova', ru: 'Асель Омарова' };
const LINK = 'https://desk.example.org/i/token';
const common = { link: LINK, invitationId: 'i1', mailDomain: 'desk.example.org' };

function renderAll(locale: Locale) {
  const name = NAME[locale];
  const moved = { ...MEETING, startsAt: new Date('2027-05-15T05:00:00Z'), endsAt: new Date('2027-05-15T12:00:00Z') };
  const invitationKinds = [
    ['invitation', MEETING, []],
    ['reminder', MEETING, []],
    ['update', moved, describeMeetingChanges(MEETING, moved, locale)],
  ] as const;
  const registrationKinds: RegistrationEmailKind[] = ['registered', 'waitlisted', 'changed', 'cancelled', 'offered'];
  return [
    ...invitationKinds.map(([kind, meeting, changes]) => ({
      kind,
      ...invitationEmail({ ...common, kind, meeting, locale, name, role: 'delegate', changes: [...changes] }),
    })),
    ...registrationKinds.map((kind) => ({
      kind,
      ...registrationEmail({
        ...common,
        kind,
        meeting: MEETING,
        locale,
        name,
        sequence: 1,
        registration: { passportName: 'OMAROVA ASEL', arrivalDate: '2027-05-13', departureDate: '2027-05-15' },
        place: 3,
        offerUntil: new Date('2027-05-10T12:00:00Z'),
      }),
    })),
  ];
}

/** What the reader sees of the HTML part. */
const htmlText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&laquo;/g, '«')
    .replace(/&raquo;/g, '»');

describe('default delegate emails', () => {
  it.each(renderAll('ru').map((m) => [m.kind, m] as const))(
    'read as UN correspondence in Russian: %s',
    (_kind, mail) => {
      for (const text of [mail.subject, mail.text, htmlText(mail.html)])
        expect(glossaryProblems(text, { addressesReader: true })).toEqual([]);
      expect(mail.text.startsWith('Здравствуйте, Асель Омарова!\n\n')).toBe(true);
      expect(mail.text).not.toMatch(/Уважаем|\(ая\)/);
      expect(mail.text).toMatch(/совещани/);
      // The title is quoted, so no case ending is asked of it.
      for (const at of indicesOf(mail.text, MEETING.titleRu)) expect(mail.text[at - 1]).toBe('«');
      expect(mail.text).not.toContain('Секретариат:');
      expect(mail.text.trimEnd().split('\n').at(-1)).toBe(
        'Региональный экспертный совет по превентивной дипломатии, секретариат',
      );
      // United Nations Russian writes «е» for «ё».
      expect(mail.text).not.toContain('ё');
    },
  );

  it.each(renderAll('en').map((m) => [m.kind, m] as const))(
    'read as UN correspondence in English: %s',
    (_kind, mail) => {
      expect(mail.text).toMatch(/^Dear Asel Omarova,\n\n[A-Z]/);
      expect(mail.text).not.toMatch(/\(a\)|\(s\)/);
      // "the details of Second meeting…": a title running into the sentence needs an article; quoted, it does not.
      const body = mail.text.split('\n\n')[1]!;
      expect(indicesOf(body, MEETING.titleEn).length).toBeGreaterThan(0);
      for (const at of indicesOf(body, MEETING.titleEn)) expect(body.slice(at - 13, at)).toBe('the meeting “');
      expect(mail.text.trimEnd().split('\n').at(-1)).toBe(
        'Secretariat of the Regional Expert Council on Preventive Diplomacy',
      );
    },
  );

  it('quote a title staff wrote into their own text as they wrote it', () => {
    const own = { ...MEETING, invitationTextRu: 'Уважаемые коллеги! Приглашаем на {{meeting}}.' };
    const mail = invitationEmail({
      ...common,
      kind: 'invitation',
      meeting: own,
      locale: 'ru',
      name: 'x',
      role: 'delegate',
    });
    expect(mail.text).toContain(`Уважаемые коллеги! Приглашаем на ${MEETING.titleRu}.`);
  });
});

describe('calendar files', () => {
  it('attach only files whose lines pass the strict check, in every kind and language', () => {
    const files: Buffer[] = [];
    const collect = (mail: { attachments: { contentType: string; contentBase64: string }[] }) => {
      for (const a of mail.attachments)
        if (a.contentType.startsWith('text/calendar')) files.push(Buffer.from(a.contentBase64, 'base64'));
    };
    for (const locale of ['en', 'ru'] as const) {
      for (const kind of ['invitation', 'reminder', 'update'] as const)
        collect(invitationEmail({ ...common, kind, meeting: MEETING, locale, name: NAME[locale], role: 'delegate' }));
      for (const kind of ['registered', 'changed'] as const)
        collect(
          registrationEmail({
            ...common,
            kind,
            meeting: MEETING,
            locale,
            name: NAME[locale],
            sequence: 1,
            registration: { passportName: 'OMAROVA ASEL', arrivalDate: null, departureDate: null },
            registered: true,
          }),
        );
    }
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) expect(calendarLineProblems(file)).toEqual([]);
  });
});

describe('the meeting link', () => {
  const everything = (mail: { text: string; html: string; attachments: { contentBase64: string }[] }) =>
    [mail.text, mail.html, ...mail.attachments.map((a) => Buffer.from(a.contentBase64, 'base64').toString())].join(
      '\n',
    );
  const newLink = { ...MEETING, meetingLink: 'https://meet.example.org/new' };
  const changes = describeMeetingChanges(MEETING, newLink, 'en');

  it('reaches registered participants only, in their emails and calendar files', () => {
    for (const kind of ['invitation', 'reminder', 'update'] as const) {
      const mail = (registered: boolean) =>
        everything(
          invitationEmail({
            ...common,
            kind,
            meeting: newLink,
            locale: 'en',
            name: 'x',
            role: 'delegate',
            changes,
            registered,
          }),
        );
      expect(mail(false), kind).not.toContain('meet.example.org');
      expect(mail(true), kind).toContain('https://meet.example.org/new');
    }
    const update = (registered: boolean) =>
      invitationEmail({
        ...common,
        kind: 'update',
        meeting: newLink,
        locale: 'en',
        name: 'x',
        role: 'delegate',
        changes,
        registered,
      });
    expect(update(true).text).toContain('The online link has changed.');
    expect(update(false).text).not.toContain('online link');

    const registration = (kind: RegistrationEmailKind, registered = true) =>
      everything(
        registrationEmail({
          ...common,
          kind,
          meeting: MEETING,
          locale: 'ru',
          name: 'x',
          sequence: 1,
          registration: { passportName: 'X', arrivalDate: null, departureDate: null },
          registered,
        }),
      );
    expect(registration('registered')).toContain('Ссылка для онлайн-участия: https://meet.example.org/second');
    expect(registration('changed')).toContain('https://meet.example.org/second');
    for (const kind of ['waitlisted', 'offered', 'cancelled'] as const)
      expect(registration(kind), kind).not.toContain('meet.example.org');
    // A place on the waiting list whose details change holds no seat yet.
    expect(registration('changed', false)).not.toContain('meet.example.org');
  });
});

describe('greetings by courtesy title', () => {
  type Courtesy = Pick<Addressee, 'courtesyTitle' | 'grammaticalGender'>;
  const registration = { passportName: 'OMAROVA ASEL', arrivalDate: null, departureDate: null };
  // Every email written to a contact, by the kind a test row names.
  const KINDS: Record<string, (locale: Locale, courtesy: Courtesy) => { text: string; html: string }> = {
    ...Object.fromEntries(
      (['invitation', 'reminder', 'update'] as const).map((kind) => [
        kind,
        (locale: Locale, addressee: Courtesy) =>
          invitationEmail({
            ...common,
            kind,
            meeting: MEETING,
            locale,
            name: NAME[locale],
            addressee,
            role: 'delegate',
          }),
      ]),
    ),
    ...Object.fromEntries(
      // The delegate's own steps, and the secretariat's (worded apart: promoted and withdrawn are only ever staff's).
      [
        ...(['registered', 'waitlisted', 'changed', 'cancelled', 'offered'] as const).map((k) => [k, false] as const),
        ...(['registered', 'waitlisted', 'changed', 'cancelled', 'promoted', 'withdrawn'] as const).map(
          (k) => [k, true] as const,
        ),
      ].map(([kind, byStaff]) => [
        `${kind}${byStaff ? ' by staff' : ''}`,
        (locale: Locale, addressee: Courtesy) =>
          registrationEmail({
            ...common,
            kind,
            meeting: MEETING,
            locale,
            name: NAME[locale],
            addressee,
            sequence: 1,
            registration,
            place: 2,
            offerUntil: new Date('2027-05-10T12:00:00Z'),
            byStaff,
          }),
      ]),
    ),
    'focal point': (locale, courtesy) =>
      focalPointEmail({
        meeting: MEETING,
        locale,
        name: NAME[locale],
        courtesy,
        addressee: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
        quota: 3,
        nominationDeadline: null,
        link: LINK,
      }),
    'replaced member': (locale, courtesy) =>
      replacedMemberEmail({ meeting: MEETING, locale, name: NAME[locale], courtesy }),
    'substitute proposal': (locale, courtesy) =>
      proposalEmail({
        meeting: MEETING,
        locale,
        name: NAME[locale],
        courtesy,
        member: 'Bakyt Mamytov',
        substitute: 'Dilnoza Karimova',
        link: LINK,
      }),
  };
  const ADDRESSEES: [string, Courtesy, Record<Locale, string>][] = [
    [
      'Ms.',
      { courtesyTitle: 'Ms.', grammaticalGender: 'feminine' },
      { en: 'Dear Ms. Omarova,', ru: 'Уважаемая госпожа Омарова!' },
    ],
    ['H.E.', { courtesyTitle: 'H.E.', grammaticalGender: null }, { en: 'Excellency,', ru: 'Ваше Превосходительство!' }],
    [
      'no title',
      { courtesyTitle: null, grammaticalGender: null },
      { en: 'Dear Asel Omarova,', ru: 'Здравствуйте, Асель Омарова!' },
    ],
  ];
  const rows = Object.keys(KINDS).flatMap((kind) =>
    ADDRESSEES.flatMap(([who, courtesy, expected]) =>
      (['en', 'ru'] as const).map((locale) => [kind, who, locale, courtesy, expected[locale]] as const),
    ),
  );

  it.each(rows)('%s, %s, %s', (kind, _who, locale, courtesy, expected) => {
    const mail = KINDS[kind]!(locale, courtesy);
    expect(mail.text.startsWith(`${expected}\n\n`)).toBe(true);
    expect(htmlText(mail.html)).toContain(expected);
  });
});

function indicesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
