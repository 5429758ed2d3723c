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

/**
 * The rows of cells, and the line a spreadsheet shows each on (1-based: blank rows count, a quoted cell with line
 * breaks is one row).
 */
export type ParsedCsv = { delimiter: ',' | ';' | '\t'; rows: string[][]; lines: number[] };

const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');

/** Rows of cells; fully blank rows are dropped (spreadsheets leave them between blocks), but keep their number. */
export function parseCsv(text: string): ParsedCsv {
  const content = text.replace(/^\uFEFF/, '');
  // Papa guesses the delimiter well only without the blank rows, which must stay in for their numbers: guess on the
  // first rows alone, then read the whole file with it.
  const guessed = Papa.parse<string[]>(content, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
    preview: 100,
  }).meta.delimiter;
  const delimiter = guessed === ';' || guessed === '\t' ? guessed : ',';
  const result = Papa.parse<string[]>(content, { delimiter, skipEmptyLines: false });
  const rows: string[][] = [];
  const lines: number[] = [];
  result.data.forEach((row, index) => {
    if (isBlank(row)) return;
    rows.push(row);
    lines.push(index + 1);
  });
  return { delimiter, rows, lines };
}

// A cell the export guards: one Excel and LibreOffice would read as a formula, or one whose own apostrophes stand
// before a formula start (guarded too, so the importer can always tell the guard's apostrophe from the value's).
const GUARDED = /^'*[=+\-@\t\r]/;
// What a guarded cell looks like in the file: the guard's apostrophe, then the value.
const GUARD_ADDED = /^'+[=+\-@\t\r]/;

/**
 * CSV that Excel opens with Cyrillic intact: UTF-8 with a byte-order mark, CRLF line ends. A cell that would start a
 * formula gets a leading `'`, which `unguardCell` removes on import, so export and import round-trip.
 */
export function toCsv(header: string[], rows: (string | null)[][]): string {
  const guarded = rows.map((row) => row.map((cell) => (cell && GUARDED.test(cell) ? `'${cell}` : (cell ?? ''))));
  return `\uFEFF${Papa.unparse({ fields: header, data: guarded }, { newline: '\r\n', quotes: false })}\r\n`;
}

/**
 * Undoes the export's formula guard: the one `'` the export adds, only where it adds one, so every value — one that
 * begins with an apostrophe of its own too — comes back as it was exported.
 */
export function unguardCell(cell: string): string {
  return GUARD_ADDED.test(cell) ? cell.slice(1) : cell;
}
