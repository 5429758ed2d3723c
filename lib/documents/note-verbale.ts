import 'server-only';
import { fillNotePlaceholders, letterDate, noteVerbaleModel, type NoteVerbaleContent } from '@/lib/note-verbale';
import { renderDocument, type RenderedDocument } from './index';

export interface NoteVerbaleInput {
  language: 'en' | 'ru';
  reference: string;
  date: Date;
  /** The zone the date is read in (the secretariat's; the meeting's when none). */
  timeZone: string;
  place: { en: string | null; ru: string | null };
  /** In the note's language: no article in English, the dative in Russian. */
  addressee: string;
  secretariat: { en: string; ru: string };
  meeting: { title: string; dates: string; venue: string };
  quota: number | null;
  /** Already in the note's language. */
  nominationDeadline: string;
  /** The template in the note's language, placeholders not yet filled. */
  template: string;
}

/** The register's record of a note: its words, filled in. */
export function noteVerbaleContent(input: NoteVerbaleInput): NoteVerbaleContent {
  const ru = input.language === 'ru';
  const body = fillNotePlaceholders(input.template, {
    secretariat: ru ? input.secretariat.ru : input.secretariat.en,
    addressee: input.addressee,
    meeting: input.meeting.title,
    dates: input.meeting.dates,
    venue: input.meeting.venue,
    quota: input.quota === null ? '' : String(input.quota),
    deadline: input.nominationDeadline,
  });
  return {
    language: input.language,
    reference: input.reference,
    dateText: letterDate(input.date, input.timeZone, input.language),
    place: (ru ? input.place.ru : input.place.en) ?? null,
    addressee: input.addressee,
    // A sentence that opens with the secretariat's name opens with a capital, whatever case the name was given in.
    body: body.replace(/(^|\n\n)(\p{Ll})/gu, (_, start: string, letter: string) => start + letter.toUpperCase()),
  };
}

export async function renderNoteVerbaleContent(content: NoteVerbaleContent): Promise<RenderedDocument> {
  return renderDocument(noteVerbaleModel(content));
}

/** A note verbale as DOCX and PDF, and its text. */
export async function renderNoteVerbale(input: NoteVerbaleInput): Promise<RenderedDocument> {
  return renderNoteVerbaleContent(noteVerbaleContent(input));
}
