import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, max, min, or, sql, count } from 'drizzle-orm';
import { env, mailDomain } from '@/lib/env';
import { getDb, type DbExecutor } from './client';
import { outboxMessages, outboxWorkers, type MailAttachment, type OutboxMessage } from './schema';

export const REDACTED_LINK = '[link removed after delivery]';

export interface NewMail {
  kind: string;
  to: string;
  toName?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: MailAttachment[];
  /** Sign-in or personal links inside the body (see outboxMessages.secretLinks). */
  secretLinks?: string[];
}

/**
 * Queues an email. Pass the transaction of the change that causes it, so the message exists if and only if the
 * change commits (null: a message that stands alone, like a sign-in link). Without SMTP_URL nothing is delivered: the message is kept as "captured".
 */
export async function enqueueMail(
  executor: DbExecutor | null,
  mail: NewMail,
): Promise<{ id: string; messageId: string }> {
  executor ??= await getDb();
  const id = randomUUID();
  const messageId = `<${id}@${mailDomain()}>`;
  await executor.insert(outboxMessages).values({
    id,
    messageId,
    kind: mail.kind,
    toAddress: mail.to,
    toName: mail.toName ?? null,
    fromAddress: env().MAIL_FROM,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html ?? null,
    attachments: mail.attachments ?? [],
    secretLinks: mail.secretLinks ?? [],
    status: env().SMTP_URL ? 'queued' : 'captured',
  });
  return { id, messageId };
}

/**
 * Claims up to `limit` messages for one worker: due queued ones, and ones whose previous worker's lease ran out
 * (it died mid-send). SKIP LOCKED lets any number of workers claim side by side without waiting on each other.
 */
export async function claimDueMessages({
  workerId,
  limit,
  leaseSeconds,
}: {
  workerId: string;
  limit: number;
  leaseSeconds: number;
}): Promise<OutboxMessage[]> {
  const db = await getDb();
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      or(
        and(eq(outboxMessages.status, 'queued'), sql`${outboxMessages.nextAttemptAt} <= now()`),
        and(eq(outboxMessages.status, 'sending'), sql`${outboxMessages.lockedUntil} < now()`),
      ),
    )
    .orderBy(asc(outboxMessages.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outboxMessages)
    .set({
      status: 'sending',
      lockedBy: workerId,
      lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      attempts: sql`${outboxMessages.attempts} + 1`,
      updatedAt: sql`now()`,
    })
    .where(inArray(outboxMessages.id, due))
    .returning();
}

/**
 * Marks delivered messages (one statement for a batch) and stores their bodies as sent, secret links stripped —
 * only those this worker still holds: a worker whose lease expired must not overwrite the next one's result.
 */
export async function markSent(
  messages: Pick<OutboxMessage, 'id' | 'secretLinks' | 'textBody' | 'htmlBody' | 'template'>[],
  workerId: string,
) {
  if (!messages.length) return;
  const db = await getDb();
  const redact = (body: string | null, links: string[]) =>
    body === null ? null : links.reduce((text, link) => text.replaceAll(link, REDACTED_LINK), body);
  // A message written at send time keeps its text as the record of what was said (the HTML and the calendar file
  // are the same words dressed up, and would multiply what a bulk send stores); one written when queued keeps all.
  const rows = messages.map((m) =>
    m.template
      ? { id: m.id, text_body: redact(m.textBody, m.secretLinks), html_body: null, keep: false }
      : {
          id: m.id,
          text_body: m.secretLinks.length ? redact(m.textBody, m.secretLinks) : null,
          html_body: m.secretLinks.length ? redact(m.htmlBody, m.secretLinks) : null,
          keep: !m.secretLinks.length,
        },
  );
  await db.execute(sql`
    update ${outboxMessages} o set
      status = 'sent', sent_at = now(), locked_by = null, locked_until = null, last_error = null,
      text_body = case when v.keep then o.text_body else v.text_body end,
      html_body = case when v.keep then o.html_body else v.html_body end,
      template = null, secret_links = '{}', updated_at = now()
    from json_to_recordset(${JSON.stringify(rows)}::json) as v(id uuid, text_body text, html_body text, keep boolean)
    where o.id = v.id and o.locked_by = ${workerId}`);
}

/** Records a failed attempt: back to the queue after a backoff, or failed for good after the last attempt. */
export async function markAttemptFailed(
  message: Pick<OutboxMessage, 'id' | 'attempts'>,
  workerId: string,
  error: string,
  { maxAttempts, retryInSeconds }: { maxAttempts: number; retryInSeconds: number },
) {
  const db = await getDb();
  const final = message.attempts >= maxAttempts;
  await db
    .update(outboxMessages)
    .set({
      status: final ? 'failed' : 'queued',
      lastError: error.slice(0, 2000),
      nextAttemptAt: sql`now() + make_interval(secs => ${retryInSeconds})`,
      lockedBy: null,
      lockedUntil: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.lockedBy, workerId)));
}

/** A worker's sign of life; rows of workers gone for a day are dropped on the way. */
export async function recordWorkerHeartbeat(workerId: string) {
  const db = await getDb();
  await db
    .insert(outboxWorkers)
    .values({ id: workerId })
    .onConflictDoUpdate({ target: outboxWorkers.id, set: { lastBeatAt: sql`now()` } });
  await db.delete(outboxWorkers).where(sql`${outboxWorkers.lastBeatAt} < now() - interval '1 day'`);
}

/** What /api/health says of the mail: how much waits, since when, and when a worker last showed signs of life. */
export async function outboxHealth(): Promise<{
  backlog: number;
  oldestQueuedSeconds: number | null;
  lastHeartbeatAt: string | null;
  lastHeartbeatSeconds: number | null;
}> {
  const db = await getDb();
  const [[queue], [workers]] = await Promise.all([
    db
      .select({
        backlog: count(),
        oldest: sql<number | null>`extract(epoch from now() - ${min(outboxMessages.createdAt)})::float8`,
      })
      .from(outboxMessages)
      .where(inArray(outboxMessages.status, ['queued', 'sending'])),
    db.select({ last: max(outboxWorkers.lastBeatAt) }).from(outboxWorkers),
  ]);
  const last = workers?.last ?? null;
  return {
    backlog: queue?.backlog ?? 0,
    oldestQueuedSeconds: queue?.oldest == null ? null : Math.round(Number(queue.oldest)),
    lastHeartbeatAt: last ? new Date(last).toISOString() : null,
    lastHeartbeatSeconds: last ? Math.max(0, Math.round((Date.now() - new Date(last).getTime()) / 1000)) : null,
  };
}
