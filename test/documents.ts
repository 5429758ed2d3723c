// Test support: reads generated documents back as a person's software would, the DOCX with a DOCX reader (mammoth)
// and the PDF with poppler's pdftotext and pdffonts, so a test sees what a reader sees.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';

export async function docxText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value;
}

function withFile<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-pdf-'));
  const file = path.join(dir, 'document.pdf');
  try {
    fs.writeFileSync(file, pdf);
    return run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** pdffonts' table: one row per font, with whether it is embedded. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type [encoding…] emb sub uni object ID: "emb" is the fifth field from the end.
      return { name: columns[0]!, embedded: columns.at(-5) === 'yes' };
    });
}

/** Collapses the layout's runs of spaces and line breaks, so a sentence can be looked for across a wrapped line. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');
