import type { DocumentLanguage, DocumentVisibility, MeetingDocumentKind } from '@/lib/meeting-documents';
import { DOCUMENT_MAX_BYTES } from '@/lib/uploads/document-file';

// The staff page's words for documents (staff pages are in English).

export const KIND_LABELS: Record<MeetingDocumentKind, string> = {
  concept_note: 'Concept note',
  programme: 'Programme',
  list_of_participants: 'List of participants',
  information_note: 'Information note',
  presentation: 'Presentation',
  statement: 'Statement',
  report: 'Report',
  other: 'Other',
};

export const VISIBILITY_LABELS: Record<DocumentVisibility, string> = {
  staff: 'Staff only',
  delegates: 'Invited delegates',
  public: 'Public',
};

export const LANGUAGE_LABELS: Record<DocumentLanguage, string> = {
  en: 'English',
  ru: 'Russian',
  both: 'One file for both languages',
};

const limit = `${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`;

/** What an upload's `?problem=` means (the upload route's and the data layer's reasons). */
export const UPLOAD_PROBLEMS: Record<string, string> = {
  tooLarge: `The file is larger than ${limit}, the limit for a document; nothing was saved.`,
  noFile: 'Choose a file to upload.',
  unreadable: 'The upload did not arrive whole (was the connection interrupted?); nothing was saved. Please try again.',
  fields: 'Choose the type, who sees it and the language, then the file; nothing was saved.',
  unknownType: 'Only PDF, Word (.docx), Excel (.xlsx) and PowerPoint (.pptx) files can be uploaded; nothing was saved.',
  executable: 'This file is a program, not a document (its name says otherwise); it was refused and nothing was saved.',
  mismatch:
    'The file’s content does not match its name’s type (e.g. a renamed file, or a damaged one); nothing was saved. Save it again from its program as PDF, DOCX, XLSX or PPTX.',
  empty: 'The file is empty; nothing was saved.',
  notFound: 'This meeting or document no longer exists; nothing was saved.',
  withdrawn: 'This document has been withdrawn; a new version cannot be added. Nothing was saved.',
};

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
