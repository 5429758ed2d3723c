import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import S3rver from 's3rver';
import sharp from 'sharp';
import { e2eDatabaseUrl } from '../scripts/e2e-database.mjs';
import { freePort } from '../scripts/test-support';
import { bigPdf } from '../test/upload-files';
import { e2eSettings } from './settings';

// Every upload route at its documented limit, just under and just over, through the production server (the proxy in
// front of the routes used to cut bodies at 10 MB); and a 50 MB document up and down on PostgreSQL and on S3 while the
// server's resident memory is watched. Files are generated as they are sent, never committed or held whole.

const MB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, '..');
const admin = () => {
  const state = JSON.parse(fs.readFileSync(e2eSettings.adminState, 'utf8')) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
};

type Part =
  | { name: string; value: string }
  | { name: string; fileName: string; size: number; body: () => AsyncIterable<Uint8Array> };

/** A multipart POST with an exact Content-Length, its file streamed from a generator. */
function postForm(port: number, pathname: string, parts: Part[]): Promise<{ status: number; location: string }> {
  const boundary = `----councildesk${Date.now().toString(16)}`;
  const heads = parts.map((part) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
        ('fileName' in part
          ? `; filename="${part.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`
          : `\r\n\r\n${part.value}`),
    ),
  );
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length =
    heads.reduce((sum, head) => sum + head.length + 2, 0) +
    parts.reduce((sum, part) => sum + ('fileName' in part ? part.size : 0), 0) +
    tail.length;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method: 'POST',
        headers: {
          Host: `localhost:${port}`,
          Origin: `http://localhost:${port}`,
          Cookie: admin(),
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(length),
        },
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode!, location: String(response.headers.location ?? '') });
      },
    );
    request.on('error', (error) => {
      // A server that answered early (a body over the limit) may close while the rest is still being sent.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET')
        return;
      reject(error);
    });
    (async () => {
      for (const [i, part] of parts.entries()) {
        const write = (chunk: Uint8Array) =>
          request.write(chunk) ? Promise.resolve() : new Promise<void>((r) => request.once('drain', () => r()));
        await write(heads[i]!);
        if ('fileName' in part) for await (const piece of part.body()) await write(piece);
        await write(Buffer.from('\r\n'));
      }
      request.end(tail);
    })().catch(() => request.destroy());
  });
}

const problemOf = (location: string) => new URL(location, 'http://localhost').searchParams;

async function* bytesOf(buffer: Buffer) {
  yield buffer;
}
async function* padded(head: Buffer, size: number) {
  yield head;
  for (let left = size - head.length; left > 0; left -= MB) yield Buffer.alloc(Math.min(MB, left), 0x20);
}
async function* csvRows(size: number) {
  const header = Buffer.from('Full name,Email,Notes\r\n');
  yield header;
  let left = size - header.length;
  // Rows of about 450 bytes: 15 MB stays under the importer's 50,000 rows.
  const note = 'x'.repeat(400);
  const stamp = Date.now().toString(36);
  for (let i = 0; left > 0; i++) {
    let line = `Limit Person ${i},limit.${i}.${stamp}@example.org,${note}\r\n`;
    if (Buffer.byteLength(line) > left) line = left >= 2 ? `${'y'.repeat(left - 2)}\r\n` : '\n';
    left -= Buffer.byteLength(line);
    yield Buffer.from(line);
  }
}

/** The database of the server under test: PostgreSQL, or the embedded one on its loopback window. */
function serverDatabase() {
  const url = process.env.DATABASE_URL
    ? e2eDatabaseUrl(process.env.DATABASE_URL)
    : `postgres://postgres@127.0.0.1:${e2eSettings.pgliteSocketPort}/postgres`;
  return postgres(url, { max: 1, prepare: false, onnotice: () => {} });
}

