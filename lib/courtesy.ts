// Courtesy titles and greetings (UN style). A contact's courtesy title (Mr., Ms., Dr., Prof., H.E.) is separate from
// their `title`, which holds a position; the grammatical gender is a form of address for Russian, which agrees the
// greeting with it («Уважаемая госпожа…»), and is never used for anything else (no statistics). Pure: shared by
// emails, letters, notes verbales, lists and badges.

export const COURTESY_TITLES = ['Mr.', 'Ms.', 'Dr.', 'Prof.', 'H.E.'] as const;
export type CourtesyTitle = (typeof COURTESY_TITLES)[number];
export const GRAMMATICAL_GENDERS = ['masculine', 'feminine'] as const;
export type GrammaticalGender = (typeof GRAMMATICAL_GENDERS)[number];

export interface Addressee {
  /** The name as the person writes it ("Asel Omarova", «Асель Омарова»). */
  name: string;
  courtesyTitle: CourtesyTitle | null;
  grammaticalGender: GrammaticalGender | null;
}

/**
 * The family name a courtesy title goes with: the last word of the name as usually written ("Asel Omarova" →
 * "Omarova"), the form Central Asian and Russian names take in Latin and Cyrillic alike.
 */
export function familyName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.at(-1) ?? '';
}

/** The neutral greeting used when the courtesy title is not known: by the full name, with no gendered word. */
export function neutralGreeting(name: string, language: 'en' | 'ru'): string {
  return language === 'ru' ? `Здравствуйте, ${name}!` : `Dear ${name},`;
}

// The Russian for a courtesy title in a greeting: «господин»/«госпожа», and the academic titles as they are.
const RU_TITLE: Record<Exclude<CourtesyTitle, 'H.E.'>, string> = {
  'Mr.': 'господин',
  'Ms.': 'госпожа',
  'Dr.': 'доктор',
  'Prof.': 'профессор',
};

/** Which agreement a Russian greeting takes: the one Mr. or Ms. implies, else the stated gender, else none. */
function russianGender({ courtesyTitle, grammaticalGender }: Addressee): GrammaticalGender | null {
  if (courtesyTitle === 'Mr.') return 'masculine';
  if (courtesyTitle === 'Ms.') return 'feminine';
  return grammaticalGender;
}

/**
 * The greeting line of an email or letter: "Dear Ms. Omarova," / «Уважаемая госпожа Омарова!»; H.E.: "Excellency," /
 * «Ваше Превосходительство!». Without a courtesy title — or, in Russian, without a gender to agree «Уважаемый» with —
 * the neutral greeting by full name.
 */
export function greeting(addressee: Addressee, language: 'en' | 'ru'): string {
  const { courtesyTitle, name } = addressee;
  if (courtesyTitle === 'H.E.') return language === 'ru' ? 'Ваше Превосходительство!' : 'Excellency,';
  if (!courtesyTitle || !name.trim()) return neutralGreeting(name, language);
  const surname = familyName(name);
  if (language === 'en') return `Dear ${courtesyTitle} ${surname},`;
  const gender = russianGender(addressee);
  if (!gender) return neutralGreeting(name, language);
  const dear = gender === 'feminine' ? 'Уважаемая' : 'Уважаемый';
  return `${dear} ${RU_TITLE[courtesyTitle]} ${surname}!`;
}

/**
 * A name as lists and badges print it: "Ms. Asel Omarova" / «г-жа Асель Омарова». Russian lists use «г-н»/«г-жа»
 * (the abbreviations of «господин»/«госпожа») for Mr. and Ms., and for Dr. and Prof. as the gender says; H.E. is
 * «Е. П.» (Его/Ее Превосходительство), which needs no gender.
 */
export function nameWithCourtesy(addressee: Addressee, language: 'en' | 'ru'): string {
  const { courtesyTitle, name } = addressee;
  if (!courtesyTitle) return name;
  if (language === 'en') return `${courtesyTitle} ${name}`;
  if (courtesyTitle === 'H.E.') return `Е. П. ${name}`;
  const gender = russianGender(addressee);
  return gender === 'feminine' ? `г-жа ${name}` : gender === 'masculine' ? `г-н ${name}` : name;
}

/** The courtesy title from a form or a CSV cell: the UN spelling, with or without its full stops, any case. */
export function parseCourtesyTitle(value: string | null | undefined): CourtesyTitle | null | 'invalid' {
  const key = (value ?? '').trim().toLowerCase().replace(/[.\s]/g, '');
  if (!key) return null;
  const alias: Record<string, CourtesyTitle> = {
    mr: 'Mr.',
    ms: 'Ms.',
    mrs: 'Ms.',
    dr: 'Dr.',
    prof: 'Prof.',
    he: 'H.E.',
    'г-н': 'Mr.',
    'г-жа': 'Ms.',
  };
  return alias[key] ?? 'invalid';
}

/** The grammatical gender from a form or a CSV cell (m/f, masculine/feminine, м/ж). */
export function parseGrammaticalGender(value: string | null | undefined): GrammaticalGender | null | 'invalid' {
  const key = (value ?? '').trim().toLowerCase();
  if (!key) return null;
  if (['m', 'masculine', 'м', 'муж', 'мужской'].includes(key)) return 'masculine';
  if (['f', 'feminine', 'ж', 'жен', 'женский'].includes(key)) return 'feminine';
  return 'invalid';
}

/**
 * The form of address a focal point chose for a nominee, for the nominee's new contact: the courtesy title, and the
 * Russian agreement that Mr. or Ms. implies. The nomination form asks no gender, so other titles leave it unknown.
 */
export function nomineeCourtesy(title: string): Pick<Addressee, 'courtesyTitle' | 'grammaticalGender'> {
  const parsed = parseCourtesyTitle(title);
  const courtesyTitle = parsed === 'invalid' ? null : parsed;
  const grammaticalGender = courtesyTitle === 'Mr.' ? 'masculine' : courtesyTitle === 'Ms.' ? 'feminine' : null;
  return { courtesyTitle, grammaticalGender };
}
