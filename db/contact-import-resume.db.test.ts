import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readContactsFile } from '@/lib/contact-import';
import { runHousekeeping } from '@/services/housekeeping';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import {
  createContactImport,
  getContactImport,
  importNextChunk,
  previewContactImport,
  STALLED_IMPORT_SECONDS,
  startContactImport,
} from './contact-import';
import { contacts } from './schema';

// An import whose instance died half way (no request left to carry it on) is taken up by housekeeping, which every
// instance runs once a minute, once its last chunk is older than a live instance would ever leave it.
describe('a stalled contact import', () => {
  it('is left alone while it may still be running, and finished by housekeeping once it has stalled', async () => {
    const actor = await createStaff('editor');
    const csv =
      'Full name,Email,Country\n' +
      Array.from({ length: 5 }, (_, i) => `Stalled Person ${i},stalled${i}@council.test,UZ`).join('\n');
    const read = readContactsFile(new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.problem);
    const id = await createContactImport(actor, { fileName: 'stalled.csv', ...read.file });
    await previewContactImport({ actor, batch: (await getContactImport({ actor, id }))! });
    expect(await startContactImport(actor, id)).toEqual({ ok: true });
    // The instance that started it got one row in, then died.
    expect(await importNextChunk(id, 1)).toBe(true);
    const imported = async () =>
      (
        await (
          await getDb()
        )
          .select({ n: sql<number>`count(*)::int` })
          .from(contacts)
          .where(sql`${contacts.email} like 'stalled%@council.test'`)
      )[0]!.n;

    expect(await runHousekeeping(new Date())).toMatchObject({ resumedImports: 0 });
    expect((await getContactImport({ actor, id }))!).toMatchObject({ status: 'applying', rowsDone: 1 });

    const later = new Date(Date.now() + (STALLED_IMPORT_SECONDS + 1) * 1000);
    expect(await runHousekeeping(later)).toMatchObject({ resumedImports: 1 });
    expect((await getContactImport({ actor, id }))!).toMatchObject({ status: 'done', rowsDone: 5 });
    expect(await imported()).toBe(5);
    expect(await runHousekeeping(later)).toMatchObject({ resumedImports: 0 });
  });
});
