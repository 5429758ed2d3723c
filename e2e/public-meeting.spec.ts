import ICAL from 'ical.js';
import jsonld from 'jsonld';
import { expect, test } from '@playwright/test';

// A meeting's public page (/meetings/<slug>, /ru/meetings/<slug>): staff prepare the programme of a copy of the demo
// plenary — speakers in a chosen order, a moderator, a description in Markdown, the room in Russian — and the public
// sees it once the meeting is no longer a draft, in both languages, with a calendar file and structured data.
// (e2e/summaries.spec.ts checks the link to the published summary.)

const plenaryTitle = 'First meeting of the Regional Expert Council on Rehabilitation and Reintegration of Returnees';
const TITLE = 'Public programme meeting of the Regional Expert Council';
const SLUG = 'public-programme-meeting-of-the-regional-expert-council-2027';
const anonymous = { storageState: { cookies: [], origins: [] } };

test('staff prepare the programme; the public reads it in both languages, with calendar file and JSON-LD', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const reader = await browser.newContext(anonymous);
  const visitor = await reader.newPage();

  await page.goto('/staff');
  await page.getByRole('link', { name: plenaryTitle }).click();
  const duplicate = page.getByRole('region', { name: 'Duplicate this meeting' });
  await duplicate.getByLabel('New title in English').fill('Draft programme meeting');
  await duplicate.getByLabel('New title in Russian').fill('Открытое заседание Регионального экспертного совета');
  await duplicate.getByLabel('New start date').fill('2027-03-16');
  await duplicate.getByLabel('New end date').fill('2027-03-16');
  await duplicate.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Draft programme meeting');
  // Renamed while a draft: the address follows the title.
  await page.getByRole('link', { name: 'Edit details' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await page.getByLabel('Title in English', { exact: true }).fill(TITLE);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);

  // A draft is nobody's business but the secretariat's.
  expect((await visitor.goto(`/meetings/${SLUG}`))?.status()).toBe(404);

  const item = page.getByRole('article', { name: /regional and national efforts/ });
  await item.getByText('Edit').click();
  await item.getByLabel('Room in Russian').fill('Большой зал');
  await item.getByLabel('To', { exact: true }).fill('17:30');
  await item
    .getByLabel('Description in English')
    .fill('The **national** authorities report.\n\nThen an open discussion:\n\n- returns\n- reintegration');
  await item.getByLabel('Description in Russian').fill('Доклады **национальных** органов.\n\nЗатем обсуждение.');
  const speakers = item.getByRole('combobox', { name: 'Speakers' });
  const found = item.getByRole('listbox', { name: 'Speakers: people found' });
  // The demo's people, by name and organisation: the import specs add namesakes at other organisations.
  for (const [typed, option] of [
    ['Yusupova', /^Dilnoza Yusupova/],
    ['Садыкова', /^Айгерим Садыкова MFA KZ/],
  ] as const) {
    await speakers.fill(typed);
    await found.getByRole('option', { name: option }).click();
  }
  await item.getByRole('button', { name: 'Move Айгерим Садыкова up' }).click();
  const moderators = item.getByRole('combobox', { name: 'Moderators' });
  await moderators.fill('Токтогулов');
  await item.getByRole('listbox', { name: 'Moderators: people found' }).getByRole('option').first().click();
  await item.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByText(/saved\.$/)).toBeVisible();
  // Staff see an item that runs past the meeting's end.
  await expect(page.getByRole('article', { name: /regional and national efforts/ })).toContainText(
    'Ends after the meeting ends',
  );

  await page
    .getByRole('region', { name: /Agenda/ })
    .getByRole('button', { name: 'Publish the agenda' })
    .click();
  await page.getByRole('button', { name: 'Mark as planned' }).click();
  await expect(page.getByRole('button', { name: 'Open invitations' })).toBeVisible();

  // English: the passport spelling (a transliteration where the directory has none), in the order chosen.
  await visitor.goto(`/meetings/${SLUG}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(visitor.getByText('16 March 2027, 10:00–17:00 Tashkent time (UTC+5)')).toBeVisible();
  const programme = visitor.getByRole('region', { name: 'Programme' });
  const discussion = programme.getByRole('listitem').filter({ hasText: 'regional and national efforts' });
  await expect(discussion.getByRole('list', { name: 'Speakers' }).getByRole('listitem')).toHaveText([
    /^Aygerim Sadykova/,
    /^Dilnoza Yusupova/,
  ]);
  await expect(discussion.getByRole('list', { name: 'Moderators' }).getByRole('listitem')).toHaveText([
    /^Nurbek Toktogulov/,
  ]);
  await expect(discussion.locator('strong')).toHaveText('national');
  await expect(discussion.getByRole('listitem').filter({ hasText: 'reintegration' })).toBeVisible();
  await expect(discussion).toContainText('Room: Main hall');
  await expect(programme.getByRole('listitem').filter({ hasText: 'Bilateral meetings' })).toContainText('Side event');
  await expect(visitor.getByRole('region', { name: 'Summary of the meeting' })).toHaveCount(0);

  // Russian: the usual spelling, the Russian room name.
  await visitor.getByRole('link', { name: 'Русская версия' }).click();
  await expect(visitor).toHaveURL(new RegExp(`/ru/meetings/${SLUG}$`));
  const programmeRu = visitor.getByRole('region', { name: 'Программа' });
  const discussionRu = programmeRu.getByRole('listitem').filter({ hasText: 'региональные и национальные' });
  await expect(discussionRu.getByRole('list', { name: 'Выступающие' }).getByRole('listitem')).toHaveText([
    /^Айгерим Садыкова/,
    /^Dilnoza Yusupova/,
  ]);
  await expect(discussionRu).toContainText('Зал: Большой зал');
  await expect(discussionRu.locator('strong')).toHaveText('национальных');

  // The calendar file: the meeting at the venue's time, nobody's personal data.
  const ics = await (await visitor.request.get(`/meetings/${SLUG}/calendar.ics`)).text();
  const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
  expect(event.getFirstPropertyValue('summary')).toBe(TITLE);
  const start = event.getFirstProperty('dtstart')!;
  expect(start.getParameter('tzid')).toBe('Asia/Tashkent');
  expect(String(start.getFirstValue())).toBe('2027-03-16T10:00:00');
  expect(event.getFirstPropertyValue('url')).toMatch(new RegExp(`/meetings/${SLUG}$`));
  expect(event.getAllProperties('attendee')).toHaveLength(0);
  expect(event.getAllProperties('organizer')).toHaveLength(0);

  // JSON-LD, expanded by a JSON-LD processor (schema.org's context served locally: no network in tests).
  await visitor.goto(`/meetings/${SLUG}`);
  const raw = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent())!);
  const documentLoader = async (url: string) => ({
    contextUrl: undefined,
    documentUrl: url,
    document: { '@context': { '@vocab': 'https://schema.org/' } },
  });
  const [expanded] = (await jsonld.expand(raw, { documentLoader })) as Record<string, unknown[]>[];
  const value = (key: string) => (expanded![`https://schema.org/${key}`]?.[0] as { '@value'?: string })['@value'];
  expect(expanded!['@type']).toEqual(['https://schema.org/Event']);
  expect(value('name')).toBe(TITLE);
  expect(value('eventAttendanceMode')).toBe('https://schema.org/OfflineEventAttendanceMode');
  expect(value('startDate')).toBe('2027-03-16T05:00:00.000Z');
  const location = expanded!['https://schema.org/location']![0] as Record<string, unknown[]>;
  expect(location['@type']).toEqual(['https://schema.org/Place']);
  // Open Graph, for links shared elsewhere.
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute('content', TITLE);
  await expect(visitor.locator('meta[property="og:url"]')).toHaveAttribute('content', new RegExp(`/meetings/${SLUG}$`));

  // The address it had before the rename leads to this one, permanently.
  const moved = await visitor.request.get('/meetings/draft-programme-meeting-2027', { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers()['location']).toMatch(new RegExp(`/meetings/${SLUG}$`));

  // The public home links to the page.
  await visitor.goto('/');
  await visitor.getByRole('link', { name: TITLE }).click();
  await expect(visitor).toHaveURL(new RegExp(`/meetings/${SLUG}$`));
  await reader.close();
});
