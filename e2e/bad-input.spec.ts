import fs from 'node:fs';
import { e2eSettings } from './settings';
import { expect, test } from './test';

// Input nothing in the app can take is refused up front with a clear 4xx in the page's language, never a 500:
// a NUL byte in a search (PostgreSQL cannot compare one) and a server action's body over its 1 MB limit
// (lib/request-limits.ts). Each refusal leaves one log line, without what was sent.

test('a NUL byte in the contacts, organisations or mail search answers 400, in the page’s language', async ({
  page,
}) => {
  for (const search of ['/staff/contacts?q=a%00b', '/staff/organisations?q=%00', '/staff/mail?q=x%00']) {
    const response = await page.goto(search);
    expect(response?.status(), search).toBe(400);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request refused');
    await expect(page.getByText('a NUL byte, %00')).toBeVisible();
  }
  const russian = await page.request.get('/ru/i/anything?q=%00');
  expect(russian.status()).toBe(400);
  expect(await russian.text()).toContain('нулевой байт');
  // The JSON search behind the people picker too.
  expect((await page.request.get('/staff/contacts/search?q=%00')).status()).toBe(400);
});

test('a 10 MB body to a server action answers 413 with a clear message, and its log line holds no body', async ({
  page,
}) => {
  await page.goto('/staff/contacts');
  const marker = `oversized-${Date.now().toString(36)}`;
  // The real "Add contact" action's id, taken from the browser's post of it (which is stopped there).
  let actionId = '';
  await page.route('**/staff/contacts', (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    actionId = route.request().headers()['next-action'] ?? '';
    return route.abort();
  });
  const add = page.getByRole('region', { name: 'Add a contact' });
  await add.getByLabel('Name', { exact: true }).fill('Oversized Form');
  await add.getByRole('button', { name: 'Add contact' }).click();
  await expect.poll(() => actionId).not.toBe('');

  const response = await page.request.post('/staff/contacts', {
    headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8' },
    data: `[${JSON.stringify(marker + 'x'.repeat(10 * 1024 * 1024))}]`,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('This form sent more than 1 MB');

  await expect
    .poll(() => fs.readFileSync(e2eSettings.serverLog, 'utf8').includes('"reason":"actionBodyTooLarge"'))
    .toBe(true);
  const log = fs.readFileSync(e2eSettings.serverLog, 'utf8');
  const lines = log.split('\n').filter((line) => line.includes('"reason":"actionBodyTooLarge"'));
  expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: 40, status: 413, method: 'POST', path: '/staff/contacts' });
  expect(log).not.toContain(marker);
});
