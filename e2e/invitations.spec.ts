import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { type Page } from '@playwright/test';
import { securityHeaderProblems } from './checks';
import { choosePerson } from './people-picker';
import { requestFrom } from './from-address';
import { type ReceivedMail } from './mailbox';
import { e2eSettings } from './settings';
import { expect, test } from './test';

// Staff invite three contacts (one Russian-speaking) to the seeded upcoming working-group meeting; the emails arrive
// at the SMTP sink in the right language with a personal link and a calendar file; each link shows the right
// meeting in the right language; one accepts, one declines without JavaScript, one is revoked.

const meetingEn = 'Working group meeting of the Regional Expert Council';
const meetingRu = 'Заседание рабочей группы Регионального экспертного совета';
const stamp = Date.now().toString(36);
const people = [
  { name: 'Ержан Ахметов', email: `yerzhan.${stamp}@mfa-kz.example.org`, language: 'Russian' },
  { name: 'Aidana Jumaeva', email: `aidana.${stamp}@mfa-tj.example.org`, language: 'English' },
  { name: 'Farrukh Rakhimov', email: `farrukh.${stamp}@isrs.example.org`, language: 'English' },
];

test.describe.configure({ mode: 'serial' });

const CICA = 'Conference on Interaction and Confidence Building Measures in Asia';

const mails: ReceivedMail[] = [];

const WORKING_GROUP_MEETING = '/staff/meetings/0b7a7c1e-5d1f-4c43-9a51-000000000102';

/** Opens the row's menu of actions and picks one: the confirmation view follows. */
async function rowAction(page: Page, email: string, action: string) {
  const row = page.getByRole('group', { name: 'Invitations table' }).getByRole('row').filter({ hasText: email });
  await row.locator('summary').click();
  await row.getByRole('button', { name: action, exact: true }).click();
}

