import { refreshPublicMeetings } from '@/lib/public-meeting-cache';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { removeStoredFile, storeFile, UploadRefused } from '@/db/file-storage';
import { addDocumentVersion, addMeetingDocument } from '@/db/meeting-documents';
import { DOCUMENT_LANGUAGES, DOCUMENT_VISIBILITIES, MEETING_DOCUMENT_KINDS } from '@/lib/meeting-documents';
import { roleAtLeast } from '@/lib/auth/roles';
import { htmlPage } from '@/lib/http';
import { checkedDocument } from '@/lib/uploads/checked-document';
import { declaredType, DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, sanitiseFileName } from '@/lib/uploads/document-file';
import { declaredTooLarge, guardUpload, readMultipart, withUploadHeaders } from '@/services/uploads/multipart';
import { getCurrentStaff } from '@/services/auth/staff';

// A document upload: a new document with its first file, or (with `documentId`) a new version of one of its files.
// A plain multipart form post that works without JavaScript; the answer is a 303 back to the documents page, which
// names the outcome from the query string. The form's fields come before its file, so they are checked before a
// byte of the file is stored.

const title = z.string().trim().max(200);
const newDocument = z.object({
  kind: z.enum(MEETING_DOCUMENT_KINDS),
  visibility: z.enum(DOCUMENT_VISIBILITIES),
  language: z.enum(DOCUMENT_LANGUAGES),
  titleEn: title.default(''),
  titleRu: title.default(''),
});
const newVersion = z.object({ documentId: z.uuid(), language: z.enum(DOCUMENT_LANGUAGES) });

const page = (meetingId: string) => `/staff/meetings/${meetingId}/documents`;
// A relative Location: behind a reverse proxy, request.url names the instance's own address, not the public one.
const back = (_request: NextRequest, meetingId: string, params: Record<string, string>) =>
  new Response(null, { status: 303, headers: { Location: `${page(meetingId)}?${new URLSearchParams(params)}` } });
const signIn = (status: number, meetingId: string) =>
  new Response(null, {
    status,
    headers: { Location: `/staff/sign-in?${new URLSearchParams({ callbackUrl: page(meetingId) })}` },
  });
const forbidden = () =>
  htmlPage({
    status: 403,
    title: 'You cannot open this page',
    body: '<p>Uploading documents needs the <strong>editor</strong> role; nothing was saved. Ask an admin if you need access.</p><p><a href="/staff">Back to the dashboard</a></p>',
  });
const meetingIdOf = (raw: string) => (z.uuid().safeParse(raw).success ? raw : null);

/** Someone who followed or typed the address: the upload form is on the documents page. */
async function get(_: NextRequest, { params }: RouteContext<'/staff/meetings/[id]/documents/upload'>) {
  const id = meetingIdOf((await params).id) ?? '';
  const staff = await getCurrentStaff();
  if (!staff) return signIn(307, id);
  if (!roleAtLeast(staff.role, 'editor')) return forbidden();
  return new Response(null, { status: 307, headers: { Location: page(id) } });
}

async function post(request: NextRequest, { params }: RouteContext<'/staff/meetings/[id]/documents/upload'>) {
  const refused = await guardUpload(request);
  if (refused) return refused;
  const meetingId = meetingIdOf((await params).id);
  const staff = await getCurrentStaff();
  if (!staff) return signIn(303, meetingId ?? '');
  if (!roleAtLeast(staff.role, 'editor')) return forbidden();
  if (!meetingId) return new NextResponse('No such meeting.', { status: 404 });
  if (declaredTooLarge(request, DOCUMENT_MAX_BYTES)) return back(request, meetingId, { problem: 'tooLarge' });

  const read = await readMultipart(request, {
    fileField: 'file',
    maxFileBytes: DOCUMENT_MAX_BYTES,
    onFile: async (file, info, fields) => {
      const values = fields.documentId ? newVersion.safeParse(fields) : newDocument.safeParse(fields);
      if (!values.success) throw new UploadRefused('fields');
      const type = declaredType(info.fileName);
      if (!type) throw new UploadRefused('unknownType');
      const stored = await storeFile(checkedDocument(file, type), {
        contentType: DOCUMENT_TYPES[type].contentType,
        maxBytes: DOCUMENT_MAX_BYTES,
      });
      return { stored, values: values.data, fileName: sanitiseFileName(info.fileName, type) };
    },
  });
  if (!read.ok) return back(request, meetingId, { problem: read.reason ?? read.problem });
  if (!read.file) return back(request, meetingId, { problem: 'noFile' });

  const { stored, values, fileName } = read.file;
  const file = { language: values.language, fileName, stored };
  const result =
    'documentId' in values
      ? await addDocumentVersion(staff, { meetingId, documentId: values.documentId, file })
      : await addMeetingDocument(staff, { meetingId, ...values, file });
  if (!result.ok) {
    await removeStoredFile(stored.id);
    return back(request, meetingId, { problem: result.reason });
  }
  // A public document shows on the meeting's public page: drop this instance's cached copy now.
  refreshPublicMeetings();
  return back(request, meetingId, { done: 'documentId' in values ? 'replaced' : 'added', document: result.documentId });
}

export const GET = withUploadHeaders(get);
export const POST = withUploadHeaders(post);
