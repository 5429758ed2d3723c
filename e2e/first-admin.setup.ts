import { expect, test as setup } from '@playwright/test';
import { firstAdminLinkFromServerOutput } from './mailbox';
import { e2eSettings } from './settings';

setup('a newcomer becomes the first admin with the one-time link from the terminal', async ({ page }) => {
  const link = firstAdminLinkFromServerOutput();
  expect(new URL(link).pathname).toMatch(/^\/staff\/setup\/[\w-]{20,}$/);

  // Before that, the staff pages ask for sign-in.
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff\/sign-in\?callbackUrl=%2Fstaff$/);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Set up (the first admin|your admin account)/);
  await page.getByLabel('Your name').fill('Aziza Karimova');
  const email = page.getByLabel('Your work email');
  // On the embedded database the app prints a link for anyone; `admin:create` (PostgreSQL) names the address.
  if (await email.isVisible()) await email.fill(e2eSettings.adminEmail);
  await page.getByRole('button', { name: 'Create my admin account and sign in' }).click();

  await expect(page.getByText(`You are signing in as ${e2eSettings.adminEmail}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Aziza Karimova (admin)')).toBeVisible();

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();

  await page.context().storageState({ path: e2eSettings.adminState });
});
