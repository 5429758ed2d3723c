import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import postgres, { type Sql } from 'postgres';
import { framedSocket, framingSuits } from './framed-socket';

// One stored chunk read with `COPY (select …) TO STDOUT (FORMAT binary)`: the bytes arrive as they are stored, where a
// query's bytea comes as hex text (twice the size, decoded by the driver) and base64 as text to decode again. On this
// machine twenty loops of such reads move 384–598 MB/s, against 267–288 as base64 and 179–198 as bytea (npm run bench).
//
// COPY takes no parameters, so the statement is built here from a checked uuid and integers only.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The statement reading `length` bytes from `offset` of chunk `seq` of stored file `fileId`. */
export function chunkCopyStatement(fileId: string, seq: number, offset: number, length: number): string {
  if (!UUID.test(fileId)) throw new Error(`not a stored file id: ${JSON.stringify(fileId)}`);
  for (const [name, value] of Object.entries({ seq, offset, length })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, not ${value}`);
  }
  return (
    `copy (select substring(data from ${offset + 1} for ${length}) from stored_file_chunks ` +
    `where file_id = '${fileId}' and seq = ${seq}) to stdout (format binary)`
  );
}

// PostgreSQL's binary COPY format: an 11-byte signature, 32-bit flags and header-extension length; then per row a
// 16-bit field count and, per field, a 32-bit length (-1 for null) and the bytes; then a 16-bit -1.
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Takes bytes in order from `pieces`: a view into one piece when they lie in it (no copy), else a joined copy. */
function pieceReader(pieces: readonly Buffer[]) {
  let index = 0;
  let offset = 0;
  return (count: number): Buffer => {
    while (index < pieces.length && offset === pieces[index]!.length) [index, offset] = [index + 1, 0];
    const piece = pieces[index];
    if (piece && piece.length - offset >= count) {
      offset += count;
      return piece.subarray(offset - count, offset);
    }
    const parts: Buffer[] = [];
    for (let needed = count; needed > 0;) {
      const current = pieces[index];
      if (!current) throw new Error('a binary COPY ended early');
      const taken = Math.min(needed, current.length - offset);
      parts.push(current.subarray(offset, offset + taken));
      [offset, needed] = [offset + taken, needed - taken];
      if (offset === current.length) [index, offset] = [index + 1, 0];
    }
    return Buffer.concat(parts, count);
  };
}

/**
 * The single field of the single row in a binary COPY's output (`pieces` as they came), or null when the COPY found
 * no row. Without copying when the field arrived in one piece, as it does from postgres.js (one piece per message).
 */
export function binaryCopyField(pieces: readonly Buffer[]): Buffer | null {
  const take = pieceReader(pieces);
  if (!take(SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY');
  take(4); // flags
  take(take(4).readUInt32BE(0)); // header extension
  let field: Buffer | null = null;
  for (;;) {
    const fields = take(2).readInt16BE(0);
    if (fields === -1) return field;
    if (fields !== 1) throw new Error(`a binary COPY of one column has ${fields} fields`);
    if (field) throw new Error('a binary COPY of one row has more');
    const length = take(4).readInt32BE(0);
    if (length < 0) throw new Error('the stored chunk is null');
    field = take(length);
  }
}

/**
 * A postgres.js pool for COPY … TO STDOUT only, which never pipelines (`max_pipeline: 0`): postgres.js otherwise sends
 * further queries on a busy connection, and refuses them on one in a COPY. Its own pool, so the driver keeps its usual
 * care of connections that fail (a reserved connection would be handed back after it closed). Its sockets read each
 * large message into a buffer of its own (db/framed-socket.ts).
 */
export function copyPool(url: string, max = 4): Sql {
  // Options of postgres.js that its type declarations leave out: `max_pipeline` (src/index.js, default 100), and
  // `socket`, a function giving it a socket (src/connection.js) — here one that reads whole messages.
  const settings = { max, onnotice: () => {}, ...({ max_pipeline: 0 } as object) };
  const plain = postgres(url, settings);
  // The driver parses the URL; it connects only on the first query. With TLS or several hosts, its own sockets.
  if (!framingSuits(plain.options)) return plain;
  void plain.end();
  return postgres(url, { ...settings, ...({ socket: framedSocket } as object) });
}

/** Runs COPY … TO STDOUT statements on `pool` (a copyPool) and returns all each sends. */
export function copyOutOn(pool: Sql): (statement: string) => Promise<Buffer[]> {
  return async (statement) => readAllCopyOut(await pool.unsafe(statement).readable());
}

/**
 * Everything a postgres.js COPY … TO STDOUT stream sends, piece by piece as pushed (reading it as an async iterator
 * would join them, a copy of every chunk), then the connection handed back in working order: when a large row fills
 * the stream's buffer the driver pauses its socket, and if the COPY ends in the same read nothing resumes it — the
 * next query on that connection would wait forever (porsager/postgres#499, fix pending in #1016). The stream's
 * `_read` is the driver's own `socket.resume()`. (It happens when a whole COPY of 16–64 KB comes in one read.)
 */
export async function readAllCopyOut(readable: Readable): Promise<Buffer[]> {
  const pieces: Buffer[] = [];
  readable.on('data', (piece: Buffer) => pieces.push(piece));
  try {
    await finished(readable);
  } finally {
    try {
      readable._read(0);
    } catch {
      // The connection closed during the COPY (the driver has dropped its socket): nothing to resume.
    }
  }
  return pieces;
}
