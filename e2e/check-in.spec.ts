import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { findChromium } from '../scripts/chromium.mjs';
import { e2eSettings } from './settings';

// The door on a phone (360 px) with a camera that films a badge: Chromium plays a file as its camera, and the file
// is made from the very PDF the app printed (pdftoppm → JPEG; an MJPEG file is JPEGs one after another). The page
// opens the camera afresh for each scan, and Chromium reads the file afresh each time it opens it, so replacing the
// file between scans holds up the next badge. Chromium on Linux has no BarcodeDetector: jsQR does the reading.
//
// People come in as walk-ins (which also tests walk-ins), each printed a badge and their check-in undone, so that
// the scans start from people who are registered, badged and not yet in.

const PLENARY = '0b7a7c1e-5d1f-4c43-9a51-000000000101';
const origin = `http://localhost:${e2eSettings.port}`;
const deskUrl = `/staff/meetings/${PLENARY}/check-in`;
const stamp = Date.now().toString(36);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'check-in-e2e-'));
const camera = path.join(scratch, 'camera.mjpeg');

test.describe.configure({ mode: 'serial' });

let browser: Browser;
let page: Page;

// Even sides (the camera's frames are converted to I420), and the same size for every file the camera plays.
const FRAME = ['-scale-to-x', '456', '-scale-to-y', '640'];

/** Holds the badge on `page` of `pdf` up to the camera. */
function showBadge(pdf: string) {
  const base = path.join(scratch, `frame-${path.basename(pdf, '.pdf')}`);
  execFileSync('pdftoppm', ['-jpeg', ...FRAME, '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  const frame = fs.readFileSync(`${base}.jpg`);
  const next = `${camera}.next`;
  fs.writeFileSync(next, Buffer.concat(Array.from({ length: 10 }, () => frame)));
  // A new file under the old name: Chromium's next open reads it whole, never half written.
  fs.renameSync(next, camera);
}

async function scan(expected: RegExp) {
  await page.getByRole('button', { name: 'Scan a badge' }).click();
  await expect(page.getByRole('status').filter({ hasText: expected })).toBeVisible({ timeout: 15_000 });
}

/** Registers a walk-in, downloads their badge, and takes their check-in back; the PDF's path. */
async function walkIn(name: string, language: 'English' | 'Russian'): Promise<string> {
  await page.goto(deskUrl);
  const form = page.getByRole('form', { name: 'Register a walk-in' });
  await form.getByLabel('Name, as the person writes it').fill(name);
  await form.getByLabel('Organisation or State represented').fill('UNDP');
  await form.getByLabel('Country').selectOption({ label: 'Tajikistan' });
  await form.getByLabel('Role').selectOption({ label: 'Observer' });
  await form.getByLabel('Badge language').selectOption({ label: language });
  await form.getByLabel('They agree to appear in the list of participants').check();
  await form.getByRole('button', { name: 'Register and check in' }).click();
  await expect(page.getByText(`Walk-in registered. Checked in: ${name}`)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Print their badge (A6 PDF)' }).click();
  const pdf = path.join(scratch, `${stamp}-${name.replace(/\W+/g, '-')}.pdf`);
  await (await downloading).saveAs(pdf);
  await page.goto(deskUrl);
  await page.getByRole('button', { name: `Undo the check-in of ${name}` }).click();
  await expect(page.getByText('Check-in undone.')).toBeVisible();
  return pdf;
}

test.beforeAll(async ({ playwright }) => {
  // Chromium checks the file when it starts: a blank frame of the badges' size until a badge is shown.
  const blank = await sharp({ create: { width: 456, height: 640, channels: 3, background: '#ffffff' } })
    .jpeg()
    .toBuffer();
  fs.writeFileSync(camera, Buffer.concat([blank, blank]));
  browser = await playwright.chromium.launch({
    executablePath: findChromium()!,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${camera}`,
    ],
  });
  const context = await browser.newContext({
    storageState: e2eSettings.adminState,
    baseURL: origin,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    permissions: ['camera'],
  });
  page = await context.newPage();
});

test.afterAll(async () => {
  await browser?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const names = {
  first: `Зарина Юсупова ${stamp}`,
  second: `Timur Aliev ${stamp}`,
  third: `Olga Petrova ${stamp}`,
};
const badges: Record<string, string> = {};

test('a walk-in is registered and checked in, and gets a badge', async () => {
  test.setTimeout(60_000);
  badges.first = await walkIn(names.first, 'Russian');
  const text = execFileSync('pdftotext', [badges.first, '-']).toString().replace(/\s+/g, ' ');
  expect(text).toContain(names.first);
  expect(text).toContain('НАБЛЮДАТЕЛЬ');
});

test('a badge’s QR checks its holder in once; the same badge again is “already checked in”', async () => {
  test.setTimeout(60_000);
  showBadge(badges.first!);
  await page.goto(deskUrl);
  await scan(new RegExp(`Checked in: ${names.first}`));
  await scan(/Already checked in today at \d\d:\d\d .*\(UTC\+5\) by /);
});

test('a reprinted badge’s old one is refused as revoked', async () => {
  test.setTimeout(60_000);
  await page.goto(deskUrl);
  await page.getByLabel('Name, in Latin or Cyrillic letters').fill(`Zarina Yusupova ${stamp}`);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('list', { name: 'People found' })).toContainText('Checked in today at');
  // The person's page, reached from the participants list, prints a new badge.
  await page.goto(`/staff/meetings/${PLENARY}/participants`);
  await page.getByRole('link', { name: names.first }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Reprint the badge (A6 PDF)' }).click();
  await downloading;
  showBadge(badges.first!);
  await page.goto(deskUrl);
  await scan(/Revoked badge/);
});

test('scans made offline wait in the phone and arrive once when back online', async () => {
  test.setTimeout(90_000);
  badges.second = await walkIn(names.second, 'English');
  badges.third = await walkIn(names.third, 'English');
  await page.goto(deskUrl);
  await page.context().setOffline(true);
  await expect(page.getByRole('heading', { name: 'Connection: offline' })).toBeVisible();
  showBadge(badges.second);
  await scan(/Offline: .* kept/);
  await expect(page.getByText('1 scan waiting to be sent')).toBeVisible();
  showBadge(badges.third);
  await scan(/Offline: .* kept/);
  await expect(page.getByText('2 scans waiting to be sent')).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);

  await page.context().setOffline(false);
  await expect(page.getByText('No scans waiting.')).toBeVisible({ timeout: 15_000 });
  await page.reload();
  const recent = page.getByRole('region', { name: 'Latest check-ins today' });
  for (const name of [names.second, names.third]) {
    await expect(recent.getByText(name, { exact: true })).toHaveCount(1);
  }
  // Nothing left in the phone's queue.
  expect(await page.evaluate((key) => localStorage.getItem(key), `council-desk:check-in-queue:${PLENARY}`)).toBe('[]');
});
