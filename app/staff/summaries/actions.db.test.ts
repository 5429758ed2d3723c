import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, meetings, registrations, summaries, summaryPhotos, summaryVersions } from '@/db/schema';
import { DEMO_PLENARY_ID, seedDemoData } from '@/scripts/demo/seed';
import { getPublishedSummary, listPublishedSummaries } from '@/db/published-summaries';
import { readPhotoFile } from '@/db/summary-photos';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { GET as photoFile } from '@/app/api/photos/[id]/route';
import {
  draftSummaryAction,
  previewMarkdownAction,
  publishSummaryAction,
  removePhotoAction,
  restoreVersionAction,
  returnToDraftAction,
  saveSummaryAction,
  submitForReviewAction,
  unpublishSummaryAction,
} from './actions';
import { POST as uploadPhoto } from './[id]/photos/route';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

// redirect() throws; the tests read where it pointed.
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2]!;
    throw error;
  }
  throw new Error('expected a redirect');
}

const snapshot = async () => {
  const db = await getDb();
  return {
    summaries: await db.select().from(summaries),
    versions: (await db.select().from(summaryVersions)).length,
    photos: (await db.select({ id: summaryPhotos.id }).from(summaryPhotos)).length,
  };
};

async function textOf(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(summaries).where(eq(summaries.id, id));
  return row!;
}

const jpeg = (width = 1200, height = 800) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();

function photoForm(fields: Record<string, string>, file?: { data: Buffer | Uint8Array; name: string; type: string }) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  if (file) data.append('photo', new File([new Uint8Array(file.data)], file.name, { type: file.type }));
  return data;
}
const upload = (id: string, data: FormData) =>
  uploadPhoto(
    new Request(`http://localhost/staff/summaries/${id}/photos`, {
      method: 'POST',
      body: data,
      // The upload routes make the proxy's origin check themselves.
      headers: { origin: 'http://localhost', host: 'localhost' },
    }) as never,
    { params: Promise.resolve({ id }) },
  );
const uploadProblems = (response: Response) =>
  Object.fromEntries(new URL(response.headers.get('location')!, 'http://localhost').searchParams);

let summaryId = '';

