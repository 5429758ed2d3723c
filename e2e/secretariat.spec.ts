import { e2eSettings } from './settings';
import { expect, test } from './test';

// The seeded council names UNRCCA as its secretariat, with a contact address: delegates and the public see both, in
// their language, wherever they might need to write (invitation page, privacy notice, a dead link), and every email
// answers to that address rather than to MAIL_FROM.

// scripts/demo/seed.ts DEMO_SECRETARIAT_EMAIL (not imported: the seed module pulls in the database layer).
const DEMO_SECRETARIAT_EMAIL = 'expert-council@unrcca.example.org';
const secretariat = {
  en: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
  ru: 'Региональный центр Организации Объединенных Наций по превентивной дипломатии для Центральной Азии',
};
const meeting = '/staff/meetings/0b7a7c1e-5d1f-4c43-9a51-000000000102';
const stamp = Date.now().toString(36);
const people = [
  { name: 'Дильноза Юсупова', email: `dilnoza.${stamp}@mfa-uz.example.org`, language: 'Russian', locale: 'ru' },
  { name: 'Bakyt Osmonov', email: `bakyt.${stamp}@mfa-kg.example.org`, language: 'English', locale: 'en' },
] as const;

test.describe.configure({ mode: 'serial' });

test('invitations come signed by the secretariat, answer to its address, and its page names it', async ({
  page,
  mailbox,
  delegate,
}) => {
  test.setTimeout(90_000);
  await page.goto('/staff/contacts');
  const add = page.getByRole('region', { name: 'Add a contact' });
  for (const person of people) {
    await add.getByLabel('Name', { exact: true }).fill(person.name);
    await add.getByLabel('Email').fill(person.email);
    await add.getByLabel('Preferred language').selectOption({ label: person.language });
    await add.getByRole('button', { name: 'Add contact' }).click();
    await expect(add.getByRole('status')).toHaveText(`${person.name} was added to the contacts.`);
  }
  await page.goto(`${meeting}/invitations`);
  const invite = page.getByRole('region', { name: 'Invite', exact: true });
  await invite.getByLabel('Contacts I pick').check();
  await invite.getByLabel('Find contacts to pick').fill(stamp);
  await invite.getByRole('button', { name: 'Find' }).click();
  for (const person of people) await invite.getByLabel(`${person.name} · ${person.email}`).check();
  await invite.getByLabel('Invited as').selectOption({ label: 'Delegate' });
  await invite.getByRole('button', { name: 'Preview the invitations' }).click();
  await page.getByRole('button', { name: 'Send 2 invitations' }).click();

  for (const person of people) {
    const mail = await mailbox.waitFor(person.email);
    expect(mail.replyTo, person.email).toBe(DEMO_SECRETARIAT_EMAIL);
    expect(mail.text.trimEnd().split('\n').at(-1), 'signed by the secretariat').toBe(secretariat[person.locale]);

    const invitation = await delegate();
    await invitation.open(mailbox.invitationLink(mail));
    const { page: delegatePage } = invitation;
    await expect(delegatePage.getByRole('banner')).toContainText(secretariat[person.locale]);
    const contact =
      person.locale === 'ru'
        ? `просьба направлять в секретариат (${secretariat.ru}) по адресу ${DEMO_SECRETARIAT_EMAIL}`
        : `addressed to the secretariat (${secretariat.en}) at ${DEMO_SECRETARIAT_EMAIL}`;
    await expect(delegatePage.getByText(contact)).toBeVisible();
  }
});

test('sign-in emails answer to the secretariat too', async ({ staff, mailbox }) => {
  const subject = 'Sign in to Council Desk';
  const before = (await mailbox.messagesTo(e2eSettings.adminEmail, subject)).length;
  const page = await staff.newPage();
  const signIn = staff.signInPage(page);
  await signIn.goto();
  await signIn.requestLink(e2eSettings.adminEmail);
  const mail = await mailbox.waitFor(e2eSettings.adminEmail, { after: before, subject });
  expect(mail.replyTo).toBe(DEMO_SECRETARIAT_EMAIL);
});

for (const locale of ['en', 'ru'] as const) {
  const prefix = locale === 'ru' ? '/ru' : '';

  test(`the privacy notice names the controller and how to reach it (${locale})`, async ({ delegate }) => {
    const { page } = await delegate();
    await page.goto(`${prefix}/privacy`);
    await expect(page.getByRole('banner')).toContainText(secretariat[locale]);
    const heading = locale === 'ru' ? 'Кто отвечает за Ваши данные' : 'Who is responsible for your data';
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(
      locale === 'ru'
        ? `Контролером описанных здесь данных является секретариат совета — ${secretariat.ru}. ` +
            `Связаться с ним можно по адресу ${DEMO_SECRETARIAT_EMAIL}.`
        : `The secretariat of the council, ${secretariat.en}, is the controller of the data described here. ` +
            `You can reach it at ${DEMO_SECRETARIAT_EMAIL}.`,
    );
    await expect(page.getByRole('main')).not.toContainText('.invalid');
    await expect(page.getByRole('main')).not.toContainText('no-reply@');
  });

  test(`a link that does not work says whom to write to (${locale})`, async ({ delegate }) => {
    const invitation = await delegate();
    await invitation.open(`${prefix}/i/${'A'.repeat(48)}`);
    const { page } = invitation;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      locale === 'ru' ? 'Ссылка не работает' : 'This link does not work',
    );
    await expect(page.getByRole('banner')).toContainText(secretariat[locale]);
    await expect(page.getByRole('main')).toContainText(`(${secretariat[locale]})`);
    await expect(page.getByRole('main')).toContainText(DEMO_SECRETARIAT_EMAIL);
  });
}

test('staff find the organisations Russian texts would name in English, and fill the gap', async ({ page }) => {
  const name = `Regional Anti-Terrorist Structure ${stamp}`;
  await page.goto('/staff/organisations');
  const add = page.getByRole('region', { name: 'Add an organisation' });
  await add.getByLabel('Name in English').fill(name);
  await add.getByLabel('Acronym', { exact: true }).fill(`RATS ${stamp}`);
  await add.getByLabel('Type').selectOption({ label: 'Regional organisation' });
  await add.getByRole('button', { name: 'Add organisation' }).click();
  await expect(add.getByRole('status')).toContainText('was added to the organisations');

  await page.getByLabel('Russian name and acronym').selectOption({ label: 'Missing (Russian texts use the English)' });
  await page.getByLabel('Name or acronym').fill(stamp);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('no Russian name');
  await expect(row).toContainText('no Russian acronym');

  await row.getByRole('link', { name }).click();
  await expect(page.getByText('No Russian name or acronym')).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await details.getByLabel('Name in Russian').fill(`Региональная антитеррористическая структура ${stamp}`);
  await details.getByLabel('Acronym in Russian').fill(`РАТС ${stamp}`);
  await details.getByRole('button', { name: 'Save organisation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Organisation saved.' })).toBeVisible();
  await expect(page.getByText('No Russian name or acronym')).toHaveCount(0);
  await expect(page.getByText(`(РАТС ${stamp})`)).toBeVisible();

  await page.goto(`/staff/organisations?russian=missing&q=${stamp}`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
});
