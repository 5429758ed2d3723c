import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mailTo, waitForMail } from './mailbox';

/** Signs in as a person does: asks for a link, opens it from the email, confirms. */
export async function signInWithEmailLink(page: Page, email: string) {
  const subject = 'Sign in to Council Desk';
  const before = (await mailTo(email, subject)).length;
  await page.goto('/staff/sign-in');
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  const mail = await waitForMail(email, { after: before, subject });
  const link = mail.links.find((l) => l.includes('/staff/sign-in/confirm'));
  expect(link, 'the email carries a sign-in link').toBeTruthy();
  await page.goto(link!);
  await expect(page.getByText(`You are signing in as ${email}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/**
 * A signed-in browser context for a new staff member with `role`: the admin adds them on the Staff page, and they
 * sign in by email like anyone else.
 */
export async function staffContextWithRole(
  browser: Browser,
  admin: Page,
  role: 'viewer' | 'editor' | 'admin',
): Promise<BrowserContext> {
  const email = `${role}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@council.test`;
  await admin.goto('/staff/team');
  const form = admin.getByRole('region', { name: 'Add a staff member' });
  await form.getByLabel('Name').fill(`Test ${role}`);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Add staff member' }).click();
  await expect(form.getByRole('status')).toContainText('was added');
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    baseURL: new URL(admin.url()).origin,
  });
  await signInWithEmailLink(await context.newPage(), email);
  return context;
}
