import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { invitationLink } from '@/db/invitations';
import { contacts, councils, invitations, meetings } from '@/db/schema';
import { form, idle } from '@/db/test-session';
import { acceptInvitationAction, declineInvitationAction } from './actions';

vi.mock('@/lib/auth', () => import('@/db/test-session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

async function invitation({ deadline }: { deadline: Date }) {
  const db = await getDb();
  const [council] = await db.insert(councils).values({ nameEn: 'Council', nameRu: 'Совет' }).returning();
  const [meeting] = await db
    .insert(meetings)
    .values({ councilId: council!.id, kind: 'plenary', titleEn: 'Plenary', titleRu: 'Пленарное', startsAt: new Date('2030-05-14T05:00:00Z'), endsAt: new Date('2030-05-14T12:00:00Z'), timeZone: 'Asia/Tashkent', format: 'online', status: 'invitations_open', registrationDeadline: deadline })
    .returning();
  const [person] = await db.insert(contacts).values({ name: 'Нигора Алимова', email: `nigora.${crypto.randomUUID()}@example.org`, language: 'ru' }).returning();
  const [created] = await db.insert(invitations).values({ meetingId: meeting!.id, contactId: person!.id, role: 'observer', email: person!.email, language: 'ru' }).returning();
  return { row: created!, token: invitationLink(created!).split('/i/')[1]! };
}

const statusOf = async (id: string) => (await (await getDb()).select().from(invitations).where(eq(invitations.id, id)))[0]!;

describe('answering an invitation by its link', () => {
  it('refuses a link this server did not make, changing nothing', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z') });
    const forged = `${token.slice(0, 40)}AAAAAAAA`;
    expect(await acceptInvitationAction(forged, 'ru', idle, form())).toMatchObject({ status: 'error', refusal: { reason: 'invalidToken' } });
    expect(await acceptInvitationAction('', 'en', idle, form())).toMatchObject({ status: 'error', refusal: { reason: 'invalidToken' } });
    expect((await statusOf(row.id)).status).toBe('invited');
  });

  it('records an answer in the page’s language, and a reason is optional and bounded', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z') });
    expect(await declineInvitationAction(token, 'ru', idle, form({ reason: 'x'.repeat(1001) }))).toMatchObject({ status: 'error', fieldErrors: { reason: expect.any(Array) } });
    expect(await declineInvitationAction(token, 'ru', idle, form({ reason: ' Командировка ' }))).toEqual({ status: 'success', message: 'Ваш ответ записан.' });
    expect(await statusOf(row.id)).toMatchObject({ status: 'declined', declineReason: 'Командировка' });
    expect(await acceptInvitationAction(token, 'en', idle, form())).toEqual({ status: 'success', message: 'Your answer has been recorded.' });
    expect(await statusOf(row.id)).toMatchObject({ status: 'accepted', declineReason: null });
  });

  it('takes no answer after the deadline', async () => {
    const { row, token } = await invitation({ deadline: new Date('2020-05-01T00:00:00Z') });
    expect(await acceptInvitationAction(token, 'en', idle, form())).toEqual({ status: 'error', message: 'Answers are no longer taken for this meeting.' });
    expect((await statusOf(row.id)).status).toBe('invited');
  });
});
