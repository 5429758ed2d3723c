import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listPeople } from '@/db/participant-list';
import { auditLog, delegationMembers, delegations, meetings, outboxMessages, registrations } from '@/db/schema';
import { arrangeList } from '@/lib/participant-list';
import { createContact, createInvitation, createMeeting, uniqueStamp } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import {
  decideNominationAction,
  decideSubstituteAction,
  inviteDelegationAction,
  moveMemberAction,
  reissueLinkAction,
  revokeLinkAction,
  setApprovalAction,
  setQuotaAction,
} from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof import('next/navigation')>()),
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));

async function setUp() {
  const meeting = await createMeeting({ status: 'planned', timeZone: 'Asia/Tashkent' });
  const focal = await createContact({ name: 'Focal Point', email: `fp.${uniqueStamp()}@mfa.example` });
  return { meeting, focal };
}

const delegationForm = (focalId: string, over: Record<string, string> = {}) =>
  form({
    kind: 'state',
    countryCode: 'UZ',
    organisationId: '',
    focalPointContactId: focalId,
    quota: '3',
    nominationDeadline: '2030-04-30',
    addresseeEn: 'Ministry of Foreign Affairs of the Republic of Uzbekistan',
    addresseeRu: 'Министерству иностранных дел Республики Узбекистан',
    ...over,
  });

const snapshotOf = (meetingId: string) => async () => {
  const db = await getDb();
  return {
    delegations: await db.select().from(delegations).where(eq(delegations.meetingId, meetingId)),
    messages: (await db.select().from(outboxMessages)).length,
    meeting: (await db.select().from(meetings).where(eq(meetings.id, meetingId)))[0],
  };
};

describe('delegation actions', () => {
  it('refuse anyone below editor and change nothing', async () => {
    const { meeting, focal } = await setUp();
    const snapshot = snapshotOf(meeting.id);
    await expectRefusedBelow(
      'editor',
      () => inviteDelegationAction(meeting.id, idle, delegationForm(focal.id)),
      snapshot,
    );
    await expectRefusedBelow('editor', () => setApprovalAction(meeting.id, idle, form({ approve: 'on' })), snapshot);
    const id = crypto.randomUUID();
    await expectRefusedBelow('editor', () => setQuotaAction(meeting.id, id, idle, form({ quota: '5' })), snapshot);
    await expectRefusedBelow('editor', () => reissueLinkAction(meeting.id, id, idle, form()), snapshot);
    await expectRefusedBelow('editor', () => revokeLinkAction(meeting.id, id, idle, form()), snapshot);
    await expectRefusedBelow('editor', () => decideNominationAction(meeting.id, id, 'approve', idle, form()), snapshot);
    await expectRefusedBelow('editor', () => decideSubstituteAction(meeting.id, id, 'accept', idle, form()), snapshot);
  });

  it('refuses a decision that is not one, or on a nomination or proposal that does not exist', async () => {
    const { meeting } = await setUp();
    await actAs('editor');
    const id = crypto.randomUUID();
    // The decision is bound by the page: anything but its two values is a form the page never made.
    expect(await decideNominationAction(meeting.id, id, 'maybe' as 'approve', idle, form())).toMatchObject({
      status: 'error',
      code: 'missing',
    });
    expect(await decideSubstituteAction(meeting.id, 'x', 'accept', idle, form())).toMatchObject({
      status: 'error',
      code: 'missing',
    });
    for (const run of [
      () => decideNominationAction(meeting.id, id, 'approve', idle, form()),
      () => decideSubstituteAction(meeting.id, id, 'refuse', idle, form()),
    ])
      expect(await run()).toMatchObject({ status: 'error', message: expect.any(String) });
  });

  it('refuses bad input field by field, and invites with the deadline at the end of the day in the venue', async () => {
    const { meeting, focal } = await setUp();
    await actAs('editor');
    const bad = await inviteDelegationAction(
      meeting.id,
      idle,
      delegationForm(focal.id, { countryCode: 'XX', quota: '0', addresseeRu: '', focalPointContactId: 'x' }),
    );
    expect(bad).toMatchObject({ status: 'error', code: 'fix' });
    expect(bad.status === 'error' && Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
      'addresseeRu',
      'countryCode',
      'focalPointContactId',
      'quota',
    ]);
    await expect(inviteDelegationAction(meeting.id, idle, delegationForm(focal.id))).rejects.toThrow('NEXT_REDIRECT');
    const [row] = await (await getDb()).select().from(delegations).where(eq(delegations.meetingId, meeting.id));
    expect(row).toMatchObject({ countryCode: 'UZ', quota: 3 });
    // 23:59 in Tashkent (UTC+5).
    expect(row!.nominationDeadline!.toISOString()).toBe('2030-04-30T18:59:00.000Z');
    expect(await inviteDelegationAction(meeting.id, idle, delegationForm(focal.id))).toMatchObject({
      status: 'error',
      message: expect.stringContaining('already has a delegation'),
    });
    expect(await setQuotaAction(meeting.id, row!.id, idle, form({ quota: 'many' }))).toMatchObject({ code: 'fix' });
    expect(await setQuotaAction(meeting.id, row!.id, idle, form({ quota: '5' }))).toMatchObject({
      status: 'success',
    });
  });
});

