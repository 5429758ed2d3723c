import 'server-only';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { pageNumberLabel, type DocumentBlock, type DocumentModel } from './model';

// Noto Serif (SIL Open Font License, from the @expo-google-fonts/noto-serif package) carries Latin and Cyrillic in one
// file, so a Russian name in an English letter keeps its glyphs; pdfkit embeds the subset it uses. The package is
// a dependency: nothing depends on the fonts of the machine the app runs on.
const FONT_DIR = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-serif');
export const PDF_FONTS = {
  regular: path.join(FONT_DIR, '400Regular/NotoSerif_400Regular.ttf'),
  bold: path.join(FONT_DIR, '700Bold/NotoSerif_700Bold.ttf'),
};

const SIZE = 11.5;
const MARGIN = { top: 57, bottom: 57, left: 71, right: 57 }; // points: 2 cm, 2.5 cm on the left for binding

export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    // Naming our font at creation keeps pdfkit from loading Helvetica, which would not carry Cyrillic.
    font: PDF_FONTS.regular,
    lang: model.language === 'ru' ? 'ru-RU' : 'en-GB',
    info: { Title: model.title, Creator: '', Producer: '' },
    autoFirstPage: true,
    // Page numbers ("Page 2 of 5") are drawn once every page exists.
    bufferPages: Boolean(model.running),
  });
  doc.registerFont('regular', PDF_FONTS.regular);
  doc.registerFont('bold', PDF_FONTS.bold);
  doc.font('regular').fontSize(SIZE);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of model.blocks) draw(doc, block);
  if (model.running) drawRunning(doc, model);
  doc.end();
  return done;
}

/** The running header above each page's text and the page number below it, inside the margins' white space. */
function drawRunning(doc: PDFKit.PDFDocument, model: DocumentModel) {
  const { header, pageNumbers } = model.running ?? {};
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { left } = doc.page.margins;
    const bottomMargin = doc.page.margins.bottom;
    // Text placed in the bottom margin would make pdfkit open a new page: lift the margin while drawing there.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(SIZE - 2.5)
      .fillColor('black');
    if (header) doc.text(header, left, 28, { width: width(doc), align: 'right', lineBreak: false });
    if (pageNumbers) {
      doc.text(pageNumberLabel(model.language, i - start + 1, count), left, doc.page.height - 36, {
        width: width(doc),
        align: 'center',
        lineBreak: false,
      });
    }
    doc.page.margins.bottom = bottomMargin;
  }
}

const width = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

function draw(doc: PDFKit.PDFDocument, block: DocumentBlock) {
  const left = doc.page.margins.left;
  switch (block.kind) {
    case 'heading':
      doc
        .font('bold')
        .text(block.text, left, doc.y, { width: width(doc), align: block.align ?? 'center' })
        .font('regular')
        .moveDown(1);
      return;
    case 'paragraph':
      doc
        .font(block.bold ? 'bold' : 'regular')
        .text(block.text, left, doc.y, {
          width: width(doc),
          align: block.align ?? 'justify',
          indent: block.indent ? 36 : 0,
          lineGap: 2,
        })
        .font('regular')
        .moveDown(0.8);
      return;
    case 'reference': {
      const y = doc.y;
      doc.text(block.left, left, y, { width: width(doc), align: 'left' });
      const after = doc.y;
      if (block.right) doc.text(block.right, left, y, { width: width(doc), align: 'right' });
      doc.y = Math.max(after, doc.y);
      doc.moveDown(1);
      return;
    }
    case 'table':
      drawTable(doc, block);
      return;
    case 'space':
      doc.moveDown(1);
      return;
  }
}

function drawTable(doc: PDFKit.PDFDocument, table: Extract<DocumentBlock, { kind: 'table' }>) {
  const total = width(doc);
  const columns = Math.max(table.header?.length ?? 0, ...table.rows.map((r) => r.length));
  const shares = table.widths ?? Array.from({ length: columns }, () => 100 / columns);
  const widths = shares.map((share) => (total * share) / 100);
  const pad = 4;
  const fontSize = SIZE - 1.5;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(fontSize);
    const height =
      Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom(doc)) doc.addPage();
    const top = doc.y;
    let x = doc.page.margins.left;
    cells.forEach((text, i) => {
      doc.rect(x, top, widths[i]!, height).lineWidth(0.5).strokeColor('#808080').stroke();
      doc.fillColor('black').text(text, x + pad, top + pad, { width: widths[i]! - 2 * pad });
      x += widths[i]!;
    });
    doc.x = doc.page.margins.left;
    doc.y = top + height;
  };
  if (table.header) drawRow(table.header, true);
  for (const row of table.rows) drawRow(row, false);
  doc.font('regular').fontSize(SIZE).moveDown(1);
}
