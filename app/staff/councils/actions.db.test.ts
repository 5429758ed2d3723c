import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { getSecretariat, listRoster } from '@/db/councils';
import { councilMembers, councils, workingGroupMembers, workingGroups } from '@/db/schema';
import { DEMO_COUNCIL_ID, DEMO_SECRETARIAT_EMAIL, DEMO_WORKING_GROUP_BODY_ID, seedDemoData } from '@/scripts/demo/seed';
import { createContact } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { createStaff } from '@/test/staff';
import {
  addMemberAction,
  addWorkingGroupAction,
  endTermAction,
  setCouncilContactAction,
  setMemberGroupsAction,
  updateCouncilAction,
} from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let contactId: string;
const roster = async () => (await getDb()).select().from(councilMembers).orderBy(councilMembers.id);
const snapshot = async () => {
  const db = await getDb();
  return {
    councils: await db.select().from(councils),
    groups: await db.select().from(workingGroups).orderBy(workingGroups.id),
    members: await roster(),
    memberships: await db.select().from(workingGroupMembers),
  };
};
const member = (extra: Record<string, string | string[]> = {}) =>
  form({ contactId, role: 'national_expert', nominatedByCountry: 'UZ', termFrom: '2024-05-14', ...extra });

beforeAll(async () => {
  const db = await getDb();
  await seedDemoData(db);
  contactId = (await createContact({ name: 'Farrukh Rakhimov', country: 'UZ' })).id;
});

