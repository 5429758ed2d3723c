// Notes verbales: the per-meeting template (placeholders, like the invitation texts in lib/invitation-template.ts), the
// standard formulas it starts from, and the document a note becomes. Pure, so the staff page's live preview and the
// server share it; lib/documents/note-verbale.ts writes the files.

import type { DocumentModel } from './documents/model';

export const NOTE_PLACEHOLDERS = [
  'secretariat',
  'addressee',
  'meeting',
  'dates',
  'venue',
  'quota',
  'deadline',
] as const;
export type NotePlaceholder = (typeof NOTE_PLACEHOLDERS)[number];
export type NotePlaceholderValues = Record<NotePlaceholder, string>;

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function unknownNotePlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PATTERN))
    if (!(NOTE_PLACEHOLDERS as readonly string[]).includes(name!)) unknown.add(name!);
  return [...unknown];
}

export function fillNotePlaceholders(text: string, values: NotePlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: string) =>
    (NOTE_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as NotePlaceholder] : whole,
  );
}

// The UN's formulas: a note verbale speaks of its sender and addressee in the third person, opens by presenting
// compliments and closes by renewing the assurances of highest consideration. The addressee is written without an
// article in English ("Ministry of Foreign Affairs of …") and in the dative in Russian («Министерству …»), which both
// the opening and the closing need.
export const DEFAULT_NOTE_TEXTS: Record<'en' | 'ru', string> = {
  en: 'The {{secretariat}} presents its compliments to the {{addressee}} and has the honour to invite a delegation of up to {{quota}} representatives to participate in the meeting “{{meeting}}”, to be held on {{dates}}, {{venue}}.\n\nThe {{secretariat}} would be grateful if the names and contact details of the members of the delegation could be communicated by {{deadline}}, through the personal link sent to the designated focal point.\n\nThe {{secretariat}} avails itself of this opportunity to renew to the {{addressee}} the assurances of its highest consideration.',
  ru: '{{secretariat}} свидетельствует свое уважение {{addressee}} и имеет честь пригласить делегацию в составе до {{quota}} человек принять участие в совещании «{{meeting}}», которое состоится {{dates}}, {{venue}}.\n\n{{secretariat}} будет признателен за сообщение имен и контактных данных членов делегации до {{deadline}} по персональной ссылке, направленной назначенному координатору.\n\n{{secretariat}} пользуется случаем, чтобы возобновить {{addressee}} уверения в своем высоком уважении.',
};

/** What a note verbale is made from, already in its language: kept in the register, so a file can be made again. */
export interface NoteVerbaleContent {
  language: 'en' | 'ru';
  reference: string;
  /** "12 March 2027" / «12 марта 2027 года». */
  dateText: string;
  place: string | null;
  /** As the note names it: no article in English, the dative in Russian. */
  addressee: string;
  /** The body with its placeholders filled in. */
  body: string;
}

/** The note as a document: reference, body (paragraphs), place and date on the right, the addressee at the foot. */
export function noteVerbaleModel(content: NoteVerbaleContent): DocumentModel {
  const ru = content.language === 'ru';
  return {
    language: content.language,
    title: `${ru ? 'Нота' : 'Note verbale'} ${content.reference}`,
    blocks: [
      { kind: 'reference', left: content.reference },
      ...content.body
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((text) => ({ kind: 'paragraph' as const, text, indent: true })),
      { kind: 'space' },
      { kind: 'paragraph', text: [content.place, content.dateText].filter(Boolean).join(', '), align: 'right' },
      { kind: 'space' },
      { kind: 'paragraph', text: content.addressee, align: 'left' },
    ],
  };
}

/** "12 March 2027" / «12 марта 2027 года»: a letter's date, as the calendar reads it in `zone`. */
export function letterDate(date: Date, zone: string, language: 'en' | 'ru'): string {
  const text = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  return language === 'ru' ? text.replace(/\s*г\.$/, ' года') : text;
}

/** "12 March 2027" or "12 March 2027 – 13 March 2027" / «12 марта 2027 года – 13 марта 2027 года». */
export function letterDates(start: Date, end: Date, zone: string, language: 'en' | 'ru'): string {
  const from = letterDate(start, zone, language);
  const to = letterDate(end, zone, language);
  return from === to ? from : `${from} – ${to}`;
}

/** The reference number: prefix, year and a three-digit sequence number (RCCA/2027/017). */
export function formatReference(prefix: string, year: number, number: number): string {
  return `${prefix}/${year}/${String(number).padStart(3, '0')}`;
}