async function openInvitations(page: Page) {
  await page.goto(WORKING_GROUP_MEETING);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingEn);
  await page.getByRole('link', { name: 'Invitations', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Invitations', level: 1 })).toBeVisible();
}

test('staff invite three contacts, and each gets the email in their language with a personal link and a calendar file', async ({
  page,
  mailbox,
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

  await openInvitations(page);
  const invite = page.getByRole('region', { name: 'Invite', exact: true });
  await invite.getByLabel('Contacts I pick').check();
  await invite.getByLabel('Find contacts to pick').fill(stamp);
  await invite.getByRole('button', { name: 'Find' }).click();
  for (const person of people) await invite.getByLabel(`${person.name} · ${person.email}`).check();
  await invite.getByLabel('Invited as').selectOption({ label: 'Delegate' });
  await invite.getByRole('button', { name: 'Preview the invitations' }).click();
  const preview = page.getByRole('region', { name: /new invitations/ });
  await expect(preview.getByRole('heading')).toHaveText('3 new invitations: 2 in English, 1 in Russian');
  await expect(preview.getByText(`Russian email: Приглашение: ${meetingRu}`)).toBeVisible();
  await expect(preview.getByText(`English email: Invitation: ${meetingEn}`)).toBeVisible();
  await preview.getByRole('button', { name: 'Send 3 invitations' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'invitations queued' })).toHaveText(
    '3 invitations queued for sending.',
  );
  // The delivery counts move without a reload, until all three are out.
  await expect(page.getByRole('status').filter({ hasText: /^Emails:/ })).toContainText('0 queued · 3 sent · 0 failed', {
    timeout: 20_000,
  });

  for (const person of people) {
    const subject = person.language === 'Russian' ? `Приглашение: ${meetingRu}` : `Invitation: ${meetingEn}`;
    const mail = await mailbox.waitFor(person.email, { subject });
    expect(mailbox.invitationLink(mail), person.email).toMatch(
      person.language === 'Russian' ? /\/ru\/i\// : /^http:\/\/localhost:\d+\/i\//,
    );
    const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'))!;
    expect(ics.contentType).toBe('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(ics.content));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    // The seeded meeting starts at 10:00 in Tashkent (UTC+5).
    expect(event.startDate.toJSDate().getUTCHours()).toBe(5);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    mails.push(mail);
  }
  // Inviting them again invites nobody twice.
  await invite.getByLabel('Contacts I pick').check();
  await invite.getByLabel('Find contacts to pick').fill(stamp);
  await invite.getByRole('button', { name: 'Find' }).click();
  for (const person of people) await invite.getByLabel(`${person.name} · ${person.email}`).check();
  await invite.getByRole('button', { name: 'Preview the invitations' }).click();
  await expect(page.getByRole('region', { name: /new invitations/ }).getByRole('heading')).toHaveText(
    '0 new invitations: 0 in English, 0 in Russian',
  );
});

test('staff preview inviting everyone at an organisation they found by search', async ({ page }) => {
  await openInvitations(page);
  const invite = page.getByRole('region', { name: 'Invite', exact: true });
  await invite.getByLabel('Everyone at an organisation').check();
  await choosePerson(invite, 'Organisation', 'CICA', CICA, 'organisations');
  await invite.getByRole('button', { name: 'Preview the invitations' }).click();
  // Nothing is sent here (other tests count this meeting's invitations): the preview, and the choice kept.
  await expect(page.getByRole('region', { name: /new invitation/ }).getByRole('heading')).toHaveText(
    /^\d+ new invitations?: \d+ in English, \d+ in Russian$/,
  );
  const again = page.getByRole('region', { name: 'Invite', exact: true });
  await expect(again.getByLabel('Everyone at an organisation')).toBeChecked();
  await expect(again.getByRole('list', { name: 'Chosen: Organisation' })).toContainText(CICA);
});

test('staff remind those who have not answered (same links), and give one invitee a new link', async ({
  page,
  mailbox,
  delegate,
}) => {
  await openInvitations(page);
  // Reminding asks first, with the number of people.
  await page.getByRole('link', { name: 'Remind the 3 who have not answered…' }).click();
  await page
    .getByRole('region', { name: 'Remind 3 people?' })
    .getByRole('button', { name: 'Yes, remind 3 people' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'reminders queued' })).toHaveText(
    '3 reminders queued for sending.',
  );
  const reminder = await mailbox.waitFor(people[1]!.email, { subject: `Reminder: ${meetingEn}` });
  expect(mailbox.invitationLink(reminder)).toBe(mailbox.invitationLink(mails[1]!));
  expect((await mailbox.waitFor(people[0]!.email, { subject: `Напоминание: ${meetingRu}` })).text).toContain(
    'Секретариат напоминает о своем приглашении',
  );
  const table = page.getByRole('group', { name: 'Invitations table' });
  // Last reminded, in the meeting's time zone.
  await expect(table.getByRole('row').filter({ hasText: people[1]!.email }).getByRole('cell').nth(6)).toContainText(
    'Tashkent time (UTC+5)',
  );

  // One compact menu of actions per row; each action is confirmed with its count.
  await rowAction(page, people[1]!.email, 'Resend');
  await page
    .getByRole('region', { name: 'Resend 1 invitation?' })
    .getByRole('button', { name: 'Yes, resend 1 invitation' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'sent again' })).toHaveText(
    '1 invitation sent again, with the same link.',
  );
  expect(
    mailbox.invitationLink(await mailbox.waitFor(people[1]!.email, { subject: `Invitation: ${meetingEn}`, after: 1 })),
  ).toBe(mailbox.invitationLink(mails[1]!));
  await rowAction(page, people[2]!.email, 'New link');
  await page
    .getByRole('region', { name: 'Send a new link for 1 invitation?' })
    .getByRole('button', { name: 'Yes, send 1 new link' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'new link' })).toHaveText(
    '1 new link sent; the old one no longer works.',
  );
  const fresh = await mailbox.waitFor(people[2]!.email, { subject: `Invitation: ${meetingEn}`, after: 1 });
  expect(mailbox.invitationLink(fresh)).not.toBe(mailbox.invitationLink(mails[2]!));
  const invitee = await delegate();
  await invitee.open(mailbox.invitationLink(mails[2]!));
  await invitee.expectLinkNotWorking(
    'A newer link to this invitation has been sent to you by email: please use that one.',
  );
  mails[2] = fresh;
});