/** Kazakhstan's delegation of four registered members who consented to the list: Zhanna heads it. */
async function delegationOfFour() {
  const db = await getDb();
  const meeting = await createMeeting({ status: 'planned' });
  const focal = await createContact();
  const [delegation] = await db
    .insert(delegations)
    .values({
      meetingId: meeting.id,
      kind: 'state',
      countryCode: 'KZ',
      focalPointContactId: focal.id,
      quota: 5,
      addresseeEn: 'Ministry',
      addresseeRu: 'Министерству',
      language: 'en',
    })
    .returning();
  const member = async (name: string, head = false) => {
    const contact = await createContact({ name });
    const invitation = await createInvitation({ meetingId: meeting.id, contactId: contact.id });
    await db.insert(registrations).values({
      invitationId: invitation.id,
      meetingId: meeting.id,
      status: 'registered',
      passportName: name,
      displayName: name,
      organisationName: 'Ministry of Foreign Affairs',
      country: 'KZ',
      listConsent: true,
      dataConsentAt: new Date(),
      registeredAt: new Date(),
    });
    const [row] = await db
      .insert(delegationMembers)
      .values({
        delegationId: delegation!.id,
        contactId: contact.id,
        invitationId: invitation.id,
        status: 'invited',
        passportName: name,
        displayName: name,
        email: contact.email,
        language: 'en',
        head,
      })
      .returning();
    return row!.id;
  };
  const members = {
    zhanna: await member('Zhanna Omarova', true),
    aidar: await member('Aidar Bekov'),
    boris: await member('Boris Kim'),
    dana: await member('Dana Seitova'),
  };
  return { meeting, delegation: delegation!, members };
}

/** The names in Kazakhstan's entry of the English list, as the document prints them. */
async function kazakhstanEntry(meetingId: string) {
  const people = await listPeople(await getDb(), meetingId, 'registered');
  const section = arrangeList(people, 'en', null)
    .flatMap((g) => g.sections)
    .find((s) => s.label === 'Kazakhstan');
  return section?.entries.map((e) => e.name) ?? [];
}

const surnames = (names: string[]) => names.map((n) => n.split(' ').at(-1));

