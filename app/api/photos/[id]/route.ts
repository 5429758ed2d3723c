import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { readPhotoFile } from '@/db/summary-photos';
import { getCurrentStaff } from '@/services/auth/staff';

// A summary's photo. Those of published summaries are public and cacheable; the others only for signed-in staff,
// never stored by a shared cache. The bytes were re-encoded on upload, so the type is known, never guessed.

export async function GET(request: NextRequest, { params }: RouteContext<'/api/photos/[id]'>) {
  const { id } = await params;
  const photo = z.uuid().safeParse(id).success ? await readPhotoFile({ id, currentStaff: getCurrentStaff }) : null;
  if (!photo)
    return new NextResponse('No such photo.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  const etag = `"${photo.sha256}"`;
  const headers = {
    'Content-Type': photo.contentType,
    'Content-Disposition': 'inline',
    ETag: etag,
    // A photo never changes under its id (a new upload gets a new one); an unpublished summary's must not linger.
    'Cache-Control': photo.public ? 'public, max-age=3600' : 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': photo.public ? 'cross-origin' : 'same-origin',
  };
  if (request.headers.get('if-none-match') === etag) return new NextResponse(null, { status: 304, headers });
  return new NextResponse(new Uint8Array(photo.data), {
    headers: { ...headers, 'Content-Length': String(photo.data.length) },
  });
}
