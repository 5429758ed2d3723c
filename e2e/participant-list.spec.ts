import fs from 'node:fs';
import { docxText, flat, pdfText } from '../test/documents';
import { expect, test } from './test';

// The seeded Tashkent plenary is over and 102 of its 104 registered were checked in: staff download its list of
// participants (who attended), release it, and read the attendance record.

const MEETING = '/staff/meetings/0b7a7c1e-5d1f-4c43-9a51-000000000101';

test.describe.configure({ mode: 'serial' });

test('staff download the list of participants as PDF and DOCX, and release it', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`${MEETING}/participants`);
  await page.getByRole('link', { name: 'List of participants (PDF, DOCX)' }).click();
  await expect(page.getByRole('heading', { name: 'List of participants', level: 1 })).toBeVisible();
  await expect(page.getByText(/who attended \(from the check-ins/)).toBeVisible();

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Draft in English (PDF)' }).click(),
  ]);
  const text = flat(pdfText(fs.readFileSync((await pdf.path())!)));
  expect(text).toContain('DRAFT');
  expect(text).toContain('Participants who attended the meeting');
  expect(text).toContain('Member States');

  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Draft in Russian (DOCX)' }).click(),
  ]);
  expect(await docxText(fs.readFileSync((await docx.path())!))).toContain('Государства-члены');

  await page.getByRole('button', { name: 'Release the list to delegates' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'List released' })).toContainText(
    'List released to registered delegates',
  );
  await expect(page.getByRole('group', { name: 'Releases' })).toContainText('Attended');
});

test('the attendance record counts who came and offers the paragraph in both languages', async ({ page }) => {
  await page.goto(`${MEETING}/participants`);
  await page.getByRole('link', { name: 'Attendance record' }).click();
  await expect(page.getByRole('heading', { name: 'Attendance record', level: 1 })).toBeVisible();
  // 102 of the demo's 104; the door's own spec (e2e/check-in.spec.ts) may have checked a few more in by now.
  const attended = page.getByText(/^\d+ people attended, from the check-ins at the door; \d+ people registered/);
  await expect(attended).toBeVisible();
  expect(Number((await attended.textContent())!.match(/^\d+/)![0])).toBeGreaterThanOrEqual(102);
  await expect(page.getByRole('group', { name: 'Attendance by day' })).toContainText('14 May 2024');
  await expect(page.getByLabel('English')).toHaveValue(/^The meeting was attended by representatives of /);
  await expect(page.getByLabel('Russian')).toHaveValue(/^В работе совещания приняли участие представители следующих /);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download as CSV' }).click(),
  ]);
  const body = fs.readFileSync((await csv.path())!, 'utf8');
  expect(body.startsWith('\uFEFFName,')).toBe(true);
  expect(body.split('\r\n').filter(Boolean)).toHaveLength(1 + 104);
});
