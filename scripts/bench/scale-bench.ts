import { randomUUID } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import * as schema from '@/db/schema';
import { buildBenchApp, startBenchServer, waitFor } from '../bench-app';
import { generateDemoDirectory } from '../demo/demo-directory';
import { freePort } from '../test-support';

// `npm run bench -- --only scale` (scripts/bench.ts): do the staff pages stay the same size and speed as the
// directory grows? The meeting page and its invitations page, signed in as an admin, on a production build over
// HTTP at 10 connections, with 200 contacts and 50 invitations, then 20,000 contacts and 1,000 invitations (each in a
// database of its own on the server of DATABASE_URL, `<name>_scale_small` / `_large`, made afresh). The larger may
// weigh and take at most 1.5 × the smaller; the people picker's search (GET /staff/contacts/search) answers at
// p95 ≤ 50 ms on the larger. The organisations stay 20 in both: only the directory of people grows.

const CONNECTIONS = 10;
const MAX_RATIO = 1.5;
const SEARCH_P95_MS = 50;
const ORGANISATIONS = 20;
const SIZES = [
  { label: 'small', contacts: 200, invitations: 50 },
  { label: 'large', contacts: 20_000, invitations: 1_000 },
] as const;
// What staff type into the picker: Latin, Cyrillic, two words, two letters, a surname ending.
const SEARCHES = ['Rakhim', 'Исмоил', 'aziz kar', 'ka', 'zoda', 'Мадина', 'olga nazar'];

type Load = { rps: number; p50: number; p95: number; requests: number; failed: number };
type PageFigures = { bytes: number; load: Load };
export type ScaleBenchResult = {
  sizes: Record<string, { meeting: PageFigures; invitations: PageFigures }>;
  search: Load;
  /** The bench build's bare route handler at the same concurrency, just before the search: the framework's floor. */
  routeHandler: Load;
  targets: { name: string; value: string; ok: boolean }[];
};

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

async function load(url: string, seconds: number, headers: Record<string, string>, paths?: string[]): Promise<Load> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        headers,
        ...(paths
          ? {
              requests: [
                { setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[next++ % paths.length] }) },
              ],
            }
          : {}),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      if (status === 200) latencies.push(time);
      else failed++;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requests: latencies.length,
    failed,
  };
}

/** A fresh database with `contacts` people, a meeting with a three-item agenda and `invitations` invitations. */
async function prepare(serverUrl: string, size: (typeof SIZES)[number], log: (line: string) => void) {
  const url = new URL(serverUrl);
  const name = `${url.pathname.replace(/^\//, '') || 'postgres'}_scale_${size.label}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 4, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case' });
  try {
    await migrate(db, { migrationsFolder: path.join(process.cwd(), 'drizzle') });
    const started = performance.now();
    await generateDemoDirectory(db, { contacts: size.contacts, organisations: ORGANISATIONS });
    const [council] = await db
      .insert(schema.councils)
      .values({ nameEn: 'Scale Bench Council', nameRu: 'Совет для замеров' })
      .returning();
    const startsAt = new Date(Date.now() + 60 * 24 * 3600_000);
    const [meeting] = await db
      .insert(schema.meetings)
      .values({
        councilId: council!.id,
        kind: 'plenary',
        titleEn: 'Scale bench plenary',
        titleRu: 'Пленарное заседание для замеров',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7 * 3600_000),
        timeZone: 'Asia/Tashkent',
        format: 'in_person',
        cityEn: 'Tashkent',
        cityRu: 'Ташкент',
        country: 'UZ',
        status: 'invitations_open',
        agendaPublished: true,
      })
      .returning();
    const people = await db
      .select({ id: schema.contacts.id, email: schema.contacts.email, language: schema.contacts.language })
      .from(schema.contacts)
      .orderBy(schema.contacts.sortKey)
      .limit(size.invitations);
    const statuses = ['invited', 'invited', 'accepted', 'declined'] as const;
    await db.insert(schema.invitations).values(
      people.map((p, i) => ({
        meetingId: meeting!.id,
        contactId: p.id,
        role: 'delegate' as const,
        email: p.email,
        language: p.language,
        status: statuses[i % statuses.length]!,
        declineReason: statuses[i % statuses.length] === 'declined' ? 'Another mission that week.' : null,
      })),
    );
    for (let n = 0; n < 3; n++) {
      const [item] = await db
        .insert(schema.agendaItems)
        .values({
          meetingId: meeting!.id,
          kind: 'working_session',
          startsAt: new Date(startsAt.getTime() + n * 3600_000),
          endsAt: new Date(startsAt.getTime() + (n + 1) * 3600_000),
          titleEn: `Session ${n + 1}`,
          titleRu: `Заседание ${n + 1}`,
          position: n,
        })
        .returning();
      await db
        .insert(schema.agendaItemPeople)
        .values(
          people
            .slice(n * 3, n * 3 + 3)
            .map((p, position) => ({ agendaItemId: item!.id, contactId: p.id, role: 'speaker' as const, position })),
        );
    }
    const [user] = await db
      .insert(schema.users)
      .values({ email: `scale.admin.${Date.now()}@bench.example.org`, role: 'admin', name: 'Scale bench admin' })
      .returning();
    const sessionToken = randomUUID();
    await db
      .insert(schema.sessions)
      .values({ sessionToken, userId: user!.id, expires: new Date(Date.now() + 24 * 3600_000) });
    await db.execute(sql`vacuum analyze`);
    log(
      `  ${size.label}: ${size.contacts.toLocaleString('en')} contacts, ${people.length.toLocaleString('en')} invitations, prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { databaseUrl: url.toString(), meetingId: meeting!.id, sessionToken };
  } finally {
    await client.end();
  }
}

