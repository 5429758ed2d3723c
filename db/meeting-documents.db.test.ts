import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { GET as staffOrPublicDownload } from '@/app/api/documents/[id]/route';
import { GET as delegateDownload } from '@/app/[locale]/i/[token]/documents/[fileId]/route';
import {
  moveDocumentAction,
  updateDocumentAction,
  withdrawDocumentAction,
} from '@/app/staff/meetings/[id]/documents/actions';
import { POST as uploadRoute } from '@/app/staff/meetings/[id]/documents/upload/route';
import { authSecret } from '@/lib/auth/secret';
import { invitationToken } from '@/lib/invitation-token';
import { createInvitation, createMeeting } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { executable, officeFile, pdfFile } from '@/test/upload-files';
import { binaryCopyField, chunkCopyStatement, copyOutOn, copyPool } from './binary-copy';
import { getDb } from './client';
import { CHUNK_SIZE, openStoredFile, storeFile } from './file-storage';
import { listDocumentsFor, listMeetingDocuments } from './meeting-documents';
import { meetingDocuments, storedFileChunks, storedFiles } from './schema';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const sameSite = { origin: 'http://localhost', host: 'localhost' };

function upload(meetingId: string, fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  if (file) data.append('file', new File([new Uint8Array(file.data)], file.name));
  return uploadRoute(
    new Request(`http://localhost/staff/meetings/${meetingId}/documents/upload`, {
      method: 'POST',
      body: data,
      headers: sameSite,
    }) as never,
    { params: Promise.resolve({ id: meetingId }) },
  );
}
const outcome = (response: Response) =>
  Object.fromEntries(new URL(response.headers.get('location')!, 'http://localhost').searchParams);
const storedCount = async () => (await (await getDb()).select({ id: storedFiles.id }).from(storedFiles)).length;
const fromFile = (id: string) => ({ params: Promise.resolve({ id }) });
const read = async (response: Response) => Buffer.from(await response.arrayBuffer());
const tokenOf = (invitation: { id: string; linkVersion: number }) =>
  invitationToken(authSecret(), { invitationId: invitation.id, version: invitation.linkVersion });

async function* pieces(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** A file of `length` bytes in a pattern of its own (byte i is i × factor mod modulo), stored in the database. */
async function storePattern(
  length: number,
  { factor, modulo, pieceSize }: { factor: number; modulo: number; pieceSize: number },
) {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * factor) % modulo;
  const stored = await storeFile(pieces(bytes, pieceSize), {
    contentType: 'application/pdf',
    maxBytes: bytes.length,
    backend: 'db',
  });
  return { bytes, stored };
}

