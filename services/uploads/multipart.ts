import 'server-only';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { hitRateLimit } from '@/db/rate-limits';
import { UploadRefused } from '@/db/file-storage';
import { garbageHinter } from '@/lib/garbage-hint';
import { clientKey, isSameOriginRequest } from '@/lib/http';
import { contentSecurityPolicy } from '@/lib/security-headers';

// The one path every file upload takes (documents, contacts files, summary photos). These routes are left out of
// proxy.ts's matcher, because the proxy buffers a request's body (and cuts it at 10 MB) before a route sees it;
// instead the body is parsed here as it arrives, and the checks the proxy would make are made by `guardUpload`.

/** How many uploads one client may send in UPLOAD_WINDOW_SECONDS: far above any secretariat's pace. */
export const UPLOADS_PER_WINDOW = 120;
export const UPLOAD_WINDOW_SECONDS = 10 * 60;
/** Room for the form's other fields and the multipart boundaries around the file. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * The proxy's checks for a route it does not run on: a write from a page of this site only, and a rate limit per
 * client. Null when the request may go on; otherwise the answer to give.
 */
export async function guardUpload(request: Request): Promise<Response | null> {
  if (!isSameOriginRequest(request)) {
    return new Response('Cross-site request refused: this request must come from a page of this site.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const limit = await hitRateLimit({
    key: `upload:${clientKey(request)}`,
    limit: UPLOADS_PER_WINDOW,
    windowSeconds: UPLOAD_WINDOW_SECONDS,
  });
  if (!limit.allowed) {
    return new Response(
      `Too many uploads from your connection. Please wait ${Math.ceil(limit.retryAfterSeconds / 60)} minutes and try again.`,
      {
        status: 429,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(limit.retryAfterSeconds) },
      },
    );
  }
  return null;
}

/**
 * A route handler of the upload path with the Content-Security-Policy the proxy gives every other answer (its
 * redirects and refusals are pages too, if only briefly).
 */
export function withUploadHeaders<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    const response = await handler(...args);
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const headers = new Headers(response.headers);
    headers.set(
      'Content-Security-Policy',
      contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development' }),
    );
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** Whether the declared body size is past what the route takes (checked before reading a byte of it). */
export const declaredTooLarge = (request: Request, maxFileBytes: number) =>
  Number(request.headers.get('content-length') ?? 0) > maxFileBytes + FORM_OVERHEAD_BYTES;

export type FileInfo = { fileName: string; mimeType: string };
export type MultipartResult<T> =
  | { ok: true; fields: Record<string, string>; file: T | null }
  | { ok: false; problem: 'unreadable' | 'tooLarge' | 'refused'; reason?: string; fields: Record<string, string> };

/**
 * Reads a multipart form as it arrives. Fields are collected (small ones only); the file named `fileField` is handed
 * to `onFile` as a stream together with the fields that came before it in the form (so forms put their fields
 * first). A file over `maxFileBytes` makes the stream throw `UploadRefused('tooLarge')`; whatever `onFile` throws
 * `UploadRefused` with is returned as `refused` with its reason.
 */
export async function readMultipart<T>(
  request: Request,
  {
    fileField,
    maxFileBytes,
    onFile,
  }: {
    fileField: string;
    maxFileBytes: number;
    onFile: (file: AsyncIterable<Uint8Array>, info: FileInfo, fields: Record<string, string>) => Promise<T>;
  },
): Promise<MultipartResult<T>> {
  const fields: Record<string, string> = {};
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(contentType) || !request.body) return { ok: false, problem: 'unreadable', fields };

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send file names as raw UTF-8; busboy's default (latin1) would garble Cyrillic ones.
      defParamCharset: 'utf8',
      // One byte past the limit: busboy marks a file truncated when it reaches its limit, even exactly.
      limits: { files: 1, fileSize: maxFileBytes + 1, fields: 40, fieldSize: 64 * 1024, parts: 50 },
    });
  } catch {
    return { ok: false, problem: 'unreadable', fields };
  }

  type Handled = { ok: true; value: T } | { ok: false; error: unknown };
  // Set in busboy's 'file' callback (TypeScript cannot see that assignment, hence the explicit type below).
  let handled = null as Promise<Handled> | null;
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== fileField || handled || !info.filename) {
        stream.resume();
        return;
      }
      const passed = garbageHinter();
      const guarded = (async function* () {
        // Not destroyed when the handler stops early: busboy still needs to read past it.
        for await (const piece of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
          yield piece;
          passed(piece.length);
        }
        // busboy stops at the limit and marks the stream: the file was bigger than that.
        if ((stream as unknown as { truncated?: boolean }).truncated) throw new UploadRefused('tooLarge');
      })();
      handled = onFile(guarded, { fileName: info.filename, mimeType: info.mimeType }, { ...fields }).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => {
          // Whatever the handler did not read still has to pass for the form to end.
          stream.resume();
          return { ok: false as const, error };
        },
      );
    });
    parser.on('close', resolve);
    parser.on('error', reject);
  });

  const body = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('error', (error) => parser.destroy(error));
  body.pipe(parser);
  try {
    await finished;
  } catch {
    // A broken form or a client that went away: a handler still writing gets its stream cut, then cleans up.
    if (handled) await handled;
    return { ok: false, problem: 'unreadable', fields };
  }
  const outcome = handled ? await handled : null;
  if (!outcome) return { ok: true, fields, file: null };
  if (outcome.ok) return { ok: true, fields, file: outcome.value };
  if (outcome.error instanceof UploadRefused) {
    return outcome.error.reason === 'tooLarge'
      ? { ok: false, problem: 'tooLarge', fields }
      : { ok: false, problem: 'refused', reason: outcome.error.reason, fields };
  }
  throw outcome.error;
}

/** Collects a small file whole (a photo to re-encode, a CSV to parse): the limit has already been enforced. */
export async function collect(file: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of file) pieces.push(piece);
  return Buffer.concat(pieces);
}