export async function runScaleBench({
  serverUrl,
  seconds,
  build,
  log,
}: {
  serverUrl: string;
  seconds: number;
  build: boolean;
  log: (line: string) => void;
}): Promise<ScaleBenchResult> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const baseEnv: Record<string, string> = {
    AUTH_SECRET: 'bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 11).toString('base64'),
    AUTH_URL: origin,
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    MAIL_FROM: 'Council Desk <no-reply@bench.test>',
    OUTBOX_WORKER: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  log('Scale: preparing the two directories…');
  const prepared = [];
  for (const size of SIZES) prepared.push({ size, ...(await prepare(serverUrl, size, log)) });
  if (build) buildBenchApp({ ...baseEnv, DATABASE_URL: prepared[0]!.databaseUrl }, log);

  const sizes: ScaleBenchResult['sizes'] = {};
  let search: Load | null = null;
  let routeHandler: Load | null = null;
  for (const { size, databaseUrl, meetingId, sessionToken } of prepared) {
    const server = startBenchServer({ ...baseEnv, DATABASE_URL: databaseUrl }, port);
    try {
      await waitFor(() => fetch(`${origin}/api/health`).then((r) => r.ok), 'the server');
      const headers = { cookie: `authjs.session-token=${sessionToken}` };
      const page = async (pagePath: string): Promise<PageFigures> => {
        const response = await fetch(origin + pagePath, { headers, redirect: 'manual' });
        const html = await response.text();
        if (response.status !== 200 || !html.includes('Scale bench plenary'))
          throw new Error(`${pagePath} answered ${response.status}, not the signed-in page`);
        await load(origin + pagePath, 2, headers);
        return { bytes: Buffer.byteLength(html), load: await load(origin + pagePath, seconds, headers) };
      };
      const meeting = await page(`/staff/meetings/${meetingId}`);
      const invitations = await page(`/staff/meetings/${meetingId}/invitations`);
      sizes[size.label] = { meeting, invitations };
      log(
        `  ${size.label}: meeting page ${meeting.bytes.toLocaleString('en')} B, p95 ${meeting.load.p95.toFixed(0)} ms; invitations page ${invitations.bytes.toLocaleString('en')} B, p95 ${invitations.load.p95.toFixed(0)} ms`,
      );
      if (size.label === 'large') {
        const paths = SEARCHES.map((q) => `/staff/contacts/search?${new URLSearchParams({ q })}`);
        const answer = (await (await fetch(origin + paths[0]!, { headers })).json()) as { results: unknown[] };
        if (!answer.results.length) throw new Error('The search found nobody');
        routeHandler = await load(`${origin}/api/bench`, seconds, {});
        log(
          `  bare route handler (floor): ${routeHandler.rps.toFixed(0)} req/s, p95 ${routeHandler.p95.toFixed(0)} ms`,
        );
        await load(origin, 2, headers, paths);
        search = await load(origin, seconds, headers, paths);
        log(
          `  large: people search ${search.rps.toFixed(0)} req/s, p50 ${search.p50.toFixed(0)} ms, p95 ${search.p95.toFixed(0)} ms`,
        );
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }

  const small = sizes.small!;
  const large = sizes.large!;
  const ratio = (a: number, b: number) => a / b;
  const targets = (['meeting', 'invitations'] as const).flatMap((key) => [
    {
      name: `${key} page HTML at 20,000 contacts ≤ ${MAX_RATIO} × at 200`,
      value: `${ratio(large[key].bytes, small[key].bytes).toFixed(2)} × (${large[key].bytes.toLocaleString('en')} / ${small[key].bytes.toLocaleString('en')} B)`,
      ok: ratio(large[key].bytes, small[key].bytes) <= MAX_RATIO,
    },
    {
      name: `${key} page p95 at 20,000 contacts ≤ ${MAX_RATIO} × at 200`,
      value: `${ratio(large[key].load.p95, small[key].load.p95).toFixed(2)} × (${large[key].load.p95.toFixed(0)} / ${small[key].load.p95.toFixed(0)} ms)`,
      ok: ratio(large[key].load.p95, small[key].load.p95) <= MAX_RATIO,
    },
  ]);
  targets.push(
    {
      name: `people search p95 ≤ ${SEARCH_P95_MS} ms at ${CONNECTIONS} connections`,
      value: `${search!.p95.toFixed(1)} ms`,
      ok: search!.p95 <= SEARCH_P95_MS,
    },
    {
      name: 'no failed requests',
      value: String(
        [small, large].reduce((n, s) => n + s.meeting.load.failed + s.invitations.load.failed, 0) + search!.failed,
      ),
      ok: [small, large].every((s) => s.meeting.load.failed + s.invitations.load.failed === 0) && search!.failed === 0,
    },
  );
  return { sizes, search: search!, routeHandler: routeHandler!, targets };
}
