import 'server-only';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopPosition,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Align, DocumentBlock, DocumentModel } from './model';

// Word processors substitute the font where it is missing, so the DOCX names a font every office machine has; the
// PDF embeds its own (lib/documents/pdf.ts).
const FONT = 'Times New Roman';
const SIZE = 24; // half-points: 12 pt

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
  justify: AlignmentType.JUSTIFIED,
};

/** A run per line: Word keeps line breaks inside a paragraph only as explicit breaks. */
const runs = (text: string, bold = false) =>
  text.split('\n').map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : 0 }));

const thin = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

function block(b: DocumentBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          children: runs(b.text, true),
          alignment: ALIGN[b.align ?? 'center'],
          spacing: { after: 240 },
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          children: runs(b.text, b.bold),
          alignment: ALIGN[b.align ?? 'justify'],
          indent: b.indent ? { firstLine: 720 } : undefined,
          spacing: { after: 200 },
        }),
      ];
    case 'reference':
      return [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
          children: [new TextRun(b.left), ...(b.right ? [new TextRun({ children: [new Tab(), b.right] })] : [])],
          spacing: { after: 240 },
        }),
      ];
    case 'table': {
      const row = (cells: string[], bold: boolean) =>
        new TableRow({
          tableHeader: bold,
          children: cells.map(
            (text, i) =>
              new TableCell({
                children: [new Paragraph({ children: runs(text, bold) })],
                width: b.widths ? { size: b.widths[i]!, type: WidthType.PERCENTAGE } : undefined,
                borders: { top: thin, bottom: thin, left: thin, right: thin },
              }),
          ),
        });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [...(b.header ? [row(b.header, true)] : []), ...b.rows.map((cells) => row(cells, false))],
        }),
        new Paragraph({ text: '' }),
      ];
    }
    case 'space':
      return [new Paragraph({ text: '' })];
  }
}

/** The running header and the page numbers, as Word fields so they stay right after staff edit the file. */
function running(model: DocumentModel) {
  const { header, pageNumbers } = model.running ?? {};
  const small = 18; // half-points: 9 pt
  const [before, between] = model.language === 'ru' ? ['Стр. ', ' из '] : ['Page ', ' of '];
  return {
    headers: header
      ? {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: header, size: small })] }),
            ],
          }),
        }
      : undefined,
    footers: pageNumbers
      ? {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES], size: small }),
                ],
              }),
            ],
          }),
        }
      : undefined,
  };
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const document = new Document({
    title: model.title,
    creator: '',
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE, language: { value: model.language === 'ru' ? 'ru-RU' : 'en-GB' } } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1418, right: 1134 } } },
        ...running(model),
        children: model.blocks.flatMap(block),
      },
    ],
  });
  return Packer.toBuffer(document);
}
