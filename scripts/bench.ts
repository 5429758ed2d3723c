// `npm run bench [-- --only directory|app|scale|meeting-page|door|documents|list] [--fresh] [--seconds N]
// [--no-build]`: performance on PostgreSQL, never part of `npm test` (machines are noisy; a benchmark reports, a test
// asserts). The parts:
//  - directory: the directory's queries on 20,000 contacts (scripts/bench/directory-bench.ts);
//  - app: a production build under load beside its baselines — a file from public/, a bare route handler, a minimal
//    dynamic page, pgbench, raw nodemailer — plus 5,000 invitations and Lighthouse (scripts/bench-app.ts);
//  - scale: the staff meeting and invitations pages at 200 and 20,000 contacts, and the people picker's search
//    (scripts/bench/scale-bench.ts);
//  - meeting-page: the public meeting page against a file from public/, and Lighthouse on it
//    (scripts/bench/meeting-page-bench.ts);
//  - door: 500 badges as one PDF, and check-in POSTs of 500 badges (scripts/bench/door-bench.ts);
//  - documents: a 20 MB public document downloaded by 20 clients at once, against a bare loop reading the same
//    chunks from PostgreSQL, with the file served from public/ for reference (scripts/bench/documents-bench.ts);
//  - list: the list of participants for 500 people as one PDF, through the app (scripts/bench/list-bench.ts).
// Prints a table of figures and ratios, writes JSON to test-results/bench/, and exits non-zero when a target is missed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runDirectoryBench } from './bench/directory-bench';
import { runDoorBench } from './bench/door-bench';
import { runMeetingPageBench } from './bench/meeting-page-bench';
import { runDocumentsBench } from './bench/documents-bench';
import { runListBench } from './bench/list-bench';
import { runScaleBench } from './bench/scale-bench';
import { runAppBench } from './bench-app';
import { runScript, UsageError } from './run-script';

