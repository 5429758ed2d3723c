import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mailTo, waitForMail, type ReceivedMail } from './mailbox';
import { e2eSettings } from './settings';

// Page objects for the flows several specs share, exposed as fixtures: `import { expect, test } from './test'`.
//   mailbox     the SMTP sink, read as each recipient's inbox
//   staff       staff members who sign in by email, each in a browser of their own (`staff.withRole('viewer')`,
//               `staff.signedIn(email)`), and the sign-in page for any page (`staff.signInPage(page)`)
//   delegate    an invitee who opens their personal link in a fresh browser (no account: the link is the key)
// `mailbox` and `staff` live as long as the worker, so a serial spec may keep a signed-in page from one test to the
// next; their browsers close when the worker ends. (Playwright's `use` is called `provide` here: the React lint
// rules take a call named `use` for React's.)

const origin = `http://localhost:${e2eSettings.port}`;
const SIGN_IN_SUBJECT = 'Sign in to Council Desk';
const INVITATION_LINK = /\/i\/[A-Za-z0-9_-]{48}$/;

export class Mailbox {
  /** Every message the sink has received for `address` (with `subject`, if given), oldest first. */
  messagesTo(address: string, subject?: string): Promise<ReceivedMail[]> {
    return mailTo(address, subject);
  }

  /** Waits until `address` has more than `after` such messages, and returns the newest. */
  waitFor(address: string, options: { after?: number; subject?: string } = {}): Promise<ReceivedMail> {
    return waitForMail(address, options);
  }

  /** The personal link an invitation, reminder or confirmation carries. */
  invitationLink(mail: ReceivedMail): string {
    const link = mail.links.find((l) => INVITATION_LINK.test(l));
    expect(link, `“${mail.subject}” to ${mail.to} carries a personal link`).toBeTruthy();
    return link!;
  }
}

export class SignInPage {
  readonly emailField;
  readonly requestButton;

  constructor(
    readonly page: Page,
    private readonly mailbox: Mailbox,
  ) {
    this.emailField = page.getByLabel('Work email');
    this.requestButton = page.getByRole('button', { name: 'Email me a sign-in link' });
  }

  async goto() {
    await this.page.goto('/staff/sign-in');
  }

  /** Asks for a link for `email` on the page as it is (the answer is the same page whoever asks). */
  async requestLink(email: string) {
    await this.emailField.fill(email);
    await this.requestButton.click();
  }

  /** Signs in as a person does: asks for a link, opens it from the email, confirms. */
  async signIn(email: string) {
    const before = (await this.mailbox.messagesTo(email, SIGN_IN_SUBJECT)).length;
    await this.goto();
    await this.requestLink(email);
    await expect(this.page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

    const mail = await this.mailbox.waitFor(email, { after: before, subject: SIGN_IN_SUBJECT });
    const link = mail.links.find((l) => l.includes('/staff/sign-in/confirm'));
    expect(link, 'the email carries a sign-in link').toBeTruthy();
    await this.page.goto(link!);
    await expect(this.page.getByText(`You are signing in as ${email}`)).toBeVisible();
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  }
}

export type StaffRole = 'viewer' | 'editor' | 'admin';

export class StaffAccounts {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly mailbox: Mailbox,
    private adminPage?: Page,
  ) {}

  /** A page in a browser of its own, signed in as nobody. */
  async newPage(options: { storageState?: string } = {}): Promise<Page> {
    const context = await this.browser.newContext({
      storageState: options.storageState ?? { cookies: [], origins: [] },
      baseURL: origin,
    });
    this.contexts.push(context);
    return context.newPage();
  }

  signInPage(page: Page): SignInPage {
    return new SignInPage(page, this.mailbox);
  }

  /** A page signed in as `email`, who must already be a staff member. */
  async signedIn(email: string): Promise<Page> {
    const page = await this.newPage();
    await this.signInPage(page).signIn(email);
    return page;
  }

  /** The first admin (first-admin.setup.ts), in a browser of their own. */
  async admin(): Promise<Page> {
    this.adminPage ??= await this.newPage({ storageState: e2eSettings.adminState });
    return this.adminPage;
  }

  /** A new staff member with `role`, added by the admin on the Staff page, who signs in by email like anyone else. */
  async withRole(role: StaffRole): Promise<Page> {
    const email = `${role}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@council.test`;
    const admin = await this.admin();
    await admin.goto('/staff/team');
    const form = admin.getByRole('region', { name: 'Add a staff member' });
    await form.getByLabel('Name').fill(`Test ${role}`);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption(role);
    await form.getByRole('button', { name: 'Add staff member' }).click();
    await expect(form.getByRole('status')).toContainText('was added');
    return this.signedIn(email);
  }

  async closeAll() {
    await Promise.all(this.contexts.map((c) => c.close()));
  }
}

/** A delegate's personal link: the meeting, their answer, their registration. */
export class InvitationPage {
  readonly heading;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async open(link: string) {
    await this.page.goto(link);
  }

  /**
   * A refused form's summary (in `within`, a part of the page with one form): exactly `text`, in the page's one
   * language (no English · Russian pair).
   */
  async expectRefusal(text: string, within: Page | Locator = this.page) {
    await expect(within.getByRole('status').filter({ hasText: text })).toHaveText(text);
  }

  /** The page a dead link shows: nothing of the meeting, and `why` if given. */
  async expectLinkNotWorking(why?: string) {
    await expect(this.heading).toHaveText('This link does not work');
    if (why) await expect(this.page.getByText(why)).toBeVisible();
  }
}

type DelegateBrowser = {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  timezoneId?: string;
};

export const test = base.extend<
  { delegate: (options?: DelegateBrowser) => Promise<InvitationPage> },
  { mailbox: Mailbox; staff: StaffAccounts }
>({
  mailbox: [
    async ({}, provide) => {
      await provide(new Mailbox());
    },
    { scope: 'worker' },
  ],
  staff: [
    async ({ browser, mailbox }, provide) => {
      const staff = new StaffAccounts(browser, mailbox);
      await provide(staff);
      await staff.closeAll();
    },
    { scope: 'worker' },
  ],
  delegate: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (options = {}) => {
      const context = await browser.newContext({
        storageState: { cookies: [], origins: [] },
        baseURL: origin,
        ...options,
      });
      contexts.push(context);
      return new InvitationPage(await context.newPage());
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };
