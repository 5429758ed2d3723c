import { z } from 'zod';
import { createContactImport } from '@/db/contact-import';
import { roleAtLeast } from '@/lib/auth/roles';
import { getCurrentStaff } from '@/services/auth/staff';
import { MAX_IMPORT_BYTES, readContactsFile } from '@/lib/contact-import';
import { htmlPage } from '@/lib/http';
import { collect, declaredTooLarge, guardUpload, readMultipart, withUploadHeaders } from '@/services/uploads/multipart';

// The upload of a contacts file: a route handler on the streaming upload path (services/uploads/multipart.ts) rather
// than a server action, because a directory of 20,000 rows is over 3 MB and actions take 1 MB. The page's form posts
// here without JavaScript; the answer is a redirect to the import's preview, or back to the form with the problem
// named.

const back = (problem: string) =>
  new Response(null, { status: 303, headers: { Location: `/staff/contacts/import?problem=${problem}` } });

const signIn = (status: number) =>
  new Response(null, {
    status,
    headers: { Location: `/staff/sign-in?${new URLSearchParams({ callbackUrl: '/staff/contacts/import' })}` },
  });
const forbidden = () =>
  htmlPage({
    status: 403,
    title: 'You cannot open this page',
    body: '<p>Importing contacts needs the <strong>editor</strong> role. Ask an admin if you need access.</p><p><a href="/staff/contacts">Back to the contacts</a></p>',
  });

/** Someone who followed or typed the address: the upload form is on the import page. */
async function get(): Promise<Response> {
  const staff = await getCurrentStaff();
  if (!staff) return signIn(307);
  if (!roleAtLeast(staff.role, 'editor')) return forbidden();
  return new Response(null, { status: 307, headers: { Location: '/staff/contacts/import' } });
}

async function post(request: Request): Promise<Response> {
  const refused = await guardUpload(request);
  if (refused) return refused;
  const staff = await getCurrentStaff();
  if (!staff) return signIn(303);
  if (!roleAtLeast(staff.role, 'editor')) return forbidden();
  if (declaredTooLarge(request, MAX_IMPORT_BYTES)) return back('tooLarge');
  const read = await readMultipart(request, {
    fileField: 'file',
    maxFileBytes: MAX_IMPORT_BYTES,
    // A CSV is parsed whole (at most 15 MB), after the form has arrived.
    onFile: async (file, info) => ({ name: info.fileName, bytes: await collect(file) }),
  });
  if (!read.ok) return back(read.problem === 'tooLarge' ? 'tooLarge' : 'unreadable');
  if (!read.file) return back('noFile');
  const { name, bytes } = read.file;
  const contents = readContactsFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!contents.ok) return back(contents.problem);
  const roster = read.fields.rosterCouncilId;
  const rosterCouncilId = typeof roster === 'string' && z.uuid().safeParse(roster).success ? roster : null;
  const id = await createContactImport(
    staff,
    { fileName: name.slice(0, 200) || 'contacts.csv', ...contents.file },
    rosterCouncilId,
  );
  return new Response(null, { status: 303, headers: { Location: `/staff/contacts/import/${id}` } });
}

export const GET = withUploadHeaders(get);
export const POST = withUploadHeaders(post);
