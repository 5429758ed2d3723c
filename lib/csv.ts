import Papa from 'papaparse';

// Spreadsheets from ministries and agencies: UTF-8 with or without a byte-order mark, or Windows-1251 from Excel in a
// Russian locale; commas or semicolons; quoted fields with line breaks.

export type CsvEncoding = 'utf-8' | 'windows-1251';

/** Text of an uploaded file: UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise Windows-1251. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    // TextDecoder drops the BOM itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

export type ParsedCsv = { delimiter: ',' | ';' | '\t'; rows: string[][] };

/** Rows of cells; fully blank lines are dropped (spreadsheets leave them between blocks). */
export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
  });
  const delimiter = result.meta.delimiter === ';' || result.meta.delimiter === '\t' ? result.meta.delimiter : ',';
  return { delimiter, rows: result.data };
}

// A cell that starts with one of these is read as a formula by Excel and LibreOffice.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV that Excel opens with Cyrillic intact: UTF-8 with a byte-order mark, CRLF line ends. A cell that would start a
 * formula gets a leading `'`, which `unguardCell` removes on import, so export and import round-trip.
 */
export function toCsv(header: string[], rows: (string | null)[][]): string {
  const guarded = rows.map((row) => row.map((cell) => (cell && FORMULA_START.test(cell) ? `'${cell}` : (cell ?? ''))));
  return `\uFEFF${Papa.unparse({ fields: header, data: guarded }, { newline: '\r\n', quotes: false })}\r\n`;
}

/** Undoes the export's formula guard: exactly one `'` in front of a formula start, nothing else. */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
