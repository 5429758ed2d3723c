import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../scripts/test-support';

// Two processes on one PGlite directory lose data silently, so a second server on the same ./data must refuse to
// start, and the first must go on serving everything it had.

const root = path.resolve(import.meta.dirname, '..');
const next = path.join(root, 'node_modules/.bin/next');

function startServer(port: number, dataDir: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    AUTH_URL: `http://localhost:${port}`,
    OUTBOX_WORKER: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // Empty, not deleted: an empty value means unset, and a developer's .env cannot fill it in again.
  env.DATABASE_URL = '';
  const child = spawn(next, ['start', '-H', 'localhost', '-p', String(port)], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(port: number, child: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error('server exited before it was ready');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

test('a second server on the same embedded data directory is refused, and the first loses nothing', async () => {
  test.setTimeout(90_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-exclusive-'));
  const [portA, portB] = [await freePort(), await freePort()];
  // The server never seeds: the demo is loaded first, as the README says (and before the server holds the directory).
  const seeded = spawnSync('npm', ['run', '--silent', 'db:seed'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  expect(seeded.status, seeded.stderr).toBe(0);
  const first = startServer(portA, dataDir);
  try {
    await waitForHealth(portA, first.child);
    const before = await (await fetch(`http://127.0.0.1:${portA}/`)).text();
    expect(before).toContain('First meeting of the Regional Expert Council');

    const second = startServer(portB, dataDir);
    const code = await Promise.race([
      second.exited,
      new Promise<'still running'>((r) => setTimeout(() => r('still running'), 45_000)),
    ]);
    if (code === 'still running') second.child.kill('SIGKILL');
    expect(code).not.toBe('still running');
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`The embedded database in ${dataDir} is in use by another process`);
    expect(second.output()).toContain('DATABASE_URL');

    const health = await (await fetch(`http://127.0.0.1:${portA}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: { status: 'ok', kind: 'pglite' } });
    const after = await (await fetch(`http://127.0.0.1:${portA}/`)).text();
    expect(after).toContain('First meeting of the Regional Expert Council');
    expect(after).toContain('Working group meeting of the Regional Expert Council');
  } finally {
    first.child.kill('SIGTERM');
    await first.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