test('each link shows the meeting in the invitee’s language; opening it changes nothing', async ({
  page,
  playwright,
  mailbox,
}) => {
  const [russian, english] = mails;
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(mailbox.invitationLink(russian!));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingRu);
  await expect(page.getByText('Здравствуйте, Ержан Ахметов!')).toBeVisible();
  // The landing page with a live invitation (the sweep in accessibility.spec.ts sees only dead links), on a phone.
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingEn);

  await page.goto(mailbox.invitationLink(english!));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingEn);
  await expect(page.getByText('Dear Aidana Jumaeva,')).toBeVisible();

  // Mail scanners: ten GETs and ten HEADs, and the invitation still waits for an answer.
  const scanner = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } });
  for (let i = 0; i < 10; i++) {
    expect((await scanner.get(mailbox.invitationLink(mails[2]!))).status()).toBe(200);
    expect((await scanner.head(mailbox.invitationLink(mails[2]!))).status()).toBe(200);
  }
  await page.goto(mailbox.invitationLink(mails[2]!));
  await expect(page.getByRole('button', { name: 'I will attend' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'I cannot attend' })).toBeVisible();

  // A tampered link shows nothing of the meeting.
  const link = mailbox.invitationLink(english!);
  const tampered = link.slice(0, -5) + (link.at(-5) === 'A' ? 'B' : 'A') + link.slice(-4);
  await page.goto(tampered);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
  await expect(page.getByText(meetingEn)).toHaveCount(0);
});

