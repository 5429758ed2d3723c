// Meeting documents: their kinds, audiences and languages, and what a list of them for delegates or the public
// holds (db/meeting-documents.ts fills it, components/meeting-documents-list.tsx shows it).

export const MEETING_DOCUMENT_KINDS = [
  'concept_note',
  'programme',
  'list_of_participants',
  'information_note',
  'presentation',
  'statement',
  'report',
  'other',
] as const;
export type MeetingDocumentKind = (typeof MEETING_DOCUMENT_KINDS)[number];
export const DOCUMENT_VISIBILITIES = ['staff', 'delegates', 'public'] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];
/** `both`: one file in both languages, which then is the document's only file. */
export const DOCUMENT_LANGUAGES = ['en', 'ru', 'both'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export type ListedDocument = {
  id: string;
  kind: MeetingDocumentKind;
  /** The title in the reader's language, or '' to name the document by its kind. */
  title: string;
  fileId: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  /** `en`, `ru` or `both`: when it is not the reader's language, the list says so. */
  language: DocumentLanguage;
  /** The file is in the other language: there is none in the reader's. */
  otherLanguage: boolean;
  href: string;
};
