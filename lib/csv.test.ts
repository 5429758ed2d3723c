import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv, toCsv, unguardCell } from './csv';

describe('CSV', () => {
  it('reads UTF-8 with or without a byte-order mark, and Windows-1251', () => {
    const text = 'ФИО;Страна\r\nЗарина Оразова;Узбекистан\r\n';
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({
      text,
      encoding: 'utf-8',
    });
    expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    // «ФИО» in Windows-1251.
    const cp1251 = new Uint8Array([0xd4, 0xc8, 0xce, 0x3b, 0x41]);
    expect(decodeCsvBytes(cp1251)).toEqual({ text: 'ФИО;A', encoding: 'windows-1251' });
  });

  it('parses commas or semicolons, quoted fields with line breaks and quotes, and skips blank lines', () => {
    expect(parseCsv('a;b\r\n"x; y";"line\nbreak"\r\n\r\n;\r\n"say ""hi""";z\r\n')).toEqual({
      delimiter: ';',
      rows: [
        ['a', 'b'],
        ['x; y', 'line\nbreak'],
        ['say "hi"', 'z'],
      ],
      // As a spreadsheet numbers them: the blank rows count, the cell with a line break is one row.
      lines: [1, 2, 5],
    });
    expect(parseCsv('\uFEFFname,email\n"O\'Brien, Siobhan",s@example.org\n').rows).toEqual([
      ['name', 'email'],
      ["O'Brien, Siobhan", 's@example.org'],
    ]);
  });

  it('writes UTF-8 with a byte-order mark and guards every formula start, and the guard comes off exactly', () => {
    const cells = [
      '=HYPERLINK("http://evil.example","click")',
      '+998 71 123 45 20',
      '-5',
      '@SUM(A1)',
      '\tx',
      '\rx',
      "'plain",
      'Ержан, "Ахметов"',
      "'+998 71 123 45 20",
      "''=x",
      "'",
    ];
    const csv = toCsv(
      ['value'],
      cells.map((c) => [c]),
    );
    expect(csv.startsWith('\uFEFFvalue\r\n')).toBe(true);
    const read = parseCsv(csv)
      .rows.slice(1)
      .map(([c]) => c!);
    expect(read.slice(0, 6).every((c) => c.startsWith("'"))).toBe(true);
    expect(read[6]).toBe("'plain");
    // A value's own apostrophe before a formula start is guarded too, so the importer takes off only the guard.
    expect(read.slice(8)).toEqual(["''+998 71 123 45 20", "'''=x", "'"]);
    expect(read.map(unguardCell)).toEqual(cells);
  });
});
