import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { enqueueMail } from '@/db/outbox';
import { outboxMessages } from '@/db/schema';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { retryMailAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

async function failedMessage() {
  const db = await getDb();
  const { id } = await enqueueMail(db, { kind: 'test', to: 'someone@council.test', subject: 'Hello', text: 'Hello' });
  await db
    .update(outboxMessages)
    .set({ status: 'failed', attempts: 8, lastError: '550 mailbox unavailable' })
    .where(eq(outboxMessages.id, id));
  return id;
}
const row = async (id: string) => (await getDb()).select().from(outboxMessages).where(eq(outboxMessages.id, id));

describe('retryMailAction', () => {
  it('refuses anyone below admin and changes nothing', async () => {
    const id = await failedMessage();
    await expectRefusedBelow(
      'admin',
      () => retryMailAction(id, idle, form()),
      () => row(id),
    );
  });

  it('refuses a bad id and a message that is not failed', async () => {
    await actAs('admin');
    expect(await retryMailAction('42', idle, form())).toMatchObject({ status: 'error' });
    const db = await getDb();
    const { id } = await enqueueMail(db, { kind: 'test', to: 'x@council.test', subject: 'Hi', text: 'Hi' });
    const before = await row(id);
    expect(await retryMailAction(id, idle, form())).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Only a failed message/),
    });
    expect(await row(id)).toEqual(before);
  });

  it('queues a failed message again with a fresh count of attempts', async () => {
    await actAs('admin');
    const id = await failedMessage();
    expect(await retryMailAction(id, idle, form())).toMatchObject({ status: 'success' });
    expect((await row(id))[0]).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
  });
});
