import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { startOutboxWorker } from '@/services/mail/worker';
import { getDb } from './client';
import { enqueueMail } from './outbox';
import { outboxMessages } from './schema';
import { childProcesses, freePort } from '@/scripts/test-support';

// Several delivery processes on one PostgreSQL, one of them killed mid-run and the SMTP server down for a while:
// every message still arrives, and only messages in flight at a crash may arrive twice (with the same Message-ID).
const root = path.resolve(import.meta.dirname, '..');
const MESSAGES = 1000;
const { start, killAll } = childProcesses(root);
afterAll(killAll);

describe.runIf(process.env.TEST_DATABASE_KIND === 'postgres')('outbox delivery through crashes and outages', () => {
  it(
    `delivers ${MESSAGES} messages with a worker killed and the SMTP server stopped mid-run`,
    { timeout: 180_000 },
    async () => {
      const sinkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-crash-sink-'));
      const sinkPort = await freePort();
      const smtp = {
        SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
        OUTBOX_LEASE_SECONDS: '5',
        OUTBOX_RETRY_SECONDS: '1',
        OUTBOX_MAX_ATTEMPTS: '20',
      };
      // Before the first getDb(): the configuration is read once per process.
      Object.assign(process.env, smtp);
      const db = await getDb();
      const startSink = () =>
        start(
          [path.join(root, 'scripts/smtp-sink.mjs')],
          { SMTP_SINK_PORT: String(sinkPort), SINK_DIR: sinkDir },
          'listening',
        );
      const received = () =>
        fs
          .readdirSync(sinkDir)
          .filter((f) => f.endsWith('.eml'))
          .map((f) => fs.readFileSync(path.join(sinkDir, f), 'utf8').match(/^Message-ID: (<[^>]+>)/im)?.[1] ?? '?');

      let sink = await startSink();
      const worker = ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'];
      const [doomed, survivor] = await Promise.all([
        start(worker, { ...smtp, DATABASE_URL: process.env.DATABASE_URL }, 'delivering'),
        start(worker, { ...smtp, DATABASE_URL: process.env.DATABASE_URL }, 'delivering'),
      ]);

      const enqueued = new Set<string>();
      await db.transaction(async (tx) => {
        for (let i = 0; i < MESSAGES; i++) {
          const { messageId } = await enqueueMail(tx, {
            kind: 'load',
            to: `delegate${i}@council.test`,
            subject: `Message ${i}`,
            text: `Body ${i}`,
          });
          enqueued.add(messageId);
        }
      });
      // The app's own in-process worker joins the two `npm run worker` processes.
      const appWorker = startOutboxWorker({ pollMs: 100 });

      // Kill one worker outright once delivery is under way, noting what it held.
      await expect.poll(() => received().length, { timeout: 60_000, interval: 20 }).toBeGreaterThan(100);
      doomed.kill('SIGKILL');
      const doomedInFlight = (
        await db
          .select({ messageId: outboxMessages.messageId })
          .from(outboxMessages)
          .where(
            and(eq(outboxMessages.status, 'sending'), eq(outboxMessages.lockedBy, `${os.hostname()}:${doomed.pid}`)),
          )
      ).map((r) => r.messageId);

      // Then take the SMTP server away for three seconds.
      await expect.poll(() => received().length, { timeout: 60_000, interval: 20 }).toBeGreaterThan(300);
      sink.kill('SIGKILL');
      const inFlightAtOutage = (
        await db
          .select({ messageId: outboxMessages.messageId })
          .from(outboxMessages)
          .where(eq(outboxMessages.status, 'sending'))
      ).map((r) => r.messageId);
      const deliveredBeforeOutage = received().length;
      await new Promise((r) => setTimeout(r, 3000));
      sink = await startSink();

      await expect
        .poll(
          async () =>
            (await db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.status, 'sent')))[0]?.n,
          {
            timeout: 120_000,
            interval: 250,
          },
        )
        .toBe(MESSAGES);
      await appWorker.stop();
      survivor.kill('SIGTERM');

      const ids = received();
      const seen = new Map<string, number>();
      for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
      const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      console.info(
        `[outbox crash test] ${MESSAGES} messages; ${ids.length} deliveries; ${twice.length} delivered twice; ` +
          `killed worker held ${doomedInFlight.length}; ${inFlightAtOutage.length} in flight when SMTP went down after ${deliveredBeforeOutage}`,
      );
      expect([...enqueued].filter((id) => !seen.has(id))).toEqual([]);
      expect([...seen.keys()].filter((id) => !enqueued.has(id))).toEqual([]);
      // At least once, never more than a crash explains: a repeat is a message that was in flight when its worker
      // was killed (or, rarely, when the SMTP server died between storing it and saying so).
      const explained = new Set([...doomedInFlight, ...inFlightAtOutage]);
      expect(twice.filter((id) => !explained.has(id))).toEqual([]);
      // Each message is marked sent as soon as the SMTP server takes it, so a kill repeats only the few messages
      // between the server's answer and the next mark: at most 1 % of the send.
      expect(twice.length).toBeLessThanOrEqual(MESSAGES / 100);
      const [failed] = await db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.status, 'failed'));
      expect(failed?.n).toBe(0);
      sink.kill('SIGKILL');
      fs.rmSync(sinkDir, { recursive: true, force: true });
    },
  );
});
