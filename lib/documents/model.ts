// A small document model for the letters the secretariat sends (notes verbales, visa support letters) and the lists
// it prints (participants, badges): blocks of text, each turned into DOCX and PDF by lib/documents. Pure data, so a
// document can be checked as text before any file is made.

export type DocumentLanguage = 'en' | 'ru';
export type Align = 'left' | 'right' | 'center' | 'justify';

export type DocumentBlock =
  | { kind: 'heading'; text: string; align?: Align }
  | { kind: 'paragraph'; text: string; align?: Align; bold?: boolean; indent?: boolean }
  /** Two texts on one line, one at each margin: a reference number on the left, a date on the right. */
  | { kind: 'reference'; left: string; right?: string }
  | { kind: 'table'; header?: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'space' };

export interface DocumentModel {
  language: DocumentLanguage;
  /** The file's title (document properties), not printed. */
  title: string;
  blocks: DocumentBlock[];
  /** Printed on every page: a line at the top (a Draft mark and the date the list is as of) and page numbers. */
  running?: { header?: string; pageNumbers?: boolean };
}

/** "Page 2 of 5" / «Стр. 2 из 5». */
export function pageNumberLabel(language: DocumentLanguage, page: number, pages: number): string {
  return language === 'ru' ? `Стр. ${page} из ${pages}` : `Page ${page} of ${pages}`;
}

/** The document as plain text, in reading order: what tests and previews compare. */
export function documentText(model: DocumentModel): string {
  const header = model.running?.header ? [model.running.header] : [];
  return [
    ...header,
    ...model.blocks.map((block) => {
      switch (block.kind) {
        case 'heading':
        case 'paragraph':
          return block.text;
        case 'reference':
          return [block.left, block.right].filter(Boolean).join('\t');
        case 'table':
          return [...(block.header ? [block.header] : []), ...block.rows].map((row) => row.join('\t')).join('\n');
        case 'space':
          return '';
      }
    }),
  ].join('\n');
}