describe('summaries', () => {
  it('refuses to draft below editor, and drafts the held plenary from its records without naming any participant', async () => {
    const db = await getDb();
    await seedDemoData(db);
    await expectRefusedBelow('editor', () => draftSummaryAction(DEMO_PLENARY_ID, idle, form()), snapshot);

    await actAs('editor');
    const location = await redirectOf(() => draftSummaryAction(DEMO_PLENARY_ID, idle, form()));
    expect(location).toMatch(/^\/staff\/summaries\/[0-9a-f-]{36}$/);
    summaryId = location.split('/').at(-1)!;
    const summary = await textOf(summaryId);
    expect(summary.bodyEn).toContain('More than one hundred participants took part');
    expect(summary.bodyRu).toContain('более ста человек');
    expect(summary.leadEn).toContain('in partnership with the United Nations Office of Counter-Terrorism (UNOCT)');

    // Every one of the 104 seeded participants, by either of their names: none is in any field of the draft.
    const people = await db
      .select({ displayName: registrations.displayName, passportName: registrations.passportName })
      .from(registrations)
      .where(eq(registrations.meetingId, DEMO_PLENARY_ID));
    expect(people).toHaveLength(104);
    const text = [
      summary.headlineEn,
      summary.headlineRu,
      summary.leadEn,
      summary.leadRu,
      summary.bodyEn,
      summary.bodyRu,
    ].join('\n');
    for (const person of people) {
      expect(text).not.toContain(person.displayName);
      expect(text).not.toContain(person.passportName);
    }

    // A second "Draft summary" opens the one there is.
    expect(await redirectOf(() => draftSummaryAction(DEMO_PLENARY_ID, idle, form()))).toBe(
      `/staff/summaries/${summaryId}`,
    );
    expect((await db.select().from(summaries)).length).toBe(1);
  });

  it('refuses a draft for a meeting that is not held, or does not exist', async () => {
    const db = await getDb();
    const [planned] = await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.status, 'invitations_open'));
    await actAs('editor');
    expect(await draftSummaryAction(planned!.id, idle, form())).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/once the meeting is marked as held/),
    });
    expect(await draftSummaryAction('00000000-0000-4000-8000-000000000000', idle, form())).toMatchObject({
      status: 'error',
      message: 'That meeting no longer exists.',
    });
    expect(await draftSummaryAction('not-a-uuid' as never, idle, form())).toMatchObject({ status: 'error' });
  });

  it('saves each edit as a version, checks every field, refuses a stale save, and restores', async () => {
    const summary = await textOf(summaryId);
    const fields = {
      slug: summary.slug,
      headlineEn: 'Council meets in Tashkent',
      headlineRu: 'Совет собрался в Ташкенте',
      leadEn: summary.leadEn,
      leadRu: summary.leadRu,
      bodyEn: summary.bodyEn,
      bodyRu: summary.bodyRu,
    };
    await expectRefusedBelow(
      'editor',
      () => saveSummaryAction(summaryId, idle, form({ ...fields, baseVersion: '1' })),
      snapshot,
    );
    await expectRefusedBelow(
      'editor',
      () => previewMarkdownAction(idle, form({ markdown: '**x**' })),
      async () => null,
    );

    await actAs('editor');
    const bad = await saveSummaryAction(
      summaryId,
      idle,
      form({ ...fields, slug: 'Not a slug!', headlineEn: 'x'.repeat(201), bodyEn: 'ok\u0007', baseVersion: '1' }),
    );
    expect(bad).toMatchObject({
      status: 'error',
      fieldErrors: {
        slug: [expect.stringMatching(/Latin letters/)],
        headlineEn: [expect.stringMatching(/at most 200/)],
        bodyEn: [expect.stringMatching(/control characters/)],
      },
    });
    expect(await saveSummaryAction(summaryId, idle, form({ ...fields, slug: 'page', baseVersion: '1' }))).toMatchObject(
      { fieldErrors: { slug: [expect.stringMatching(/used by the news pages/)] } },
    );
    expect((await textOf(summaryId)).version).toBe(1);

    const preview = await saveSummaryAction(
      summaryId,
      idle,
      form({ ...fields, bodyEn: '**bold** <script>x</script>', intent: 'preview', baseVersion: '1' }),
    );
    expect(preview).toMatchObject({
      status: 'success',
      preview: { bodyEn: '<p><strong>bold</strong> </p>\n' },
      values: { headlineEn: 'Council meets in Tashkent' },
    });
    expect((await textOf(summaryId)).version).toBe(1);
    expect(await previewMarkdownAction(idle, form({ markdown: '[x](javascript:alert(1))' }))).toMatchObject({
      status: 'success',
      preview: { markdown: '<p><a>x</a></p>\n' },
    });

    expect(await saveSummaryAction(summaryId, idle, form({ ...fields, baseVersion: '1' }))).toEqual({
      status: 'success',
      message: 'Saved as version 2.',
    });
    expect(await saveSummaryAction(summaryId, idle, form({ ...fields, baseVersion: '2' }))).toMatchObject({
      message: 'Nothing had changed; no new version.',
    });
    // Someone who opened version 1 and saves now would overwrite version 2: refused, their text handed back.
    const stale = await saveSummaryAction(summaryId, idle, form({ ...fields, headlineEn: 'Mine', baseVersion: '1' }));
    expect(stale).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Someone saved this summary after you opened it/),
      values: { headlineEn: 'Mine' },
    });

    await expectRefusedBelow('editor', () => restoreVersionAction(summaryId, 1, idle, form()), snapshot);
    await actAs('editor');
    expect(await restoreVersionAction(summaryId, 1, idle, form())).toMatchObject({
      status: 'success',
      message: 'Version 1 restored as version 3.',
    });
    expect((await textOf(summaryId)).headlineEn).toBe(summary.headlineEn);
    expect(await restoreVersionAction(summaryId, 99, idle, form())).toMatchObject({
      status: 'error',
      message: 'That version does not exist.',
    });
    await saveSummaryAction(summaryId, idle, form({ ...fields, baseVersion: '3' }));
  });

  it('takes photos only from editors, only real JPEG/PNG/WebP, with alt texts and a credit; serves them to staff until published', async () => {
    const texts = { altEn: 'Participants in the hall', altRu: 'Участники в зале', credit: 'UNRCCA' };
    await actAs(null);
    const signedOut = await upload(
      summaryId,
      photoForm(texts, { data: await jpeg(), name: 'a.jpg', type: 'image/jpeg' }),
    );
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/staff\/sign-in\?callbackUrl=/);
    await actAs('viewer');
    expect(
      (await upload(summaryId, photoForm(texts, { data: await jpeg(), name: 'a.jpg', type: 'image/jpeg' }))).status,
    ).toBe(403);

    await actAs('editor');
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" width="900" height="600"><script>alert(1)</script></svg>',
    );
    expect(
      uploadProblems(await upload(summaryId, photoForm(texts, { data: svg, name: 'a.jpg', type: 'image/jpeg' }))),
    ).toMatchObject({ photoError: 'wrongType' });
    expect(
      uploadProblems(
        await upload(
          summaryId,
          photoForm(texts, { data: Buffer.from('GIF89a not really'), name: 'a.png', type: 'image/png' }),
        ),
      ),
    ).toMatchObject({ photoError: 'notAnImage' });
    expect(
      uploadProblems(
        await upload(summaryId, photoForm(texts, { data: await jpeg(300, 200), name: 'a.jpg', type: 'image/jpeg' })),
      ),
    ).toMatchObject({ photoError: 'tooSmall' });
    expect(uploadProblems(await upload(summaryId, photoForm(texts)))).toMatchObject({ photoError: 'missing' });
    const noAlt = uploadProblems(
      await upload(
        summaryId,
        photoForm({ ...texts, altEn: ' ', credit: '' }, { data: await jpeg(), name: 'a.jpg', type: 'image/jpeg' }),
      ),
    );
    expect(noAlt).toMatchObject({
      altEnError: expect.stringMatching(/Describe the photo in English/),
      creditError: expect.stringMatching(/whose photo/),
      altRu: 'Участники в зале',
    });
    expect(noAlt.photoError).toBeUndefined();
    expect((await snapshot()).photos).toBe(0);

    const png = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#884422' } })
      .png()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret GPS' } } })
      .toBuffer();
    expect(
      uploadProblems(await upload(summaryId, photoForm(texts, { data: png, name: 'big.png', type: 'image/png' }))),
    ).toEqual({ photo: 'added' });
    const db = await getDb();
    const [stored] = await db.select().from(summaryPhotos).where(eq(summaryPhotos.summaryId, summaryId));
    expect(stored).toMatchObject({ contentType: 'image/jpeg', width: 1600, height: 1067 });
    expect(stored!.data!.includes(Buffer.from('secret GPS'))).toBe(false);

    // Not published yet: staff may see it, the public may not.
    const get = (id: string) =>
      photoFile(new Request(`http://localhost/api/photos/${id}`) as never, { params: Promise.resolve({ id }) });
    expect((await get(stored!.id)).headers.get('cache-control')).toBe('private, no-store');
    await actAs(null);
    expect((await get(stored!.id)).status).toBe(404);
    expect(await readPhotoFile({ id: stored!.id, currentStaff: async () => null })).toBeNull();
    expect((await get('not-a-uuid')).status).toBe(404);

    await expectRefusedBelow('editor', () => removePhotoAction(summaryId, stored!.id, idle, form()), snapshot);
  });

  it('goes draft → in review → published with four eyes; the meeting follows; unpublishing takes it off the public site', async () => {
    const db = await getDb();
    await expectRefusedBelow('editor', () => submitForReviewAction(summaryId, idle, form()), snapshot);
    const submitter = await actAs('editor');
    expect(await redirectOf(() => submitForReviewAction(summaryId, idle, form()))).toBe(
      `/staff/summaries/${summaryId}?done=submitted`,
    );
    expect(await submitForReviewAction(summaryId, idle, form())).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Only a draft can be changed/),
    });
    const summary = await textOf(summaryId);
    expect(
      await saveSummaryAction(
        summaryId,
        idle,
        form({
          slug: summary.slug,
          headlineEn: 'Changed in review',
          headlineRu: 'x',
          leadEn: 'x',
          leadRu: 'x',
          bodyEn: 'x',
          bodyRu: 'x',
          baseVersion: String(summary.version),
        }),
      ),
    ).toMatchObject({ status: 'error', message: expect.stringMatching(/Only a draft/) });

    // The submitter cannot publish it, whatever their role; neither can anyone below editor.
    expect(await publishSummaryAction(summaryId, idle, form())).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/You submitted this summary for review, so you cannot publish it/),
    });
    await db
      .update(summaries)
      .set({ submittedById: (await actAs('admin'))!.id })
      .where(eq(summaries.id, summaryId));
    expect(await publishSummaryAction(summaryId, idle, form())).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/cannot publish it/),
    });
    await db.update(summaries).set({ submittedById: submitter!.id }).where(eq(summaries.id, summaryId));
    await expectRefusedBelow('editor', () => publishSummaryAction(summaryId, idle, form()), snapshot);
    expect(await getPublishedSummary(summary.slug)).toBeNull();

    await actAs('editor');
    expect(await redirectOf(() => publishSummaryAction(summaryId, idle, form()))).toBe(
      `/staff/summaries/${summaryId}?done=published`,
    );
    const [meeting] = await db
      .select({ status: meetings.status })
      .from(meetings)
      .where(eq(meetings.id, DEMO_PLENARY_ID));
    expect(meeting!.status).toBe('summary_published');
    const published = await getPublishedSummary(summary.slug);
    expect(published).toMatchObject({
      slug: summary.slug,
      headlineEn: summary.headlineEn,
      photos: [expect.objectContaining({ altRu: 'Участники в зале' })],
    });
    expect((await listPublishedSummaries({ page: 1, pageSize: 10 })).total).toBe(1);
    await actAs(null);
    expect(await readPhotoFile({ id: published!.photos[0]!.id, currentStaff: async () => null })).toMatchObject({
      public: true,
      contentType: 'image/jpeg',
    });
    expect(await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, summaryId))).toEqual(
      expect.arrayContaining([
        { action: 'summary.saved' },
        { action: 'summary.submitted' },
        { action: 'summary.published' },
      ]),
    );

    await expectRefusedBelow('editor', () => unpublishSummaryAction(summaryId, idle, form()), snapshot);
    await actAs('editor');
    expect(await returnToDraftAction(summaryId, idle, form())).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Only a summary in review/),
    });
    expect(await redirectOf(() => unpublishSummaryAction(summaryId, idle, form()))).toBe(
      `/staff/summaries/${summaryId}?done=unpublished`,
    );
    const [after] = await db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, DEMO_PLENARY_ID));
    expect(after!.status).toBe('held');
    expect(await getPublishedSummary(summary.slug)).toBeNull();
    expect((await textOf(summaryId)).status).toBe('draft');
    expect(await unpublishSummaryAction(summaryId, idle, form())).toMatchObject({
      status: 'error',
      message: 'This summary is not published.',
    });

    // In review → back to draft, by anyone at editor level.
    await redirectOf(() => submitForReviewAction(summaryId, idle, form()));
    await expectRefusedBelow('editor', () => returnToDraftAction(summaryId, idle, form()), snapshot);
    await actAs('editor');
    expect(await redirectOf(() => returnToDraftAction(summaryId, idle, form()))).toBe(
      `/staff/summaries/${summaryId}?done=returned`,
    );
  });

  it('refuses ids that are not ids, and text too long to preview, changing nothing', async () => {
    await actAs('editor');
    const before = await snapshot();
    for (const run of [
      () => submitForReviewAction('not-a-uuid' as never, idle, form()),
      () => returnToDraftAction('not-a-uuid' as never, idle, form()),
      () => publishSummaryAction('not-a-uuid' as never, idle, form()),
      () => unpublishSummaryAction('not-a-uuid' as never, idle, form()),
      () => restoreVersionAction(summaryId, 1.5 as never, idle, form()),
      () => removePhotoAction(summaryId, 'not-a-uuid' as never, idle, form()),
      () => saveSummaryAction('not-a-uuid' as never, idle, form({ baseVersion: '1' })),
    ]) {
      expect(await run()).toEqual({ status: 'error', code: 'missing' });
    }
    expect(await previewMarkdownAction(idle, form({ markdown: 'x'.repeat(30_001) }))).toMatchObject({
      status: 'error',
      fieldErrors: { markdown: ['The text must be at most 30,000 characters.'] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to submit a summary that lacks a language, naming what is missing; a photo is not required', async () => {
    const db = await getDb();
    await db.delete(summaryPhotos).where(eq(summaryPhotos.summaryId, summaryId));
    await db.update(summaries).set({ leadRu: '' }).where(eq(summaries.id, summaryId));
    await actAs('editor');
    expect(await submitForReviewAction(summaryId, idle, form())).toMatchObject({
      status: 'error',
      message: 'Before review, the summary needs: Russian lead.',
    });
    await db.update(summaries).set({ leadRu: 'Вводный абзац.' }).where(eq(summaries.id, summaryId));
    expect(await redirectOf(() => submitForReviewAction(summaryId, idle, form()))).toBe(
      `/staff/summaries/${summaryId}?done=submitted`,
    );
  });
});
