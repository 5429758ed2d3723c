import { z } from 'zod';
import { decodeCsvBytes, parseCsv, unguardCell, type CsvEncoding } from './csv';
import { parseCountry } from './countries';
import { parseCourtesyTitle, parseGrammaticalGender, type CourtesyTitle, type GrammaticalGender } from './courtesy';
import type { ContactLanguage } from './domain';
import { hasCyrillic } from './transliterate';

// Reading contact rows out of a spreadsheet: which column is which, what each row says, and which organisations it
// names. Pure functions: the database side (db/contact-import.ts) compares the result with what is stored.

/** The contact's own fields: what the directory's export writes, and a contacts import reads. */
export const CONTACT_FIELDS = [
  'name',
  'nameLatin',
  'email',
  'organisation',
  'acronym',
  'country',
  'title',
  'courtesyTitle',
  'grammaticalGender',
  'language',
  'phone',
  'tags',
  'notes',
  'source',
] as const;
/** A roster import's term (lib/roster-import.ts); a plain contacts import ignores these columns. */
export const ROSTER_FIELDS = ['rosterRole', 'nominatedBy', 'termFrom', 'termTo', 'workingGroup'] as const;
export const IMPORT_FIELDS = [...CONTACT_FIELDS, ...ROSTER_FIELDS] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: 'Full name',
  nameLatin: 'Name (Latin)',
  email: 'Email',
  organisation: 'Organisation',
  acronym: 'Acronym',
  country: 'Country',
  title: 'Position',
  courtesyTitle: 'Courtesy title',
  grammaticalGender: 'Grammatical gender',
  language: 'Language',
  phone: 'Phone',
  tags: 'Tags',
  notes: 'Notes',
  source: 'Source',
  rosterRole: 'Role on the council (roster)',
  nominatedBy: 'Nominated by (roster)',
  termFrom: 'Term from (roster)',
  termTo: 'Term to (roster)',
  workingGroup: 'Working group (roster)',
};

const normaliseHeader = (header: string) =>
  header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

// Headers seen in the secretariat's files, English and Russian, as normaliseHeader leaves them.
const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  name: ['full name', 'name', 'фио', 'ф и о', 'имя', 'полное имя', 'фамилия имя', 'фамилия имя отчество'],
  nameLatin: [
    'name latin',
    'latin name',
    'name in latin',
    'name in latin script',
    'фио латиницей',
    'имя латиницей',
    'фио латиница',
  ],
  email: [
    'email',
    'e mail',
    'email address',
    'e mail address',
    'электронная почта',
    'эл почта',
    'почта',
    'адрес электронной почты',
    'e mail адрес',
  ],
  organisation: ['organisation', 'organization', 'org', 'institution', 'организация', 'учреждение', 'ведомство'],
  acronym: [
    'acronym',
    'abbreviation',
    'short name',
    'organisation acronym',
    'organization acronym',
    'аббревиатура',
    'сокращение',
  ],
  country: ['country', 'country iso', 'страна'],
  title: ['position', 'title', 'job title', 'должность'],
  courtesyTitle: ['courtesy title', 'salutation', 'honorific', 'обращение'],
  grammaticalGender: ['grammatical gender', 'gender of address', 'род обращения'],
  language: ['language', 'preferred language', 'язык'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'телефон', 'тел'],
  tags: ['tags', 'tag', 'теги', 'метки'],
  notes: ['notes', 'note', 'comments', 'comment', 'примечание', 'примечания', 'комментарий'],
  source: ['source', 'источник'],
  rosterRole: ['role', 'role on the council', 'roster role', 'роль', 'роль в совете'],
  nominatedBy: ['nominated by', 'nominating state', 'nominating state or organisation', 'кем выдвинут', 'выдвинут'],
  termFrom: ['term from', 'term start', 'term begins', 'срок с', 'начало срока'],
  termTo: ['term to', 'term end', 'term ends', 'срок по', 'окончание срока'],
  workingGroup: ['working group', 'рабочая группа'],
};

const HEADER_LOOKUP = new Map(
  Object.entries(HEADER_SYNONYMS).flatMap(([field, names]) =>
    names.map((name) => [name, field as ImportField] as const),
  ),
);

/** Column index → field (or null: ignored). */
export type ColumnMapping = (ImportField | null)[];

