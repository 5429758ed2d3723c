import type { Browser, BrowserContext, Page } from '@playwright/test';
import { Mailbox, StaffAccounts } from './test';

/**
 * For a `beforeAll`, which test fixtures cannot reach (use the `staff` fixture of ./test elsewhere): a signed-in
 * browser context for a new staff member with `role`, added by `admin` on the Staff page. The caller closes it.
 */
export async function staffContextWithRole(
  browser: Browser,
  admin: Page,
  role: 'viewer' | 'editor' | 'admin',
): Promise<BrowserContext> {
  return (await new StaffAccounts(browser, new Mailbox(), admin).withRole(role)).context();
}