describe('the order of a delegation on the list of participants', () => {
  it('refuses anyone below editor and changes nothing', async () => {
    const { meeting, delegation, members } = await delegationOfFour();
    const db = await getDb();
    const snapshot = async () => ({
      order: await db
        .select({ id: delegationMembers.id, listOrder: delegationMembers.listOrder })
        .from(delegationMembers)
        .where(eq(delegationMembers.delegationId, delegation.id))
        .orderBy(delegationMembers.id),
      audit: (await db.select().from(auditLog).where(eq(auditLog.entityId, delegation.id))).length,
    });
    await expectRefusedBelow(
      'editor',
      () => moveMemberAction(meeting.id, delegation.id, members.dana, idle, form({ direction: 'up' })),
      snapshot,
    );
  });

  it('refuses a direction that is not one, and members or delegations that are not there', async () => {
    const { meeting, delegation, members } = await delegationOfFour();
    const other = await delegationOfFour();
    await actAs('editor');
    const move = (ids: [string, string, string], direction: string) =>
      moveMemberAction(...ids, idle, form({ direction }));
    const bad = await move([meeting.id, delegation.id, members.dana], 'sideways');
    expect(bad).toMatchObject({ status: 'error', code: 'fix' });
    expect(bad.status === 'error' && Object.keys(bad.fieldErrors ?? {})).toEqual(['direction']);
    expect(await moveMemberAction(meeting.id, delegation.id, members.dana, idle, form())).toMatchObject({
      code: 'fix',
    });
    expect(await move([meeting.id, delegation.id, 'x'], 'up')).toMatchObject({ status: 'error', code: 'missing' });
    for (const ids of [
      [meeting.id, delegation.id, crypto.randomUUID()],
      [meeting.id, crypto.randomUUID(), members.dana],
      // Another delegation's member, and a delegation of another meeting.
      [meeting.id, delegation.id, other.members.dana],
      [meeting.id, other.delegation.id, other.members.dana],
    ] as [string, string, string][])
      expect(await move(ids, 'up')).toMatchObject({ status: 'error', message: expect.stringContaining('Not found') });
    // The head stays first: not moved, and nobody moves above them.
    expect(await move([meeting.id, delegation.id, members.zhanna], 'down')).toMatchObject({
      status: 'error',
      message: 'Not possible.',
    });
    expect(await move([meeting.id, delegation.id, members.aidar], 'up')).toMatchObject({
      status: 'error',
      message: 'Not possible.',
    });
    expect(await move([meeting.id, delegation.id, members.dana], 'down')).toMatchObject({ status: 'error' });
    const db = await getDb();
    const numbered = await db.select().from(delegationMembers).where(eq(delegationMembers.delegationId, delegation.id));
    expect(numbered.map((m) => m.listOrder)).toEqual([null, null, null, null]);
  });

  it('numbers the whole delegation, audited, and the list of participants follows it after the head', async () => {
    const { meeting, delegation, members } = await delegationOfFour();
    // By name until staff set an order.
    expect(surnames(await kazakhstanEntry(meeting.id))).toEqual(['Omarova', 'Bekov', 'Kim', 'Seitova']);
    const editor = await actAs('editor');
    const move = (id: string, direction: 'up' | 'down') =>
      moveMemberAction(meeting.id, delegation.id, id, idle, form({ direction }));
    expect(await move(members.dana, 'up')).toMatchObject({ status: 'success' });
    expect(await move(members.dana, 'up')).toMatchObject({ status: 'success' });
    expect(await move(members.aidar, 'down')).toMatchObject({ status: 'success' });
    expect(surnames(await kazakhstanEntry(meeting.id))).toEqual(['Omarova', 'Seitova', 'Kim', 'Bekov']);

    const db = await getDb();
    const rows = await db.select().from(delegationMembers).where(eq(delegationMembers.delegationId, delegation.id));
    expect(Object.fromEntries(rows.map((m) => [m.passportName, m.listOrder]))).toEqual({
      'Zhanna Omarova': 1,
      'Dana Seitova': 2,
      'Boris Kim': 3,
      'Aidar Bekov': 4,
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, delegation.id), eq(auditLog.action, 'delegation.members_reordered')));
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorEmail === editor!.email)).toBe(true);
  });
});
