import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import fs from 'node:fs';
import { pdfText } from '../test/documents';
import { type ReceivedMail } from './mailbox';
import { expect, test } from './test';

// Two invitees of the seeded working-group meeting register through their links: one in Russian on a phone with
// JavaScript off (with visa-support details, which staff switched on), one in English by keyboard, who then changes
// the arrival date and later cancels. The emails and calendar files that reach the SMTP sink say so; staff see it all.

const meetingEn = 'Working group meeting of the Regional Expert Council';
const meetingRu = 'Заседание рабочей группы Регионального экспертного совета';
const MEETING = '/staff/meetings/0b7a7c1e-5d1f-4c43-9a51-000000000102';
const stamp = Date.now().toString(36);
const russian = { name: 'Гулнора Саидова', email: `gulnora.${stamp}@mfa-uz.example.org`, language: 'Russian' };
const english = { name: 'Daniel Okafor', email: `daniel.${stamp}@osce.example.org`, language: 'English' };
const PASSPORT = 'FA9081726';
const SEEDED_LINK = 'https://meet.example.org/unrcca-expert-council-wg';

test.describe.configure({ mode: 'serial' });

const links: Record<string, string> = {};

type CalendarEvent = { uid: string; sequence: number; status: string; startsUtcHour: number };
function eventOf(mail: ReceivedMail): CalendarEvent {
  const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'));
  expect(ics, `${mail.subject} carries a calendar file`).toBeTruthy();
  const calendar = new ICAL.Component(ICAL.parse(ics!.content));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: String(vevent.getFirstPropertyValue('status')),
    startsUtcHour: event.startDate.toJSDate().getUTCHours(),
  };
}

test('staff ask for visa-support details and invite two contacts', async ({ page, mailbox }) => {
  test.setTimeout(90_000);
  await page.goto(`${MEETING}/edit`);
  await page.getByLabel(/Ask delegates for visa-support details/).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Delegates are asked for passport details')).toBeVisible();

  await page.goto('/staff/contacts');
  const add = page.getByRole('region', { name: 'Add a contact' });
  for (const person of [russian, english]) {
    await add.getByLabel('Name', { exact: true }).fill(person.name);
    await add.getByLabel('Email').fill(person.email);
    await add.getByLabel('Preferred language').selectOption({ label: person.language });
    await add.getByRole('button', { name: 'Add contact' }).click();
    await expect(add.getByRole('status')).toHaveText(`${person.name} was added to the contacts.`);
  }
  await page.goto(`${MEETING}/invitations`);
  const invite = page.getByRole('region', { name: 'Invite', exact: true });
  await invite.getByLabel('Contacts I pick').check();
  await invite.getByLabel('Find contacts to pick').fill(stamp);
  await invite.getByRole('button', { name: 'Find' }).click();
  for (const person of [russian, english]) await invite.getByLabel(`${person.name} · ${person.email}`).check();
  await invite.getByRole('button', { name: 'Preview the invitations' }).click();
  await page
    .getByRole('region', { name: /new invitations/ })
    .getByRole('button', { name: 'Send 2 invitations' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'invitations queued' })).toHaveText(
    '2 invitations queued for sending.',
  );
  links.russian = mailbox.invitationLink(
    await mailbox.waitFor(russian.email, { subject: `Приглашение: ${meetingRu}` }),
  );
  links.english = mailbox.invitationLink(await mailbox.waitFor(english.email, { subject: `Invitation: ${meetingEn}` }));
});

