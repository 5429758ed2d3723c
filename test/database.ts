// Vitest setup for *.db.test.ts: points this test file's process at a database of its own, so files can run in
// parallel and nothing touches ./data or the database named by the outer DATABASE_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll } from 'vitest';
import { closeDatabase } from '@/db/client';

const kind = process.env.TEST_DATABASE_KIND;
const serverUrl = process.env.DATABASE_URL;
let cleanup: () => Promise<void>;

if (kind === 'postgres') {
  if (!serverUrl) throw new Error('TEST_DATABASE_KIND=postgres needs DATABASE_URL');
  const name = `council_desk_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  cleanup = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
} else {
  delete process.env.DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-test-'));
  process.env.DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

afterAll(async () => {
  await closeDatabase();
  await cleanup();
});
