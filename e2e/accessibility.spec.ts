import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_INVITATION_ID, discoverRoutes, ROUTE_ACCESS, sampleUrls } from './discovery';
import { delegationToken } from '../lib/delegation-token';
import { e2eSettings } from './settings';

// Every page the build contains, in each language it has, on a desktop and on a 360-pixel phone, through axe-core
// for WCAG 2.2 A and AA. No rule is disabled. Staff pages are visited signed in (as admin), the rest signed out.
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
];

async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')}`,
  );
}

test('the sweep itself catches a broken page', async ({ page }) => {
  await page.setContent('<html><body><img src="/x.png"><input type="text"><a href="#"></a></body></html>');
  const found = await violations(page);
  expect(found.map((v) => v.split(' ')[0])).toEqual(
    expect.arrayContaining(['html-has-lang', 'image-alt', 'label', 'link-name']),
  );
});

test('every page passes axe-core for WCAG 2.2 AA, in English and Russian, on desktop and phone', async ({
  browser,
}) => {
  // About 50 URLs × 2 viewports, each checked by axe: 3 minutes on an idle 2-core machine.
  test.setTimeout(360_000);
  const admin = await browser.newContext({
    storageState: e2eSettings.adminState,
    baseURL: `http://localhost:${e2eSettings.port}`,
  });
  const adminPage = await admin.newPage();

  // Sample values for dynamic segments: a real meeting, a real message (made here, so one exists).
  await adminPage.goto('/staff/team');
  const form = adminPage.getByRole('region', { name: 'Add a staff member' });
  await form.getByLabel('Name').fill('Sweep Sample');
  await form.getByLabel('Email').fill(`sweep.${Date.now()}@council.test`);
  await form.getByRole('button', { name: 'Add staff member' }).click();
  await expect(form.getByRole('status')).toContainText('was added');
  await adminPage.goto('/staff/mail');
  const messageHref = await adminPage
    .getByRole('link', { name: 'You have been given access to Council Desk' })
    .first()
    .getAttribute('href');
  await adminPage.goto('/staff/contacts');
  const contactName = `Sweep Contact ${Date.now()}`;
  await adminPage.getByRole('region', { name: 'Add a contact' }).getByLabel('Name', { exact: true }).fill(contactName);
  await adminPage
    .getByRole('region', { name: 'Add a contact' })
    .getByLabel('Email')
    .fill(`sweep.contact.${Date.now()}@council.test`);
  await adminPage.getByRole('button', { name: 'Add contact' }).click();
  await expect(adminPage.getByRole('region', { name: 'Add a contact' }).getByRole('status')).toContainText('was added');
  // Found by name: the seeded directory fills more than the list's first page.
  await adminPage.goto(`/staff/contacts?q=${encodeURIComponent(contactName)}`);
  const contactHref = await adminPage.getByRole('link', { name: contactName }).getAttribute('href');
  // An import waiting for confirmation, with a rejected row, a new organisation and an unknown column.
  await adminPage.goto('/staff/contacts/import');
  await adminPage.getByLabel('CSV file').setInputFiles({
    name: 'sweep.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `ФИО;Электронная почта;Организация;Комната\nSweep Person;sweep.import.${Date.now()}@council.test;Sweep Ministry;12\nNo Email;;;\n`,
    ),
  });
  await adminPage.getByRole('button', { name: 'Upload and preview' }).click();
  await adminPage.waitForURL(/\/staff\/contacts\/import\/[0-9a-f-]{36}$/);
  const importHref = new URL(adminPage.url()).pathname;
  await adminPage.getByRole('button', { name: 'Use these columns' }).click();
  await expect(adminPage.getByRole('heading', { name: 'What this import would do' })).toBeVisible();
  // A summary of a meeting of the sweep's own (the seeded plenary's is e2e/summaries.spec.ts's to draft).
  await adminPage.goto('/staff/meetings/new');
  await adminPage.getByLabel('Kind of meeting').selectOption({ label: 'Briefing' });
  await adminPage.getByLabel('Title in English').fill('Sweep briefing');
  await adminPage.getByLabel('Title in Russian').fill('Брифинг для проверки');
  await adminPage.getByLabel('Venue time zone').selectOption('Asia/Tashkent');
  await adminPage.getByLabel('Start date').fill('2024-06-03');
  await adminPage.getByLabel('Start time').fill('10:00');
  await adminPage.getByLabel('End date').fill('2024-06-03');
  await adminPage.getByLabel('End time').fill('11:00');
  await adminPage.getByLabel('Format').selectOption({ label: 'Online' });
  await adminPage.getByLabel('Meeting link').fill('https://meet.example.org/sweep');
  await adminPage.getByRole('button', { name: 'Create meeting' }).click();
  await adminPage.getByRole('checkbox', { name: 'Yes, it is in the past' }).check();
  await adminPage.getByRole('button', { name: 'Create meeting' }).click();
  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText('Sweep briefing');
  for (const button of ['Mark as planned', 'Open invitations', 'Close registration', 'Mark as held']) {
    await adminPage.getByRole('button', { name: button }).click();
    await expect(adminPage.getByRole('button', { name: button })).toHaveCount(0);
  }
  await adminPage.getByRole('button', { name: 'Draft summary' }).click();
  await adminPage.waitForURL(/\/staff\/summaries\/[0-9a-f-]{36}$/);
  const summaryHref = new URL(adminPage.url()).pathname;

  const samples = {
    id: '0b7a7c1e-5d1f-4c43-9a51-000000000101',
    invitationId: DEMO_INVITATION_ID,
    noteId: '0b7a7c1e-5d1f-4c43-9a51-0000000000ff',
    format: 'pdf',
    language: 'en',
    index: '0',
    token: 'not-a-real-token-0000000000000000',
    rest: 'no-such-page',
    // No summary is published when the sweep runs: the news pages' not-found answer is swept (e2e/summaries.spec.ts
    // sweeps a published one).
    slug: 'no-such-page',
    n: 'no-such-page',
  };

  const WORKING_GROUP = '0b7a7c1e-5d1f-4c43-9a51-000000000102';
  // The demo plenary's slug (the database names seeded meetings: drizzle/0022_meeting_slugs.sql).
  const DEMO_PLENARY_SLUG = 'first-meeting-of-the-regional-expert-council-on-rehabilitation-and-reintegration-2024';
  const uzbekLink = delegationToken(e2eSettings.authSecret, {
    delegationId: '0b7a7c1e-5d1f-4c43-9a51-000000009014',
    version: 1,
  });
  const visits: { url: string; signedIn: boolean }[] = [];
  for (const route of discoverRoutes().filter((r) => r.kind === 'page')) {
    const access = ROUTE_ACCESS[route.pattern];
    expect(access, `${route.pattern} is not classified in e2e/discovery.ts`).toBeTruthy();
    const perRoute: Record<string, string[]> = {
      '/staff/mail/[id]': [messageHref!],
      '/staff/contacts/[id]': [contactHref!],
      '/staff/contacts/import/[id]': [importHref, `${importHref}?step=columns`],
      '/staff/organisations/[id]': ['/staff/organisations/0b7a7c1e-5d1f-4c43-9a51-000000000201'],
      '/staff/councils/[id]': ['/staff/councils/0b7a7c1e-5d1f-4c43-9a51-000000000001'],
      '/staff/summaries/[id]': [summaryHref],
      '/staff/summaries/[id]/compare': [`${summaryHref}/compare?from=1&to=1`],
      // The seeded working-group meeting has delegations, one with its members and note verbale (the sample meeting
      // has none), and a focal point's page behind a real link, in both languages, as well as a dead link's.
      '/staff/meetings/[id]/delegations': [`/staff/meetings/${WORKING_GROUP}/delegations`],
      '/staff/meetings/[id]/notes-verbales': [`/staff/meetings/${WORKING_GROUP}/notes-verbales`],
      '/[locale]/d/[token]': [`/d/${uzbekLink}`, `/ru/d/${uzbekLink}`, `/d/${samples.token}`],
      // The held plenary's public page, with its programme, and the not-found answer.
      '/meetings/[slug]': [`/meetings/${DEMO_PLENARY_SLUG}`, `/meetings/${samples.slug}`],
      '/ru/meetings/[slug]': [`/ru/meetings/${DEMO_PLENARY_SLUG}`, `/ru/meetings/${samples.slug}`],
    };
    const urls = perRoute[route.pattern]
      ? perRoute[route.pattern]!
      : route.pattern === '/staff/sign-in/confirm'
        ? ['/staff/sign-in/confirm?token=sample&email=first.admin%40council.test', '/staff/sign-in/confirm']
        : sampleUrls(route.pattern, samples);
    for (const url of urls) visits.push({ url, signedIn: access!.access === 'staff' });
  }
  console.info(`[accessibility] ${visits.length} URLs × ${VIEWPORTS.length} viewports`);

  const anonymous = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    baseURL: `http://localhost:${e2eSettings.port}`,
  });
  const failures: string[] = [];
  for (const viewport of VIEWPORTS) {
    for (const { url, signedIn } of visits) {
      const page = await (signedIn ? admin : anonymous).newPage();
      await page.setViewportSize(viewport);
      const response = await page.goto(url);
      // A page the sweep cannot reach fails it (a 404 is fine only for the not-found pages themselves).
      if (!response || (response.status() >= 400 && !url.includes('no-such-page'))) {
        failures.push(`${url} [${viewport.name}]: could not be reached (${response?.status()})`);
      } else if (signedIn && page.url().includes('/staff/sign-in')) {
        failures.push(`${url} [${viewport.name}]: redirected to sign-in`);
      } else {
        for (const v of await violations(page)) failures.push(`${url} [${viewport.name}]: ${v}`);
      }
      await page.close();
    }
  }
  expect(failures).toEqual([]);
});
