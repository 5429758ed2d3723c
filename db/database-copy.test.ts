import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoDirectory } from '@/scripts/demo/demo-directory';
import { seedDemoData } from '@/scripts/demo/seed';
import { BackupRefusedError } from './backup';
import { openDatabase } from './client';
import { moveEmbeddedToPostgres } from './database-copy';
import { EmbeddedDatabaseBusyError } from './embedded-lock';

// `npm run db:move` from an embedded database to PostgreSQL (needs a server: DATABASE_URL, as in CI).

const serverUrl = process.env.DATABASE_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-move-'));
const dataDir = path.join(dir, 'data');
const targetName = `council_desk_move_${randomBytes(5).toString('hex')}`;
const targetUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${targetName}` }).toString() : '';
const secrets = { authSecret: 'moved-auth-secret-0123456789abcdefghijklmnopqrstuvw', dataKey: 'a2V5LWtleS1rZXk=' };

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (!serverUrl) return;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${targetName} with (force)`);
  await admin.end();
});

describe.skipIf(!serverUrl)('db:move', () => {
  it('copies every table into an empty PostgreSQL database and hands over the secrets', async () => {
    const source = await openDatabase({ dataDir });
    await seedDemoData(source.db);
    await generateDemoDirectory(source.db, { contacts: 2_000, organisations: 100 });
    await source.close();
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${targetName}`);
    await admin.end();

    const lines: string[] = [];
    const secretsFile = path.join(dir, 'postgres.env');
    const result = await moveEmbeddedToPostgres({
      dataDir,
      url: targetUrl,
      secretsFile,
      secrets: () => secrets,
      log: (line) => lines.push(line),
    });
    console.info(`db:move, rows per table (embedded → PostgreSQL):\n${lines.join('\n')}`);
    expect(result.target).toEqual(result.source);
    expect(result.target.find((t) => t.table === 'public.contacts')!.rows).toBeGreaterThan(2_000);
    expect(result.target.find((t) => t.table === 'public.invitations')!.rows).toBeGreaterThan(0);

    expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600);
    const written = fs.readFileSync(secretsFile, 'utf8');
    expect(written).toContain(`AUTH_SECRET=${secrets.authSecret}\n`);
    expect(written).toContain(`DATA_ENCRYPTION_KEY=${secrets.dataKey}\n`);
    expect(written).toContain(`DATABASE_URL=${targetUrl}\n`);
  }, 120_000);

  it('refuses a target that is not empty', async () => {
    await expect(
      moveEmbeddedToPostgres({
        dataDir,
        url: targetUrl,
        secretsFile: path.join(dir, 'again.env'),
        secrets: () => secrets,
      }),
    ).rejects.toBeInstanceOf(BackupRefusedError);
    expect(fs.existsSync(path.join(dir, 'again.env'))).toBe(false);
  });

  it('refuses while the app holds the embedded database', async () => {
    // The lock file of a live process (this test's parent), as the running app leaves it.
    fs.writeFileSync(path.join(dataDir, 'council-desk.pid'), `${process.ppid}\n${new Date().toISOString()}\n`);
    try {
      await expect(
        moveEmbeddedToPostgres({
          dataDir,
          url: targetUrl,
          secretsFile: path.join(dir, 'busy.env'),
          secrets: () => secrets,
        }),
      ).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    } finally {
      fs.rmSync(path.join(dataDir, 'council-desk.pid'), { force: true });
    }
  });
});