await runScript(async () => {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      only: { type: 'string' },
      seconds: { type: 'string', default: '10' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new UsageError(
      'npm run bench measures on PostgreSQL: set DATABASE_URL to a server (its database is not touched).',
    );
  if (values.only && !['directory', 'app', 'scale', 'meeting-page', 'door', 'documents', 'list'].includes(values.only))
    throw new UsageError('--only takes directory, app, scale, meeting-page, door, documents or list');
  const seconds = Number(values.seconds);
  if (!Number.isInteger(seconds) || seconds < 2 || seconds > 120)
    throw new UsageError('--seconds takes a whole number from 2 to 120');
  const log = (line: string) => console.info(line);
  const failures: string[] = [];
  const report: Record<string, unknown> = {};

  const runs = (part: string) => !values.only || values.only === part;
  if (runs('directory')) {
    const directory = await runDirectoryBench({ serverUrl, fresh: values.fresh, log });
    failures.push(...directory.failures);
  }
  if (runs('app')) {
    const app = await runAppBench({ serverUrl, seconds, build: !values['no-build'], log });
    report.app = app;
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.info('\n' + row(['HTTP, 50 connections', 'req/s', 'p50', 'p95', 'p99', 'requests']));
    console.info(row(['---', '---:', '---:', '---:', '---:', '---:']));
    const labels: Record<string, string> = {
      publicFile: 'file from public/ (baseline)',
      routeHandler: 'bare route handler (framework floor)',
      minimalPage: 'minimal dynamic page, one row (baseline)',
      landing: 'invitation landing page (GET)',
      newsArticle: 'published summary page (/news/<slug>, front cache)',
      newsList: 'news list (/news, front cache)',
      newsArticleNextCache: 'published summary page, Next’s cache alone (no front cache)',
      registration: 'registration submissions (no-JS POST, 20 meetings)',
      registrationContended: 'registration submissions (POST, one meeting)',
    };
    for (const [key, l] of Object.entries(app.http))
      console.info(row([labels[key] ?? key, l.rps.toFixed(0), ms(l.p50), ms(l.p95), ms(l.p99), String(l.requests)]));
    console.info('\n' + row(['pgbench, registration transaction, 50 clients', 'tps', 'p50', 'p95', 'p99']));
    console.info(row(['---', '---:', '---:', '---:', '---:']));
    for (const [key, p] of Object.entries(app.pgbench))
      console.info(
        row([key === 'spread' ? '20 meetings' : 'one meeting', p.tps.toFixed(0), ms(p.p50), ms(p.p95), ms(p.p99)]),
      );
    console.info(
      `\n5,000 invitations queued: ${app.invitations.queueSeconds.toFixed(2)} s (raw multi-row insert of the same rows: ${app.invitations.rawInsertSeconds.toFixed(2)} s)`,
    );
    console.info(
      `Delivery into the loopback sink: app ${app.delivery.appPerSecond.toFixed(0)} messages/s, raw nodemailer ${app.delivery.rawPerSecond.toFixed(0)} messages/s`,
    );
    console.info(
      `Lighthouse (mobile), landing page: ${app.lighthouse ? `performance ${app.lighthouse.performance}, accessibility ${app.lighthouse.accessibility}` : 'did not run'}`,
    );
    const news = app.newsLighthouse;
    console.info(
      `Lighthouse (mobile), published summary: ${news ? `performance ${news.performance}, accessibility ${news.accessibility}, best practices ${news.bestPractices}, SEO ${news.seo}` : 'did not run'}`,
    );
    console.info('\n' + row(['target', 'measured', '']));
    console.info(row(['---', '---:', '---']));
    for (const t of app.targets) console.info(row([t.name, t.value, t.ok ? 'met' : 'MISSED']));
    failures.push(...app.targets.filter((t) => !t.ok).map((t) => `${t.name}: ${t.value}`));
  }

  if (runs('meeting-page')) {
    // The app part's build serves this part too.
    const meetingPage = await runMeetingPageBench({
      serverUrl,
      seconds,
      build: !values['no-build'] && values.only === 'meeting-page',
      log,
    });
    report.meetingPage = meetingPage;
    failures.push(...meetingPage.failures);
  }

  if (runs('scale')) {
    // The app part's build serves this part too.
    const scale = await runScaleBench({
      serverUrl,
      seconds,
      build: !values['no-build'] && values.only === 'scale',
      log,
    });
    report.scale = scale;
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.info('\n' + row(['HTTP, 10 connections, signed in', 'HTML bytes', 'req/s', 'p50', 'p95']));
    console.info(row(['---', '---:', '---:', '---:', '---:']));
    for (const [size, pages] of Object.entries(scale.sizes))
      for (const [key, figures] of Object.entries(pages))
        console.info(
          row([
            `${key} page, ${size === 'large' ? '20,000 contacts, 1,000 invitations' : '200 contacts, 50 invitations'}`,
            figures.bytes.toLocaleString('en'),
            figures.load.rps.toFixed(0),
            `${figures.load.p50.toFixed(1)} ms`,
            `${figures.load.p95.toFixed(1)} ms`,
          ]),
        );
    console.info(
      row([
        'people search (20,000 contacts)',
        '',
        scale.search.rps.toFixed(0),
        `${scale.search.p50.toFixed(1)} ms`,
        `${scale.search.p95.toFixed(1)} ms`,
      ]),
    );
    console.info(
      row([
        'bare route handler, same concurrency (floor)',
        '',
        scale.routeHandler.rps.toFixed(0),
        `${scale.routeHandler.p50.toFixed(1)} ms`,
        `${scale.routeHandler.p95.toFixed(1)} ms`,
      ]),
    );
    console.info('\n' + row(['target', 'measured', '']));
    console.info(row(['---', '---:', '---']));
    for (const t of scale.targets) console.info(row([t.name, t.value, t.ok ? 'met' : 'MISSED']));
    failures.push(...scale.targets.filter((t) => !t.ok).map((t) => `${t.name}: ${t.value}`));
  }

  if (runs('door')) {
    // The app or scale part's build serves this part too.
    const door = await runDoorBench({
      serverUrl,
      build: !values['no-build'] && values.only === 'door',
      log,
    });
    report.door = door;
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.info('\n' + row(['HTTP, 50 connections, 500 requests', 'req/s', 'p50', 'p95']));
    console.info(row(['---', '---:', '---:', '---:']));
    for (const [label, l] of [
      ['invitation landing page (GET)', door.landing],
      ['check-in POSTs, 500 distinct badges', door.checkIn],
    ] as const)
      console.info(row([label, l.rps.toFixed(0), `${l.p50.toFixed(1)} ms`, `${l.p95.toFixed(1)} ms`]));
    console.info(
      `\n500 badges as one PDF: through the app ${door.badges.appSeconds.toFixed(2)} s, bare script ${door.badges.bareSeconds.toFixed(2)} s`,
    );
    console.info('\n' + row(['target', 'measured', '']));
    console.info(row(['---', '---:', '---']));
    for (const t of door.targets) console.info(row([t.name, t.value, t.ok ? 'met' : 'MISSED']));
    failures.push(...door.targets.filter((t) => !t.ok).map((t) => `${t.name}: ${t.value}`));
  }

  if (runs('documents')) {
    // The app part's build serves this part too.
    const documents = await runDocumentsBench({
      serverUrl,
      seconds,
      build: !values['no-build'] && values.only === 'documents',
      log,
    });
    report.documents = documents;
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.info('\n' + row(['20 MB file, 20 clients at once', 'MB/s']));
    console.info(row(['---', '---:']));
    console.info(row(['public document from PostgreSQL (/api/documents/<id>)', documents.appMBps.toFixed(0)]));
    console.info(row(['bare loop reading the same chunks as bytea', documents.loopMBps.bytea.toFixed(0)]));
    console.info(row(['bare loop reading them as base64 text', documents.loopMBps.base64.toFixed(0)]));
    console.info(row(['bare loop reading them as the app does (binary COPY)', documents.loopMBps.copy.toFixed(0)]));
    console.info(row(['the same reads from a bare node:http server (reference)', documents.bareServerMBps.toFixed(0)]));
    console.info(row(['the same file from public/ (reference)', documents.publicFileMBps?.toFixed(0) ?? 'not served']));
    console.info('\n' + row(['target', 'measured', '']));
    console.info(row(['---', '---:', '---']));
    for (const t of documents.targets) console.info(row([t.name, t.value, t.ok ? 'met' : 'MISSED']));
    failures.push(...documents.targets.filter((t) => !t.ok).map((t) => `${t.name}: ${t.value}`));
  }

  if (runs('list')) {
    // The app part's build serves this part too.
    const list = await runListBench({ serverUrl, build: !values['no-build'] && values.only === 'list', log });
    report.list = list;
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.info('\n' + row(['target', 'measured', '']));
    console.info(row(['---', '---:', '---']));
    for (const t of list.targets) console.info(row([t.name, t.value, t.ok ? 'met' : 'MISSED']));
    failures.push(...list.targets.filter((t) => !t.ok).map((t) => `${t.name}: ${t.value}`));
  }

  const dir = path.resolve('test-results/bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  console.info(`\nFigures written to ${path.relative(process.cwd(), file)}`);
  if (failures.length) console.error(`Over budget: ${failures.join('; ')}`);
  // The database pool would keep the process waiting.
  process.exit(failures.length ? 1 : 0);
});
