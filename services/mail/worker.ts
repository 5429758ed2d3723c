import 'server-only';
import { hostname } from 'node:os';
import type { Transporter } from 'nodemailer';
import { getSecretariat } from '@/db/councils';
import { claimDueMessages, markAttemptFailed, markSent, recordWorkerHeartbeat } from '@/db/outbox';
import type { RenderedMessage } from '@/db/invitation-mail';
import type { OutboxMessage } from '@/db/schema';
import { env } from '@/lib/env';
import { logger, recipientDomain } from '@/lib/log';
import { createSmtpTransport } from '@/lib/mail/transport';

const BATCH_SIZE = 100;
const LANES = 2;
const MARK_GROUP = 16;
const MARK_GATHER_MS = 10;

/** Seconds before attempt n+1 after n failed ones: base, 2×base, 4×base … capped at one hour. */
export function retryDelaySeconds(attempts: number, base: number): number {
  return Math.min(3600, base * 2 ** Math.max(0, attempts - 1));
}

/** What nodemailer sends. `replyTo`: the secretariat's contact address, so answers reach people, not MAIL_FROM. */
export function toMailOptions(message: OutboxMessage, replyTo: string | null) {
  return {
    messageId: message.messageId,
    from: message.fromAddress,
    ...(replyTo ? { replyTo } : {}),
    to: message.toName ? { name: message.toName, address: message.toAddress } : message.toAddress,
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody ?? undefined,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
  };
}

export interface OutboxWorker {
  stop(): Promise<void>;
  /** Resolves when a pass finds nothing due (for tests and scripts). */
  drain(): Promise<void>;
}

/**
 * Delivers the outbox over SMTP until stopped. Any number of these may run, in app processes and in
 * `npm run worker` processes: they share the work through row locks in PostgreSQL, not through memory.
 * Delivery is at least once: a worker that dies after the SMTP server accepted a message and before it marked the
 * row leaves the row to be claimed again when its lease runs out, and it goes out again with the same Message-ID.
 */
export function startOutboxWorker({
  workerId = `${hostname()}:${process.pid}`,
  pollMs = 1000,
  transport,
}: { workerId?: string; pollMs?: number; transport?: Transporter } = {}): OutboxWorker {
  const { SMTP_URL, OUTBOX_LEASE_SECONDS, OUTBOX_MAX_ATTEMPTS, OUTBOX_RETRY_SECONDS } = env();
  const smtp = transport ?? (SMTP_URL ? createSmtpTransport(SMTP_URL) : null);
  let stopped = false;
  const timers: (NodeJS.Timeout | undefined)[] = [];
  let idleWaiters: (() => void)[] = [];
  const running: Promise<void>[] = [];
  // What each lane's last pass claimed: the worker is idle when every lane found nothing.
  const lastClaimed: number[] = [];

  // Messages the SMTP server has taken, waiting to be marked sent. They are marked in small groups as they are
  // accepted: what gathers within MARK_GATHER_MS (or MARK_GROUP messages, if sooner) goes in one statement, and
  // while one mark is being written the next group gathers. A worker killed mid-send thus leaves only the messages
  // of that short gap unmarked (sent again, at least once), not the rest of its batch. Marking each message alone
  // cost a fifth of the delivery rate (a statement per message); ten milliseconds of gathering makes groups of ten.
  let accepted: RenderedMessage[] = [];
  let marking: Promise<void> | null = null;
  async function markAccepted() {
    try {
      while (accepted.length) {
        if (accepted.length < MARK_GROUP) await new Promise((resolve) => setTimeout(resolve, MARK_GATHER_MS));
        const group = accepted;
        accepted = [];
        await markSent(group, workerId);
        logger.info({ workerId, count: group.length }, 'mail delivered');
      }
    } finally {
      marking = null;
    }
  }

  /** Sends one message and records the outcome: sent as soon as the server accepts it, or a failed attempt. */
  async function deliver(message: RenderedMessage, replyTo: string | null): Promise<void> {
    if (message.unrenderable) {
      await markAttemptFailed(message, workerId, 'Not sent: its invitation no longer exists.', {
        maxAttempts: 0,
        retryInSeconds: 0,
      });
      return;
    }
    try {
      await smtp!.sendMail(toMailOptions(message, replyTo));
    } catch (error) {
      const retryInSeconds = retryDelaySeconds(message.attempts, OUTBOX_RETRY_SECONDS);
      const final = message.attempts >= OUTBOX_MAX_ATTEMPTS;
      // The recipient only by its domain: enough to see that one provider refuses, nothing about the person.
      logger[final ? 'error' : 'warn'](
        {
          workerId,
          messageId: message.id,
          kind: message.kind,
          domain: recipientDomain(message.toAddress),
          attempt: message.attempts,
          final,
          ...(final ? {} : { retryInSeconds }),
          err: error,
        },
        final ? 'mail failed for good' : 'mail attempt failed; will retry',
      );
      await markAttemptFailed(message, workerId, error instanceof Error ? error.message : String(error), {
        maxAttempts: OUTBOX_MAX_ATTEMPTS,
        retryInSeconds,
      });
      return;
    }
    accepted.push(message);
    // A failed mark leaves the message 'sending' until its lease runs out; it is then sent again (at least once).
    await (marking ??= markAccepted());
  }

  let remindersCheckedAt = 0;

  let heartbeatAt = 0;

  async function pass(): Promise<number> {
    // A sign of life for /api/health, at most every ten seconds: a worker that stopped beating has stopped working.
    if (Date.now() - heartbeatAt > 10_000) {
      heartbeatAt = Date.now();
      await recordWorkerHeartbeat(workerId);
    }
    // Automatic invitation reminders fall due with the clock; a worker looks once a minute (each meeting is claimed
    // once in PostgreSQL, whichever worker gets there first), and their emails go out in the passes that follow.
    if (Date.now() - remindersCheckedAt > 60_000) {
      remindersCheckedAt = Date.now();
      const { sendDueAutoReminders } = await import('@/db/invitation-mail');
      await sendDueAutoReminders();
    }
    const batch = await claimDueMessages({ workerId, limit: BATCH_SIZE, leaseSeconds: OUTBOX_LEASE_SECONDS });
    if (!batch.length) return 0;
    // Invitations, reminders, updates and registration emails are written now, from the invitation as it stands.
    const { renderQueuedMail } = await import('@/db/invitation-mail');
    const rendered = await renderQueuedMail(batch);
    // Read for each batch, so a changed address applies to everything sent after the change, retries included.
    const { contactEmail } = await getSecretariat();
    await Promise.all(rendered.map((message) => deliver(message, contactEmail)));
    return batch.length;
  }

  async function loop(lane: number) {
    if (stopped) return;
    let claimed = 0;
    try {
      claimed = await pass();
    } catch (error) {
      logger.error({ workerId, err: error }, 'outbox pass failed; retrying');
    }
    lastClaimed[lane] = claimed;
    if (lastClaimed.every((n) => n === 0)) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
    if (stopped) return;
    // A full batch means more may be due: go on at once. Otherwise wait for the next poll.
    timers[lane] = setTimeout(
      () => {
        running[lane] = loop(lane);
      },
      claimed === BATCH_SIZE ? 0 : pollMs,
    );
    timers[lane]!.unref?.();
  }

  // Two lanes: while one waits on the database (claiming, rendering, marking), the other keeps the SMTP pool busy.
  if (smtp) {
    for (let lane = 0; lane < LANES; lane++) {
      lastClaimed[lane] = -1;
      running[lane] = loop(lane);
    }
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running);
      smtp?.close();
    },
    drain() {
      if (!smtp) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