/** A meeting with a draft summary of this file's own, removed again with its documents and their files. */
async function seedMeeting(sql: postgres.Sql) {
  const stamp = Date.now().toString(36);
  const [council] = await sql<{ id: string }[]>`select id from councils order by created_at limit 1`;
  const [meeting] = await sql<{ id: string }[]>`
    insert into meetings (council_id, kind, title_en, title_ru, starts_at, ends_at, time_zone, format, status)
    values (${council!.id}, 'working_group', ${`Upload limits ${stamp}`}, ${`Пределы загрузки ${stamp}`},
      '2030-07-01T05:00:00Z', '2030-07-01T12:00:00Z', 'Asia/Tashkent', 'in_person', 'planned')
    returning id`;
  const [summary] = await sql<{ id: string }[]>`
    insert into summaries (meeting_id, slug, headline_en, headline_ru, lead_en, lead_ru, body_en, body_ru)
    values (${meeting!.id}, ${`upload-limits-${stamp}`}, 'Upload limits', 'Пределы загрузки', '', '', '', '')
    returning id`;
  return {
    meetingId: meeting!.id,
    summaryId: summary!.id,
    async remove() {
      const files = await sql<{ id: string }[]>`
        select f.stored_file_id as id from meeting_document_files f
        join meeting_documents d on d.id = f.document_id where d.meeting_id = ${meeting!.id}`;
      const photos = await sql<{ id: string }[]>`
        select stored_file_id as id from summary_photos where summary_id = ${summary!.id} and stored_file_id is not null`;
      await sql`delete from summaries where id = ${summary!.id}`;
      await sql`delete from meetings where id = ${meeting!.id}`;
      const ids = [...files, ...photos].map((f) => f.id);
      if (ids.length) await sql`delete from stored_files where id in ${sql(ids)}`;
    },
  };
}

const { port } = e2eSettings;

test.describe('upload limits on the production server', () => {
  let meetingId = '';
  let summaryId = '';
  let sql: postgres.Sql;
  let remove = async () => {};

  test.beforeAll(async () => {
    sql = serverDatabase();
    ({ meetingId, summaryId, remove } = await seedMeeting(sql));
  });
  test.afterAll(async () => {
    await remove();
    await sql.end();
  });

  test('a CSV of 12 MB imports; one over 15 MB is refused with the limit named', async ({ page }) => {
    test.setTimeout(120_000);
    const upload = (size: number) =>
      postForm(port, '/staff/contacts/import/upload', [
        { name: 'file', fileName: 'contacts.csv', size, body: () => csvRows(size) },
      ]);
    const twelve = await upload(12 * MB);
    expect(twelve.status).toBe(303);
    expect(twelve.location).toMatch(/\/staff\/contacts\/import\/[0-9a-f-]{36}$/);
    const underLimit = await upload(15 * MB);
    expect(underLimit.location, 'exactly 15 MB is within the limit').toMatch(
      /\/staff\/contacts\/import\/[0-9a-f-]{36}$/,
    );
    const over = await upload(15 * MB + 1);
    expect(problemOf(over.location).get('problem')).toBe('tooLarge');
    await page.goto(over.location);
    await expect(
      page.getByText('That file is larger than 15 MB, the limit for an import; nothing was saved.'),
    ).toBeVisible();
  });

  test('a photo just under 10 MB is added; one just over is refused with the limit named', async ({ page }) => {
    test.setTimeout(60_000);
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    // Bytes after the image's end marker are ignored by decoders: the size is the file's, the photo stays valid.
    const upload = (size: number) =>
      postForm(port, `/staff/summaries/${summaryId}/photos`, [
        { name: 'altEn', value: 'Participants of the meeting' },
        { name: 'altRu', value: 'Участники встречи' },
        { name: 'credit', value: 'Secretariat' },
        { name: 'photo', fileName: 'photo.jpg', size, body: () => padded(jpeg, size) },
      ]);
    const under = await upload(10 * MB - 1);
    expect(Object.fromEntries(problemOf(under.location)), 'just under 10 MB').toEqual({ photo: 'added' });
    const over = await upload(10 * MB + 1);
    expect(problemOf(over.location).get('photoError')).toBe('tooLarge');
    await page.goto(over.location);
    await expect(page.getByText('The photo is larger than 10 MB; choose a smaller file.')).toBeVisible();
  });

  test('a document over 50 MB is refused with the limit named, and a renamed program as such', async ({ page }) => {
    test.setTimeout(120_000);
    const fields = [
      { name: 'kind', value: 'other' },
      { name: 'visibility', value: 'staff' },
      { name: 'language', value: 'en' },
    ];
    const sixty = await postForm(port, `/staff/meetings/${meetingId}/documents/upload`, [
      ...fields,
      { name: 'file', fileName: 'huge.pdf', size: 60 * MB, body: () => bigPdf(60 * MB) },
    ]);
    expect(problemOf(sixty.location).get('problem')).toBe('tooLarge');
    const justOver = await postForm(port, `/staff/meetings/${meetingId}/documents/upload`, [
      ...fields,
      { name: 'file', fileName: 'just-over.pdf', size: 50 * MB + 1, body: () => bigPdf(50 * MB + 1) },
    ]);
    expect(problemOf(justOver.location).get('problem')).toBe('tooLarge');
    await page.goto(justOver.location);
    await expect(page.getByRole('alert').filter({ hasText: 'larger than 50 MB' })).toHaveText(
      'The file is larger than 50 MB, the limit for a document; nothing was saved.',
    );
    const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64 * 1024, 1)]);
    const renamed = await postForm(port, `/staff/meetings/${meetingId}/documents/upload`, [
      ...fields,
      { name: 'file', fileName: 'agenda.pdf', size: program.length, body: () => bytesOf(program) },
    ]);
    await page.goto(renamed.location);
    await expect(page.getByRole('alert').filter({ hasText: 'program' })).toContainText(
      'This file is a program, not a document',
    );
    await expect(page.getByRole('heading', { name: /huge|just-over|agenda/ })).toHaveCount(0);
  });
});

