// The visa support letter: a letter to the host country's consular authorities asking them to issue a visa to a
// participant, with the passport details in a table. Pure: the caller decrypts the details, and nothing here keeps
// them. The Russian is worded around the person («нижеуказанное лицо»), so no verb needs to agree with a gender.

import { countryName } from './countries';
import { nameWithCourtesy, type Addressee } from './courtesy';
import type { DocumentModel } from './documents/model';
import { letterDate } from './note-verbale';

export interface VisaLetterInput {
  language: 'en' | 'ru';
  secretariat: string;
  place: string | null;
  date: Date;
  timeZone: string;
  /** The host country (ISO 3166-1 alpha-2); null: the letter addresses the consular authorities concerned. */
  hostCountry: string | null;
  person: Addressee & { passportName: string };
  visa: { nationality: string; passportNumber: string; dateOfBirth: string; passportExpiry: string };
  meeting: { title: string; dates: string; venue: string };
  /** The stay (ISO dates); null: the meeting's dates. */
  stay: { from: string; to: string } | null;
}

/** «Туркменистана», «Республики Казахстан»: the genitive of a country's short Russian name where it is regular. */
function russianGenitive(name: string): string | null {
  if (/стан$/.test(name)) return `${name}а`;
  if (/^Республика /.test(name)) return name.replace(/^Республика/, 'Республики');
  return null;
}

export function visaLetterAddressee(hostCountry: string | null, language: 'en' | 'ru'): string {
  if (language === 'en')
    return hostCountry
      ? `To the consular authorities of ${countryName(hostCountry, 'en')}`
      : 'To the consular authorities concerned';
  const genitive = hostCountry ? russianGenitive(countryName(hostCountry, 'ru')) : null;
  if (genitive) return `Консульским учреждениям ${genitive}`;
  return hostCountry
    ? `Консульским учреждениям (страна пребывания: ${countryName(hostCountry, 'ru')})`
    : 'Консульским учреждениям';
}

const isoDate = (date: string, language: 'en' | 'ru') => letterDate(new Date(`${date}T12:00:00Z`), 'UTC', language);

export function visaLetterModel(input: VisaLetterInput): DocumentModel {
  const ru = input.language === 'ru';
  const { visa, person, meeting } = input;
  const stay = input.stay
    ? ru
      ? `с ${isoDate(input.stay.from, 'ru')} по ${isoDate(input.stay.to, 'ru')}`
      : `from ${isoDate(input.stay.from, 'en')} to ${isoDate(input.stay.to, 'en')}`
    : ru
      ? `на период проведения совещания (${meeting.dates})`
      : `for the duration of the meeting (${meeting.dates})`;
  const rows: [string, string][] = ru
    ? [
        ['Участник', nameWithCourtesy(person, 'ru')],
        ['Имя и фамилия (как в паспорте)', person.passportName],
        ['Гражданство', countryName(visa.nationality, 'ru')],
        ['Дата рождения', isoDate(visa.dateOfBirth, 'ru')],
        ['Номер паспорта', visa.passportNumber],
        ['Паспорт действителен до', isoDate(visa.passportExpiry, 'ru')],
      ]
    : [
        ['Participant', nameWithCourtesy(person, 'en')],
        ['Name as in the passport', person.passportName],
        ['Nationality', countryName(visa.nationality, 'en')],
        ['Date of birth', isoDate(visa.dateOfBirth, 'en')],
        ['Passport number', visa.passportNumber],
        ['Passport valid until', isoDate(visa.passportExpiry, 'en')],
      ];
  const paragraphs = ru
    ? [
        `${input.secretariat} имеет честь сообщить, что нижеуказанное лицо приглашено принять участие в совещании «${meeting.title}», которое состоится ${meeting.dates}, ${meeting.venue}.`,
        `${input.secretariat} будет признателен за содействие в выдаче въездной визы ${stay}.`,
      ]
    : [
        `The ${input.secretariat} has the honour to inform that the person named below has been invited to participate in the meeting “${meeting.title}”, to be held on ${meeting.dates}, ${meeting.venue}.`,
        `The ${input.secretariat} would be grateful for the assistance extended in issuing an entry visa ${stay}.`,
      ];
  return {
    language: input.language,
    title: ru ? 'Письмо о визовой поддержке' : 'Visa support letter',
    blocks: [
      {
        kind: 'reference',
        left: visaLetterAddressee(input.hostCountry, input.language),
        right: [input.place, letterDate(input.date, input.timeZone, input.language)].filter(Boolean).join(', '),
      },
      { kind: 'heading', text: ru ? 'Письмо о визовой поддержке' : 'Visa support letter' },
      { kind: 'paragraph', text: paragraphs[0]!, indent: true },
      { kind: 'table', rows, widths: [40, 60] },
      { kind: 'paragraph', text: paragraphs[1]!, indent: true },
      { kind: 'space' },
      { kind: 'paragraph', text: input.secretariat, align: 'right' },
    ],
  };
}
