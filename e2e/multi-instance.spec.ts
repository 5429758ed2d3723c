import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import postgres from 'postgres';
import { contactKeys } from '../db/directory-keys';
import { invitationToken } from '../lib/invitation-token';
import { multipart, REGISTRATION, registrationFormFields } from '../scripts/bench-app';
import { e2eDatabaseUrl } from '../scripts/e2e-database.mjs';
import { childProcesses, freePort } from '../scripts/test-support';

// Two production instances (`npm start`: scripts/server.mjs, of the build the suite already made) and one
// `npm run worker` on one PostgreSQL database, behind Debian's nginx running the operators' nginx.conf (only the
// upstream addresses and the port changed). PostgreSQL only. Each test prints its figures.
const root = path.resolve(import.meta.dirname, '..');
const serverUrl = process.env.DATABASE_URL;
const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));
const SECRET = 'multi-instance-only-secret-0123456789abcdefghijklmnop';
const REGISTRANTS = 300;
const SEATS = 20;
const MESSAGES = 1000;
const IMPORT_ROWS = 6000;
const REMINDED = 30;
// The news pages' `revalidate` (README, "Cache bound with several instances") plus the front cache's second.
const NEWS_BOUND_SECONDS = 61;

test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

type Instance = { name: 'A' | 'B'; port: number; origin: string; process: ChildProcess };
let instances: Instance[] = [];
let proxyOrigin = '';
let sql: postgres.Sql;
let work = '';
let nginx: ChildProcess | undefined;
let admin: Page;
let reminderMeetingId = '';
const children = childProcesses(root);
const figures: string[] = [];
const report = (line: string) => {
  figures.push(line);
  console.log(`[multi-instance] ${line}`);
};

/** Every message in the sink, raw, by file. */
const receivedMail = () =>
  fs
    .readdirSync(path.join(work, 'mail'))
    .filter((f) => f.endsWith('.eml'))
    .map((f) => fs.readFileSync(path.join(work, 'mail', f), 'utf8'));

