import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { deleteObject, getObjectStream, putObject, s3Configured } from '@/lib/storage/s3';
import { UploadRefused } from '@/lib/uploads/upload-refused';
import { binaryCopyField, chunkCopyStatement } from './binary-copy';
import { releaseMessageBuffer } from './framed-socket';
import { type Database, getDatabase, getDb } from './client';
import { storedFileChunks, storedFiles } from './schema';

// Uploaded files, streamed in and out: in the database as chunks of CHUNK_SIZE bytes (the default: every instance
// sees every file, and a backup holds them), or in S3-compatible storage when S3_BUCKET is set. Neither way holds a
// whole file in memory: a write keeps one chunk (or two S3 parts) at a time, a read fetches a chunk as the client
// takes the previous one.

/** 512 KiB: big enough that a 50 MB file is 100 rows, small enough that twenty readers hold 10 MB between them. */
export const CHUNK_SIZE = 512 * 1024;

export { UploadRefused };

export type StoredFile = { id: string; byteSize: number; sha256: string; contentType: string };

export const storageBackend = (): 'db' | 's3' => (s3Configured() ? 's3' : 'db');

/**
 * Writes `source` into a new stored file and returns it once complete. If the source throws (an `UploadRefused`, a
 * broken connection) or passes `maxBytes`, nothing is kept and the error is passed on (`UploadRefused('tooLarge')`
 * for the size).
 */
export async function storeFile(
  source: AsyncIterable<Uint8Array>,
  {
    contentType,
    maxBytes,
    backend = storageBackend(),
  }: { contentType: string; maxBytes: number; backend?: 'db' | 's3' },
): Promise<StoredFile> {
  const db = await getDb();
  const objectKey = backend === 's3' ? `files/${randomUUID()}` : null;
  const [row] = await db
    .insert(storedFiles)
    .values({ backend, objectKey, contentType, chunkSize: CHUNK_SIZE })
    .returning({ id: storedFiles.id });
  const id = row!.id;
  const hash = createHash('sha256');
  let byteSize = 0;
  const counted = async function* () {
    for await (const piece of source) {
      byteSize += piece.length;
      if (byteSize > maxBytes) throw new UploadRefused('tooLarge');
      hash.update(piece);
      yield piece;
    }
  };
  try {
    if (backend === 's3') await writeObject(objectKey!, counted(), contentType);
    else await writeChunks(id, counted());
    const sha256 = hash.digest('hex');
    await db
      .update(storedFiles)
      .set({ byteSize, sha256, completedAt: sql`now()` })
      .where(eq(storedFiles.id, id));
    return { id, byteSize, sha256, contentType };
  } catch (error) {
    await removeStoredFile(id).catch((cleanup) => console.error('[storage] could not remove a failed upload', cleanup));
    throw error;
  } finally {
    // Uploads cut short by a crash leave incomplete rows behind; a later upload sweeps them.
    if (Math.random() < 0.05) void sweepIncomplete().catch(() => {});
  }
}

