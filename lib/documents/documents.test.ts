import { describe, expect, it } from 'vitest';
import { docxText, flat, pdfFonts, pdfText } from '@/test/documents';
import { renderDocument, type DocumentModel } from './index';

const model: DocumentModel = {
  language: 'ru',
  title: 'Проверка',
  blocks: [
    { kind: 'reference', left: 'RCCA/2027/017', right: 'Ашхабад, 12 марта 2027 года' },
    { kind: 'heading', text: 'Список участников' },
    { kind: 'paragraph', text: 'Региональный центр ООН свидетельствует свое уважение Mr. Mamytov.', indent: true },
    {
      kind: 'table',
      header: ['№', 'Имя', 'Name'],
      rows: [['1', 'Асель Омарова', 'Asel Omarova']],
      widths: [10, 45, 45],
    },
    { kind: 'paragraph', text: 'Ашхабад', align: 'right' },
  ],
};

describe('renderDocument', () => {
  it('writes a DOCX a reader opens, with every block in order', async () => {
    const { docx, text } = await renderDocument(model);
    const read = await docxText(docx);
    for (const expected of ['RCCA/2027/017', 'Ашхабад, 12 марта 2027 года', 'Список участников', 'Асель Омарова'])
      expect(read).toContain(expected);
    expect(read.indexOf('Список участников')).toBeLessThan(read.indexOf('Асель Омарова'));
    expect(text).toContain('Региональный центр ООН свидетельствует свое уважение Mr. Mamytov.');
  });

  it('writes a PDF whose Cyrillic and Latin text extracts, with every font embedded', async () => {
    const { pdf } = await renderDocument(model);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flat(pdfText(pdf));
    expect(text).toContain('Региональный центр ООН свидетельствует свое уважение Mr. Mamytov.');
    expect(text).toContain('Асель Омарова');
    expect(text).toContain('RCCA/2027/017');
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/NotoSerif/);
  });

  it('breaks a long table across pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [String(i + 1), `Участник ${i + 1}`, `Participant ${i + 1}`]);
    const { pdf } = await renderDocument({ ...model, blocks: [{ kind: 'table', rows }] });
    const text = pdfText(pdf);
    expect(text.split('\f').filter((page) => page.trim()).length).toBeGreaterThan(1);
    expect(text).toContain('Участник 120');
  });
});
