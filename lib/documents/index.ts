import 'server-only';
import { renderDocx } from './docx';
import { documentText, type DocumentModel } from './model';
import { renderPdf } from './pdf';

export type { Align, DocumentBlock, DocumentLanguage, DocumentModel } from './model';
export { documentText } from './model';

export interface RenderedDocument {
  docx: Buffer;
  pdf: Buffer;
  text: string;
}

/** The document as DOCX (for staff to edit, initial and stamp) and PDF (fonts embedded), and as plain text. */
export async function renderDocument(model: DocumentModel): Promise<RenderedDocument> {
  const [docx, pdf] = await Promise.all([renderDocx(model), renderPdf(model)]);
  return { docx, pdf, text: documentText(model) };
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';
