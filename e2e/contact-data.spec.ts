import fs from 'node:fs';
import { expect, test } from './test';

// A request for a person's data, answered as the README promises: an admin opens the person's page in the directory
// and downloads everything held about them as one JSON file. Below admin there is no link, and the address refuses.

const stamp = Date.now().toString(36);
const person = { name: 'Нодира Алимова', email: `nodira.${stamp}@mfa-uz.example.org` };

test('an admin downloads all data held about a contact as JSON; an editor cannot', async ({ page, staff }) => {
  await page.goto('/staff/contacts');
  const add = page.getByRole('region', { name: 'Add a contact' });
  await add.getByLabel('Name', { exact: true }).fill(person.name);
  await add.getByLabel('Email').fill(person.email);
  await add.getByLabel('Preferred language').selectOption({ label: 'Russian' });
  await add.getByRole('button', { name: 'Add contact' }).click();
  await expect(add.getByRole('status')).toHaveText(`${person.name} was added to the contacts.`);

  await page.goto(`/staff/contacts?${new URLSearchParams({ q: person.email })}`);
  await page.getByRole('group', { name: 'Contacts table' }).getByRole('link', { name: person.name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(person.name);
  const contactPage = new URL(page.url()).pathname;

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download all data held (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^personal-data-[0-9a-f-]{36}-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
  expect(data.contact).toMatchObject({
    id: contactPage.split('/').pop(),
    name: person.name,
    email: person.email,
    language: 'ru',
  });
  expect(data.invitations).toEqual([]);

  const editor = await staff.withRole('editor');
  await editor.goto(contactPage);
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText(person.name);
  await expect(editor.getByRole('link', { name: 'Download all data held (JSON)' })).toHaveCount(0);
  const refused = await editor.request.get(`${contactPage}/data`);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain(person.email);
});
