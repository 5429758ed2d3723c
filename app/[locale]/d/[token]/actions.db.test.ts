import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { delegationLink, inviteDelegation } from '@/db/delegations';
import { delegationMembers, delegations } from '@/db/schema';
import { createContact, createMeeting, uniqueStamp } from '@/test/factories';
import { form, idle } from '@/test/session';
import { createStaff } from '@/test/staff';
import { decideProposalAction, nominateAction, replaceAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

async function setUp(quota = 1) {
  const meeting = await createMeeting({ status: 'planned' });
  const focal = await createContact({ name: 'Фокус', email: `fp.${uniqueStamp()}@mfa.example`, language: 'ru' });
  const invited = await inviteDelegation(await createStaff('editor'), meeting.id, {
    kind: 'state',
    countryCode: 'TJ',
    organisationId: null,
    focalPointContactId: focal.id,
    quota,
    nominationDeadline: null,
    addresseeEn: 'Ministry of Foreign Affairs of the Republic of Tajikistan',
    addresseeRu: 'Министерству иностранных дел Республики Таджикистан',
  });
  if (!invited.ok) throw new Error(invited.reason);
  const [row] = await (await getDb()).select().from(delegations).where(eq(delegations.id, invited.id));
  return { id: invited.id, token: delegationLink(row!).split('/d/')[1]! };
}

const nominee = (n: string) =>
  form({
    title: 'Ms.',
    passportName: `Nominee ${n}`,
    displayName: `Номинант ${n}`,
    position: 'Counsellor',
    email: `n.${n}.${uniqueStamp()}@mfa.example`,
    language: 'ru',
  });

const membersOf = async (id: string) =>
  (await getDb()).select().from(delegationMembers).where(eq(delegationMembers.delegationId, id));

describe('the focal point’s actions', () => {
  it('refuse a token this server did not make, changing nothing', async () => {
    const { id, token } = await setUp();
    const forged = `${token.slice(0, 40)}AAAAAAAA`;
    for (const run of [
      () => nominateAction(forged, 'ru', idle, nominee('a')),
      () => replaceAction(forged, 'ru', crypto.randomUUID(), idle, nominee('a')),
      () => decideProposalAction(forged, 'ru', crypto.randomUUID(), 'accept', idle, form()),
      () => nominateAction('', 'en', idle, nominee('a')),
    ])
      expect(await run()).toMatchObject({ status: 'error', refusal: { reason: 'invalidToken' } });
    expect(await membersOf(id)).toEqual([]);
  });

  it('words refusals in the page’s language: bad fields as codes, a full quota in Russian', async () => {
    const { id, token } = await setUp(1);
    const bad = await nominateAction(token, 'ru', idle, form({ passportName: 'Кириллица', email: 'nope' }));
    expect(bad).toMatchObject({ status: 'error', code: 'fix' });
    expect(bad.status === 'error' && bad.fieldErrors).toMatchObject({
      passportName: ['latin'],
      email: ['email'],
      displayName: ['required'],
    });
    expect(await nominateAction(token, 'ru', idle, nominee('a'))).toEqual({
      status: 'success',
      message: 'Назначение сохранено.',
    });
    expect(await nominateAction(token, 'ru', idle, nominee('b'))).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Квота делегации исчерпана'),
    });
    const [member] = await membersOf(id);
    await expect(replaceAction(token, 'en', member!.id, idle, nominee('c'))).rejects.toThrow('NEXT_REDIRECT');
    expect((await membersOf(id)).map((m) => m.status).sort()).toEqual(['invited', 'replaced']);
  });
});