/** The mapping the headers themselves give, and whether it is complete enough to go on without asking. */
export function mappingFromHeaders(headers: string[]): {
  mapping: ColumnMapping;
  unknownHeaders: string[];
  complete: boolean;
} {
  const used = new Set<ImportField>();
  const mapping = headers.map((header) => {
    const field = HEADER_LOOKUP.get(normaliseHeader(header));
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
  const unknownHeaders = headers.filter((header, i) => mapping[i] === null && header.trim() !== '');
  return { mapping, unknownHeaders, complete: mappingProblems(mapping).length === 0 && unknownHeaders.length === 0 };
}

/** What is wrong with a mapping: a required column missing, or one field given two columns. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  for (const required of ['name', 'email'] as const) {
    if (!mapping.includes(required))
      problems.push(`Choose which column holds the ${IMPORT_FIELD_LABELS[required].toLowerCase()}.`);
  }
  const seen = new Set<ImportField>();
  for (const field of mapping) {
    if (!field) continue;
    if (seen.has(field)) problems.push(`Only one column can be “${IMPORT_FIELD_LABELS[field]}”.`);
    seen.add(field);
  }
  return problems;
}

export type OrganisationMention = { name: string; acronym: string | null };

/** A contact as one row of the file gives it; null means the cell was blank (and must not clear anything). */
export type ImportedContact = {
  name: string;
  nameLatin: string | null;
  email: string;
  organisation: OrganisationMention | null;
  country: string | null;
  title: string | null;
  courtesyTitle: CourtesyTitle | null;
  grammaticalGender: GrammaticalGender | null;
  language: ContactLanguage | null;
  phone: string | null;
  tags: string[];
  notes: string | null;
  source: string | null;
};

export type RowReading = { ok: true; contact: ImportedContact } | { ok: false; reason: string };

const emailSchema = z.email();

export const cellText = (cell: string | undefined) => {
  if (cell === undefined) return null;
  const text = unguardCell(cell).replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
};

const LANGUAGES: Record<string, ContactLanguage> = {
  en: 'en',
  eng: 'en',
  english: 'en',
  англ: 'en',
  английский: 'en',
  ru: 'ru',
  rus: 'ru',
  russian: 'ru',
  рус: 'ru',
  русский: 'ru',
};

export const MAX_NAME_LENGTH = 200;

/** One row of cells read through the mapping: a contact, or the reason the row cannot be imported. */
export function readRow(cells: string[], mapping: ColumnMapping): RowReading {
  const get = (field: ImportField) => {
    const index = mapping.indexOf(field);
    return index === -1 ? null : cellText(cells[index]);
  };
  const name = get('name');
  const writtenEmail = get('email');
  if (!name) return { ok: false, reason: 'Missing name' };
  if (name.length > MAX_NAME_LENGTH) return { ok: false, reason: `Name longer than ${MAX_NAME_LENGTH} characters` };
  if (!writtenEmail) return { ok: false, reason: 'Missing email' };
  const email = writtenEmail.toLowerCase();
  if (!emailSchema.safeParse(email).success || email.length > 320)
    return { ok: false, reason: `Invalid email “${writtenEmail}”` };

  const writtenCountry = get('country');
  const country = writtenCountry ? parseCountry(writtenCountry) : null;
  if (writtenCountry && !country) return { ok: false, reason: `Unknown country “${writtenCountry}”` };

  const writtenLanguage = get('language');
  const language = writtenLanguage ? LANGUAGES[writtenLanguage.toLowerCase()] : null;
  if (writtenLanguage && !language)
    return { ok: false, reason: `Unknown language “${writtenLanguage}” (use en or ru)` };

  const writtenCourtesy = get('courtesyTitle');
  const courtesyTitle = parseCourtesyTitle(writtenCourtesy);
  if (courtesyTitle === 'invalid')
    return { ok: false, reason: `Unknown courtesy title “${writtenCourtesy}” (use Mr., Ms., Dr., Prof. or H.E.)` };
  const writtenGender = get('grammaticalGender');
  const grammaticalGender = parseGrammaticalGender(writtenGender);
  if (grammaticalGender === 'invalid')
    return { ok: false, reason: `Unknown grammatical gender “${writtenGender}” (use masculine or feminine)` };

  const organisationName = get('organisation');
  const acronym = get('acronym');
  const organisation = organisationName || acronym ? { name: (organisationName ?? acronym)!, acronym } : null;

  return {
    ok: true,
    contact: {
      name,
      nameLatin: get('nameLatin'),
      email,
      organisation,
      country,
      title: get('title'),
      courtesyTitle,
      grammaticalGender,
      language: language ?? null,
      phone: get('phone'),
      tags: parseTags(get('tags') ?? ''),
      notes: get('notes'),
      source: get('source'),
    },
  };
}

/** Tags as typed: separated by commas or semicolons, lower-cased, each once. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,;\n]/)
    .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter((tag) => tag.length > 0 && tag.length <= 60);
  return [...new Set(tags)];
}

/** The language a new contact gets when the file does not say: Russian for a name written in Cyrillic. */
export function defaultLanguage(name: string): ContactLanguage {
  return hasCyrillic(name) ? 'ru' : 'en';
}

/** Case- and space-insensitive form of an organisation's name or acronym, for matching. */
export function organisationMatchKey(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

export const MAX_IMPORT_BYTES = 15 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export type ContactsFile = {
  encoding: CsvEncoding;
  delimiter: string;
  headers: string[];
  rows: string[][];
  /** The line a spreadsheet shows each row on, for naming it in the preview. */
  lines: number[];
};

/** An uploaded file read as a table: its header row and the rows under it, or why it cannot be read. */
export function readContactsFile(
  bytes: Uint8Array,
): { ok: true; file: ContactsFile } | { ok: false; problem: 'empty' | 'binary' | 'noRows' | 'tooManyRows' } {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  const { text, encoding } = decodeCsvBytes(bytes);
  // A spreadsheet saved as .xlsx, or a PDF: NUL bytes never occur in CSV text.
  if (text.includes('\u0000')) return { ok: false, problem: 'binary' };
  const { delimiter, rows, lines } = parseCsv(text);
  const [headers, ...data] = rows;
  if (!headers || data.length === 0) return { ok: false, problem: 'noRows' };
  if (data.length > MAX_IMPORT_ROWS) return { ok: false, problem: 'tooManyRows' };
  return {
    ok: true,
    file: { encoding, delimiter, headers: headers.map((h) => h.trim()), rows: data, lines: lines.slice(1) },
  };
}
