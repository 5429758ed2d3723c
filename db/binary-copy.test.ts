import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { binaryCopyField, chunkCopyStatement, readAllCopyOut } from './binary-copy';

const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const row = (data: Buffer) => Buffer.concat([int16(1), int32(data.length), data]);
const trailer = int16(-1);
/** Splits `whole` at the given offsets, as a driver might hand it over. */
const split = (whole: Buffer, ...at: number[]) =>
  [0, ...at].map((start, i) => whole.subarray(start, [...at, whole.length][i]));

describe('binaryCopyField', () => {
  const data = Buffer.from('chunk bytes, with \x00 and \xff inside', 'latin1');

  it('reads the field from the pieces postgres.js sends, as a view into them', () => {
    const first = Buffer.concat([header, row(data)]);
    const field = binaryCopyField([first, trailer]);
    expect(field?.equals(data)).toBe(true);
    expect(field?.buffer).toBe(first.buffer);
  });

  it('reads it however the output is split', () => {
    const whole = Buffer.concat([header, row(data), trailer]);
    for (const at of [[5], [19], [20, 21], [24, 30], [whole.length - 1], [3, 19, 26, 40]]) {
      expect(binaryCopyField(split(whole, ...at))?.equals(data), `split at ${at}`).toBe(true);
    }
  });

  it('skips a header extension, and reads an empty field', () => {
    const extended = Buffer.concat([header.subarray(0, 15), int32(3), Buffer.from('abc'), row(Buffer.alloc(0))]);
    expect(binaryCopyField([extended, trailer])?.length).toBe(0);
  });

  it('answers null when the COPY found no row', () => {
    expect(binaryCopyField([Buffer.concat([header, trailer])])).toBeNull();
  });

  it('refuses what is not one field of one row of a binary COPY', () => {
    expect(() => binaryCopyField([Buffer.from('id\tdata\n1\tsome text\n')])).toThrow(/not a binary COPY/);
    expect(() => binaryCopyField([header, row(data).subarray(0, 10)])).toThrow(/ended early/);
    expect(() => binaryCopyField([header, row(data)])).toThrow(/ended early/);
    expect(() => binaryCopyField([header, int16(2), int32(1), Buffer.from('a'), trailer])).toThrow(/2 fields/);
    expect(() => binaryCopyField([header, int16(1), int32(-1), trailer])).toThrow(/null/);
    expect(() => binaryCopyField([header, row(data), row(data), trailer])).toThrow(/more/);
  });
});

describe('chunkCopyStatement', () => {
  const id = '0bf41b90-29da-4ab4-8f3c-4947dc2c979e';

  it('reads one chunk, from a 1-based offset', () => {
    expect(chunkCopyStatement(id, 3, 10, 500)).toBe(
      `copy (select substring(data from 11 for 500) from stored_file_chunks where file_id = '${id}' and seq = 3) ` +
        'to stdout (format binary)',
    );
  });

  it('takes nothing but a uuid and whole numbers, as COPY has no parameters', () => {
    expect(() => chunkCopyStatement(`${id}' or true --`, 0, 0, 1)).toThrow(/not a stored file id/);
    expect(() => chunkCopyStatement(id, -1, 0, 1)).toThrow(/seq/);
    expect(() => chunkCopyStatement(id, 0, 0.5, 1)).toThrow(/offset/);
    expect(() => chunkCopyStatement(id, 0, 0, Number.NaN)).toThrow(/length/);
  });
});

describe('readAllCopyOut', () => {
  it('keeps every piece as pushed, then resumes the driver’s socket', async () => {
    const pieces = [Buffer.alloc(600_000, 1), Buffer.from([2])];
    const resumeSocket = vi.fn();
    const readable = new Readable({ read: resumeSocket });
    for (const piece of pieces) readable.push(piece);
    readable.push(null);
    const read = await readAllCopyOut(readable);
    expect(read).toHaveLength(2);
    expect(read[0]).toBe(pieces[0]);
    expect(resumeSocket).toHaveBeenCalledTimes(1);
  });

  it('resumes the socket also when the COPY fails', async () => {
    const resumeSocket = vi.fn();
    const readable = new Readable({ read: resumeSocket });
    readable.push(Buffer.alloc(10));
    let callsBeforeFailing = 0;
    setImmediate(() => {
      callsBeforeFailing = resumeSocket.mock.calls.length;
      readable.destroy(new Error('connection lost'));
    });
    await expect(readAllCopyOut(readable)).rejects.toThrow('connection lost');
    expect(resumeSocket.mock.calls.length).toBe(callsBeforeFailing + 1);
  });
});
