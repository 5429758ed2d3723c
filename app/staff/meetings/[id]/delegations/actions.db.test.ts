import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { delegations, meetings, outboxMessages } from '@/db/schema';
import { createContact, createMeeting, uniqueStamp } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import {
  decideNominationAction,
  decideSubstituteAction,
  inviteDelegationAction,
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