test('one accepts, one declines without JavaScript, one is revoked; staff see it all', async ({
  page,
  mailbox,
  delegate,
}) => {
  const [russian, english, third] = mails;
  await page.goto(mailbox.invitationLink(english!));
  await page.getByRole('button', { name: 'I will attend' }).click();
  await expect(page.getByRole('heading', { name: 'You have accepted this invitation. Thank you.' })).toBeVisible();
  // Post/Redirect/Get: the answer lands on the page's own address, which a reload asks for again with a GET.
  await expect(page).toHaveURL(/\?done=accepted$/);
  expect((await page.reload())?.request().method()).toBe('GET');
  await expect(page.getByText('Your answer has been recorded.')).toBeVisible();

  const phone = await delegate({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await phone.open(mailbox.invitationLink(russian!));
  // Declining asks first: without JavaScript, on a confirmation page that posts.
  await phone.page.getByRole('link', { name: 'Я не смогу принять участие' }).click();
  await expect(phone.page.getByRole('heading', { name: 'Отклонить приглашение?' })).toBeVisible();
  await phone.page.getByLabel('Причина (необязательно)').fill('Командировка в эти дни');
  const posted = phone.page.waitForResponse((response) => response.request().method() === 'POST');
  await phone.page.getByRole('button', { name: 'Да, я не смогу принять участие' }).click();
  expect((await posted).status()).toBe(303);
  await expect(phone.page.getByRole('heading', { name: 'Вы отклонили приглашение.' })).toBeVisible();
  await expect(phone.page).toHaveURL(/\?done=declined$/);
  // A reload of the page after a plain form post asks for the page, and does not post the answer again.
  expect((await phone.page.reload())?.request().method()).toBe('GET');
  await expect(phone.page.getByText('Ваш ответ записан.')).toBeVisible();

  await openInvitations(page);
  const table = page.getByRole('group', { name: 'Invitations table' });
  // Revoking asks first: the row's menu opens the confirmation, and only its button revokes.
  await rowAction(page, people[2]!.email, 'Revoke');
  await expect(table.getByRole('row').filter({ hasText: people[2]!.email })).not.toContainText('Revoked');
  await page
    .getByRole('region', { name: 'Revoke 1 invitation?' })
    .getByRole('button', { name: 'Yes, revoke 1 invitation' })
    .click();
  await expect(table.getByRole('row').filter({ hasText: people[2]!.email })).toContainText('Revoked');
  await expect(table.getByRole('row').filter({ hasText: people[1]!.email })).toContainText(
    'Accepted, not registered yet',
  );
  // The answer and, under it, the reason; the delivery apart.
  const declined = table.getByRole('row').filter({ hasText: people[0]!.email });
  await expect(declined.getByRole('cell').nth(4)).toHaveText('Declined“Командировка в эти дни”');
  await expect(declined.getByRole('cell').nth(5)).toHaveText('Sent');
  await expect(page.getByText('By answer')).toBeVisible();
  await expect(page.getByText('Командировка в эти дни')).toHaveCount(1);

  const revoked = await delegate();
  await revoked.open(mailbox.invitationLink(third!));
  await revoked.expectLinkNotWorking('This invitation has been withdrawn.');
  await expect(revoked.page.getByText(meetingEn)).toHaveCount(0);
});

test('links that do not work are limited per client, whatever X-Forwarded-For it writes: the 21st gets 429', async ({
  mailbox,
}) => {
  // No proxy stands in front of the e2e server (TRUST_PROXY off): the client is the socket, and a header the client
  // writes changes nothing. Each guess claims another address.
  const guesser = '127.0.0.21';
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    const guess = Buffer.from(`${stamp}-${i}`.padEnd(36, 'x')).toString('base64url').slice(0, 48);
    const headers = { 'X-Forwarded-For': `198.51.100.${i}`, 'X-Real-IP': `198.51.100.${i}` };
    statuses.push((await requestFrom(guesser, `/i/${guess}`, { headers })).status);
  }
  expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
  expect(statuses[20]).toBe(429);
  const limited = await requestFrom(guesser, `/i/${'Z'.repeat(48)}`);
  expect(limited.status).toBe(429);
  expect(limited.text).toContain('Слишком много попыток');
  // The 429 page carries the same security headers as every page reached by a link.
  expect(securityHeaderProblems(limited.headers, { tokenInUrl: true, https: false })).toEqual([]);
  // A working link from the same client is never throttled.
  const working = mailbox.invitationLink(mails[1]!).replace(/^https?:\/\/[^/]+/, '');
  expect((await requestFrom(guesser, working)).status).toBe(200);
  // Another client is not held back by the guesser.
  expect((await requestFrom('127.0.0.22', `/i/${'Y'.repeat(48)}`)).status).toBe(200);
});

test('staff write the invitation text with a live preview; an unknown placeholder is refused', async ({ page }) => {
  await openInvitations(page);
  const texts = page.getByRole('region', { name: 'Invitation and reminder texts' });
  const english = texts.getByLabel('Invitation, English');
  await english.fill('Dear {{nmae}}, see you online.');
  await expect(texts.getByText('Unknown placeholder: {{nmae}}')).toBeVisible();
  await texts.getByRole('button', { name: 'Save texts' }).click();
  await expect(texts.getByText(/^Unknown placeholder \{\{nmae\}\}: use \{\{name\}\}/)).toBeVisible();
  await english.fill('Dear {{name}}, see you online on {{dates}}.');
  await expect(texts.getByText('Dear Aidana Jumaeva, see you online on')).toBeVisible();
  await texts.getByRole('button', { name: 'Save texts' }).click();
  await expect(texts.getByRole('status')).toHaveText('Texts saved.');
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Invitation and reminder texts' }).getByLabel('Invitation, English'),
  ).toHaveValue('Dear {{name}}, see you online on {{dates}}.');
});

test('no personal link ever appears in the server’s output', ({ mailbox }) => {
  const output = fs.readFileSync(e2eSettings.serverLog, 'utf8');
  for (const mail of mails) expect(output).not.toContain(mailbox.invitationLink(mail).split('/i/')[1]!);
});
