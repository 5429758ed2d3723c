import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { requestFrom } from './from-address';
import { e2eSettings } from './settings';

// A second production server from the same build, with TRUST_PROXY=1, behind a proxy that does what nginx's
// `X-Forwarded-For $proxy_add_x_forwarded_for` does: append the address it saw to whatever the client sent. The app
// only ever sees the proxy's socket, so telling clients apart rests on the right-most entry alone.
const { trustedAppPort: appPort, trustedProxyPort: proxyPort } = e2eSettings;
const root = path.resolve(import.meta.dirname, '..');

test.describe.configure({ mode: 'serial' });

let app: ChildProcess | undefined;
let proxy: http.Server | undefined;
let dataDir: string | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-trusted-proxy-'));
  app = spawn(process.execPath, ['scripts/server.mjs', '--hostname', 'localhost', '--port', String(appPort)], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      // An embedded database of its own: the rate limits counted here are this server's only.
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      E2E_PGLITE_SOCKET_PORT: '',
      PORT: String(appPort),
      TRUST_PROXY: '1',
      AUTH_URL: `http://localhost:${proxyPort}`,
      AUTH_SECRET: e2eSettings.authSecret,
      SMTP_URL: '',
      OUTBOX_WORKER: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  proxy = http.createServer((incoming, outgoing) => {
    const forwardedFor = [incoming.headers['x-forwarded-for'], incoming.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: appPort,
        path: incoming.url,
        method: incoming.method,
        headers: { ...incoming.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'http' },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy!.listen(proxyPort, '127.0.0.1', resolve));
  await expect
    .poll(async () => (await requestFrom('127.0.0.1', '/api/health', { port: proxyPort }).catch(() => null))?.status, {
      timeout: 100_000,
    })
    .toBe(200);
});

test.afterAll(async () => {
  proxy?.close();
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once('exit', resolve));
    app.kill('SIGTERM');
    await exited;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('behind a trusted proxy, a client rotating X-Forwarded-For is still one client: 429 after 20 bad links', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) {
    const guess = `rotated-${i}`.padEnd(40, 'x');
    const answer = await requestFrom('127.0.0.41', `/i/${guess}`, {
      port: proxyPort,
      headers: { 'X-Forwarded-For': `198.51.100.${i}` },
    });
    statuses.push(answer.status);
  }
  expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
  expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
  // Another client behind the same proxy has a bucket of its own.
  expect((await requestFrom('127.0.0.42', `/i/${'W'.repeat(40)}`, { port: proxyPort })).status).toBe(200);
});
