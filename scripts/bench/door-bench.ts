import { randomUUID } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { badgeCodeHash, newBadgeCode } from '@/db/badges';
import * as schema from '@/db/schema';
import { renderBadges, type Badge } from '@/lib/documents/badges';
import { formatDateTimeRange } from '@/lib/datetime';
import { invitationToken } from '@/lib/invitation-token';
import { buildBenchApp, startBenchServer, waitFor } from '../bench-app';
import { freePort } from '../test-support';

// `npm run bench -- --only door` (scripts/bench.ts): the meeting day at 500 participants, on a production build.
//  - badges: all 500 badges as one PDF through the app (POST /staff/meetings/<id>/badges: codes issued, old ones
//    revoked, the PDF drawn) ≤ 10 s, and ≤ 1.5 × drawing the same 500 badges, QR codes included, in a bare script
//    with the same libraries (lib/documents/badges.ts on pdfkit and qrcode, no database, no HTTP);
//  - check-in: POSTs of 500 distinct badges at 50 connections, against the invitation landing page at the same
//    concurrency: req/s ≥ 60 % of it, p95 ≤ 3 × its p95.

const PEOPLE = 500;
const CONNECTIONS = 50;
const AUTH_SECRET = 'bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

type Load = { rps: number; p50: number; p95: number; requests: number; failed: number };
export type DoorBenchResult = {
  badges: { appSeconds: number; bareSeconds: number; bytes: number };
  landing: Load;
  checkIn: Load & { checkedIn: number };
  targets: { name: string; value: string; ok: boolean }[];
};

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

/** `amount` requests at 50 connections; only 200 answers count as served. */
async function load(
  options: Omit<autocannon.Options, 'connections' | 'amount'>,
  amount: number,
  accept: (status: number) => boolean = (s) => s === 200,
): Promise<Load> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options, connections: CONNECTIONS, amount }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      if (accept(status)) latencies.push(time);
      else failed++;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requests: latencies.length,
    failed,
  };
}

async function prepare(serverUrl: string) {
  const url = new URL(serverUrl);
  const name = `${url.pathname.replace(/^\//, '') || 'postgres'}_door`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 4, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case' });
  try {
    await migrate(db, { migrationsFolder: path.join(process.cwd(), 'drizzle') });
    const [council] = await db
      .insert(schema.councils)
      .values({ nameEn: 'Door Bench Council', nameRu: 'Совет для замеров' })
      .returning();
    const startsAt = new Date(Date.now() + 3600_000);
    const [meeting] = await db
      .insert(schema.meetings)
      .values({
        councilId: council!.id,
        kind: 'plenary',
        titleEn: 'Door bench plenary on regional cooperation',
        titleRu: 'Пленарное заседание по региональному сотрудничеству',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 24 * 3600_000),
        timeZone: 'Asia/Tashkent',
        format: 'in_person',
        status: 'invitations_open',
      })
      .returning();
    const [ministry] = await db
      .insert(schema.organisations)
      .values({ nameEn: 'Ministry of Foreign Affairs of Uzbekistan', type: 'government', country: 'UZ' })
      .returning();
    const people = Array.from({ length: PEOPLE + 1 }, (_, i) => ({
      name: i % 2 ? `Участник Номер ${i}` : `Participant Number ${i}`,
      nameLatin: `Participant Number ${i}`,
      email: `door${i}@bench.example.org`,
      language: (i % 2 ? 'ru' : 'en') as 'ru' | 'en',
      organisationId: i % 3 ? ministry!.id : null,
      sortKey: `participant number ${String(i).padStart(4, '0')}`,
    }));
    const contacts = await db.insert(schema.contacts).values(people).returning({ id: schema.contacts.id });
    const invitations = await db
      .insert(schema.invitations)
      .values(
        contacts.map((c, i) => ({
          meetingId: meeting!.id,
          contactId: c.id,
          role: (['delegate', 'speaker', 'observer', 'media'] as const)[i % 4]!,
          email: people[i]!.email,
          language: people[i]!.language,
          // The last stays unanswered: its landing page is the baseline.
          status: (i < PEOPLE ? 'accepted' : 'invited') as 'accepted' | 'invited',
        })),
      )
      .returning({ id: schema.invitations.id });
    await db.insert(schema.registrations).values(
      invitations.slice(0, PEOPLE).map((inv, i) => ({
        invitationId: inv.id,
        meetingId: meeting!.id,
        status: 'registered' as const,
        passportName: people[i]!.nameLatin,
        displayName: people[i]!.name,
        organisationName: 'Ministry of Foreign Affairs',
        country: 'UZ',
        dataConsentAt: new Date(),
        registeredAt: new Date(),
      })),
    );
    const [user] = await db
      .insert(schema.users)
      .values({ email: `door.editor.${Date.now()}@bench.example.org`, role: 'editor', name: 'Door bench editor' })
      .returning();
    const sessionToken = randomUUID();
    await db
      .insert(schema.sessions)
      .values({ sessionToken, userId: user!.id, expires: new Date(Date.now() + 24 * 3600_000) });
    await db.execute(sql`vacuum analyze`);
    return {
      databaseUrl: url.toString(),
      meeting: meeting!,
      sessionToken,
      landingToken: invitationToken(AUTH_SECRET, { invitationId: invitations[PEOPLE]!.id, version: 1 }),
      invitationIds: invitations.slice(0, PEOPLE).map((i) => i.id),
      people: people.slice(0, PEOPLE),
    };
  } finally {
    await client.end();
  }
}

