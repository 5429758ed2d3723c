import fs from 'node:fs';
import { expect, test } from './test';

// The admin's backup on the Staff page: a download of the embedded database from the running app, or, on
// PostgreSQL, where to take it instead (pg_dump).
test('an admin downloads a backup of the embedded database, or is told how on PostgreSQL', async ({ page }) => {
  await page.goto('/staff/team');
  const section = page.getByRole('region', { name: 'Backup' });
  if (process.env.DATABASE_URL) {
    await expect(section).toContainText('npm run db:backup');
    await expect(section.getByRole('link')).toHaveCount(0);
    return;
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('link', { name: 'Download a backup of the database' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^council-desk-embedded-.*\.tar\.gz$/);
  const file = await download.path();
  const head = fs.readFileSync(file).subarray(0, 2);
  // gzip, and more than an empty archive: PGlite's whole data directory.
  expect([...head]).toEqual([0x1f, 0x8b]);
  expect(fs.statSync(file).size).toBeGreaterThan(100_000);
});