describe('file storage in the database', () => {
  it('keeps a file in chunks and reads back any range of it', async () => {
    const { bytes, stored } = await storePattern(CHUNK_SIZE * 2 + 1234, {
      factor: 7919,
      modulo: 251,
      pieceSize: 100_000,
    });
    expect(stored.byteSize).toBe(bytes.length);
    const chunks = await (
      await getDb()
    )
      .select({ seq: storedFileChunks.seq })
      .from(storedFileChunks)
      .where(eq(storedFileChunks.fileId, stored.id));
    expect(chunks.map((c) => c.seq).sort()).toEqual([0, 1, 2]);
    const counted: number[] = [];
    const readRange = async (start?: number, end?: number) => {
      const range = start === undefined ? undefined : { start, end: end! };
      const opened = await openStoredFile(stored.id, range, { onRead: (bytes) => counted.push(bytes) });
      return read(new Response(opened!.stream));
    };
    expect((await readRange()).equals(bytes)).toBe(true);
    // Told of every chunk read (the garbage hints of downloads count on it).
    expect(counted).toEqual([CHUNK_SIZE, CHUNK_SIZE, bytes.length - 2 * CHUNK_SIZE]);
    const [start, end] = [CHUNK_SIZE - 10, CHUNK_SIZE * 2 + 5];
    expect((await readRange(start, end)).equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it('reads one file for many at once on the pool’s few connections, and leaves them usable', async () => {
    const { bytes, stored } = await storePattern(CHUNK_SIZE * 3 - 77, { factor: 31, modulo: 253, pieceSize: 300_000 });
    // More readers than connections (10 on PostgreSQL): the driver would pipeline queries onto a connection in a COPY.
    const copies = await Promise.all(
      Array.from({ length: 25 }, async () => read(new Response((await openStoredFile(stored.id))!.stream))),
    );
    expect(copies.every((copy) => copy.equals(bytes))).toBe(true);
    const stalled = new Promise((resolve) => setTimeout(resolve, 5000, 'stalled'));
    const answers = Array.from({ length: 12 }, async () => (await getDb()).$count(storedFileChunks));
    expect(await Promise.race([Promise.all(answers), stalled])).toEqual(Array(12).fill(expect.any(Number)));
  });

  it.runIf(process.env.TEST_DATABASE_KIND === 'postgres')(
    'frees each chunk read on PostgreSQL once a consumer writing one at a time is three further, if asked to',
    async () => {
      const { bytes, stored } = await storePattern(CHUNK_SIZE * 5 + 123, {
        factor: 17,
        modulo: 239,
        pieceSize: 200_000,
      });
      // As Next writes a response to its socket: one chunk at a time, the next taken once that one is written.
      const pipeLikeNext = async (releaseSent: boolean) => {
        const opened = await openStoredFile(stored.id, undefined, { releaseSent });
        const [handed, written]: [Uint8Array[], Buffer[]] = [[], []];
        await opened!.stream.pipeTo(
          new WritableStream({
            async write(chunk) {
              handed.push(chunk);
              written.push(Buffer.from(chunk));
              await new Promise((resolve) => setTimeout(resolve, 5));
            },
          }),
        );
        return { handed, written: Buffer.concat(written) };
      };
      const released = await pipeLikeNext(true);
      expect(released.written.equals(bytes)).toBe(true);
      // Six chunks: the first three freed (their views empty), the last three still held when the stream ended.
      expect(released.handed.map((chunk) => chunk.byteLength)).toEqual([0, 0, 0, CHUNK_SIZE, CHUNK_SIZE, 123]);
      const kept = await pipeLikeNext(false);
      expect(kept.written.equals(bytes)).toBe(true);
      expect(kept.handed.every((chunk) => chunk.byteLength > 0)).toBe(true);
    },
  );

  it.runIf(process.env.TEST_DATABASE_KIND === 'postgres')(
    'reads small ranges one after another on one COPY connection (the driver left it paused)',
    async () => {
      const { bytes, stored } = await storePattern(100_000, { factor: 13, modulo: 241, pieceSize: 50_000 });
      // One connection, and COPYs small enough to arrive in one socket read, as a PDF reader's range requests do.
      const pool = copyPool(process.env.DATABASE_URL!, 1);
      const copyOut = copyOutOn(pool);
      try {
        for (let start = 0; start < 50_000; start += 10_000) {
          const stalled = new Promise<'stalled'>((resolve) => setTimeout(resolve, 3000, 'stalled'));
          const read = await Promise.race([copyOut(chunkCopyStatement(stored.id, 0, start, 30_000)), stalled]);
          expect(read, `the read from ${start}`).not.toBe('stalled');
          expect(binaryCopyField(read as Buffer[])?.equals(bytes.subarray(start, start + 30_000))).toBe(true);
        }
      } finally {
        await pool.end({ timeout: 1 });
      }
    },
  );

  it('keeps nothing of a file over its limit', async () => {
    const before = await storedCount();
    await expect(
      storeFile(pieces(Buffer.alloc(3000), 1000), { contentType: 'application/pdf', maxBytes: 2500, backend: 'db' }),
    ).rejects.toMatchObject({ reason: 'tooLarge' });
    expect(await storedCount()).toBe(before);
  });
});

describe('meeting documents', () => {
  it('uploads, versions, orders and withdraws, and shows each audience its own', async () => {
    const meeting = await createMeeting({ status: 'planned' });
    const other = await createMeeting({ status: 'planned' });
    await actAs('editor');
    const concept = { kind: 'concept_note', visibility: 'public', titleEn: '', titleRu: '' };
    expect(
      outcome(await upload(meeting.id, { ...concept, language: 'en' }, { name: 'Concept.pdf', data: pdfFile() })),
    ).toMatchObject({ done: 'added' });
    const conceptId = (await listMeetingDocuments({ actor: staffActor(), meetingId: meeting.id }))[0]!.id;
    // The Russian file, then a new English version.
    for (const [language, name] of [
      ['ru', 'Концептуальная записка.pdf'],
      ['en', 'Concept v2.pdf'],
    ] as const) {
      expect(
        outcome(
          await upload(meeting.id, { documentId: conceptId, language }, { name, data: pdfFile(`${language} ${name}`) }),
        ),
      ).toMatchObject({ done: 'replaced' });
    }
    const programme = { kind: 'programme', visibility: 'delegates', titleEn: 'Programme', titleRu: 'Программа' };
    await upload(meeting.id, { ...programme, language: 'both' }, { name: 'Programme.docx', data: officeFile('docx') });
    const staffOnly = { kind: 'report', visibility: 'staff', titleEn: '', titleRu: '' };
    await upload(meeting.id, { ...staffOnly, language: 'en' }, { name: 'Internal.xlsx', data: officeFile('xlsx') });
    const note = { kind: 'information_note', visibility: 'delegates', titleEn: '', titleRu: '' };
    await upload(meeting.id, { ...note, language: 'ru' }, { name: 'Записка.pptx', data: officeFile('pptx') });

    const staffView = await listMeetingDocuments({ actor: staffActor(), meetingId: meeting.id });
    expect(staffView.map((d) => d.kind)).toEqual(['concept_note', 'programme', 'report', 'information_note']);
    expect(staffView[0]!.files.map((f) => [f.language, f.version, f.current, f.fileName])).toEqual([
      ['en', 2, true, 'Concept v2.pdf'],
      ['en', 1, false, 'Concept.pdf'],
      ['ru', 1, true, 'Концептуальная записка.pdf'],
    ]);

    // Order: the note moves up past the report.
    const noteId = staffView[3]!.id;
    expect((await moveDocumentAction(meeting.id, noteId, idle, form({ direction: 'up' }))).status).toBe('success');
    expect((await listMeetingDocuments({ actor: staffActor(), meetingId: meeting.id })).map((d) => d.kind)).toEqual([
      'concept_note',
      'programme',
      'information_note',
      'report',
    ]);

    const publicList = await listDocumentsFor({ meetingId: meeting.id, audience: 'public', locale: 'ru' });
    expect(publicList.map((d) => [d.kind, d.language, d.fileName])).toEqual([
      ['concept_note', 'ru', 'Концептуальная записка.pdf'],
    ]);
    const invitation = await createInvitation({ meetingId: meeting.id });
    const token = tokenOf(invitation);
    const english = await listDocumentsFor({ meetingId: meeting.id, audience: 'delegate', token, locale: 'en' });
    expect(english.map((d) => [d.kind, d.language, d.otherLanguage, d.fileName])).toEqual([
      ['concept_note', 'en', false, 'Concept v2.pdf'],
      ['programme', 'both', false, 'Programme.docx'],
      ['information_note', 'ru', true, 'Записка.pptx'],
    ]);
    expect(english[1]!.title).toBe('Programme');

    // Downloads: the delegate's own link opens the programme; another meeting's link, or nobody, does not.
    const programmeFile = english[1]!.fileId;
    const asDelegate = (link: string, fileId: string, headers: Record<string, string> = {}) =>
      delegateDownload(new Request(`http://localhost/i/${link}/documents/${fileId}`, { headers }) as never, {
        params: Promise.resolve({ locale: 'en', token: link, fileId }),
      });
    const got = await asDelegate(token, programmeFile);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await read(got)).equals(officeFile('docx'))).toBe(true);
    const stranger = tokenOf(await createInvitation({ meetingId: other.id }));
    expect((await asDelegate(stranger, programmeFile)).status).toBe(404);
    await actAs(null);
    expect(
      (await staffOrPublicDownload(new Request('http://localhost/') as never, fromFile(programmeFile))).status,
    ).toBe(404);
    // The public concept note, in Russian, under its own name, and in ranges.
    const russian = publicList[0]!.fileId;
    const whole = await staffOrPublicDownload(new Request('http://localhost/') as never, fromFile(russian));
    expect(whole.status).toBe(200);
    const disposition = whole.headers.get('content-disposition')!;
    expect(decodeURIComponent(disposition.match(/filename\*=UTF-8''(.+)$/)![1]!)).toBe('Концептуальная записка.pdf');
    const bytes = await read(whole);
    const part = await staffOrPublicDownload(
      new Request('http://localhost/', { headers: { range: 'bytes=2-9' } }) as never,
      fromFile(russian),
    );
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-9/${bytes.length}`);
    expect((await read(part)).equals(bytes.subarray(2, 10))).toBe(true);

    // An earlier version and a staff-only file: for staff only.
    const earlier = staffView[0]!.files[1]!.id;
    expect((await staffOrPublicDownload(new Request('http://localhost/') as never, fromFile(earlier))).status).toBe(
      404,
    );
    await actAs('viewer');
    expect((await staffOrPublicDownload(new Request('http://localhost/') as never, fromFile(earlier))).status).toBe(
      200,
    );

    // Withdrawn: gone from the delegate's page and link.
    await actAs('editor');
    expect((await withdrawDocumentAction(meeting.id, english[1]!.id, idle, form())).status).toBe('success');
    const after = await listDocumentsFor({ meetingId: meeting.id, audience: 'delegate', token, locale: 'en' });
    expect(after.map((d) => d.kind)).toEqual(['concept_note', 'information_note']);
    expect((await asDelegate(token, programmeFile)).status).toBe(404);
    expect(
      outcome(
        await upload(
          meeting.id,
          { documentId: english[1]!.id, language: 'en' },
          { name: 'Programme.pdf', data: pdfFile() },
        ),
      ),
    ).toMatchObject({ problem: 'withdrawn' });
  });

  it('refuses a renamed executable, content of another type and bad fields, storing nothing', async () => {
    const meeting = await createMeeting();
    await actAs('editor');
    const fields = { kind: 'programme', visibility: 'public', language: 'en', titleEn: '', titleRu: '' };
    const before = await storedCount();
    expect(outcome(await upload(meeting.id, fields, { name: 'programme.pdf', data: executable() }))).toMatchObject({
      problem: 'executable',
    });
    expect(outcome(await upload(meeting.id, fields, { name: 'programme.docx', data: pdfFile() }))).toMatchObject({
      problem: 'mismatch',
    });
    expect(outcome(await upload(meeting.id, fields, { name: 'programme.exe', data: executable() }))).toMatchObject({
      problem: 'unknownType',
    });
    expect(
      outcome(await upload(meeting.id, { ...fields, visibility: 'everyone' }, { name: 'p.pdf', data: pdfFile() })),
    ).toMatchObject({ problem: 'fields' });
    expect(outcome(await upload(meeting.id, fields))).toMatchObject({ problem: 'noFile' });
    expect(await storedCount()).toBe(before);
    expect(await listMeetingDocuments({ actor: staffActor(), meetingId: meeting.id })).toEqual([]);
  });

  it('refuses uploads from the signed-out, viewers and other sites', async () => {
    const meeting = await createMeeting();
    const fields = { kind: 'programme', visibility: 'public', language: 'en' };
    const file = { name: 'p.pdf', data: pdfFile() };
    await actAs(null);
    const signedOut = await upload(meeting.id, fields, file);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/staff\/sign-in\?/);
    await actAs('viewer');
    expect((await upload(meeting.id, fields, file)).status).toBe(403);
    await actAs('editor');
    const crossSite = await uploadRoute(
      new Request(`http://localhost/staff/meetings/${meeting.id}/documents/upload`, {
        method: 'POST',
        body: new FormData(),
        headers: { origin: 'https://evil.example', host: 'localhost' },
      }) as never,
      { params: Promise.resolve({ id: meeting.id }) },
    );
    expect(crossSite.status).toBe(403);
    const db = await getDb();
    expect(await db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, meeting.id))).toEqual([]);
  });

  it('refuses the document actions below editor and with bad input', async () => {
    const meeting = await createMeeting();
    await actAs('editor');
    await upload(
      meeting.id,
      { kind: 'programme', visibility: 'public', language: 'en' },
      { name: 'p.pdf', data: pdfFile() },
    );
    const [document] = await listMeetingDocuments({ actor: staffActor(), meetingId: meeting.id });
    const snapshot = async () =>
      (await getDb()).select().from(meetingDocuments).where(eq(meetingDocuments.id, document!.id));
    const details = { kind: 'report', visibility: 'staff', titleEn: 'Report', titleRu: 'Доклад' };
    await expectRefusedBelow(
      'editor',
      () => updateDocumentAction(meeting.id, document!.id, idle, form(details)),
      snapshot,
    );
    await expectRefusedBelow('editor', () => withdrawDocumentAction(meeting.id, document!.id, idle, form()), snapshot);
    await expectRefusedBelow(
      'editor',
      () => moveDocumentAction(meeting.id, document!.id, idle, form({ direction: 'up' })),
      snapshot,
    );
    await actAs('editor');
    const before = await snapshot();
    const bad = await updateDocumentAction(meeting.id, document!.id, idle, form({ ...details, visibility: 'all' }));
    expect(bad).toMatchObject({ status: 'error', code: 'fix', fieldErrors: { visibility: ['Choose who sees it.'] } });
    expect((await moveDocumentAction(meeting.id, document!.id, idle, form({ direction: 'left' }))).status).toBe(
      'error',
    );
    expect(await withdrawDocumentAction(meeting.id, 'not-an-id' as never, idle, form())).toMatchObject({
      status: 'error',
    });
    expect(await snapshot()).toEqual(before);
    expect((await updateDocumentAction(meeting.id, document!.id, idle, form(details))).status).toBe('success');
    expect((await snapshot())[0]).toMatchObject({ kind: 'report', visibility: 'staff', titleRu: 'Доклад' });
  });
});

// listMeetingDocuments wants an actor: any viewer will do for reading.
function staffActor() {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    email: 'reader@example.org',
    role: 'viewer' as const,
    name: null,
    timeZone: null,
  };
}
