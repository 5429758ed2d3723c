import AxeBuilder from '@axe-core/playwright';
import { seedFollowUp, type FollowUpSeed } from './follow-up-seed';
import { e2eSettings } from './settings';
import { expect, test } from './test';

const origin = `http://localhost:${e2eSettings.port}`;

// The follow-up table at 1,000 invitations (a meeting of its own, seeded in SQL): staff filter, page, search across
// scripts, revoke three ticked invitations, and remind everyone matching a filter — twice at once, from two tabs,
// which reminds each person once.

test.describe.configure({ mode: 'serial' });
test.skip(!process.env.DATABASE_URL, 'seeds 1,000 invitations straight into PostgreSQL');

let seed: FollowUpSeed;

test.beforeAll(async () => {
  seed = await seedFollowUp({ count: 1000, kazakh: 30 });
});

test.afterAll(async () => {
  await seed?.remove();
});

/** The page as axe-core sees it against WCAG 2.2 AA (the sweep in accessibility.spec.ts sees no selection). */
async function expectAccessible(page: import('@playwright/test').Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);
}

const table = (page: import('@playwright/test').Page) => page.getByRole('group', { name: 'Invitations table' });

test('the follow-up table at 1,000 invitations filters, pages and searches', async ({ page }) => {
  await page.goto(`/staff/meetings/${seed.meetingId}/invitations`);
  await expect(page.getByRole('heading', { name: '1,000 invited' })).toBeVisible();
  await expect(page.getByText('No answer: 1,000')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^1,000 invitations\.$/ })).toBeVisible();
  // A page of 50 (and the header row).
  await expect(table(page).getByRole('row')).toHaveCount(51);
  const pages = page.getByRole('navigation', { name: 'Pages of invitations' });
  await expect(pages).toContainText('Page 1 of 20');
  await pages.getByRole('link', { name: 'Next page →' }).click();
  await expect(pages).toContainText('Page 2 of 20');
  await expect(table(page).getByRole('row')).toHaveCount(51);

  const filters = page.getByRole('form', { name: 'Filter invitations' });
  await filters.getByLabel('Country').selectOption({ label: 'Kazakhstan' });
  await filters.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'match the filters' })).toHaveText(
    '30 invitations match the filters.',
  );
  await expect(pages).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('country')).toBe('KZ');

  // The directory's search: a Latin spelling finds the Cyrillic name.
  await filters.getByRole('link', { name: 'Clear the filters' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^1,000 invitations\.$/ })).toBeVisible();
  await page
    .getByRole('form', { name: 'Filter invitations' })
    .getByLabel(/^Search/)
    .fill('Zhumabaev');
  await page.getByRole('form', { name: 'Filter invitations' }).getByRole('button', { name: 'Show' }).click();
  await expect(table(page).getByRole('row')).toHaveCount(2);
  await expect(table(page)).toContainText('Ерлан Жумабаев');
});

test('staff revoke three ticked invitations after a confirmation that counts them', async ({ page }) => {
  await page.goto(`/staff/meetings/${seed.meetingId}/invitations`);
  const rows = table(page).getByRole('row');
  const row = (_: unknown, n: number) => rows.nth(n);
  const picked = [1, 2, 3].map((n) => rows.nth(n));
  const names: string[] = [];
  for (const row of picked) {
    names.push((await row.getByRole('cell').nth(1).innerText()).split('\n')[0]!);
    await row.getByRole('checkbox').check();
  }
  await page.getByRole('button', { name: 'Revoke…' }).click();
  const confirm = page.getByRole('region', { name: 'Revoke 3 invitations?' });
  await expect(confirm).toContainText('Their links stop working at once');
  await row(page, 1).locator('summary').click();
  await expectAccessible(page);
  // Nothing has happened yet.
  await expect(page.getByText('Revoked: 3')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Yes, revoke 3 invitations' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'revoked' })).toHaveText(
    '3 invitations revoked: their links no longer work.',
  );
  await expect(page.getByText('Revoked: 3')).toBeVisible();
  await page.getByRole('link', { name: 'Revoked: 3' }).click();
  for (const name of names) await expect(table(page)).toContainText(name);
  await expect(table(page).getByRole('row')).toHaveCount(4);
});

test('staff remind all matching a filter; pressing it twice reminds each person once', async ({
  page,
  context,
  mailbox,
}) => {
  await page.goto(`/staff/meetings/${seed.meetingId}/invitations?country=KZ`);
  await page.getByLabel('Select all 30 matching this filter').check();
  await page.getByRole('button', { name: 'Remind…' }).click();
  await expect(page.getByRole('region', { name: 'Remind 30 people?' })).toBeVisible();
  // The same confirmation in a second tab (or a second instance): both pressed at once.
  const second = await context.newPage();
  await second.goto(page.url());
  const yes = (p: typeof page) =>
    p.getByRole('region', { name: 'Remind 30 people?' }).getByRole('button', { name: 'Yes, remind 30 people' });
  await Promise.all([yes(page).click(), yes(second).click()]);
  const outcomes = [page, second].map((p) =>
    p
      .getByRole('status')
      .filter({ hasText: /reminders queued for sending|reminded in the last 24 hours/ })
      .first(),
  );
  for (const outcome of outcomes) await expect(outcome).toBeVisible();
  const texts = await Promise.all(outcomes.map((o) => o.innerText()));
  expect(texts.filter((t) => t === '30 reminders queued for sending.')).toHaveLength(1);
  expect(await seed.remindersPerInvitation('KZ')).toEqual(Array(30).fill(1));
  expect(await seed.remindersPerInvitation('UZ')).not.toContain(1);
  await mailbox.waitFor(seed.email(999), { subject: `Reminder: ${seed.title}` });

  // A fresh confirmation leaves out those reminded today, and says so.
  await page.goto(`/staff/meetings/${seed.meetingId}/invitations?country=KZ&all=1&bulk=remind`);
  await expect(page.getByRole('heading', { name: 'Nobody to remind' })).toBeVisible();
  await expect(page.getByText('30 people reminded in the last 24 hours are left out')).toBeVisible();
  await expect(table(page).getByRole('row').nth(1).getByRole('cell').nth(6)).toContainText('Tashkent time (UTC+5)');
  await second.close();
});

test('without JavaScript, the selection, the confirmation and the action still work', async ({ browser }) => {
  const context = await browser.newContext({ storageState: e2eSettings.adminState, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${origin}/staff/meetings/${seed.meetingId}/invitations?answer=no_answer&sort=invited`);
  await table(page).getByRole('row').nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Resend…' }).click();
  await page
    .getByRole('region', { name: 'Resend 1 invitation?' })
    .getByRole('button', { name: 'Yes, resend 1 invitation' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'sent again' })).toHaveText(
    '1 invitation sent again, with the same link.',
  );
  expect(new URL(page.url()).searchParams.get('answer')).toBe('no_answer');
  await context.close();
});
