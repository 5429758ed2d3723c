import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startOutboxWorker } from '@/services/mail/worker';
import { getDb } from './client';
import { enqueueMail, outboxHealth, REDACTED_LINK } from './outbox';
import { councils, outboxMessages } from './schema';
import { freePort } from '@/scripts/test-support';

// Real SMTP: each test file talks to its own sink process (scripts/smtp-sink.mjs) on a free loopback port.
const root = path.resolve(import.meta.dirname, '..');
const sinkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-sink-'));
let sinkPort = 0;
let sink: ChildProcess | undefined;

async function startSink() {
  sink = spawn(process.execPath, [path.join(root, 'scripts/smtp-sink.mjs')], {
    env: { ...process.env, SMTP_SINK_PORT: String(sinkPort), SINK_DIR: sinkDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => sink!.stdout!.once('data', () => resolve()));
}

/** Message-IDs the sink has accepted, with repeats. */
function receivedMessageIds(): string[] {
  return fs
    .readdirSync(sinkDir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => fs.readFileSync(path.join(sinkDir, f), 'utf8').match(/^Message-ID: (<[^>]+>)/im)?.[1] ?? '?');
}

beforeAll(async () => {
  sinkPort = await freePort();
  process.env.SMTP_URL = `smtp://127.0.0.1:${sinkPort}`;
  process.env.OUTBOX_RETRY_SECONDS = '1';
  process.env.OUTBOX_MAX_ATTEMPTS = '3';
  process.env.OUTBOX_LEASE_SECONDS = '5';
  await startSink();
});
afterAll(() => {
  sink?.kill('SIGKILL');
  fs.rmSync(sinkDir, { recursive: true, force: true });
});

describe(`mail outbox (${process.env.TEST_DATABASE_KIND})`, () => {
  it('delivers over SMTP with the row’s Message-ID and strips sign-in links once delivered', async () => {
    const db = await getDb();
    const link = 'http://localhost:3000/staff/sign-in/confirm?token=abc123&email=a%40council.test';
    const { id, messageId } = await enqueueMail(db, {
      kind: 'sign_in',
      to: 'a@council.test',
      subject: 'Sign in',
      text: `Open ${link} now`,
      html: `<a href="${link.replaceAll('&', '&amp;')}">Sign in</a>`,
      secretLinks: [link, link.replaceAll('&', '&amp;')],
      attachments: [
        {
          filename: 'invite.ics',
          contentType: 'text/calendar',
          contentBase64: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
        },
      ],
    });
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@[\w.-]+>$/);

    const worker = startOutboxWorker({ pollMs: 50 });
    await expect
      .poll(async () => (await db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]?.status)
      .toBe('sent');
    await worker.stop();

    expect(receivedMessageIds()).toContain(messageId);
    const raw = fs
      .readdirSync(sinkDir)
      .map((f) => fs.readFileSync(path.join(sinkDir, f), 'utf8'))
      .find((m) => m.includes(messageId))!;
    expect(raw).toContain('invite.ics');
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row!.textBody).toBe(`Open ${REDACTED_LINK} now`);
    expect(row!.htmlBody).not.toContain('token=');
    expect(row!.secretLinks).toEqual([]);
    expect(row!.attempts).toBe(1);
  });

  it('sets the secretariat’s contact address as the Reply-To of what it sends', async () => {
    const db = await getDb();
    const sendOne = async (subject: string) => {
      const { id, messageId } = await enqueueMail(db, { kind: 'test', to: 'r@council.test', subject, text: 'x' });
      const worker = startOutboxWorker({ pollMs: 50 });
      await expect
        .poll(async () => (await db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]?.status)
        .toBe('sent');
      await worker.stop();
      return fs
        .readdirSync(sinkDir)
        .map((f) => fs.readFileSync(path.join(sinkDir, f), 'utf8'))
        .find((m) => m.includes(messageId))!;
    };
    // No council yet: nothing to reply to but the sender.
    expect(await sendOne('Before')).not.toMatch(/^Reply-To:/im);
    await db.insert(councils).values({ nameEn: 'Council', nameRu: 'Совет', contactEmail: 'desk@unrcca.example.org' });
    expect(await sendOne('After')).toMatch(/^Reply-To: desk@unrcca\.example\.org\r?$/im);
  });

  it('retries with backoff while the server is down, then marks the message failed after the last attempt', async () => {
    const db = await getDb();
    sink!.kill('SIGKILL');
    const { id } = await enqueueMail(db, { kind: 'test', to: 'b.person@council.test', subject: 'Down', text: 'x' });
    // What the worker logs: one JSON line per failed attempt, the recipient by its domain only.
    const output: string[] = [];
    const capture = vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
      output.push(String(line));
      return true;
    });
    const worker = startOutboxWorker({ pollMs: 50 });
    try {
      await expect
        .poll(async () => (await db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]?.status, {
          timeout: 20_000,
        })
        .toBe('failed');
      await worker.stop();
    } finally {
      capture.mockRestore();
    }
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row).toMatchObject({ attempts: 3, status: 'failed' });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    const lines = output
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.messageId === id);
    expect(lines.map((line) => [line.msg, line.attempt, line.final])).toEqual([
      ['mail attempt failed; will retry', 1, false],
      ['mail attempt failed; will retry', 2, false],
      ['mail failed for good', 3, true],
    ]);
    expect(lines[0]).toMatchObject({
      domain: 'council.test',
      kind: 'test',
      err: { message: expect.stringMatching(/ECONNREFUSED/) },
    });
    expect(output.join('')).not.toContain('b.person');
    await startSink();
  });

  it('reports the backlog, the oldest message’s age and the workers’ last heartbeat for /api/health', async () => {
    const db = await getDb();
    const before = await outboxHealth();
    await enqueueMail(db, { kind: 'test', to: 'e@council.test', subject: 'Waiting', text: 'x' });
    await db.execute(
      sql`update outbox_messages set created_at = now() - interval '90 seconds' where subject = 'Waiting'`,
    );
    const waiting = await outboxHealth();
    expect(waiting.backlog).toBe(before.backlog + 1);
    expect(waiting.oldestQueuedSeconds).toBeGreaterThanOrEqual(90);
    const worker = startOutboxWorker({ pollMs: 50 });
    await worker.drain();
    await worker.stop();
    const after = await outboxHealth();
    expect(after).toMatchObject({ backlog: 0, oldestQueuedSeconds: null });
    expect(after.lastHeartbeatSeconds).toBeLessThan(5);
    expect(new Date(after.lastHeartbeatAt!).getTime()).toBeGreaterThan(Date.now() - 5000);
  });

  it('takes over a message whose worker died mid-send once its lease has run out', async () => {
    const db = await getDb();
    const { id, messageId } = await enqueueMail(db, {
      kind: 'test',
      to: 'c@council.test',
      subject: 'Orphan',
      text: 'x',
    });
    await db
      .update(outboxMessages)
      .set({ status: 'sending', lockedBy: 'dead-worker', lockedUntil: sql`now() - interval '1 second'`, attempts: 1 })
      .where(eq(outboxMessages.id, id));
    const worker = startOutboxWorker({ pollMs: 50 });
    await expect
      .poll(async () => (await db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]?.status)
      .toBe('sent');
    await worker.stop();
    expect(receivedMessageIds()).toContain(messageId);
  });

  it('keeps messages as captured when no SMTP server is configured', async () => {
    const { env } = await import('@/lib/env');
    const saved = env().SMTP_URL;
    // env() is parsed once per process; this test changes the parsed value for one call.
    (env() as { SMTP_URL?: string }).SMTP_URL = undefined;
    try {
      const { id } = await enqueueMail(await getDb(), {
        kind: 'test',
        to: 'd@council.test',
        subject: 'Kept',
        text: 'x',
      });
      const [row] = await (await getDb()).select().from(outboxMessages).where(eq(outboxMessages.id, id));
      expect(row!.status).toBe('captured');
    } finally {
      (env() as { SMTP_URL?: string }).SMTP_URL = saved;
    }
  });
});
