import 'server-only';
import { openStoredFile } from '@/db/file-storage';
import { DOWNLOAD_HINTS, garbageHinter } from '@/lib/garbage-hint';
import { responsesArePiped } from '@/lib/piped-responses.mjs';
import { contentDisposition, parseRange } from '@/lib/uploads/document-file';

// The answer of every document download route: streamed from storage, with ranges for large files (a resumed
// download, a PDF reader fetching pages), and with headers that stop a browser from running or guessing anything.

export async function storedFileResponse(
  request: Request,
  file: { storedFileId: string; fileName: string; contentType: string; byteSize: number; sha256: string },
  { publicCache }: { publicCache: boolean },
): Promise<Response> {
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    ETag: etag,
    // A file never changes under its id (a new version gets a new one); one for delegates stays out of shared caches.
    'Cache-Control': publicCache ? 'public, max-age=300' : 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const ifRange = request.headers.get('if-range');
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get('range'), file.byteSize);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.byteSize}` } });
  }
  const opened = await openStoredFile(file.storedFileId, range ?? undefined, {
    onRead: garbageHinter(DOWNLOAD_HINTS),
    releaseSent: responsesArePiped(),
  });
  if (!opened)
    return new Response('This file is not available.', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  if (range) {
    return new Response(opened.stream, {
      status: 206,
      headers: {
        ...headers,
        'Content-Range': `bytes ${range.start}-${range.end}/${file.byteSize}`,
        'Content-Length': String(range.end - range.start + 1),
      },
    });
  }
  return new Response(opened.stream, { headers: { ...headers, 'Content-Length': String(file.byteSize) } });
}

export const notFoundFile = () =>
  new Response('No such file, or it is not available to you.\nФайл не найден или недоступен Вам.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