test('a delegate registers in Russian on a phone with JavaScript off, errors shown per field in Russian', async ({
  delegate,
  mailbox,
}) => {
  test.setTimeout(60_000);
  const invitee = await delegate({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = invitee.page;
  await invitee.open(links.russian!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingRu);
  // The meeting link reaches registered participants only: not on the page yet, nor in the invitation.
  await expect(page.getByText('Ссылка для онлайн-участия направляется зарегистрированным участникам.')).toBeVisible();
  await expect(page.getByRole('link', { name: SEEDED_LINK })).toHaveCount(0);
  expect((await mailbox.waitFor(russian.email, { subject: `Приглашение: ${meetingRu}` })).text).not.toContain(
    SEEDED_LINK,
  );
  await page.getByRole('button', { name: 'Я приму участие' }).click();
  await expect(page.getByRole('heading', { name: 'Регистрация' })).toBeVisible();
  // The address is the invitation's, not editable.
  await expect(page.getByLabel('Электронная почта')).toHaveValue(russian.email);
  await expect(page.getByLabel('Электронная почта')).toHaveAttribute('readonly', '');

  // Sent half-filled: each problem beside its field, in Russian, and what was typed is kept.
  await page.getByLabel('Полное имя как в паспорте (латиницей)').fill('Гулнора Саидова');
  await page.getByLabel('Номер паспорта').fill(PASSPORT);
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await invitee.expectRefusal('Исправьте, пожалуйста, отмеченные поля.');
  await expect(page.getByText('Please correct the fields marked below.')).toHaveCount(0);
  await expect(page.getByText('Используйте латинские буквы, как в паспорте.')).toBeVisible();
  await expect(page.getByText('Выберите страну из списка.').first()).toBeVisible();
  await expect(page.getByText('Мы не можем зарегистрировать Вас без согласия на обработку данных.')).toBeVisible();
  await expect(page.getByLabel('Полное имя как в паспорте (латиницей)')).toHaveValue('Гулнора Саидова');
  await expect(page.getByLabel('Полное имя как в паспорте (латиницей)')).toHaveAttribute('aria-invalid', 'true');
  // The passport number is never sent back to the page.
  expect(await page.content()).not.toContain(PASSPORT);

  await page.getByLabel('Полное имя как в паспорте (латиницей)').fill('Gulnora Saidova');
  await page.getByLabel('Полное имя, как Вы обычно его пишете').fill(russian.name);
  await page.getByRole('textbox', { name: /^Организация/ }).fill('Министерство иностранных дел Республики Узбекистан');
  await page.getByRole('combobox', { name: /^Страна/ }).selectOption({ label: 'Узбекистан' });
  await page.getByLabel('Телефон с кодом страны').fill('+998 71 233 00 00');
  await page.getByLabel('Особенности питания').fill('Вегетарианское');
  await page.getByLabel('Гражданство').selectOption({ label: 'Узбекистан' });
  await page.getByLabel('Номер паспорта').fill(PASSPORT);
  await page.getByLabel('Дата рождения').fill('1984-06-12');
  await page.getByLabel('Паспорт действителен до').fill('2031-03-01');
  await page.getByLabel(/в списке участников/).check();
  await page.getByLabel(/на обработку моих данных/).check();
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page.getByRole('heading', { name: 'Вы зарегистрированы.' })).toBeVisible();
  await expect(page.getByRole('link', { name: SEEDED_LINK })).toBeVisible();
  await expect(page.getByText('Визовые данные уже сохранены.', { exact: false })).toBeVisible();
  expect(await page.content()).not.toContain(PASSPORT);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The privacy notice the consent refers to, in Russian.
  await page.getByRole('link', { name: 'Уведомление о конфиденциальности' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Уведомление о конфиденциальности');
  await expect(page.getByText('удаляются через 30 дней после окончания совещания', { exact: false })).toBeVisible();

  const mail = await mailbox.waitFor(russian.email, { subject: `Регистрация подтверждена: ${meetingRu}` });
  expect(mail.text).toContain('Здравствуйте, Гулнора Саидова!');
  expect(mail.text).toContain('Имя как в паспорте: Gulnora Saidova');
  expect(mail.text).toContain(`Ссылка для онлайн-участия: ${SEEDED_LINK}`);
  expect(mail.text).not.toContain(PASSPORT);
  const invitation = eventOf(await mailbox.waitFor(russian.email, { subject: `Приглашение: ${meetingRu}` }));
  const confirmed = eventOf(mail);
  expect(confirmed).toMatchObject({ uid: invitation.uid, status: 'CONFIRMED', startsUtcHour: 5 });
  expect(confirmed.sequence).toBeGreaterThan(invitation.sequence);
});

test('a delegate registers in English by keyboard, changes the arrival date, then cancels', async ({
  delegate,
  mailbox,
}) => {
  test.setTimeout(60_000);
  const invitee = await delegate({ viewport: { width: 360, height: 740 } });
  const page = invitee.page;
  await invitee.open(links.english!);
  // A reason past the field's limit (as a script could post it): refused, the problem beside the field, nothing lost.
  // Declining asks first, in place (JavaScript runs here).
  await page.getByRole('link', { name: 'I cannot attend' }).click();
  await expect(page.getByText('The secretariat will be told that you cannot attend.', { exact: false })).toBeVisible();
  const reason = page.getByLabel('Reason (optional)');
  await reason.evaluate((field) => field.removeAttribute('maxlength'));
  await reason.fill('x'.repeat(1001));
  await page.getByRole('button', { name: 'Yes, I cannot attend' }).click();
  await invitee.expectRefusal('Please correct the fields marked below.');
  await expect(page.locator('#decline-reason-error')).toHaveText('Keep the reason under 1,000 characters.');
  await expect(reason).toHaveAccessibleDescription('Keep the reason under 1,000 characters.');
  await expect(reason).toHaveValue('x'.repeat(1001));
  await reason.clear();

  await page.getByRole('button', { name: 'I will attend' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Registration' })).toBeVisible();
  // The form on a phone, as axe sees it.
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Sent empty: the summary in English only.
  await page.getByRole('button', { name: 'Register' }).click();
  await invitee.expectRefusal(
    'Please correct the fields marked below.',
    page.getByRole('region', { name: 'Registration' }),
  );
  await expect(page.getByText('Исправьте, пожалуйста, отмеченные поля.')).toHaveCount(0);
  await expect(page.getByText('Please fill in this field.').first()).toBeVisible();

  const type = async (label: string | RegExp, text: string) => {
    await page.getByLabel(label).first().focus();
    await page.keyboard.type(text);
  };
  await page.getByLabel('Full name as in passport (Latin letters)').focus();
  await page.keyboard.type('Daniel Okafor');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Full name as you usually write it')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Senior Adviser');
  await page.getByRole('textbox', { name: /^Organisation/ }).focus();
  await page.keyboard.type('Organization for Security and Co-operation in Europe');
  await page.getByRole('combobox', { name: /^Country/ }).focus();
  await page.keyboard.type('Austria');
  await type('Phone, with country code', '+43 1 514 36 0');
  await page.getByLabel('Arrival date').fill(arrivalFor(-1));
  await page.getByLabel('Departure date').fill(arrivalFor(1));
  await page.getByLabel(/list of participants/).focus();
  await page.keyboard.press('Space');
  await page.getByLabel(/processing of my data/).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Register' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'You are registered.' })).toBeVisible();
  await expect(page.getByText(`Your confirmation and calendar file were sent to ${english.email}.`)).toBeVisible();
  const first = await mailbox.waitFor(english.email, { subject: `Registration confirmed: ${meetingEn}` });

  // A day earlier.
  await page.getByLabel('Arrival date').fill(arrivalFor(-2));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'changes' })).toHaveText(
    'Your changes have been saved, and an updated confirmation has been sent.',
  );
  const changed = await mailbox.waitFor(english.email, { subject: `Registration updated: ${meetingEn}` });
  expect(changed.text).toContain(`Arrival: ${longDate(arrivalFor(-2))}`);

  await page.getByRole('link', { name: 'Cancel my registration' }).click();
  await expect(page.getByText('Your seat will be freed', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Yes, cancel my registration' }).click();
  await expect(page.getByRole('heading', { name: 'You have cancelled your registration.' })).toBeVisible();
  const cancelled = await mailbox.waitFor(english.email, { subject: `Registration cancelled: ${meetingEn}` });

  const [a, b, c] = [eventOf(first), eventOf(changed), eventOf(cancelled)];
  expect(new Set([a.uid, b.uid, c.uid]).size).toBe(1);
  expect(b.sequence).toBeGreaterThan(a.sequence);
  expect(c.sequence).toBeGreaterThan(b.sequence);
  expect([a.status, b.status, c.status]).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
});

test('staff see who registered, the counts, the CSV, and — as admin only — the visa details', async ({
  page,
  staff,
}) => {
  test.setTimeout(90_000);
  await page.goto(`${MEETING}/invitations`);
  const table = page.getByRole('group', { name: 'Invitations table' });
  await expect(table.getByRole('row').filter({ hasText: russian.email })).toContainText('Registered');
  await expect(table.getByRole('row').filter({ hasText: english.email })).toContainText('Registration cancelled');

  await page.getByRole('link', { name: /^Participants:/ }).click();
  await expect(page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'By country' }).getByRole('row', { name: /Uzbekistan/ })).toBeVisible();
  const participants = page.getByRole('group', { name: 'Participants table' });
  await expect(participants.getByRole('row').filter({ hasText: russian.name })).toContainText('Registered');
  await page.getByLabel('Status').selectOption({ label: 'Cancelled' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(participants.getByRole('row').filter({ hasText: 'Daniel Okafor' })).toContainText('Cancelled');
  await expect(participants.getByRole('row').filter({ hasText: russian.name })).toHaveCount(0);
  await page.getByRole('link', { name: 'Clear filters' }).click();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download all as CSV' }).click();
  const csv = fs.readFileSync((await (await download).path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain(russian.name);
  expect(csv).toContain("'+998 71 233 00 00");
  expect(csv).not.toContain(PASSPORT);

  await participants.getByRole('link', { name: russian.name }).click();
  await expect(page.getByRole('heading', { name: russian.name, level: 1 })).toBeVisible();
  await expect(page.getByText(PASSPORT)).toHaveCount(0);
  await page.getByRole('link', { name: 'Show visa-support details' }).click();
  await expect(page.getByText(PASSPORT)).toBeVisible();
  const detailUrl = page.url().replace(/\?.*$/, '');

  // A viewer sees the registration but not the passport.
  const viewerPage = await staff.withRole('viewer');
  await viewerPage.goto(`${detailUrl}?visa=show`);
  await expect(viewerPage.getByText('Details are on file. Only admins can see them.')).toBeVisible();
  expect(await viewerPage.content()).not.toContain(PASSPORT);
});

test('an admin downloads the visa support letter in Russian; an editor can neither list nor download', async ({
  page,
  staff,
}) => {
  await page.goto(MEETING);
  await page.getByRole('link', { name: 'Visa requests' }).click();
  await expect(page.getByRole('heading', { name: 'Visa requests', level: 1 })).toBeVisible();
  const row = page
    .getByRole('group', { name: 'Visa requests' })
    .getByRole('row')
    .filter({ hasText: 'Gulnora Saidova' });
  await expect(row).toContainText('Uzbekistan');
  await expect(row).toContainText('Not yet');
  const link = row.getByRole('link', { name: /^PDF\W+Russian, for Gulnora Saidova$/ });
  const download = page.waitForEvent('download');
  await link.click();
  const text = pdfText(fs.readFileSync((await (await download).path())!)).replace(/\s+/g, ' ');
  expect(text).toContain('Письмо о визовой поддержке');
  expect(text).toContain(`совещании «${meetingRu}»`);
  expect(text).toContain('Gulnora Saidova');
  expect(text).toContain(PASSPORT);
  await page.reload();
  await expect(
    page
      .getByRole('group', { name: 'Visa support letters issued' })
      .getByRole('row')
      .filter({ hasText: 'Gulnora Saidova' }),
  ).toContainText('Russian');
  const letterUrl = await link.getAttribute('href');

  const editor = await staff.withRole('editor');
  await editor.goto(`${MEETING}/visa`);
  await expect(editor.getByRole('heading', { name: 'You cannot open this page', level: 1 })).toBeVisible();
  expect(await editor.content()).not.toContain('Gulnora Saidova');
  const refused = await editor.request.get(letterUrl!);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain(PASSPORT);
});

/** A date near the seeded meeting (six weeks from when the database was seeded), as yyyy-mm-dd. */
let meetingDay: string | undefined;
function arrivalFor(offsetDays: number): string {
  meetingDay ??= new Date(Date.now() + 42 * 24 * 3600_000).toISOString().slice(0, 10);
  const day = new Date(`${meetingDay}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offsetDays);
  return day.toISOString().slice(0, 10);
}
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