/** New codes for everyone, known to the bench (the printed ones exist only in the PDF). */
async function knownCodes(databaseUrl: string, meetingId: string, invitationIds: string[]) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case' });
  try {
    await db
      .update(schema.badgeCodes)
      .set({ revokedAt: new Date() })
      .where(sql`revoked_at is null`);
    const codes = invitationIds.map(() => newBadgeCode());
    await db
      .insert(schema.badgeCodes)
      .values(
        invitationIds.map((invitationId, i) => ({ invitationId, meetingId, codeHash: badgeCodeHash(codes[i]!) })),
      );
    return codes;
  } finally {
    await client.end();
  }
}

async function countCheckIns(databaseUrl: string) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client<{ n: number }[]>`select count(*)::int as n from check_ins where undone_at is null`;
    return row!.n;
  } finally {
    await client.end();
  }
}

export async function runDoorBench({
  serverUrl,
  build,
  log,
}: {
  serverUrl: string;
  build: boolean;
  log: (line: string) => void;
}): Promise<DoorBenchResult> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const env: Record<string, string> = {
    AUTH_SECRET,
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 11).toString('base64'),
    AUTH_URL: origin,
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    MAIL_FROM: 'Council Desk <no-reply@bench.test>',
    OUTBOX_WORKER: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  log(`Door: preparing ${PEOPLE} registered participants…`);
  const data = await prepare(serverUrl);
  if (build) buildBenchApp({ ...env, DATABASE_URL: data.databaseUrl }, log);

  // The bare script: the same 500 badges, drawn with the same code and libraries, no database and no HTTP.
  const meetingLines = {
    title: { en: data.meeting.titleEn, ru: data.meeting.titleRu },
    dates: {
      en: formatDateTimeRange(data.meeting.startsAt, data.meeting.endsAt, data.meeting.timeZone, 'en'),
      ru: formatDateTimeRange(data.meeting.startsAt, data.meeting.endsAt, data.meeting.timeZone, 'ru'),
    },
  };
  const bareBadges: Badge[] = data.people.map((p, i) => ({
    language: p.language,
    name: p.language === 'ru' ? p.name : p.nameLatin,
    affiliation: p.organisationId ? 'Uzbekistan' : 'Ministry of Foreign Affairs',
    role: (['delegate', 'speaker', 'observer', 'media'] as const)[i % 4]!,
    code: newBadgeCode(),
  }));
  await renderBadges({ meeting: meetingLines, badges: bareBadges.slice(0, 8), layout: 'a4' });
  const bareStarted = performance.now();
  await renderBadges({ meeting: meetingLines, badges: bareBadges, layout: 'a4' });
  const bareSeconds = (performance.now() - bareStarted) / 1000;
  log(`  bare script: ${PEOPLE} badges in ${bareSeconds.toFixed(2)} s`);

  const server = startBenchServer({ ...env, DATABASE_URL: data.databaseUrl }, port);
  try {
    await waitFor(() => fetch(`${origin}/api/health`).then((r) => r.ok), 'the server');
    const cookie = `authjs.session-token=${data.sessionToken}`;
    const print = async (which: 'all' | 'unprinted') => {
      const started = performance.now();
      const response = await fetch(`${origin}/staff/meetings/${data.meeting.id}/badges`, {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ which, layout: 'a4' }),
      });
      const pdf = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || response.headers.get('content-type') !== 'application/pdf')
        throw new Error(`Printing answered ${response.status}`);
      return {
        seconds: (performance.now() - started) / 1000,
        bytes: pdf.length,
        count: response.headers.get('x-badge-count'),
      };
    };
    // A first full print warms the route (server code loaded, fonts read); the second is measured.
    await print('all');
    const printed = await print('all');
    if (printed.count !== String(PEOPLE)) throw new Error(`Printed ${printed.count} badges, not ${PEOPLE}`);
    log(`  app: ${PEOPLE} badges in ${printed.seconds.toFixed(2)} s (${(printed.bytes / 1e6).toFixed(1)} MB)`);

    const codes = await knownCodes(data.databaseUrl, data.meeting.id, data.invitationIds);
    const landingUrl = `${origin}/i/${data.landingToken}`;
    await load({ url: landingUrl }, 200);
    const landing = await load({ url: landingUrl }, PEOPLE);
    log(`  landing page: ${landing.rps.toFixed(0)} req/s, p95 ${landing.p95.toFixed(0)} ms`);

    const scanUrl = `${origin}/staff/meetings/${data.meeting.id}/check-in/scan`;
    const headers = { cookie, origin, 'content-type': 'application/json' };
    // Warm-up with codes no badge has (answered "unknown"): the measured run then checks in 500 distinct people.
    let warm = 0;
    await load(
      {
        url: scanUrl,
        method: 'POST',
        headers,
        requests: [
          {
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              body: JSON.stringify({ code: newBadgeCode(), deviceKey: `warm-${warm++}-${randomUUID()}` }),
            }),
          },
        ],
      },
      200,
    );
    let next = 0;
    const checkIn = await load(
      {
        url: scanUrl,
        method: 'POST',
        headers,
        requests: [
          {
            setupRequest: (req: autocannon.Request) => {
              const i = next++;
              return {
                ...req,
                body: JSON.stringify({ code: codes[i % PEOPLE], deviceKey: `bench-${i}-${randomUUID()}` }),
              };
            },
          },
        ],
      },
      PEOPLE,
    );
    const checkedIn = await countCheckIns(data.databaseUrl);
    log(`  check-in POSTs: ${checkIn.rps.toFixed(0)} req/s, p95 ${checkIn.p95.toFixed(0)} ms, ${checkedIn} checked in`);

    const targets = [
      {
        name: `${PEOPLE} badges through the app ≤ 10 s`,
        value: `${printed.seconds.toFixed(2)} s`,
        ok: printed.seconds <= 10,
      },
      {
        name: `${PEOPLE} badges through the app ≤ 1.5 × the bare script`,
        value: `${(printed.seconds / bareSeconds).toFixed(2)} × (${printed.seconds.toFixed(2)} / ${bareSeconds.toFixed(2)} s)`,
        ok: printed.seconds <= 1.5 * bareSeconds,
      },
      {
        name: 'check-in POSTs ≥ 60 % of the landing page (req/s)',
        value: `${((checkIn.rps / landing.rps) * 100).toFixed(0)} % (${checkIn.rps.toFixed(0)} / ${landing.rps.toFixed(0)})`,
        ok: checkIn.rps >= 0.6 * landing.rps,
      },
      {
        name: 'check-in p95 ≤ 3 × the landing page’s p95',
        value: `${(checkIn.p95 / landing.p95).toFixed(2)} × (${checkIn.p95.toFixed(0)} / ${landing.p95.toFixed(0)} ms)`,
        ok: checkIn.p95 <= 3 * landing.p95,
      },
      {
        name: `${PEOPLE} distinct badges make ${PEOPLE} check-ins, no failed requests`,
        value: `${checkedIn} check-ins, ${checkIn.failed + landing.failed} failed`,
        ok: checkedIn === PEOPLE && checkIn.failed + landing.failed === 0,
      },
    ];
    return {
      badges: { appSeconds: printed.seconds, bareSeconds, bytes: printed.bytes },
      landing,
      checkIn: { ...checkIn, checkedIn },
      targets,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}
