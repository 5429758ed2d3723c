import { type Page } from '@playwright/test';
import { e2eSettings } from './settings';
import { expect, test } from './test';

// One story, in order: the admin adds an editor and a viewer, each signs in by email, the viewer is kept out of
// staff management (also by direct POST), and a deactivated member is locked out at once.
test.describe.configure({ mode: 'serial' });

const editor = { name: 'Dilshod Yusupov', email: 'dilshod.yusupov@council.test' };
const viewer = { name: 'Madina Saidova', email: 'madina.saidova@council.test' };
let editorPage: Page;
let viewerPage: Page;

test('the admin adds an editor and a viewer, who are told by email', async ({ page, mailbox }) => {
  await page.goto('/staff');
  await page.getByRole('link', { name: 'Staff', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();

  for (const [person, role] of [
    [editor, 'Editor'],
    [viewer, 'Viewer'],
  ] as const) {
    const form = page.getByRole('region', { name: 'Add a staff member' });
    await form.getByLabel('Name').fill(person.name);
    await form.getByLabel('Email').fill(person.email.toUpperCase());
    await form.getByLabel('Role').selectOption(role.toLowerCase());
    await form.getByRole('button', { name: 'Add staff member' }).click();
    await expect(form.getByRole('status')).toContainText(`${person.name} was added as ${role.toLowerCase()}`);
    const welcome = await mailbox.waitFor(person.email);
    expect(welcome.subject).toBe('You have been given access to Council Desk');
  }
  const list = page.getByRole('region', { name: /Staff members/ });
  await expect(list.getByRole('row', { name: new RegExp(editor.name) })).toContainText(editor.email);

  // The same address twice is refused, per field.
  const form = page.getByRole('region', { name: 'Add a staff member' });
  await form.getByLabel('Name').fill('Someone Else');
  await form.getByLabel('Email').fill(` ${viewer.email} `);
  await form.getByRole('button', { name: 'Add staff member' }).click();
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription(/already has this email address/);

  // Bad input: no name, broken address.
  await form.getByLabel('Name').fill('');
  await form.getByLabel('Email').fill('not-an-address');
  await form.getByRole('button', { name: 'Add staff member' }).click();
  await expect(form.getByLabel('Name')).toHaveAccessibleDescription('Enter their name.');
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription(/Enter a valid email address/);
});

test('the editor and the viewer each sign in with a link delivered over SMTP', async ({ staff }) => {
  editorPage = await staff.signedIn(editor.email);
  await expect(editorPage.getByText(`${editor.name} (editor)`)).toBeVisible();

  viewerPage = await staff.signedIn(viewer.email);
  await expect(viewerPage.getByText(`${viewer.name} (viewer)`)).toBeVisible();
});

test('the viewer cannot open the Staff page', async () => {
  await expect(
    viewerPage.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Staff', exact: true }),
  ).toHaveCount(0);
  await viewerPage.goto('/staff/team');
  await expect(viewerPage.getByRole('heading', { name: 'You cannot open this page' })).toBeVisible();
  await expect(viewerPage.getByText(editor.email)).toHaveCount(0);
});

test('a direct POST of an admin action with the viewer’s session is refused and changes nothing', async ({ page }) => {
  // The admin's own page holds the real form for "deactivate the editor", with its action reference and bound id.
  await page.goto('/staff/team');
  const row = page.getByRole('row', { name: new RegExp(editor.name) });
  const fields: Record<string, string> = {};
  for (const input of await row
    .getByRole('button', { name: `Deactivate ${editor.name}` })
    .locator('xpath=ancestor::form//input[@type="hidden"]')
    .all()) {
    fields[(await input.getAttribute('name'))!] = (await input.getAttribute('value')) ?? '';
  }
  expect(Object.keys(fields).some((name) => name.startsWith('$ACTION'))).toBe(true);

  // The viewer replays it, as a plain form post with their own cookie.
  const response = await viewerPage.request.post('/staff/team', {
    multipart: fields,
    headers: { Origin: `http://localhost:${e2eSettings.port}` },
  });
  expect(response.status()).toBeLessThan(500);

  await page.reload();
  await expect(
    page
      .getByRole('row', { name: new RegExp(editor.name) })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('Active');
  await editorPage.goto('/staff');
  await expect(editorPage.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // The very same POST from the admin does deactivate: the replay reached the action, and only the role stopped it.
  await page.request.post('/staff/team', {
    multipart: fields,
    headers: { Origin: `http://localhost:${e2eSettings.port}` },
  });
  await page.reload();
  await expect(
    page
      .getByRole('row', { name: new RegExp(editor.name) })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('Deactivated');
  await page.getByRole('button', { name: `Reactivate ${editor.name}` }).click();
  await expect(
    page
      .getByRole('row', { name: new RegExp(editor.name) })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('Active');
});

test('a deactivated member’s open session stops working at the next request', async ({ page, staff, mailbox }) => {
  // The editor was deactivated and reactivated above: their old session is gone too.
  await editorPage.goto('/staff');
  await expect(editorPage).toHaveURL(/\/staff\/sign-in/);
  await staff.signInPage(editorPage).signIn(editor.email);

  await page.goto('/staff/team');
  await page.getByRole('button', { name: `Deactivate ${viewer.name}` }).click();
  const row = page.getByRole('row', { name: new RegExp(viewer.name) });
  await expect(row).toContainText('Deactivated');

  await viewerPage.goto('/staff');
  await expect(viewerPage).toHaveURL(/\/staff\/sign-in/);
  await expect(viewerPage.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // And they cannot get a new link: same page, no email.
  const before = (await mailbox.messagesTo(viewer.email)).length;
  await staff.signInPage(viewerPage).requestLink(viewer.email);
  await expect(viewerPage.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  // A known address asked right after is delivered; by then the deactivated one would have been too.
  await staff.signedIn(editor.email);
  expect((await mailbox.messagesTo(viewer.email)).length).toBe(before);

  await page.getByRole('button', { name: `Reactivate ${viewer.name}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(viewer.name) })).toContainText('Active');
});

test('an unknown address sees the same page and gets no email', async ({ staff, mailbox }) => {
  const stranger = staff.signInPage(await staff.newPage());
  await stranger.goto();
  await stranger.requestLink('stranger@elsewhere.test');
  await expect(stranger.page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(stranger.page.getByText('If this address belongs to a Council Desk staff account')).toBeVisible();
  await staff.signedIn(editor.email);
  expect(await mailbox.messagesTo('stranger@elsewhere.test')).toHaveLength(0);
});

test('a bad address is refused on the form; a flood naming one address sends no more mail but never locks its owner out', async ({
  staff,
  mailbox,
}) => {
  const signInPage = staff.signInPage(await staff.newPage());
  const visitor = signInPage.page;
  await signInPage.goto();
  await signInPage.requestLink('not an address');
  await expect(signInPage.emailField).toHaveAccessibleDescription(/Enter your email address/);

  // Five requests per address in 15 minutes send a link (the editor's earlier sign-in was one of them); the rest get
  // the same neutral answer and no mail.
  const subject = 'Sign in to Council Desk';
  const before = (await mailbox.messagesTo(editor.email, subject)).length;
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    await signInPage.goto();
    const [response] = await Promise.all([
      visitor.waitForResponse((r) => r.url().endsWith('/staff/sign-in/request')),
      signInPage.requestLink(editor.email),
    ]);
    statuses.push(response.status());
    await expect(visitor.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  }
  expect(statuses).toEqual([303, 303, 303, 303, 303, 303, 303]);
  await expect.poll(async () => (await mailbox.messagesTo(editor.email, subject)).length).toBe(Math.max(before, 5));

  // The newest link the owner holds still signs them in.
  const newest = (await mailbox.messagesTo(editor.email, subject)).at(-1)!;
  const owner = await staff.newPage();
  await owner.goto(newest.links.find((l) => l.includes('/staff/sign-in/confirm'))!);
  await owner.getByRole('button', { name: 'Sign in' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect((await mailbox.messagesTo(editor.email, subject)).length).toBe(Math.max(before, 5));
});

test('the admin reads the mail log: sign-in links are gone from delivered messages', async ({ page }) => {
  await page.goto('/staff/mail');
  await page.getByLabel('Recipient or subject').fill(editor.email);
  await page.getByLabel('Status').selectOption('sent');
  await page.getByRole('button', { name: 'Filter' }).click();
  const signInRow = page.getByRole('row', { name: /Sign in to Council Desk/ }).first();
  await expect(signInRow).toContainText('Sent');
  await signInRow.getByRole('link', { name: 'Sign in to Council Desk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Council Desk' })).toBeVisible();
  await expect(page.getByText('[link removed after delivery]')).toBeVisible();
  await expect(page.getByText(/token=/)).toHaveCount(0);

  // The editor may list mail but not open a message.
  await editorPage.goto('/staff/mail');
  await expect(editorPage.getByRole('heading', { level: 1, name: 'Mail' })).toBeVisible();
  await expect(editorPage.getByRole('link', { name: 'Sign in to Council Desk' })).toHaveCount(0);
});
