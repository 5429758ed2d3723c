import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { addSummaryPhoto } from '@/db/summary-photos';
import { roleAtLeast } from '@/lib/auth/roles';
import { getCurrentStaff } from '@/services/auth/staff';
import { htmlPage } from '@/lib/http';
import { collect, declaredTooLarge, guardUpload, readMultipart, withUploadHeaders } from '@/services/uploads/multipart';
import { PHOTO_MAX_BYTES, preparePhoto } from '@/lib/summary/photo';
import { photoTextSchema } from '../../summary-schema';

// A photo upload is a plain multipart form post on the streaming upload path (services/uploads/multipart.ts; it works
// without JavaScript): the answer is always a 303 back to the summary's page, which shows the outcome from the query
// string (?photo=added, or the problem per field).

// A relative Location: behind a reverse proxy, request.url names the instance's own address, not the public one.
const back = (_request: NextRequest, id: string, params: Record<string, string>) =>
  new Response(null, {
    status: 303,
    headers: { Location: `/staff/summaries/${id}?${new URLSearchParams(params)}#photos` },
  });

const signIn = (status: number, id: string) =>
  new Response(null, {
    status,
    headers: { Location: `/staff/sign-in?${new URLSearchParams({ callbackUrl: `/staff/summaries/${id}` })}` },
  });
const forbidden = () =>
  htmlPage({
    status: 403,
    title: 'You cannot open this page',
    body: '<p>Adding photos needs the <strong>editor</strong> role; nothing was saved. Ask an admin if you need access.</p><p><a href="/staff/summaries">Back to the summaries</a></p>',
  });
const summaryId = (raw: string) => (z.uuid().safeParse(raw).success ? raw : null);

/** Someone who followed or typed the address: the upload form is on the summary's page. */
async function get(_: NextRequest, { params }: RouteContext<'/staff/summaries/[id]/photos'>) {
  const id = summaryId((await params).id) ?? '';
  const staff = await getCurrentStaff();
  if (!staff) return signIn(307, id);
  if (!roleAtLeast(staff.role, 'editor')) return forbidden();
  return new Response(null, { status: 307, headers: { Location: `/staff/summaries/${id}#photos` } });
}

async function post(request: NextRequest, { params }: RouteContext<'/staff/summaries/[id]/photos'>) {
  const refused = await guardUpload(request);
  if (refused) return refused;
  const id = summaryId((await params).id);
  const staff = await getCurrentStaff();
  if (!staff) return signIn(303, id ?? '');
  if (!roleAtLeast(staff.role, 'editor')) return forbidden();
  if (!id) return new NextResponse('No such summary.', { status: 404 });
  // Refused before reading the body: a form's other fields are small, the photo is the limit.
  if (declaredTooLarge(request, PHOTO_MAX_BYTES)) return back(request, id, { photoError: 'tooLarge' });

  // A photo is decoded whole to re-encode it (at most 10 MB), after the form has arrived.
  const read = await readMultipart(request, {
    fileField: 'photo',
    maxFileBytes: PHOTO_MAX_BYTES,
    onFile: async (file) => collect(file),
  });
  if (!read.ok) return back(request, id, { photoError: read.problem === 'tooLarge' ? 'tooLarge' : 'unreadable' });
  const form = read.fields;
  const texts = photoTextSchema.safeParse({
    altEn: form.altEn ?? '',
    altRu: form.altRu ?? '',
    credit: form.credit ?? '',
  });
  const prepared = read.file?.length ? await preparePhoto(read.file) : ({ ok: false, problem: 'missing' } as const);
  if (!texts.success || !prepared.ok) {
    const errors = texts.success ? {} : z.flattenError(texts.error).fieldErrors;
    const echo = Object.fromEntries(
      ['altEn', 'altRu', 'credit'].map((field) => [field, String(form[field] ?? '').slice(0, 300)]),
    );
    return back(request, id, {
      ...echo,
      ...(prepared.ok ? {} : { photoError: prepared.problem }),
      ...Object.fromEntries(Object.entries(errors).map(([field, messages]) => [`${field}Error`, messages?.[0] ?? ''])),
    });
  }
  const result = await addSummaryPhoto(staff, id, { ...texts.data, image: prepared.photo });
  if (!result.ok) return back(request, id, { photoError: result.reason === 'notDraft' ? 'notDraft' : 'notFound' });
  return back(request, id, { photo: 'added' });
}

export const GET = withUploadHeaders(get);
export const POST = withUploadHeaders(post);
