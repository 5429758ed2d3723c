import { describe, expect, it } from 'vitest';
import { executable, officeFile, pdfFile, zipOf } from '@/test/upload-files';
import { checkedDocument } from './checked-document';
import {
  checkHead,
  checkTail,
  contentDisposition,
  declaredType,
  parseRange,
  sanitiseFileName,
  zipEntryNames,
} from './document-file';

async function run(bytes: Buffer, type: Parameters<typeof checkHead>[1], pieceSize = 3) {
  const pieces = async function* () {
    for (let i = 0; i < bytes.length; i += pieceSize) yield bytes.subarray(i, i + pieceSize);
  };
  const out: Uint8Array[] = [];
  try {
    for await (const piece of checkedDocument(pieces(), type)) out.push(piece);
  } catch (error) {
    return (error as { reason?: string }).reason ?? 'threw';
  }
  expect(Buffer.concat(out).equals(bytes)).toBe(true);
  return 'ok';
}

describe('a document’s bytes against its declared type', () => {
  it('accepts real PDF and Office files, passing every byte through', async () => {
    expect(await run(pdfFile(), 'pdf')).toBe('ok');
    expect(await run(officeFile('docx'), 'docx', 5)).toBe('ok');
    expect(await run(officeFile('xlsx'), 'xlsx', 1000)).toBe('ok');
    expect(await run(officeFile('pptx'), 'pptx', 1)).toBe('ok');
  });

  it('refuses a renamed executable as such, before any byte passes', async () => {
    for (const type of ['pdf', 'docx'] as const) expect(await run(executable(), type)).toBe('executable');
    expect(checkHead(Buffer.from('\x7fELF\x02\x01\x01\x00'), 'pdf')).toBe('executable');
    const passed: Uint8Array[] = [];
    await expect(
      (async () => {
        for await (const piece of checkedDocument([executable()] as unknown as AsyncIterable<Uint8Array>, 'pdf'))
          passed.push(piece);
      })(),
    ).rejects.toMatchObject({ reason: 'executable' });
    expect(passed).toHaveLength(0);
  });

  it('refuses content of another type, and Office files of another kind', async () => {
    expect(await run(officeFile('docx'), 'pdf')).toBe('mismatch');
    expect(await run(pdfFile(), 'docx')).toBe('mismatch');
    expect(await run(officeFile('xlsx'), 'docx')).toBe('mismatch');
    expect(await run(zipOf([{ name: 'word/document.xml', data: Buffer.from('x') }]), 'docx')).toBe('mismatch');
    expect(await run(Buffer.alloc(0), 'pdf')).toBe('empty');
    expect(checkTail(officeFile('pptx'), 'pptx')).toBeNull();
    expect(zipEntryNames(officeFile('docx'))).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });

  it('takes the type from the name’s extension only', () => {
    expect(declaredType('Concept note.PDF')).toBe('pdf');
    expect(declaredType('programme.docx')).toBe('docx');
    expect(declaredType('setup.exe')).toBeNull();
    expect(declaredType('notes.pdf.exe')).toBeNull();
    expect(declaredType('pdf')).toBeNull();
  });
});

describe('file names', () => {
  it('keeps letters of any script and drops folders, controls and reserved characters', () => {
    expect(sanitiseFileName('Концептуальная записка.pdf', 'pdf')).toBe('Концептуальная записка.pdf');
    expect(sanitiseFileName('C:\\Users\\x\\..\\report.docx', 'docx')).toBe('report.docx');
    expect(sanitiseFileName('../../etc/passwd.pdf', 'pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('a\u0000b<c>:"d|e?*\u202ef.pdf', 'pdf')).toBe('abcdef.pdf');
    expect(sanitiseFileName(' .. ', 'pdf')).toBe('document.pdf');
    expect(sanitiseFileName(`${'x'.repeat(300)}.pdf`, 'pdf')).toHaveLength(144);
  });

  it('sends the name intact in filename* with an ASCII fallback', () => {
    const header = contentDisposition('Программа "семинара".pdf');
    const star = header.match(/filename\*=UTF-8''(.+)$/)![1]!;
    expect(decodeURIComponent(star)).toBe('Программа "семинара".pdf');
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
    expect(header.match(/filename="([^"]*)"/)![1]).not.toMatch(/["\\]/);
    expect(contentDisposition('Café (draft).pdf')).toContain(
      `filename="Cafe (draft).pdf"; filename*=UTF-8''Caf%C3%A9%20%28draft%29.pdf`,
    );
  });
});

describe('ranges', () => {
  it('reads one range of bytes, and refuses what the file does not have', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=500-5000', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange(null, 1000)).toBeNull();
  });
});
