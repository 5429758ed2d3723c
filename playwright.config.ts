import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { findChromium, INSTALL_HINT } from './scripts/chromium.mjs';
import { e2eSettings } from './e2e/settings';

// This file is evaluated again in every worker: everything here must come out the same each time.
const { port, smtpPort, pgliteSocketPort, sinkDir, serverLog, adminEmail, adminState, authSecret } = e2eSettings;
const embeddedDataDir = path.join(os.tmpdir(), `council-desk-e2e-${port}`);

const executablePath = findChromium();
if (!executablePath) throw new Error(INSTALL_HINT);

export default defineConfig({
  testDir: './e2e',
  // *.test.ts files in e2e/ are Vitest's (the checks' own tests).
  testMatch: /\.(spec|setup)\.ts$/,
  // Two cores: one browser at a time against one production server.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/e2e.json' }]],
  use: {
    // The browser uses localhost, not 127.0.0.1: Next rewrites 127.x hosts to localhost, and cookies set on one are
    // lost on the other.
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // The first admin signs in with the link from the server's output; every other test starts from there.
    { name: 'first-admin', testMatch: /first-admin\.setup\.ts/, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'chromium',
      dependencies: ['first-admin'],
      testIgnore: /\.setup\.ts/,
      use: { ...devices['Desktop Chrome'], storageState: adminState },
    },
  ],
  webServer: [
    {
      command: 'node scripts/smtp-sink.mjs',
      port: smtpPort,
      reuseExistingServer: false,
      env: { SMTP_SINK_PORT: String(smtpPort), SINK_DIR: sinkDir, SINK_FRESH: '1' },
    },
    {
      // Bound as "localhost", not "127.0.0.1": with a literal loopback address Next 16 treats its own proxy rewrites
      // (next-intl's / → /en) as external and answers them with a redirect to the same URL, forever.
      command: 'bash scripts/e2e-server.sh',
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        DATA_DIR: embeddedDataDir,
        // The embedded database, served on loopback for the authorisation matrix to read (e2e/db-snapshot.ts).
        E2E_PGLITE_SOCKET_PORT: String(pgliteSocketPort),
        E2E_LOG: serverLog,
        E2E_ADMIN_EMAIL: adminEmail,
        // Long enough that a copy a test has just read is surely still kept when the test unpublishes: the 404 that
        // follows proves publishing and unpublishing drop the copies, not that a second went by.
        NEWS_FRONT_CACHE_SECONDS: '30',
        AUTH_URL: `http://localhost:${port}`,
        AUTH_SECRET: authSecret,
        // 32 bytes, base64: test-only.
        DATA_ENCRYPTION_KEY: 'ZTJlLW9ubHktZGF0YS1rZXktMDEyMzQ1Njc4OWFiY2Q=',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Council Desk <no-reply@council.test>',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  ],
});
