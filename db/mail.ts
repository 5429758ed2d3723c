import 'server-only';
import { renderQueuedMail } from './invitation-mail';
import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { actorOf, recordAudit } from './audit';
import { getDb } from './client';
import { outboxMessages, type MailAttachment, type OutboxMessage, type OutboxStatus } from './schema';

// The Mail page's side of the outbox (db/outbox.ts is the queue's): reading needs staff, bodies and retries an admin.

export type MailListItem = Pick<
  OutboxMessage,
  'id' | 'kind' | 'toAddress' | 'subject' | 'status' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt'
>;

export async function listMail({
  actor,
  status,
  search,
  page,
  pageSize,
}: {
  actor: StaffUser;
  status?: OutboxStatus;
  search?: string;
  page: number;
  pageSize: number;
}): Promise<{ items: MailListItem[]; total: number; byStatus: Record<OutboxStatus, number> }> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const filters: (SQL | undefined)[] = [status ? eq(outboxMessages.status, status) : undefined];
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(outboxMessages.toAddress, pattern), ilike(outboxMessages.subject, pattern)));
  }
  const where = and(...filters);
  const [items, [total], statusCounts] = await Promise.all([
    db
      .select({
        id: outboxMessages.id,
        kind: outboxMessages.kind,
        toAddress: outboxMessages.toAddress,
        subject: outboxMessages.subject,
        status: outboxMessages.status,
        attempts: outboxMessages.attempts,
        lastError: outboxMessages.lastError,
        createdAt: outboxMessages.createdAt,
        sentAt: outboxMessages.sentAt,
      })
      .from(outboxMessages)
      .where(where)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(outboxMessages).where(where),
    db.select({ status: outboxMessages.status, n: count() }).from(outboxMessages).groupBy(outboxMessages.status),
  ]);
  const byStatus = { queued: 0, sending: 0, sent: 0, failed: 0, captured: 0 };
  for (const row of statusCounts) byStatus[row.status] = row.n;
  return { items, total: total?.n ?? 0, byStatus };
}

/** A whole message, bodies included: admins only (bodies may hold live sign-in or personal links). */
export async function getMail({ actor, id }: { actor: StaffUser; id: string }): Promise<OutboxMessage | null> {
  assertRole(actor, 'admin');
  const db = await getDb();
  const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  if (!message) return null;
  // Not sent yet and written at send time: shown as it would go out now.
  const [rendered] = await renderQueuedMail([message], db);
  return rendered!;
}

/** One attachment of a message, as stored (admins only, as the message is). Rendered messages carry theirs too. */
export async function getMailAttachment({
  actor,
  id,
  index,
}: {
  actor: StaffUser;
  id: string;
  index: number;
}): Promise<MailAttachment | null> {
  const message = await getMail({ actor, id });
  return message?.attachments[index] ?? null;
}

/** Puts a failed message back in the queue for a fresh round of attempts. */
export async function retryFailedMail(actor: StaffUser, { id }: { id: string }): Promise<boolean> {
  assertRole(actor, 'admin');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(outboxMessages)
      .set({ status: 'queued', attempts: 0, lastError: null, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'failed')))
      .returning({ id: outboxMessages.id, toAddress: outboxMessages.toAddress, subject: outboxMessages.subject });
    if (updated.length !== 1) return false;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'mail.retried',
      entityType: 'outbox_message',
      entityId: id,
      before: { status: 'failed' },
      after: { status: 'queued', to: updated[0]!.toAddress, subject: updated[0]!.subject },
    });
    return true;
  });
}
