import 'server-only';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { DocumentLanguage } from './model';
import { PDF_FONTS } from './pdf';

// Name badges, ready to print: one A6 badge a page (for a badge printer or A6 card stock), or four A6-sized badges
// on an A4 sheet with cut marks in the margins (for an office printer and a guillotine). The QR code is drawn as
// vector squares, so it stays sharp at any printer resolution and costs no image encoding.

export const BADGE_ROLES = ['delegate', 'speaker', 'observer', 'media', 'staff'] as const;
export type BadgeRole = (typeof BADGE_ROLES)[number];
export type BadgeLayout = 'a4' | 'a6';

/** The role in words on the badge, in the badge's language: the colour band is never the only cue. */
export const BADGE_ROLE_WORDS: Record<BadgeRole, Record<DocumentLanguage, string>> = {
  delegate: { en: 'Delegate', ru: 'Делегат' },
  speaker: { en: 'Speaker', ru: 'Докладчик' },
  observer: { en: 'Observer', ru: 'Наблюдатель' },
  media: { en: 'Media', ru: 'Пресса' },
  staff: { en: 'Secretariat', ru: 'Секретариат' },
};

/** Dark enough for white words on them (contrast ≥ 4.5:1), and told apart by hue as well as by the word. */
export const BADGE_ROLE_COLOURS: Record<BadgeRole, string> = {
  delegate: '#0b4f8a',
  speaker: '#a4161a',
  observer: '#2d6a4f',
  media: '#8a4b08',
  staff: '#3c3c3c',
};

export interface Badge {
  language: DocumentLanguage;
  /** In the badge's script. */
  name: string;
  /** The organisation, or the State a delegate represents. */
  affiliation: string;
  role: BadgeRole;
  /** What the QR code carries: the check-in code, never the invitation link. */
  code: string;
}

export interface BadgeMeeting {
  title: Record<DocumentLanguage, string>;
  /** With the time zone named. */
  dates: Record<DocumentLanguage, string>;
}

const MM = 72 / 25.4;
const A6 = { width: 105 * MM, height: 148 * MM };
const A4 = { width: 210 * MM, height: 297 * MM };
// Four badges of A6's size less the margins cut marks need: 2 × 2 on A4, with 10 mm left round the grid.
const SHEET_BADGE = { width: 95 * MM, height: 135 * MM };
const SHEET_ORIGIN = { x: (A4.width - 2 * SHEET_BADGE.width) / 2, y: (A4.height - 2 * SHEET_BADGE.height) / 2 };

export async function renderBadges({
  meeting,
  badges,
  layout,
}: {
  meeting: BadgeMeeting;
  badges: Badge[];
  layout: BadgeLayout;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: layout === 'a6' ? 'A6' : 'A4',
    margin: 0,
    font: PDF_FONTS.regular,
    info: { Title: `Badges: ${meeting.title.en}`, Creator: '', Producer: '' },
    autoFirstPage: false,
  });
  doc.registerFont('regular', PDF_FONTS.regular);
  doc.registerFont('bold', PDF_FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (layout === 'a6') {
    for (const badge of badges) {
      doc.addPage();
      drawBadge(doc, badge, meeting, { x: 0, y: 0, ...A6 });
    }
  } else {
    badges.forEach((badge, i) => {
      if (i % 4 === 0) {
        doc.addPage();
        drawCutMarks(doc);
      }
      const column = i % 2;
      const row = Math.floor((i % 4) / 2);
      drawBadge(doc, badge, meeting, {
        x: SHEET_ORIGIN.x + column * SHEET_BADGE.width,
        y: SHEET_ORIGIN.y + row * SHEET_BADGE.height,
        ...SHEET_BADGE,
      });
    });
  }
  if (badges.length === 0) doc.addPage();
  doc.end();
  return done;
}

type Box = { x: number; y: number; width: number; height: number };

function drawCutMarks(doc: PDFKit.PDFDocument) {
  const { x, y } = SHEET_ORIGIN;
  const xs = [x, x + SHEET_BADGE.width, x + 2 * SHEET_BADGE.width];
  const ys = [y, y + SHEET_BADGE.height, y + 2 * SHEET_BADGE.height];
  const gap = 2 * MM;
  const length = 6 * MM;
  doc.save().lineWidth(0.5).strokeColor('#000000');
  for (const cx of xs) {
    doc.moveTo(cx, y - gap - length).lineTo(cx, y - gap);
    doc.moveTo(cx, ys[2]! + gap).lineTo(cx, ys[2]! + gap + length);
  }
  for (const cy of ys) {
    doc.moveTo(x - gap - length, cy).lineTo(x - gap, cy);
    doc.moveTo(xs[2]! + gap, cy).lineTo(xs[2]! + gap + length, cy);
  }
  doc.stroke().restore();
}

/** The largest size (down to a floor) at which the text fits the width in at most `lines` lines. */
function fittingSize(doc: PDFKit.PDFDocument, text: string, width: number, largest: number, lines: number) {
  for (let size = largest; size > 12; size -= 2) {
    doc.fontSize(size);
    if (doc.heightOfString(text, { width, lineGap: 0 }) <= size * 1.4 * lines) return size;
  }
  return 12;
}

function drawBadge(doc: PDFKit.PDFDocument, badge: Badge, meeting: BadgeMeeting, box: Box) {
  const pad = 7 * MM;
  const width = box.width - 2 * pad;
  const left = box.x + pad;
  const band = 16 * MM;
  const lang = badge.language;

  doc.fillColor('#1a1a1a').font('bold').fontSize(10);
  doc.text(meeting.title[lang], left, box.y + pad, { width, align: 'center', lineGap: 0 });
  doc.font('regular').fontSize(7.5).fillColor('#333333');
  doc.text(meeting.dates[lang], left, doc.y + 2, { width, align: 'center' });

  const nameTop = box.y + box.height * 0.26;
  doc.font('bold');
  doc.fontSize(fittingSize(doc, badge.name, width, 26, 3)).fillColor('#000000');
  doc.text(badge.name, left, nameTop, { width, align: 'center', lineGap: 0 });
  doc.font('regular').fontSize(11).fillColor('#1a1a1a');
  doc.text(badge.affiliation, left, doc.y + 6, { width, align: 'center', height: 44, ellipsis: true });

  const qrSize = Math.min(30 * MM, width);
  drawQr(doc, badge.code, box.x + (box.width - qrSize) / 2, box.y + box.height - band - pad / 2 - qrSize, qrSize);

  const bandTop = box.y + box.height - band;
  doc.rect(box.x, bandTop, box.width, band).fill(BADGE_ROLE_COLOURS[badge.role]);
  doc
    .font('bold')
    .fontSize(16)
    .fillColor('#ffffff')
    .text(BADGE_ROLE_WORDS[badge.role][lang].toUpperCase(), box.x, bandTop + (band - 16 * 1.36) / 2, {
      width: box.width,
      align: 'center',
      characterSpacing: 1,
    });
  doc.fillColor('#000000');
}

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  // Four modules of quiet zone on each side, as the standard asks, inside the square.
  const cell = size / (count + 8);
  doc.save().fillColor('#000000');
  // One rectangle per run of dark modules in a row: fewer path operations, and no hairline seams between them.
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!qr.modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && qr.modules.get(row, column)) column++;
      doc.rect(x + (start + 4) * cell, y + (row + 4) * cell, (column - start) * cell, cell);
    }
  }
  doc.fill().restore();
}
