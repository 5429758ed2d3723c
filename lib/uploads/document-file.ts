// What an uploaded document is, judged by its bytes rather than by its name or the browser's word, and the name it
// is stored and downloaded under.

export const DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;

export const DOCUMENT_TYPES = {
  pdf: { contentType: 'application/pdf', label: 'PDF' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (DOCX)',
  },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (XLSX)' },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint (PPTX)',
  },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** The folder every Office Open XML file of that kind has (ECMA-376 part 1, the main part's usual place). */
const OOXML_FOLDER: Record<Exclude<DocumentType, 'pdf'>, string> = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' };

/** Enough of the start for every signature below. */
export const HEAD_BYTES = 8;
/** The end of a ZIP: its central directory (the list of entries) is there, after the data. */
export const TAIL_BYTES = 256 * 1024;

export type ContentProblem = 'unknownType' | 'executable' | 'mismatch' | 'empty';

export function declaredType(fileName: string): DocumentType | null {
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return extension && extension in DOCUMENT_TYPES ? (extension as DocumentType) : null;
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4
const MZ = [0x4d, 0x5a]; // Windows executables and DLLs
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const MACH_O = [
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
];

/** Whether the first bytes can begin a file of the declared type; an executable is named as such. */
export function checkHead(head: Uint8Array, type: DocumentType): ContentProblem | null {
  if (head.length === 0) return 'empty';
  if (startsWith(head, MZ) || startsWith(head, ELF) || MACH_O.some((s) => startsWith(head, s))) return 'executable';
  return startsWith(head, type === 'pdf' ? PDF : ZIP) ? null : 'mismatch';
}

/**
 * The names in a ZIP's central directory, read from the file's last bytes; null when the directory does not fit in
 * `tail` (a file of thousands of entries), in which case the signature alone has to do.
 */
export function zipEntryNames(tail: Uint8Array): string[] | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 12, true);
    let position = at - size;
    if (position < 0) return null;
    const names: string[] = [];
    const decoder = new TextDecoder();
    for (let i = 0; i < entries; i++) {
      if (position + 46 > at || view.getUint32(position, true) !== 0x02014b50) return names.length ? names : null;
      const nameLength = view.getUint16(position + 28, true);
      const extraLength = view.getUint16(position + 30, true);
      const commentLength = view.getUint16(position + 32, true);
      names.push(decoder.decode(tail.subarray(position + 46, position + 46 + nameLength)));
      position += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

/** Whether an Office file's entries are those of its declared kind (a renamed .xlsx sent as .docx is refused). */
export function checkTail(tail: Uint8Array, type: DocumentType): ContentProblem | null {
  if (type === 'pdf') return null;
  const names = zipEntryNames(tail);
  if (names === null) return null;
  const folder = OOXML_FOLDER[type];
  return names.includes('[Content_Types].xml') && names.some((name) => name.startsWith(folder)) ? null : 'mismatch';
}

/**
 * A file name safe to store and send back: no folders, no control or reserved characters, at most 150 characters
 * (the extension kept), letters of any script kept as they are.
 */
export function sanitiseFileName(raw: string, type: DocumentType): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const stem =
    cleaned
      .replace(/\.[^.]*$/, '')
      .slice(0, 140)
      .trim() || 'document';
  return `${stem}.${type}`;
}

/**
 * `Content-Disposition` for a download under its original name: an ASCII fallback for old clients and the exact name
 * in `filename*` (RFC 6266, RFC 8187), so Cyrillic names arrive intact.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Parses a single `Range: bytes=…` header against a file's size; multiple ranges are served whole (RFC 9110 allows it). */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
