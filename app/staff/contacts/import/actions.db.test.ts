import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createContactImport } from '@/db/contact-import';
import { contactImports, contacts, organisations } from '@/db/schema';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { readContactsFile } from '@/lib/contact-import';
import {
  cancelContactImportAction,
  chooseImportOrganisationAction,
  chooseImportOrganisationAfterSearchAction,
  saveImportMappingAction,
  startContactImportAction,
} from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// `after()` runs its task once the response is sent; here, straight away, and the test waits for it.
const afterTasks = vi.hoisted(() => [] as Promise<void>[]);
vi.mock('next/server', () => ({ after: (task: () => Promise<void>) => void afterTasks.push(task()) }));

async function uploaded(csv: string) {
  const user = (await actAs('editor'))!;
  const read = readContactsFile(new TextEncoder().encode(csv));
  if (!read.ok) throw new Error(read.problem);
  return createContactImport(
    { ...user, name: null, role: 'editor', timeZone: null },
    { fileName: 'test.csv', ...read.file },
  );
}

const state = async (id: string) => {
  const db = await getDb();
  const [batch] = await db.select().from(contactImports).where(eq(contactImports.id, id));
  return {
    batch,
    contacts: await db.select().from(contacts).orderBy(contacts.id),
    organisations: await db.select().from(organisations).orderBy(organisations.id),
  };
};

const CSV =
  'Имя;Почта;Организация;Комната\nАзамат Касымов;azamat.k@example.org;Ministry of Emergency Situations KG;12\n';

describe('import actions', () => {
  it('refuse anyone below editor and change nothing', async () => {
    const id = await uploaded(CSV);
    const snapshot = () => state(id);
    await expectRefusedBelow(
      'editor',
      () => saveImportMappingAction(id, idle, form({ column: ['name', 'email', 'organisation', ''] })),
      snapshot,
    );
    await expectRefusedBelow(
      'editor',
      () => chooseImportOrganisationAction(id, 'name:x', idle, form({ organisationId: '' })),
      snapshot,
    );
    await expectRefusedBelow(
      'editor',
      () => chooseImportOrganisationAfterSearchAction(id, 'name:x', idle, form({ organisationId: '' })),
      snapshot,
    );
    await expectRefusedBelow('editor', () => startContactImportAction(id, idle, form()), snapshot);
    await expectRefusedBelow('editor', () => cancelContactImportAction(id, idle, form()), snapshot);
  });

  it('answer bad input and change nothing', async () => {
    const id = await uploaded(CSV);
    const before = await state(id);
    expect(
      await saveImportMappingAction(id, idle, form({ column: ['name', 'name', 'organisation', ''] })),
    ).toMatchObject({
      status: 'error',
      fieldErrors: { column: ['Choose which column holds the email.', 'Only one column can be “Full name”.'] },
    });
    expect(await saveImportMappingAction(id, idle, form({ column: ['name', 'shoe size', '', ''] }))).toMatchObject({
      status: 'error',
      fieldErrors: { column: expect.any(Array) },
    });
    // A mapping for a different number of columns than the file has.
    expect(await saveImportMappingAction(id, idle, form({ column: ['name', 'email'] }))).toMatchObject({
      status: 'error',
    });
    expect(
      await chooseImportOrganisationAction(
        id,
        'name:ministry of emergency situations kg',
        idle,
        form({ organisationId: 'nope' }),
      ),
    ).toMatchObject({
      fieldErrors: { organisationId: ['Choose an organisation from the list.'] },
    });
    expect(
      await chooseImportOrganisationAction(
        id,
        'name:ministry of emergency situations kg',
        idle,
        form({ organisationId: '0b7a7c1e-5d1f-4c43-9a51-00000000ffff' }),
      ),
    ).toMatchObject({
      status: 'error',
      message: 'That import (or the organisation chosen) no longer exists.',
    });
    expect(await state(id)).toEqual(before);
  });

  it('map the columns, import, and refuse to import twice', async () => {
    const id = await uploaded(CSV);
    await expect(
      saveImportMappingAction(id, idle, form({ column: ['name', 'email', 'organisation', ''] })),
    ).rejects.toThrow('NEXT_REDIRECT');
    await expect(startContactImportAction(id, idle, form())).rejects.toThrow('NEXT_REDIRECT');
    await Promise.all(afterTasks);
    const { batch, contacts: all } = await state(id);
    expect(batch).toMatchObject({ status: 'done', rowsDone: 1, counts: { create: 1 } });
    expect(all.find((c) => c.email === 'azamat.k@example.org')).toMatchObject({
      name: 'Азамат Касымов',
      language: 'ru',
    });
    expect(await startContactImportAction(id, idle, form())).toMatchObject({
      message: 'This import has already started, finished or been cancelled: nothing was changed.',
    });
    expect(await cancelContactImportAction(id, idle, form())).toMatchObject({ status: 'error' });
  });

  it('choose an organisation after a no-JavaScript search: bad input in place, then the clean preview', async () => {
    const id = await uploaded(CSV.replace('azamat.k@', 'azamat.search@'));
    const key = 'name:ministry of emergency situations kg';
    const before = await state(id);
    expect(
      await chooseImportOrganisationAfterSearchAction(id, key, idle, form({ organisationId: 'nope' })),
    ).toMatchObject({ fieldErrors: { organisationId: ['Choose an organisation from the list.'] } });
    expect(await state(id)).toEqual(before);
    const [unodc] = await (await getDb()).select().from(organisations).limit(1);
    await expect(
      chooseImportOrganisationAfterSearchAction(id, key, idle, form({ organisationId: unodc!.id })),
    ).rejects.toThrow('NEXT_REDIRECT');
    expect((await state(id)).batch!.organisationChoices).toEqual({ [key]: unodc!.id });
  });

  it('cancel an import, keeping nothing of its rows', async () => {
    const id = await uploaded(CSV.replace('azamat.k@', 'azamat.cancelled@'));
    await expect(cancelContactImportAction(id, idle, form())).rejects.toThrow('NEXT_REDIRECT');
    const { batch, contacts: all } = await state(id);
    expect(batch).toMatchObject({ status: 'cancelled', rows: [] });
    expect(all.some((c) => c.email === 'azamat.cancelled@example.org')).toBe(false);
  });
});
