import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { councilMembers, organisations, workingGroupMembers, workingGroups } from '@/db/schema';
import { createContact, createCouncil, uniqueStamp } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { addMembersInBulkAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let councilId: string;
let groupId: string;
let otherGroupId: string;
let organisationId: string;
const stamp = uniqueStamp();

const members = async (contactIds?: string[]) =>
  (await getDb())
    .select()
    .from(councilMembers)
    .where(
      and(
        eq(councilMembers.councilId, councilId),
        contactIds ? inArray(councilMembers.contactId, contactIds) : undefined,
      ),
    )
    .orderBy(councilMembers.id);
const snapshot = async () => ({
  members: await members(),
  groups: await (await getDb()).select().from(workingGroupMembers),
});
const term = (extra: Record<string, string | string[]> = {}) =>
  form({
    councilId,
    role: 'national_expert',
    nominatedByCountry: 'KZ',
    termFrom: '2026-01-01',
    termTo: '2028-12-31',
    ...extra,
  });

beforeAll(async () => {
  const db = await getDb();
  councilId = (await createCouncil()).id;
  const other = await createCouncil();
  const groups = await db
    .insert(workingGroups)
    .values([
      { councilId, nameEn: 'Reintegration', nameRu: 'Реинтеграция' },
      { councilId: other.id, nameEn: 'Other', nameRu: 'Другая' },
    ])
    .returning();
  groupId = groups.find((g) => g.councilId === councilId)!.id;
  otherGroupId = groups.find((g) => g.councilId === other.id)!.id;
  const [organisation] = await db
    .insert(organisations)
    .values({ nameEn: `Ministry ${stamp}`, type: 'government', country: 'KZ' })
    .returning();
  organisationId = organisation!.id;
});

describe(`adding people to a roster in bulk (${process.env.TEST_DATABASE_KIND})`, () => {
  it('refuses the signed-out and viewers, changing nothing', async () => {
    const contact = await createContact();
    await expectRefusedBelow(
      'editor',
      () => addMembersInBulkAction(idle, term({ scope: 'selected', contactIds: [contact.id] })),
      snapshot,
    );
  });

  it('adds the ticked people with one term and working group, and skips those already on the roster', async () => {
    await actAs('editor');
    const people = await Promise.all([1, 2, 3].map(() => createContact()));
    const ids = people.map((p) => p.id);
    const first = await addMembersInBulkAction(
      idle,
      term({ scope: 'selected', contactIds: ids.slice(0, 2), workingGroupId: groupId }),
    );
    expect(first).toMatchObject({ status: 'success', message: 'Added 2 people to the roster.' });

    const again = await addMembersInBulkAction(idle, term({ scope: 'selected', contactIds: ids }));
    expect(again).toMatchObject({
      status: 'success',
      message: 'Added 1 person to the roster. 2 people already on the roster in those dates were skipped.',
    });
    const rows = await members(ids);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.role === 'national_expert' && r.nominatedByCountry === 'KZ')).toBe(true);
    const grouped = await (
      await getDb()
    )
      .select()
      .from(workingGroupMembers)
      .where(
        inArray(
          workingGroupMembers.memberId,
          rows.map((r) => r.id),
        ),
      );
    expect(grouped).toHaveLength(2);

    // A term after the current ones end does not overlap: the same people may start a new one then.
    const later = await addMembersInBulkAction(
      idle,
      term({ scope: 'selected', contactIds: ids, termFrom: '2029-01-01', termTo: '' }),
    );
    expect(later).toMatchObject({ message: 'Added 3 people to the roster.' });
  });

  it('adds everyone at an organisation, and everyone matching a filter', async () => {
    await actAs('editor');
    const staffers = await Promise.all([1, 2].map(() => createContact({ organisationId, country: 'KZ' })));
    const result = await addMembersInBulkAction(idle, term({ scope: 'organisation', organisationId }));
    expect(result).toMatchObject({ message: 'Added 2 people to the roster.' });
    expect(await members(staffers.map((s) => s.id))).toHaveLength(2);

    const tag = `tag-${stamp}`;
    const tagged = await Promise.all([1, 2, 3].map(() => createContact({ tags: [tag] })));
    const byFilter = await addMembersInBulkAction(
      idle,
      term({
        scope: 'filter',
        tag,
        q: '',
        country: '',
        nominatedByCountry: '',
        nominatedByOrganisationId: organisationId,
      }),
    );
    expect(byFilter).toMatchObject({ message: 'Added 3 people to the roster.' });
    const rows = await members(tagged.map((t) => t.id));
    expect(rows.map((r) => r.nominatedByOrganisationId)).toEqual([organisationId, organisationId, organisationId]);
  });

  it('refuses bad input with the field to fix, and adds nobody', async () => {
    await actAs('editor');
    const contact = await createContact();
    const refused = async (fields: Record<string, string | string[]>) => {
      const before = await snapshot();
      const state = await addMembersInBulkAction(idle, term(fields));
      expect(await snapshot()).toEqual(before);
      expect(state.status).toBe('error');
      return state.status === 'error' ? state.fieldErrors : undefined;
    };
    expect(await refused({ scope: 'selected' })).toHaveProperty('contactIds');
    expect(await refused({ scope: 'selected', contactIds: ['not-a-uuid'] })).toHaveProperty('contactIds');
    expect(await refused({ scope: 'selected', contactIds: [contact.id], nominatedByCountry: '' })).toHaveProperty(
      'nominatedByCountry',
    );
    expect(
      await refused({ scope: 'selected', contactIds: [contact.id], termFrom: '2026-05-01', termTo: '2026-04-01' }),
    ).toHaveProperty('termTo');
    expect(await refused({ scope: 'selected', contactIds: [contact.id], role: 'king' })).toHaveProperty('role');
    expect(await refused({ scope: 'everyone', contactIds: [contact.id] })).toHaveProperty('scope');
    // A working group of another council.
    expect(await refused({ scope: 'selected', contactIds: [contact.id], workingGroupId: otherGroupId })).toHaveProperty(
      'workingGroupId',
    );
    // Nobody matches the filter.
    expect(await refused({ scope: 'filter', tag: `nobody-${stamp}` })).toHaveProperty('contactIds');
  });
});