describe('council and roster actions', () => {
  it('refuse anyone below editor and change nothing', async () => {
    await expectRefusedBelow(
      'editor',
      () =>
        updateCouncilAction(DEMO_COUNCIL_ID, idle, form({ nameEn: 'X', nameRu: 'X', mandateEn: '', mandateRu: '' })),
      snapshot,
    );
    await expectRefusedBelow(
      'editor',
      () => addWorkingGroupAction(DEMO_COUNCIL_ID, idle, form({ nameEn: 'WG', nameRu: 'РГ' })),
      snapshot,
    );
    await expectRefusedBelow('editor', () => addMemberAction(DEMO_COUNCIL_ID, idle, member()), snapshot);
    await expectRefusedBelow(
      'editor',
      () => endTermAction(randomUUID(), idle, form({ termTo: '2025-01-01' })),
      snapshot,
    );
    await expectRefusedBelow('editor', () => setMemberGroupsAction(randomUUID(), idle, form()), snapshot);
  });

  it('answer bad input field by field and change nothing', async () => {
    await actAs('editor');
    const before = await snapshot();
    expect(
      await updateCouncilAction(
        DEMO_COUNCIL_ID,
        idle,
        form({ nameEn: '', nameRu: 'x', mandateEn: '', mandateRu: '', secretariatOrganisationId: randomUUID() }),
      ),
    ).toMatchObject({
      fieldErrors: { nameEn: ['Enter the name in English.'] },
    });
    expect(await addWorkingGroupAction(DEMO_COUNCIL_ID, idle, form({ nameEn: 'Only English' }))).toMatchObject({
      fieldErrors: { nameRu: [expect.any(String)] },
    });
    expect(
      await addMemberAction(DEMO_COUNCIL_ID, idle, member({ role: 'king', termFrom: '14.05.2024' })),
    ).toMatchObject({
      fieldErrors: { role: ['Choose the role on the council.'], termFrom: ['Enter the date the term begins.'] },
    });
    expect(await addMemberAction(DEMO_COUNCIL_ID, idle, member({ termTo: '2024-01-01' }))).toMatchObject({
      fieldErrors: { termTo: ['The term cannot end before it begins.'] },
    });
    expect(await addMemberAction(DEMO_COUNCIL_ID, idle, member({ nominatedByCountry: '' }))).toMatchObject({
      fieldErrors: { nominatedByCountry: [expect.stringMatching(/Say who nominated them/)] },
    });
    // A withdrawn code (the USSR's) is no State of the list, though it reads as Russia.
    expect(await addMemberAction(DEMO_COUNCIL_ID, idle, member({ nominatedByCountry: 'SU' }))).toMatchObject({
      fieldErrors: { nominatedByCountry: [expect.any(String)] },
    });
    expect(await addMemberAction(DEMO_COUNCIL_ID, idle, member({ workingGroupIds: randomUUID() }))).toMatchObject({
      fieldErrors: { workingGroupIds: ['Choose working groups of this council.'] },
    });
    expect(await addMemberAction(DEMO_COUNCIL_ID, idle, member({ contactId: randomUUID() }))).toMatchObject({
      fieldErrors: { contactId: ['That contact no longer exists.'] },
    });
    expect(await endTermAction(randomUUID(), idle, form({ termTo: 'soon' }))).toMatchObject({
      fieldErrors: { termTo: [expect.any(String)] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('build the roster, refuse overlapping terms, end a term, and answer as of any date', async () => {
    const viewer = await createStaff('viewer');
    await actAs('editor');
    expect(
      await addMemberAction(DEMO_COUNCIL_ID, idle, member({ workingGroupIds: DEMO_WORKING_GROUP_BODY_ID })),
    ).toMatchObject({ status: 'success' });
    expect(await addMemberAction(DEMO_COUNCIL_ID, idle, member({ termFrom: '2025-01-01' }))).toMatchObject({
      fieldErrors: { contactId: ['This person already has a term on the council in those dates.'] },
    });
    const [term] = (await roster()).filter((m) => m.contactId === contactId);
    expect(await endTermAction(term!.id, idle, form({ termTo: '2024-01-01' }))).toMatchObject({
      message: expect.stringMatching(/cannot end before it began/),
    });
    expect(await endTermAction(term!.id, idle, form({ termTo: '2025-06-30' }))).toMatchObject({ status: 'success' });

    // The demo council has its seeded roster: look at this person's term only.
    const theirs = async (asOf: string) =>
      (await listRoster({ actor: viewer, councilId: DEMO_COUNCIL_ID, asOf })).filter((r) => r.contactId === contactId);
    expect(await theirs('2024-05-13')).toEqual([]);
    expect(await theirs('2025-06-30')).toMatchObject([
      { name: 'Farrukh Rakhimov', country: 'UZ', workingGroupIds: [DEMO_WORKING_GROUP_BODY_ID] },
    ]);
    expect(await theirs('2025-07-01')).toEqual([]);

    expect(await setMemberGroupsAction(term!.id, idle, form())).toMatchObject({ status: 'success' });
    const db = await getDb();
    expect(await db.select().from(workingGroupMembers).where(eq(workingGroupMembers.memberId, term!.id))).toEqual([]);
  });
});

describe('the secretariat’s contact address', () => {
  const contact = (contactEmail: string) => form({ contactEmail });

  it('is refused to anyone below admin (signed out, viewer, editor), changing nothing', async () => {
    await expectRefusedBelow(
      'admin',
      () => setCouncilContactAction(DEMO_COUNCIL_ID, idle, contact('someone@evil.example.org')),
      snapshot,
    );
    expect((await getSecretariat()).contactEmail).toBe(DEMO_SECRETARIAT_EMAIL);
  });

  it('answers bad input on the field and changes nothing', async () => {
    await actAs('admin');
    const before = await snapshot();
    for (const bad of ['not an address', 'desk@', `${'a'.repeat(320)}@unrcca.example.org`]) {
      expect(await setCouncilContactAction(DEMO_COUNCIL_ID, idle, contact(bad))).toMatchObject({
        status: 'error',
        fieldErrors: { contactEmail: [expect.any(String)] },
      });
    }
    expect(await setCouncilContactAction(randomUUID(), idle, contact('desk@unrcca.example.org'))).toMatchObject({
      status: 'error',
      message: 'That council or member no longer exists.',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('is set by an admin, and read by the public pages and the mail worker', async () => {
    await actAs('admin');
    expect(await setCouncilContactAction(DEMO_COUNCIL_ID, idle, contact(' Desk@UNRCCA.example.org '))).toMatchObject({
      status: 'success',
    });
    const secretariat = await getSecretariat();
    expect(secretariat.contactEmail).toBe('desk@unrcca.example.org');
    expect(secretariat.organisation).toMatchObject({ acronym: 'UNRCCA', acronymRu: 'РЦПДЦА' });
    expect(await setCouncilContactAction(DEMO_COUNCIL_ID, idle, contact(''))).toMatchObject({ status: 'success' });
    expect((await getSecretariat()).contactEmail).toBeNull();
    await setCouncilContactAction(DEMO_COUNCIL_ID, idle, contact(DEMO_SECRETARIAT_EMAIL));
  });
});
