// `npm run bench -- --only meeting-page`: the public meeting page (/meetings/<slug>) of a two-day meeting with a full
// programme, served by the production server (Next's cache behind the front cache, as the news pages are), against a
// file from public/ on the same server; and Lighthouse (mobile) on it, in all four categories.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { get as httpGet } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildBenchApp, load, startBenchServer, waitFor, type Load } from '../bench-app';
import { freePort } from '../test-support';

const root = path.resolve(import.meta.dirname, '../..');

export type MeetingPageBenchResult = {
  http: { publicFile: Load; meetingPage: Load };
  lighthouse: Record<string, number> | null;
  failures: string[];
};

/** A planned two-day meeting with its agenda published: 10 items, three speakers and a moderator each. Its slug. */
async function benchMeeting(): Promise<string> {
  const { getDb } = await import('@/db/client');
  const schema = await import('@/db/schema');
  const db = await getDb();
  const [council] = await db
    .insert(schema.councils)
    .values({ nameEn: 'Bench Council', nameRu: 'Совет для замеров' })
    .returning();
  const [organisation] = await db
    .insert(schema.organisations)
    .values({ nameEn: 'Ministry of Foreign Affairs of Uzbekistan', nameRu: 'МИД Узбекистана', type: 'government' })
    .returning();
  const startsAt = new Date('2030-05-14T04:00:00Z');
  const [meeting] = await db
    .insert(schema.meetings)
    .values({
      councilId: council!.id,
      kind: 'plenary',
      titleEn: 'Second meeting of the Bench Council',
      titleRu: 'Второе заседание Совета для замеров',
      objectivesEn: 'To review **progress** on reintegration.\n\nTo agree on the work plan.',
      objectivesRu: 'Рассмотреть **ход** реинтеграции.\n\nСогласовать план работы.',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 32 * 3600_000),
      timeZone: 'Asia/Tashkent',
      format: 'hybrid',
      cityEn: 'Tashkent',
      cityRu: 'Ташкент',
      country: 'UZ',
      venueEn: 'Hotel Uzbekistan',
      venueRu: 'Гостиница «Узбекистан»',
      status: 'planned',
      agendaPublished: true,
    })
    .returning();
  await db
    .insert(schema.meetingOrganisations)
    .values({ meetingId: meeting!.id, organisationId: organisation!.id, role: 'organiser' });
  const people = await db
    .insert(schema.contacts)
    .values(
      Array.from({ length: 8 }, (_, i) => ({
        name: `Иванова Мария ${i + 1}`,
        nameLatin: `Ivanova Mariya ${i + 1}`,
        title: 'Counsellor',
        email: `bench.speaker.${Date.now()}.${i}@bench.example.org`,
        organisationId: organisation!.id,
      })),
    )
    .returning({ id: schema.contacts.id });
  for (let n = 0; n < 10; n++) {
    const day = n < 5 ? 0 : 24;
    const itemStart = new Date(startsAt.getTime() + (day + (n % 5) * 1.5) * 3600_000);
    const [item] = await db
      .insert(schema.agendaItems)
      .values({
        meetingId: meeting!.id,
        kind: n === 4 ? 'side_meeting' : 'working_session',
        startsAt: itemStart,
        endsAt: new Date(itemStart.getTime() + 80 * 60_000),
        titleEn: `Session ${n + 1}: regional and national efforts on reintegration`,
        titleRu: `Заседание ${n + 1}: региональные и национальные усилия по реинтеграции`,
        descriptionEn: 'The national authorities report on **progress**.\n\n- returns\n- rehabilitation',
        descriptionRu: 'Национальные органы докладывают о **ходе** работы.\n\n- возвращение\n- реабилитация',
        room: 'Main hall',
        roomRu: 'Большой зал',
        position: n,
      })
      .returning();
    await db.insert(schema.agendaItemPeople).values(
      [0, 1, 2, 3].map((k) => ({
        agendaItemId: item!.id,
        contactId: people[(n + k) % people.length]!.id,
        role: k === 3 ? ('moderator' as const) : ('speaker' as const),
        position: k === 3 ? 0 : k,
      })),
    );
  }
  const [row] = await db
    .select({ slug: schema.meetings.slug })
    .from(schema.meetings)
    .where((await import('drizzle-orm')).eq(schema.meetings.id, meeting!.id));
  return row!.slug!;
}