async function writeChunks(fileId: string, source: AsyncIterable<Uint8Array>) {
  const db = await getDb();
  // One buffer for the chunk being filled, reused: by the time an insert resolves, the driver has sent its copy.
  const chunk = Buffer.allocUnsafe(CHUNK_SIZE);
  let filled = 0;
  let seq = 0;
  const flush = async () => {
    // As base64 text rather than a Buffer parameter, which the driver copies and then sends as hex (twice the size):
    // a third of the garbage a 50 MB upload leaves for V8 to collect (lib/garbage-hint.ts).
    const data = sql<Buffer>`decode(${chunk.toString('base64', 0, filled)}, 'base64')`;
    await db.insert(storedFileChunks).values({ fileId, seq: seq++, data });
    filled = 0;
  };
  for await (const piece of source) {
    for (let offset = 0; offset < piece.length;) {
      const taken = Math.min(CHUNK_SIZE - filled, piece.length - offset);
      chunk.set(piece.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
      if (filled === CHUNK_SIZE) await flush();
    }
  }
  if (filled) await flush();
}

async function writeObject(key: string, source: AsyncIterable<Uint8Array>, contentType: string) {
  const body = new PassThrough({ highWaterMark: CHUNK_SIZE });
  const upload = putObject(key, body, contentType);
  // The upload may fail before the source ends (store unreachable): stop feeding it then.
  let failed: unknown = null;
  upload.catch((error) => {
    failed = error;
    body.destroy();
  });
  try {
    for await (const piece of source) {
      if (failed) break;
      if (!body.write(piece)) await Promise.race([once(body, 'drain'), once(body, 'close')]);
    }
  } catch (error) {
    body.destroy(error instanceof Error ? error : new Error(String(error)));
    await upload.catch(() => {});
    throw error;
  }
  body.end();
  await upload;
}

/** Removes a stored file and its bytes (wherever they are). */
export async function removeStoredFile(id: string): Promise<void> {
  const db = await getDb();
  const [removed] = await db
    .delete(storedFiles)
    .where(eq(storedFiles.id, id))
    .returning({ backend: storedFiles.backend, objectKey: storedFiles.objectKey });
  if (removed?.backend === 's3' && removed.objectKey) await deleteObject(removed.objectKey).catch(() => {});
}

async function sweepIncomplete() {
  const db = await getDb();
  const stale = await db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(and(isNull(storedFiles.completedAt), lt(storedFiles.createdAt, sql`now() - interval '1 day'`)))
    .limit(20);
  for (const { id } of stale) await removeStoredFile(id);
}

/** Bytes `offset` to `offset + length` of one chunk: with uncompressed storage PostgreSQL reads only those pages. */
export async function readChunk(fileId: string, seq: number, offset = 0, length = CHUNK_SIZE): Promise<Uint8Array> {
  const database = await getDatabase();
  // On PostgreSQL as a binary COPY: the bytes as stored, nothing for either side to encode or decode.
  const bytes = database.copyOut
    ? binaryCopyField(await database.copyOut(chunkCopyStatement(fileId, seq, offset, length)))
    : await readChunkAsBase64(database.db, fileId, seq, offset, length);
  if (!bytes) throw new Error(`stored file ${fileId} lacks chunk ${seq}`);
  return bytes;
}

// The embedded database has no COPY to a client: base64 text, which the driver hands over as a string, rather than
// bytea, which it receives as hex (twice the size) and decodes.
async function readChunkAsBase64(db: Database, fileId: string, seq: number, offset: number, length: number) {
  const [row] = await db
    .select({
      data: sql<string>`encode(substring(${storedFileChunks.data} from ${offset + 1} for ${length}), 'base64')`,
    })
    .from(storedFileChunks)
    .where(and(eq(storedFileChunks.fileId, fileId), eq(storedFileChunks.seq, seq)));
  return row ? Buffer.from(row.data, 'base64') : null;
}

export type FileRange = { start: number; end: number };

/**
 * A chunk is freed early only from this size on: far above a socket's high-water mark (16 KiB, 64 KiB from Node 22),
 * so that a write of it that returned left nothing of the chunk before it unsent (lib/piped-responses.mjs).
 */
const RELEASE_FROM_BYTES = 128 * 1024;

/**
 * A stored file's bytes from `range.start` to `range.end` (inclusive; the whole file without a range), read one chunk
 * at a time as the consumer asks for more, with `onRead` told each piece's size (lib/garbage-hint.ts). Null when there
 * is no such complete file.
 *
 * With `releaseSent`, the memory of a chunk of at least RELEASE_FROM_BYTES read on PostgreSQL is freed once the
 * consumer has asked for three more (db/framed-socket.ts) — only for a consumer that has let go of a chunk by then,
 * as Next writing a response to its socket has (lib/piped-responses.mjs says why). Chunks a consumer keeps would be
 * emptied.
 */
export async function openStoredFile(
  id: string,
  range?: FileRange,
  { onRead, releaseSent = false }: { onRead?: (bytes: number) => void; releaseSent?: boolean } = {},
): Promise<{ byteSize: number; contentType: string; stream: ReadableStream<Uint8Array> } | null> {
  const db = await getDb();
  const [file] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, id), sql`${storedFiles.completedAt} is not null`));
  if (!file) return null;
  const start = range?.start ?? 0;
  const end = range?.end ?? file.byteSize - 1;
  if (file.backend === 's3') {
    const stream =
      end < start
        ? new ReadableStream<Uint8Array>({ start: (c) => c.close() })
        : await getObjectStream(file.objectKey!, start, end);
    return {
      byteSize: file.byteSize,
      contentType: file.contentType,
      stream: onRead ? counted(stream, onRead) : stream,
    };
  }
  let position = start;
  // The chunks handed on last, newest at the end. A consumer that asks for chunk k has taken k - 1 (this stream
  // keeps one queued), so its write of k - 2 has returned; chunk k - 3 is freed.
  const handed: Uint8Array[] = [];
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (position > end) return controller.close();
        const seq = Math.floor(position / file.chunkSize);
        const offset = position - seq * file.chunkSize;
        const length = Math.min(file.chunkSize - offset, end - position + 1);
        const bytes = await readChunk(id, seq, offset, length);
        position += length;
        controller.enqueue(bytes);
        if (releaseSent && handed.push(bytes) > 3) {
          const written = handed.shift()!;
          if (written.byteLength >= RELEASE_FROM_BYTES) releaseMessageBuffer(written);
        }
        onRead?.(length);
        if (position > end) controller.close();
      },
    },
    // One chunk ahead of the client at most.
    { highWaterMark: 1 },
  );
  return { byteSize: file.byteSize, contentType: file.contentType, stream };
}

// S3's stream is made elsewhere, so its pieces are counted by a stream behind it. The database's chunks are counted in
// the reader above instead: each stream in a pipeline queues a chunk of its own, and a chunk held longer outlives more
// young-generation collections — twenty downloads through one more stream set off twice the full collections and
// moved a fifth less (npm run bench -- --only documents).
function counted(stream: ReadableStream<Uint8Array>, onRead: (bytes: number) => void): ReadableStream<Uint8Array> {
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(piece, controller) {
        controller.enqueue(piece);
        onRead(piece.byteLength);
      },
    }),
  );
}

/** A whole stored file in memory: for small files only (a photo to re-encode), never for documents. */
export async function readStoredFile(id: string): Promise<Buffer | null> {
  const opened = await openStoredFile(id);
  if (!opened) return null;
  const pieces: Uint8Array[] = [];
  for await (const piece of opened.stream as unknown as AsyncIterable<Uint8Array>) pieces.push(piece);
  return Buffer.concat(pieces);
}