// ── 50 MB up and down, memory watched ────────────────────────────────────────────────────────────────────────────

function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) * 1024;
}

async function startApp(appPort: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/server.mjs', '--hostname', 'localhost', '--port', String(appPort)], {
    cwd: root,
    env: {
      ...process.env,
      AUTH_URL: `http://localhost:${appPort}`,
      AUTH_SECRET: e2eSettings.authSecret,
      OUTBOX_WORKER: 'off',
      SMTP_URL: `smtp://127.0.0.1:${e2eSettings.smtpPort}`,
      MAIL_FROM: 'Council Desk <no-reply@council.test>',
      // The e2e server's own (playwright.config.ts): both serve the same database.
      DATA_ENCRYPTION_KEY: 'ZTJlLW9ubHktZGF0YS1rZXktMDEyMzQ1Njc4OWFiY2Q=',
      E2E_PGLITE_SOCKET_PORT: '',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error('the server exited before it was ready');
    try {
      if ((await fetch(`http://127.0.0.1:${appPort}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become ready');
}

/** Uploads and downloads 50 MB through the server at `appPort`, sampling its memory; returns the growth seen. */
async function roundTrip(appPort: number, pid: number, meetingId: string, sql: postgres.Sql) {
  const size = 50 * MB;
  const upload = (fileName: string, bytes: number) =>
    postForm(appPort, `/staff/meetings/${meetingId}/documents/upload`, [
      { name: 'kind', value: 'report' },
      { name: 'visibility', value: 'staff' },
      { name: 'language', value: 'en' },
      { name: 'file', fileName, size: bytes, body: () => bigPdf(bytes) },
    ]);
  const download = async (documentId: string) => {
    const [file] = await sql<{ id: string }[]>`select id from meeting_document_files where document_id = ${documentId}`;
    const response = await fetch(`http://127.0.0.1:${appPort}/api/documents/${file!.id}`, {
      headers: { Host: `localhost:${appPort}`, Cookie: admin() },
    });
    expect(response.status).toBe(200);
    const hash = createHash('sha256');
    let length = 0;
    for await (const piece of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(piece);
      length += piece.length;
    }
    return { length, sha256: hash.digest('hex') };
  };
  // Warm up: every module of the upload and download path loaded, so the growth measured is the file's. 6 MB takes
  // the paths a large file takes: S3's multipart upload (parts of 5 MiB) and a collection (lib/garbage-hint.ts).
  const warm = await upload('warm-up.pdf', 6 * MB);
  await download(problemOf(warm.location).get('document')!);
  const baseline = residentBytes(pid);
  let peak = baseline;
  let uploadPeak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 20);
  try {
    const big = await upload('fifty.pdf', size);
    uploadPeak = peak;
    const documentId = problemOf(big.location).get('document');
    expect(documentId, `upload answered ${big.location}`).toBeTruthy();
    const expected = createHash('sha256');
    for await (const piece of bigPdf(size)) expected.update(piece);
    const got = await download(documentId!);
    expect(got).toEqual({ length: size, sha256: expected.digest('hex') });
  } finally {
    clearInterval(sampler);
  }
  return { baseline, peak, uploadPeak, growth: peak - baseline };
}

test.describe('a 50 MB document through the production server', () => {
  test.skip(!process.env.DATABASE_URL, 'runs on PostgreSQL (set DATABASE_URL)');

  test('on PostgreSQL and on S3, the file comes back whole and the server never holds it', async () => {
    test.setTimeout(240_000);
    const databaseUrl = e2eDatabaseUrl(process.env.DATABASE_URL!);
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-s3-'));
    const s3Port = await freePort();
    const s3 = new S3rver({
      address: '127.0.0.1',
      port: s3Port,
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: 'council-desk-files', configs: [] }],
    });
    await s3.run();
    const children: ChildProcess[] = [];
    const seeded = await seedMeeting(sql);
    try {
      const results: Record<string, { baseline: number; peak: number; uploadPeak: number; growth: number }> = {};
      for (const [label, env] of [
        ['postgres', {}],
        [
          's3',
          {
            S3_BUCKET: 'council-desk-files',
            S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
            S3_FORCE_PATH_STYLE: 'true',
            S3_ACCESS_KEY_ID: 'S3RVER',
            S3_SECRET_ACCESS_KEY: 'S3RVER',
          },
        ],
      ] as const) {
        const appPort = await freePort();
        const child = await startApp(appPort, { DATABASE_URL: databaseUrl, ...env });
        children.push(child);
        results[label] = await roundTrip(appPort, child.pid!, seeded.meetingId, sql);
        child.kill('SIGTERM');
      }
      console.info(
        '[50 MB round trip] ' +
          Object.entries(results)
            .map(
              ([label, r]) =>
                `${label}: RSS ${(r.baseline / MB).toFixed(0)} → peak ${(r.uploadPeak / MB).toFixed(0)} MB uploading, ${(r.peak / MB).toFixed(0)} MB in all (+${(r.growth / MB).toFixed(1)} MB)`,
            )
            .join('; '),
      );
      // The issue's bound: the server grows by less than half the file, so it never holds the file whole (it would
      // also fail if the chunks that went by were left for V8's own schedule, 56–73 MB before lib/garbage-hint.ts).
      for (const [label, r] of Object.entries(results)) expect(r.growth, label).toBeLessThan((50 * MB) / 2);
      const [inS3] = await sql<
        { count: number }[]
      >`select count(*)::int as count from stored_files where backend = 's3'`;
      expect(inS3!.count).toBeGreaterThan(0);
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await seeded.remove();
      await s3.close();
      await sql.end();
      fs.rmSync(s3Dir, { recursive: true, force: true });
    }
  });
});
