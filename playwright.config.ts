import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { findChromium, INSTALL_HINT } from './scripts/chromium.mjs';

// This file is evaluated again in every worker: everything here must come out the same each time.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const root = import.meta.dirname;
const embeddedDataDir = path.join(os.tmpdir(), `council-desk-e2e-${PORT}`);
const next = path.join(root, 'node_modules/.bin/next');

const executablePath = findChromium();
if (!executablePath) throw new Error(INSTALL_HINT);

export default defineConfig({
  testDir: './e2e',
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
    baseURL: `http://localhost:${PORT}`,
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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // Bound as "localhost", not "127.0.0.1": with a literal loopback address Next 16 treats its own proxy rewrites
    // (next-intl's / → /en) as external and answers them with a redirect to the same URL, forever.
    // A production build (`next build` runs before this in `npm test`). On PostgreSQL the demo data is loaded on
    // request; a new embedded database loads it by itself.
    command: process.env.DATABASE_URL
      ? `npm run --silent db:seed && exec ${next} start -H localhost -p ${PORT}`
      : `rm -rf ${embeddedDataDir} && exec ${next} start -H localhost -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { DATA_DIR: embeddedDataDir, NEXT_TELEMETRY_DISABLED: '1' },
  },
});