function lighthouse(url: string, work: string, log: (line: string) => void): Record<string, number> | null {
  const categories = {
    performance: 'performance',
    accessibility: 'accessibility',
    'best-practices': 'bestPractices',
    seo: 'seo',
  };
  const runs: Record<string, number>[] = [];
  // The median of three runs: Lighthouse's scores vary from run to run.
  for (let run = 0; run < 3; run++) {
    const report = path.join(work, `lighthouse-meeting-${run}.json`);
    const lh = spawnSync(
      path.join(root, 'node_modules/.bin/lighthouse'),
      [
        url,
        '--output=json',
        `--output-path=${report}`,
        `--only-categories=${Object.keys(categories).join(',')}`,
        '--quiet',
        '--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic',
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        encoding: 'utf8',
        timeout: 180_000,
      },
    );
    if (lh.status !== 0 || !fs.existsSync(report)) {
      log(`Lighthouse did not run: ${lh.stderr?.slice(0, 500)}`);
      return null;
    }
    const scores = JSON.parse(fs.readFileSync(report, 'utf8')).categories;
    runs.push(
      Object.fromEntries(Object.entries(categories).map(([c, key]) => [key, Math.round(scores[c].score * 100)])),
    );
  }
  const median = Object.fromEntries(
    Object.values(categories).map((key) => [key, runs.map((r) => r[key]!).sort((a, b) => a - b)[1]!]),
  );
  log(
    `Lighthouse (mobile) on the meeting page, median of 3: ${Object.entries(median)
      .map(([k, v]) => `${k} ${v} (${runs.map((r) => r[k]).join(', ')})`)
      .join('; ')}`,
  );
  return median;
}

export async function runMeetingPageBench({
  serverUrl,
  seconds,
  build,
  log,
}: {
  serverUrl: string;
  seconds: number;
  build: boolean;
  log: (line: string) => void;
}): Promise<MeetingPageBenchResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-bench-meeting-'));
  const children: ChildProcess[] = [];
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
  process.once('exit', stopAll);
  try {
    const { freshBenchDatabase } = await import('./app-bench');
    const benchUrl = await freshBenchDatabase(serverUrl);
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const env: Record<string, string> = {
      DATABASE_URL: benchUrl,
      AUTH_SECRET: 'bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 11).toString('base64'),
      AUTH_URL: origin,
      SMTP_URL: 'smtp://127.0.0.1:9',
      MAIL_FROM: 'Council Desk <no-reply@bench.test>',
      OUTBOX_WORKER: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    Object.assign(process.env, env);
    const { closeDatabase, openAppDatabase } = await import('@/db/lifecycle');
    // In a whole `npm run bench` the app part has this process's database open: the one just dropped and made afresh.
    await closeDatabase();
    await openAppDatabase();
    if (build) buildBenchApp(env, log);
    const server = startBenchServer(env, port);
    children.push(server);
    const slug = await benchMeeting();
    await waitFor(async () => (await fetch(`${origin}/api/health`)).ok, 'the server');
    const pageUrl = `${origin}/meetings/${slug}`;
    const page = await fetch(pageUrl);
    if (page.status !== 200) throw new Error(`${pageUrl} answered ${page.status}`);

    const measure = async (label: string, url: string) => {
      await load(url, 2);
      const result = await load(url, seconds);
      log(`  ${label}: ${result.rps.toFixed(0)} req/s, p95 ${result.p95.toFixed(0)} ms`);
      return result;
    };
    log('HTTP at 50 connections:');
    const publicFile = await measure('file from public/', `${origin}/robots.txt`);
    const meetingPage = await measure('public meeting page (/meetings/<slug>)', pageUrl);
    // As autocannon asks: the second of two reads must come from the front cache, or the wrong thing was measured.
    const frontCache = () =>
      new Promise<string>((resolve, reject) => {
        httpGet(pageUrl, (response) =>
          response.resume().on('end', () => resolve(String(response.headers['x-front-cache']))),
        ).on('error', reject);
      });
    await frontCache();
    if ((await frontCache()) !== 'hit') throw new Error(`${pageUrl} was not answered from the front cache`);

    const scores = lighthouse(pageUrl, work, log);
    const ratio = meetingPage.rps / publicFile.rps;
    const failures: string[] = [];
    const target = (name: string, value: string, ok: boolean) => {
      log(`${ok ? '✓' : '✗'} ${name}: ${value}`);
      if (!ok) failures.push(`${name}: ${value}`);
    };
    target('meeting page ≥ 50 % of a file from public/ (req/s)', `${Math.round(ratio * 100)} %`, ratio >= 0.5);
    target(
      'no failed requests',
      String(publicFile.non2xx + publicFile.errors + meetingPage.non2xx + meetingPage.errors),
      publicFile.non2xx + publicFile.errors + meetingPage.non2xx + meetingPage.errors === 0,
    );
    for (const key of ['performance', 'accessibility', 'bestPractices', 'seo'])
      target(
        `Lighthouse ${key} on the meeting page ≥ 95`,
        String(scores?.[key] ?? 'not run'),
        (scores?.[key] ?? 0) >= 95,
      );
    return { http: { publicFile, meetingPage }, lighthouse: scores, failures };
  } finally {
    stopAll();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
