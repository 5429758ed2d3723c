import { expect, type Page } from '@playwright/test';
import { mailTo, waitForMail } from './mailbox';

/** Signs in as a person does: asks for a link, opens it from the email, confirms. */
export async function signInWithEmailLink(page: Page, email: string) {
  const before = (await mailTo(email)).length;
  await page.goto('/staff/sign-in');
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  const mail = await waitForMail(email, { after: before });
  expect(mail.subject).toBe('Sign in to Council Desk');
  const link = mail.links.find((l) => l.includes('/staff/sign-in/confirm'));
  expect(link, 'the email carries a sign-in link').toBeTruthy();
  await page.goto(link!);
  await expect(page.getByText(`You are signing in as ${email}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}
