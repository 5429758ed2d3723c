import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { contacts, organisations } from '@/db/schema';
import { createContact } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import {
  createOrganisationAction,
  createOrganisationAfterSearchAction,
  mergeOrganisationAction,
  updateOrganisationAction,
} from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const all = async () => (await getDb()).select().from(organisations).orderBy(organisations.id);
const ministry = (stamp: string) => ({
  nameEn: `Ministry of Justice of the Republic of Uzbekistan ${stamp}`,
  nameRu: 'Министерство юстиции',
  acronym: `MOJ UZ ${stamp}`,
  type: 'government',
  country: 'UZ',
});

describe('organisation actions', () => {
  it('refuse anyone below editor and change nothing', async () => {
    const [existing] = await (
      await getDb()
    )
      .insert(organisations)
      .values({
        nameEn: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
        acronym: 'UNRCCA X',
        type: 'un_entity',
      })
      .returning();
    await expectRefusedBelow('editor', () => createOrganisationAction(idle, form(ministry('a'))), all);
    await expectRefusedBelow('editor', () => createOrganisationAfterSearchAction(idle, form(ministry('a'))), all);
    await expectRefusedBelow('editor', () => updateOrganisationAction(existing!.id, idle, form(ministry('b'))), all);
    await expectRefusedBelow(
      'editor',
      () => mergeOrganisationAction(existing!.id, idle, form({ mergeId: randomUUID() })),
      all,
    );
  });

  it('answer bad input field by field and change nothing', async () => {
    await actAs('editor');
    const before = await all();
    expect(
      await createOrganisationAction(
        idle,
        form({
          nameEn: ' ',
          type: 'ministry',
          country: 'Uzbekistan',
          parentId: 'x',
          website: 'ftp://x',
          acronym: 'A'.repeat(31),
        }),
      ),
    ).toMatchObject({
      fieldErrors: {
        nameEn: ['Enter the name in English.'],
        type: ['Choose the type of organisation.'],
        country: ['Choose a country from the list, or none for an international body.'],
        parentId: ['Choose the parent organisation from the list.'],
        website: ['Enter a web address, like https://unrcca.unmissions.org.'],
        acronym: ['Keep the acronym under 30 characters.'],
      },
    });
    expect(await createOrganisationAction(idle, form({ ...ministry('c'), parentId: randomUUID() }))).toMatchObject({
      fieldErrors: { parentId: ['That organisation no longer exists.'] },
    });
    expect(await createOrganisationAction(idle, form({ ...ministry('d'), acronym: 'unrcca x' }))).toMatchObject({
      fieldErrors: { acronym: ['Another organisation already has this acronym: merge the two instead.'] },
    });
    expect(await all()).toEqual(before);
  });

  it('create, edit (a department of a ministry, with its website) and merge', async () => {
    await actAs('editor');
    const stamp = randomUUID().slice(0, 6);
    expect(await createOrganisationAction(idle, form(ministry(stamp)))).toMatchObject({ status: 'success' });
    const db = await getDb();
    const [parent] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.acronym, `MOJ UZ ${stamp}`));
    expect(
      await createOrganisationAction(
        idle,
        form({
          nameEn: `Department of Probation ${stamp}`,
          type: 'government',
          country: 'UZ',
          parentId: parent!.id,
          website: 'minjust.uz',
        }),
      ),
    ).toMatchObject({ status: 'success' });
    const [department] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.nameEn, `Department of Probation ${stamp}`));
    expect(department).toMatchObject({ parentId: parent!.id, website: 'https://minjust.uz' });
    expect(
      await updateOrganisationAction(parent!.id, idle, form({ ...ministry(stamp), parentId: department!.id })),
    ).toMatchObject({
      fieldErrors: { parentId: ['An organisation cannot be part of itself or of one of its own departments.'] },
    });
    const person = await createContact({ organisationId: department!.id });
    expect(await mergeOrganisationAction(parent!.id, idle, form({ mergeId: parent!.id }))).toMatchObject({
      message: 'An organisation cannot be merged with itself.',
    });
    await expect(mergeOrganisationAction(parent!.id, idle, form({ mergeId: department!.id }))).rejects.toThrow(
      'NEXT_REDIRECT',
    );
    expect((await db.select().from(contacts).where(eq(contacts.id, person!.id)))[0]!.organisationId).toBe(parent!.id);
    expect(await db.select().from(organisations).where(eq(organisations.id, department!.id))).toEqual([]);
  });
});

describe('adding an organisation from the page a no-JavaScript search reloaded', () => {
  it('answers bad input in place, and on success goes to a clean page', async () => {
    await actAs('editor');
    const before = await all();
    expect(await createOrganisationAfterSearchAction(idle, form({ ...ministry('e'), type: 'ministry' }))).toMatchObject(
      { fieldErrors: { type: ['Choose the type of organisation.'] } },
    );
    expect(await all()).toEqual(before);
    await expect(createOrganisationAfterSearchAction(idle, form(ministry('f')))).rejects.toThrow('NEXT_REDIRECT');
    expect((await all()).length).toBe(before.length + 1);
  });
});
