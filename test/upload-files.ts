// Test support: files to upload, made on the fly (never committed): minimal Office files (a ZIP with the entries a
// DOCX, XLSX or PPTX has), PDFs of any size, and a renamed executable. Big ones are streams, never whole in memory.
import { crc32 } from 'node:zlib';

type Entry = { name: string; data: Buffer };

/** A stored (uncompressed) ZIP of these entries: enough for the upload's checks and for a ZIP reader. */
export function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const FOLDER = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml', pptx: 'ppt/presentation.xml' } as const;

export function officeFile(type: keyof typeof FOLDER, text = 'Council Desk test'): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: FOLDER[type], data: Buffer.from(`<?xml version="1.0"?><doc>${text}</doc>`) },
  ]);
}

export function pdfFile(text = 'Council Desk test'): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
}

/** A Windows program's first bytes, as a file renamed to look like a document would start. */
export const executable = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4096, 1)]);

/**
 * A PDF of exactly `size` bytes, generated piece by piece: a header, then filler that does not compress (a test of
 * memory use must not be flattered by compression anywhere).
 */
export async function* bigPdf(size: number, pieceSize = 256 * 1024): AsyncGenerator<Uint8Array> {
  const header = Buffer.from('%PDF-1.7\n');
  yield header;
  let left = size - header.length;
  let seed = 0x2545f491;
  while (left > 0) {
    const piece = Buffer.allocUnsafe(Math.min(pieceSize, left));
    for (let i = 0; i + 4 <= piece.length; i += 4) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      piece.writeInt32LE(seed | 0, i);
    }
    piece.fill(0x20, piece.length - (piece.length % 4));
    left -= piece.length;
    yield piece;
  }
}
