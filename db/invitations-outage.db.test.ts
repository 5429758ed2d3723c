import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { childProcesses, freePort } from '@/scripts/test-support';
import { getDb } from './client';
import { inviteContacts } from './invitations';
import { contacts, invitations, outboxMessages } from './schema';
import { createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';

// Invitations in bulk on PostgreSQL: 500 sent through an SMTP server that refuses connections for a while (each
// arrives exactly once), and the time to queue 5,000.
const root = path.resolve(import.meta.dirname, '..');
const { start, killAll } = childProcesses(root);
afterAll(killAll);

async function meetingWithPeople(people: number, tag: string) {
  const db = await getDb();
  const meeting = await createMeeting({
    titleRu: 'Пленарное',
    venueEn: 'Hyatt Regency',
    cityEn: 'Tashkent',
    country: 'UZ',
    status: 'planned',
  });
  for (let i = 0; i < people; i += 1000) {
    await db.insert(contacts).values(
      Array.from({ length: Math.min(1000, people - i) }, (_, k) => ({
        name: (i + k) % 3 === 0 ? `Делегат ${i + k}` : `Delegate ${i + k}`,
        email: `${tag}.${i + k}@delegates.example.org`,
        language: (i + k) % 3 === 0 ? ('ru' as const) : ('en' as const),
        tags: [tag],
      })),
    );
  }
  return { meeting, actor: await createStaff('editor') };
}

describe.runIf(process.env.TEST_DATABASE_KIND === 'postgres')('invitations in bulk', () => {
  it('sends 500 invitations through an SMTP outage, each delivered exactly once', { timeout: 180_000 }, async () => {
    const sinkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-invitation-sink-'));
    const sinkPort = await freePort();
    const smtp = {
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
      OUTBOX_LEASE_SECONDS: '5',
      OUTBOX_RETRY_SECONDS: '1',
      OUTBOX_MAX_ATTEMPTS: '30',
    };
    // Before the first getDb(): the configuration is read once per process.
    Object.assign(process.env, smtp);
    const db = await getDb();
    const sink = await start(
      [path.join(root, 'scripts/smtp-sink.mjs')],
      { SMTP_SINK_PORT: String(sinkPort), SINK_DIR: sinkDir },
      'listening',
    );
    const received = () =>
      fs
        .readdirSync(sinkDir)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => fs.readFileSync(path.join(sinkDir, f), 'utf8').match(/^Message-ID: (<[^>]+>)/im)?.[1] ?? '?');
    await start(
      ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'],
      { ...smtp, DATABASE_URL: process.env.DATABASE_URL },
      'delivering',
    );

    const { meeting, actor } = await meetingWithPeople(500, 'outage');
    const started = performance.now();
    expect(
      await inviteContacts(actor, meeting.id, {
        selection: { by: 'filter', tag: 'outage' },
        role: 'delegate',
        confirmedCount: 500,
      }),
    ).toMatchObject({ ok: true, invited: 500 });

    await expect.poll(() => received().length, { timeout: 60_000, interval: 20 }).toBeGreaterThan(100);
    sink.kill('SIGUSR1');
    const deliveredBeforeOutage = received().length;
    await new Promise((r) => setTimeout(r, 3000));
    const duringOutage = received().length - deliveredBeforeOutage;
    sink.kill('SIGUSR1');

    const ids = (
      await db.select({ id: invitations.id }).from(invitations).where(eq(invitations.meetingId, meeting.id))
    ).map((r) => r.id);
    const sent = async () =>
      (
        await db
          .select({ n: count() })
          .from(outboxMessages)
          .where(and(inArray(outboxMessages.invitationId, ids), eq(outboxMessages.status, 'sent')))
      )[0]?.n;
    await expect.poll(sent, { timeout: 120_000, interval: 250 }).toBe(500);
    const seconds = (performance.now() - started) / 1000;
    const queued = (
      await db
        .select({ messageId: outboxMessages.messageId })
        .from(outboxMessages)
        .where(inArray(outboxMessages.invitationId, ids))
    ).map((r) => r.messageId);
    const seen = new Map<string, number>();
    for (const id of received()) seen.set(id, (seen.get(id) ?? 0) + 1);
    console.info(
      `[invitations outage] 500 invitations delivered in ${seconds.toFixed(1)} s including a 3 s outage; ${deliveredBeforeOutage} before it, ` +
        `${duringOutage} finishing in flight as it began; ${[...seen.values()].filter((n) => n > 1).length} delivered twice`,
    );
    expect(queued).toHaveLength(500);
    for (const id of queued) expect(seen.get(id), id).toBe(1);
    killAll();
    fs.rmSync(sinkDir, { recursive: true, force: true });
  });

  it('queues 5,000 invitations in one confirmed send, and delivers them', { timeout: 240_000 }, async () => {
    const { meeting, actor } = await meetingWithPeople(5000, 'bulk');
    const started = performance.now();
    expect(
      await inviteContacts(actor, meeting.id, {
        selection: { by: 'filter', tag: 'bulk' },
        role: 'delegate',
        confirmedCount: 5000,
      }),
    ).toMatchObject({ ok: true, invited: 5000 });
    const queuedIn = (performance.now() - started) / 1000;
    const db = await getDb();
    const ids = (
      await db.select({ id: invitations.id }).from(invitations).where(eq(invitations.meetingId, meeting.id))
    ).map((r) => r.id);
    expect(ids).toHaveLength(5000);

    // Delivered by one `npm run worker` into a sink on this machine's loopback (SMTP_URL still names its port).
    const sinkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-bulk-sink-'));
    const sinkPort = Number(new URL(process.env.SMTP_URL!).port);
    await start(
      [path.join(root, 'scripts/smtp-sink.mjs')],
      { SMTP_SINK_PORT: String(sinkPort), SINK_DIR: sinkDir },
      'listening',
    );
    const delivering = performance.now();
    await start(
      ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'],
      { DATABASE_URL: process.env.DATABASE_URL },
      'delivering',
    );
    const sent = async () =>
      (
        await db
          .select({ n: count() })
          .from(outboxMessages)
          .where(and(inArray(outboxMessages.invitationId, ids), eq(outboxMessages.status, 'sent')))
      )[0]?.n;
    await expect.poll(sent, { timeout: 200_000, interval: 500 }).toBe(5000);
    const deliveredIn = (performance.now() - delivering) / 1000;
    console.info(
      `[invitations bulk] 5,000 invitations and their emails queued in ${queuedIn.toFixed(2)} s; delivered into the loopback sink in ` +
        `${deliveredIn.toFixed(1)} s (${Math.round(5000 / deliveredIn)} messages/s, worker start-up included)`,
    );
    killAll();
    fs.rmSync(sinkDir, { recursive: true, force: true });
  });
});