/** The operators' nginx.conf with this machine's addresses, inside a main config of its own in `dir`. */
function nginxConfig(dir: string, listen: number, upstream: [number, number]): string {
  let site = fs.readFileSync(path.join(root, 'nginx.conf'), 'utf8');
  const replace = (from: RegExp, to: string) => {
    expect(site.match(from), `nginx.conf has ${from}`).toHaveLength(1);
    site = site.replace(from, to);
  };
  replace(/listen 80;/g, `listen 127.0.0.1:${listen};`);
  replace(/server app1:3000\b/g, `server 127.0.0.1:${upstream[0]}`);
  replace(/server app2:3000\b/g, `server 127.0.0.1:${upstream[1]}`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${path.join(dir, kind)};`)
    .join('\n  ');
  return `daemon off;
user ${os.userInfo().username};
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  ${temp}
${site}
}
`;
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const count = async (query: postgres.PendingQuery<postgres.Row[]>) => Number((await query)[0]!.n);

test.describe('two instances behind nginx on one PostgreSQL', () => {
  test.skip(!serverUrl, 'the multi-instance test runs on PostgreSQL only (set DATABASE_URL)');
  test.skip(!nginxBinary && !process.env.CI, 'nginx is not installed (apt-get install nginx); CI installs it');

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    if (!nginxBinary) throw new Error('nginx is not installed: .ci/run installs it from Debian');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-multi-'));
    fs.mkdirSync(path.join(work, 'nginx'));
    // A database of its own, created empty: both instances migrate it as they start.
    const url = new URL(e2eDatabaseUrl(serverUrl!));
    url.pathname = `${url.pathname}_multi`;
    const name = url.pathname.slice(1);
    const server = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await server.unsafe(`drop database if exists "${name}" with (force)`);
    await server.unsafe(`create database "${name}"`);
    await server.end();
    sql = postgres(url.toString(), { max: 4, onnotice: () => {} });

    const [portA, portB, proxyPort, smtpPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    proxyOrigin = `http://localhost:${proxyPort}`;
    const settings = {
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      AUTH_URL: proxyOrigin,
      AUTH_SECRET: SECRET,
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 24).toString('base64'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Council Desk <no-reply@council.test>',
      TRUST_PROXY: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      E2E_PGLITE_SOCKET_PORT: '',
      PORT: '',
    };
    await children.start(
      [path.join(root, 'scripts/smtp-sink.mjs')],
      { SMTP_SINK_PORT: String(smtpPort), SINK_DIR: path.join(work, 'mail'), SINK_FRESH: '1' },
      'listening',
    );
    // Both at once on the empty database: they take turns at the migrations (db/client.ts, an advisory lock).
    const started = performance.now();
    const [a, b] = await Promise.all(
      (
        [
          ['A', portA],
          ['B', portB],
        ] as const
      ).map(async ([name, port]) => ({
        name,
        port,
        origin: `http://localhost:${port}`,
        // PGAPPNAME names the instance's connections, so the test can see which one holds an import.
        process: await children.start(
          [path.join(root, 'scripts/server.mjs'), '--hostname', 'localhost', '--port', String(port)],
          { ...settings, PGAPPNAME: `council-desk-${name}` },
          'ready on',
        ),
      })),
    );
    instances = [a!, b!];
    await Promise.all(
      instances.map((i) => waitUntil(async () => (await fetch(`${i.origin}/api/health`)).ok, `instance ${i.name}`)),
    );
    report(
      `both instances started at once on an empty database in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await children.start(
      ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'],
      { ...settings, PGAPPNAME: 'council-desk-worker' },
      'delivering',
    );

    const conf = path.join(work, 'nginx', 'nginx.conf');
    fs.writeFileSync(conf, nginxConfig(path.join(work, 'nginx'), proxyPort, [portA, portB]));
    nginx = spawn(nginxBinary, ['-p', path.join(work, 'nginx'), '-c', conf], { stdio: 'inherit' });
    await waitUntil(async () => (await fetch(`${proxyOrigin}/api/health`)).ok, 'nginx');

    await sql`insert into councils (name_en, name_ru) values ('Multi-instance Council', 'Совет нескольких экземпляров')`;
    await sql`insert into users (email, role, name) values
      ('multi.admin@council.test', 'admin', 'Multi Admin'), ('multi.editor@council.test', 'editor', 'Multi Editor')`;
    // A meeting whose automatic reminder falls due now: each of the three workers looks once a minute from its start,
    // so the look after this one finds it (checked below).
    const [reminderMeeting] = await sql<{ id: string }[]>`
      insert into meetings (council_id, kind, title_en, title_ru, starts_at, ends_at, time_zone, format, city_en, city_ru,
        country, status, registration_deadline, auto_reminder_days)
      select id, 'plenary', 'Reminded meeting', 'Заседание с напоминанием', now() + interval '10 days',
        now() + interval '10 days 6 hours', 'Asia/Tashkent', 'in_person', 'Tashkent', 'Ташкент', 'UZ',
        'invitations_open', now() + interval '2 days', 3 from councils
      returning id`;
    reminderMeetingId = reminderMeeting!.id;
    const reminded = Array.from({ length: REMINDED }, (_, i) => {
      const name = `Reminded Person ${i}`;
      const email = `reminded${i}@council.test`;
      return { name, email, country: 'KZ', ...contactKeys({ name, email }) };
    });
    const remindedContacts = await sql<{ id: string; email: string }[]>`
      insert into contacts ${sql(reminded.map((p) => ({ name: p.name, email: p.email, country: p.country, search_key: p.searchKey, sort_key: p.sortKey })))}
      returning id, email`;
    await sql`insert into invitations ${sql(remindedContacts.map((c) => ({ meeting_id: reminderMeetingId, contact_id: c.id, email: c.email, role: 'delegate', language: 'en' })))}`;
    admin = await browser.newPage({ baseURL: proxyOrigin });
  });

  test.afterAll(async () => {
    if (figures.length) console.log(`\nMulti-instance figures:\n  ${figures.join('\n  ')}\n`);
    await admin?.close();
    nginx?.kill('SIGTERM');
    children.killAll();
    await sql?.end();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('migrations started by both instances at once apply once', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(root, 'drizzle/meta/_journal.json'), 'utf8'));
    const applied = await sql<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations`;
    expect(applied).toHaveLength(journal.entries.length);
    expect(new Set(applied.map((r) => r.hash)).size).toBe(journal.entries.length);
    report(`migrations: ${applied.length} applied once each; both instances healthy`);
  });

  test('a staff session made through nginx works on each instance', async () => {
    await admin.goto('/staff/sign-in');
    await admin.getByLabel('Work email').fill('multi.admin@council.test');
    await admin.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(admin.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    let link: string | undefined;
    await waitUntil(async () => {
      for (const raw of receivedMail()) {
        const mail = await simpleParser(raw);
        link ??= mail.text?.match(/https?:\/\/\S+\/staff\/sign-in\/confirm\S*/)?.[0];
      }
      return !!link;
    }, 'the sign-in email');
    expect(new URL(link!).origin).toBe(proxyOrigin);
    await admin.goto(link!);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    // One session row, honoured by either instance asked directly (the cookie is the host's, whatever the port).
    expect(await count(sql`select count(*) as n from sessions`)).toBe(1);
    for (const instance of instances) {
      await admin.goto(`${instance.origin}/staff`);
      await expect(admin.getByRole('heading', { level: 1, name: 'Dashboard' }), instance.name).toBeVisible();
    }
    report('session: made through nginx, one row in the database, signed in on instance A and on instance B');
  });

  let publishedAt = 0;
  let publishedHeadline = '';
  let laggard: Instance | undefined;
  test('a summary published is on the publishing instance at once', async () => {
    const [meeting] = await sql<{ id: string }[]>`
      insert into meetings (council_id, kind, title_en, title_ru, starts_at, ends_at, time_zone, format, city_en, city_ru,
        country, status)
      select id, 'plenary', 'Multi-instance meeting', 'Заседание нескольких экземпляров', '2026-05-14T05:00:00Z',
        '2026-05-14T12:00:00Z', 'Asia/Tashkent', 'in_person', 'Tashkent', 'Ташкент', 'UZ', 'held' from councils
      returning id`;
    const slug = `multi-instance-summary-${Date.now().toString(36)}`;
    const headline = `Multi-instance summary ${Date.now().toString(36)}`;
    const [summary] = await sql<{ id: string }[]>`
      insert into summaries (meeting_id, slug, status, headline_en, headline_ru, lead_en, lead_ru, body_en, body_ru,
        submitted_by_id, submitted_at)
      select ${meeting!.id}, ${slug}, 'in_review', ${headline}, 'Сводка нескольких экземпляров', 'Lead.', 'Вводка.',
        'Body.', 'Текст.', id, now() from users where email = 'multi.editor@council.test'
      returning id`;
    // Each instance gets a fresh copy of the news list from before the publication: the build's copy is older than
    // the bound, so the first read regenerates it in the background; the second, after the front cache's second,
    // reads the new copy.
    await Promise.all(instances.map((i) => fetch(`${i.origin}/news`).then((r) => r.arrayBuffer())));
    await new Promise((r) => setTimeout(r, 2500));
    for (const instance of instances) {
      expect(await (await fetch(`${instance.origin}/news`)).text()).not.toContain(headline);
    }
    await admin.goto(`/staff/summaries/${summary!.id}`);
    await admin.getByRole('button', { name: 'Publish' }).click();
    await expect(admin.getByText('Published: the summary is on the public news pages')).toBeVisible();
    publishedAt = Date.now();
    const showing = await Promise.all(
      instances.map(async (i) => (await (await fetch(`${i.origin}/news`)).text()).includes(headline)),
    );
    // The instance that ran the action regenerated its pages; the other still has its copy.
    expect(showing.filter(Boolean)).toHaveLength(1);
    const publisher = instances[showing.indexOf(true)]!;
    laggard = instances[showing.indexOf(false)]!;
    expect(await (await fetch(`${publisher.origin}/news/${slug}`)).text()).toContain(headline);
    report(`news: instance ${publisher.name} (which published) lists the summary at once; ${laggard.name} not yet`);
    publishedHeadline = headline;
  });

  let meetingForSeats = '';
  test(`${REGISTRANTS} concurrent registrations for ${SEATS} seats over both instances: exactly ${SEATS}`, async () => {
    test.setTimeout(120_000);
    const [meeting] = await sql<{ id: string }[]>`
      insert into meetings (council_id, kind, title_en, title_ru, starts_at, ends_at, time_zone, format, city_en, city_ru,
        country, status, capacity, registration_deadline)
      select id, 'plenary', 'Twenty seats', 'Двадцать мест', '2030-06-10T05:00:00Z', '2030-06-10T12:00:00Z',
        'Asia/Tashkent', 'in_person', 'Tashkent', 'Ташкент', 'UZ', 'invitations_open', ${SEATS}, '2030-06-01T00:00:00Z'
      from councils returning id`;
    meetingForSeats = meeting!.id;
    const people = Array.from({ length: REGISTRANTS }, (_, i) => {
      const name = `Seat Seeker ${i}`;
      const email = `seat${i}@council.test`;
      return { name, email, country: 'UZ', ...contactKeys({ name, email }) };
    });
    const contacts = await sql<{ id: string; email: string }[]>`
      insert into contacts ${sql(people.map((p) => ({ name: p.name, email: p.email, country: p.country, search_key: p.searchKey, sort_key: p.sortKey })))}
      returning id, email`;
    const invited = await sql<{ id: string; link_version: number }[]>`
      insert into invitations ${sql(contacts.map((c) => ({ meeting_id: meeting!.id, contact_id: c.id, email: c.email, role: 'delegate', language: 'en', status: 'accepted' })))}
      returning id, link_version`;
    const tokens = invited.map((i) => invitationToken(SECRET, { invitationId: i.id, version: i.link_version }));

    // Each delegate's landing page (through nginx), then all the form posts at once (through nginx).
    const posts: { path: string; body: Buffer; boundary: string }[] = [];
    for (let i = 0; i < tokens.length; i += 25) {
      await Promise.all(
        tokens.slice(i, i + 25).map(async (token) => {
          const html = await (await fetch(`${proxyOrigin}/i/${token}`)).text();
          const boundary = `----multi${token.slice(0, 16)}`;
          posts.push({
            path: `/i/${token}`,
            boundary,
            body: multipart([...registrationFormFields(html), ...REGISTRATION], boundary),
          });
        }),
      );
    }
    const started = performance.now();
    const statuses = await Promise.all(
      posts.map(
        async (p) =>
          (
            await fetch(`${proxyOrigin}${p.path}`, {
              method: 'POST',
              redirect: 'manual',
              headers: { 'content-type': `multipart/form-data; boundary=${p.boundary}`, origin: proxyOrigin },
              body: new Uint8Array(p.body),
            })
          ).status,
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const byStatus = Object.fromEntries(
      [...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length]),
    ) as Record<number, number>;
    expect(byStatus).toEqual({ 303: REGISTRANTS });
    const held = await sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from registrations where meeting_id = ${meeting!.id} group by status order by status`;
    expect(Object.fromEntries(held.map((r) => [r.status, r.n]))).toEqual({
      registered: SEATS,
      waitlisted: REGISTRANTS - SEATS,
    });
    report(
      `registrations: ${REGISTRANTS} POSTs at once through nginx in ${seconds.toFixed(1)} s → ${SEATS} registered, ${REGISTRANTS - SEATS} on the waiting list`,
    );
    // Three seats come free; housekeeping (every instance, once a minute) must offer each once (checked below).
    await sql`update registrations set status = 'cancelled', cancelled_at = now() where invitation_id in (
      select invitation_id from registrations where meeting_id = ${meeting!.id} and status = 'registered' limit 3)`;
  });

  test(`a ${MESSAGES.toLocaleString('en')}-message send: each message delivered once by three workers`, async () => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const rows = Array.from({ length: MESSAGES }, (_, i) => ({
      message_id: `<load-${stamp}-${i}@council.test>`,
      kind: 'load',
      to_address: `reader${i}@council.test`,
      from_address: 'Council Desk <no-reply@council.test>',
      subject: `Load ${stamp} ${i}`,
      text_body: `Message ${i}`,
    }));
    const started = performance.now();
    await sql`insert into outbox_messages ${sql(rows)}`;
    const ours = () =>
      receivedMail()
        .map((raw) => raw.match(/^Message-ID: (<load-[^>]+>)/im)?.[1])
        .filter((id): id is string => !!id?.includes(stamp));
    await waitUntil(async () => ours().length >= MESSAGES, 'delivery', 100_000);
    const seconds = (performance.now() - started) / 1000;
    // A little longer: a message delivered twice would arrive now.
    await new Promise((r) => setTimeout(r, 1500));
    const received = ours();
    expect(received).toHaveLength(MESSAGES);
    expect(new Set(received).size).toBe(MESSAGES);
    expect(await count(sql`select count(*) as n from outbox_messages where kind = 'load' and status <> 'sent'`)).toBe(
      0,
    );
    report(
      `mail: ${MESSAGES} messages delivered once each in ${seconds.toFixed(1)} s (${(MESSAGES / seconds).toFixed(0)}/s), with both instances' workers and the separate worker running`,
    );
  });

  test('rate limits are counted across instances', async () => {
    // Invitation links never signed here are limited to 20 per client per 15 minutes (db/invitation-gate.ts). A client
    // alternating between the instances (as nginx forwards it: its address in X-Forwarded-For) is refused at the same
    // count as on one instance.
    const client = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const instance = instances[i % 2]!;
      const response = await fetch(`${instance.origin}/i/not-a-real-link-${i}`, {
        headers: { 'x-forwarded-for': client },
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBe(20);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // And through nginx, which alternates by itself: the client is the address nginx saw.
    const viaProxy: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await fetch(`${proxyOrigin}/i/not-a-real-link-either-${i}`);
      await response.arrayBuffer();
      viaProxy.push(response.status);
    }
    expect(viaProxy.indexOf(429)).toBe(20);
    report('rate limits: a client alternating A, B, A… is refused at request 21, as on one instance (also via nginx)');
  });

  test('the other instance serves the summary within the documented bound', async () => {
    test.setTimeout((NEWS_BOUND_SECONDS + 30) * 1000);
    await waitUntil(
      async () => (await (await fetch(`${laggard!.origin}/news`)).text()).includes(publishedHeadline),
      'the other instance',
      (NEWS_BOUND_SECONDS + 10) * 1000,
    );
    const seconds = (Date.now() - publishedAt) / 1000;
    // The first request after the bound may still get the old copy while Next regenerates (stale-while-revalidate):
    // hence the poll, and one second of leeway.
    expect(seconds).toBeLessThanOrEqual(NEWS_BOUND_SECONDS + 1);
    report(
      `news: instance ${laggard!.name} lists it ${seconds.toFixed(1)} s after publication (bound ${NEWS_BOUND_SECONDS} s)`,
    );
  });

  test('housekeeping on both instances offers each freed seat once', async () => {
    test.setTimeout(120_000);
    // Both instances run housekeeping once a minute from their start: the run after the seats came free offers them.
    await waitUntil(
      async () =>
        (await count(
          sql`select count(*) as n from registrations where meeting_id = ${meetingForSeats} and status = 'offered'`,
        )) >= 3,
      'the offers',
      90_000,
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(
      await count(
        sql`select count(*) as n from registrations where meeting_id = ${meetingForSeats} and status = 'offered'`,
      ),
    ).toBe(3);
    expect(await count(sql`select count(*) as n from audit_log where action = 'registration.offered'`)).toBe(3);
    report('housekeeping: 3 seats freed → 3 offers, each once, with both instances running it');
  });

  test('an automatic reminder falling due is sent once, whichever worker looks first', async () => {
    test.setTimeout(120_000);
    await waitUntil(
      async () =>
        (await sql`select 1 from meetings where id = ${reminderMeetingId} and auto_reminder_sent_at is not null`)
          .length === 1,
      'the automatic reminder',
      90_000,
    );
    // Three workers look once a minute each: let the others have their look too.
    await new Promise((r) => setTimeout(r, 2000));
    const perInvitation = await sql<{ n: number }[]>`
      select count(o.id)::int as n from invitations i
      left join outbox_messages o on o.invitation_id = i.id and o.kind = 'invitation.reminder'
      where i.meeting_id = ${reminderMeetingId} group by i.id`;
    expect(perInvitation.map((r) => r.n)).toEqual(Array(REMINDED).fill(1));
    report(
      `reminders: an automatic reminder due for ${REMINDED} invitees, three workers looking → ${REMINDED} reminders, one each`,
    );
  });

  test('a CSV import whose instance is killed is finished by the other', async () => {
    test.setTimeout(150_000);
    const csv =
      'Full name,Email,Country,Language\n' +
      Array.from({ length: IMPORT_ROWS }, (_, i) => `Imported Person ${i},imported${i}@council.test,UZ,en`).join('\n');
    await admin.goto('/staff/contacts/import');
    await admin
      .getByLabel('CSV file')
      .setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.getByRole('button', { name: 'Upload and preview' }).click();
    await expect(admin.getByRole('heading', { name: 'What this import would do' })).toBeVisible({ timeout: 60_000 });
    const [batch] = await sql<{ id: string }[]>`select id from contact_imports order by created_at desc limit 1`;
    await admin.getByRole('button', { name: /^Import [\d,]+ contacts?$/ }).click();
    await admin.waitForURL(`**/staff/contacts/import/${batch!.id}`);
    // Away from the progress page at once: it refreshes every 2 s, and each refresh (on either instance) would take
    // the import up; here only the instance that started it works on it.
    await admin.goto('about:blank');

    // The instance working on it holds the import's row lock in each chunk's transaction.
    let runner: Instance | undefined;
    await waitUntil(
      async () => {
        const [holder] = await sql<{ application_name: string }[]>`
          select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.relation = 'contact_imports'::regclass and l.mode = 'RowShareLock' and a.pid <> pg_backend_pid()`;
        runner = instances.find((i) => holder?.application_name === `council-desk-${i.name}`);
        return !!runner;
      },
      'an instance to take the import',
      30_000,
    );
    // Killed once part of it is in: its first chunk committed, the next one in flight.
    await waitUntil(
      async () =>
        (await sql<{ rows_done: number }[]>`select rows_done from contact_imports where id = ${batch!.id}`)[0]!
          .rows_done > 0,
      'the first chunk',
      30_000,
    );
    runner!.process.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1000));
    const [halfway] = await sql<{ status: string; rows_done: number }[]>`
      select status, rows_done from contact_imports where id = ${batch!.id}`;
    expect(halfway!.status, 'the import was still running when its instance died').toBe('applying');
    expect(halfway!.rows_done).toBeLessThan(IMPORT_ROWS);
    // Nothing moves it while nobody looks (for a minute: then housekeeping would take it up, db/contact-import.ts)…
    await new Promise((r) => setTimeout(r, 1500));
    const [still] = await sql<{ rows_done: number }[]>`select rows_done from contact_imports where id = ${batch!.id}`;
    expect(still!.rows_done).toBe(halfway!.rows_done);

    // …until its progress page is opened: nginx sends it to the survivor, which takes the import up.
    const survivor = instances.find((i) => i !== runner)!;
    const resumed = performance.now();
    await admin.goto(`/staff/contacts/import/${batch!.id}`);
    await waitUntil(
      async () =>
        (await sql<{ status: string }[]>`select status from contact_imports where id = ${batch!.id}`)[0]!.status ===
        'done',
      'the import to finish',
      90_000,
    );
    const seconds = (performance.now() - resumed) / 1000;
    expect(await count(sql`select count(*) as n from contacts where email like 'imported%@council.test'`)).toBe(
      IMPORT_ROWS,
    );
    expect(await count(sql`select count(distinct email) as n from contacts where email like 'imported%'`)).toBe(
      IMPORT_ROWS,
    );
    report(
      `import: instance ${runner!.name} killed at row ${halfway!.rows_done} of ${IMPORT_ROWS}; instance ${survivor.name} finished it ${seconds.toFixed(1)} s after its progress page was opened; ${IMPORT_ROWS} contacts, each once`,
    );
  });
});
