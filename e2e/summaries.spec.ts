import AxeBuilder from '@axe-core/playwright';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { waitForMail } from './mailbox';
import { e2eSettings } from './settings';
import { staffContextWithRole } from './staff';

// The summary of the seeded Tashkent plenary, from first draft to the public site and back: an editor drafts it from
// the meeting's records, edits it (pasting things that must never run), adds a photo and submits it; the submitter is
// refused when publishing; an admin publishes; a signed-out reader finds it in both languages and in the feeds;
// unpublishing makes it 404 and puts the meeting back to "held".

const PLENARY = '/staff/meetings/0b7a7c1e-5d1f-4c43-9a51-000000000101';
const PASTED =
  '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> [click](javascript:window.__pwned=1) [data](data:text/html;base64,PHNjcmlwdD4=) <svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>';
const anonymous = { storageState: { cookies: [], origins: [] } };
// The plenary's public page (the database names seeded meetings: drizzle/0022_meeting_slugs.sql).
const PLENARY_SLUG = 'first-meeting-of-the-regional-expert-council-on-rehabilitation-and-reintegration-2024';

test.describe.configure({ mode: 'serial' });

let editor: BrowserContext;
let editorPage: Page;
let summaryUrl = '';
let slug = '';

test.beforeAll(async ({ browser }) => {
  const admin = await browser.newContext();
  editor = await staffContextWithRole(browser, await admin.newPage(), 'editor');
  editorPage = await editor.newPage();
  await admin.close();
});

test.afterAll(async () => {
  await editor?.close();
});

test('an editor drafts the summary from the meeting’s records: co-organisers, “more than one hundred”, the countries, no participant', async () => {
  test.setTimeout(60_000);
  const page = editorPage;
  // Names of some seeded participants, as staff see them: none may appear in the public text.
  await page.goto(`${PLENARY}/participants`);
  const list = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Name' }) });
  const participantNames = (await list.getByRole('row').allInnerTexts())
    .slice(1, 11)
    .map((row) => row.split('\t')[0]!.split('\n')[0]!.trim());
  expect(participantNames.length).toBeGreaterThan(5);

  await page.goto(PLENARY);
  await page.getByRole('button', { name: 'Draft summary' }).click();
  await page.waitForURL(/\/staff\/summaries\/[0-9a-f-]{36}$/);
  summaryUrl = new URL(page.url()).pathname;

  const bodyEn = await page.getByLabel('Text, Markdown (English)').inputValue();
  const leadEn = await page.getByLabel('Lead paragraph (English)').inputValue();
  const bodyRu = await page.getByLabel('Text, Markdown (Russian)').inputValue();
  const leadRu = await page.getByLabel('Lead paragraph (Russian)').inputValue();
  expect(leadEn).toContain('United Nations Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA)');
  for (const coOrganiser of [
    'United Nations Office of Counter-Terrorism (UNOCT)',
    'Ministry of Foreign Affairs of the Republic of Uzbekistan',
    'Organization for Security and Co-operation in Europe (OSCE)',
  ]) {
    expect(leadEn).toContain(coOrganiser);
  }
  expect(leadRu).toContain('Контртеррористическое управление Организации Объединенных Наций (КТУ ООН)');
  expect(bodyEn).toContain('More than one hundred participants took part');
  // By the number who came (check-ins, which other specs may add to): the five States, whatever their order.
  const cameFrom = bodyEn.match(/They came from ([^.]*)\./)?.[1] ?? '';
  for (const state of ['Uzbekistan', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Turkmenistan'])
    expect(cameFrom).toContain(state);
  expect(bodyEn).not.toMatch(/Present were[^\n]*United Nations Regional Centre/);
  expect(bodyRu).toContain('более ста человек');
  expect(bodyRu).toContain('Узбекистан');
  expect(bodyEn).toContain('Briefing for the diplomatic community');
  // The one person the public agenda names (the opening statement's speaker) may be named; participants never.
  expect(bodyEn).toContain('Kaha Imnadze');
  for (const name of participantNames) {
    for (const text of [bodyEn, bodyRu, leadEn, leadRu]) expect(text, `the draft names ${name}`).not.toContain(name);
  }
  await expect(
    page.getByRole('region', { name: 'Preview (English)' }).getByRole('heading', { name: 'Participants' }),
  ).toBeVisible();
  const accessibility = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(accessibility.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});

test('without JavaScript, “Preview” shows the text as it will look and saves nothing', async ({ browser }) => {
  const context = await browser.newContext({ storageState: await editor.storageState(), javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(summaryUrl);
  const body = page.getByLabel('Text, Markdown (English)');
  await body.fill(`${await body.inputValue()}\n\n## Next steps\n\nThe **second meeting** is planned for 2025.`);
  await page.getByRole('button', { name: 'Preview without saving' }).click();
  await expect(page.getByText('Preview below. Nothing was saved yet.')).toBeVisible();
  const preview = page.getByRole('region', { name: 'Preview (English)' });
  await expect(preview.getByRole('heading', { name: 'Next steps' })).toBeVisible();
  await expect(preview.locator('strong', { hasText: 'second meeting' })).toBeVisible();
  await expect(page.getByLabel('Text, Markdown (English)')).toHaveValue(/The \*\*second meeting\*\* is planned/);
  await page.goto(summaryUrl);
  await expect(page.getByText('version 1', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Text, Markdown (English)')).not.toHaveValue(/second meeting/);
  await context.close();
});

test('the editor edits (preview follows the typing), adds a photo, compares versions and submits for review', async () => {
  test.setTimeout(60_000);
  const page = editorPage;
  await page.goto(summaryUrl);
  slug = await page.getByLabel('Slug (web address)').inputValue();
  await page
    .getByLabel('Headline (English)')
    .fill('Regional Expert Council on returnees holds its first meeting in Tashkent');
  await page
    .getByLabel('Headline (Russian)')
    .fill('Региональный экспертный совет по возвращенцам провёл первое заседание в Ташкенте');
  const body = page.getByLabel('Text, Markdown (English)');
  await body.fill(
    `${await body.inputValue()}\n\n## Quote\n\n> “The Council is a platform for exchange,” said the Head of UNRCCA.\n\n${PASTED}`,
  );
  const preview = page.getByRole('region', { name: 'Preview (English)' });
  await expect(preview.getByRole('heading', { name: 'Quote' })).toBeVisible();
  await expect(preview.getByRole('link', { name: 'click' })).toHaveCount(0);
  const bodyRu = page.getByLabel('Text, Markdown (Russian)');
  await bodyRu.fill(`${await bodyRu.inputValue()}\n\n${PASTED}`);
  await page
    .getByLabel('Lead paragraph (English)')
    .fill(`${await page.getByLabel('Lead paragraph (English)').inputValue()} <b onmouseover=alert(1)>`);
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByText('Saved as version 2.')).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // A photo: the alt texts and credit are required.
  const photos = page.getByRole('region', { name: 'Add a photo' });
  const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2d6a9f' } })
    .jpeg()
    .toBuffer();
  await photos
    .getByLabel('Photo (JPEG, PNG or WebP)')
    .setInputFiles({ name: 'tashkent.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await photos.getByRole('button', { name: 'Upload photo' }).click();
  await expect(
    page.getByRole('region', { name: 'Add a photo' }).getByText(/Describe the photo in English/),
  ).toBeVisible();
  const retry = page.getByRole('region', { name: 'Add a photo' });
  await retry
    .getByLabel('Photo (JPEG, PNG or WebP)')
    .setInputFiles({ name: 'tashkent.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await retry
    .getByLabel(/alt text\)$/)
    .first()
    .fill('Participants of the Council’s first meeting in the conference hall in Tashkent');
  await retry
    .getByLabel('Description for people who cannot see it, Russian (alt text)')
    .fill('Участники первого заседания Совета в конференц-зале в Ташкенте');
  await retry.getByLabel('Credit').fill('UNRCCA');
  await retry.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('Photo added.')).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Participants of the Council’s first meeting in the conference hall in Tashkent' }),
  ).toBeVisible();

  await page.getByLabel('Compare version').selectOption('1');
  await page.getByLabel('with version').selectOption('2');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Version 1 compared with version 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Headline (English)' }).locator('ins')).toContainText(
    'holds its first meeting',
  );
  await expect(page.getByRole('region', { name: 'Slug' })).toContainText('unchanged');

  await page.goto(summaryUrl);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('Submitted for review.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('In review')).toBeVisible();

  // Four eyes: the submitter is not offered a Publish button (the action would refuse them).
  await expect(
    page.getByText('You submitted this summary, so another editor or an admin has to publish it'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
});

test('an admin publishes it; the meeting is “summary published”; a signed-out reader reads it in both languages and in the feeds', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  // The reviewer was told by email when it was submitted, and finds it waiting on the dashboard.
  const told = await waitForMail(e2eSettings.adminEmail, {
    subject: 'Summary to review: Regional Expert Council on returnees holds its first meeting in Tashkent',
  });
  expect(told.links.some((link) => link.endsWith(summaryUrl))).toBe(true);
  await page.goto('/staff');
  await page
    .getByRole('region', { name: 'Summaries waiting for your review' })
    .getByRole('link', { name: 'Regional Expert Council on returnees holds its first meeting in Tashkent' })
    .click();
  await expect(page).toHaveURL(summaryUrl);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Published: the summary is on the public news pages')).toBeVisible();
  await page.goto(PLENARY);
  await expect(page.getByText('Summary published', { exact: true })).toBeVisible();

  const reader = await browser.newContext({ ...anonymous, viewport: { width: 390, height: 844 } });
  const news = await reader.newPage();
  news.on('dialog', (dialog) => {
    throw new Error(`a pasted script ran: ${dialog.message()}`);
  });
  // From the council's public home, as a reader would arrive.
  await news.goto('/');
  await news.getByRole('link', { name: 'News', exact: true }).click();
  await expect(news).toHaveURL(/\/news$/);
  await news
    .getByRole('link', { name: 'Regional Expert Council on returnees holds its first meeting in Tashkent' })
    .click();
  await expect(news).toHaveURL(new RegExp(`/news/${slug}$`));
  await expect(news.locator('html')).toHaveAttribute('lang', 'en');
  await expect(news.getByRole('heading', { level: 1 })).toHaveText(
    'Regional Expert Council on returnees holds its first meeting in Tashkent',
  );
  // The news are the secretariat's, named as staff set it (the seeded UNRCCA), not the product.
  await expect(news.getByRole('banner')).toContainText(
    'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
  );
  await expect(news).toHaveTitle(/United Nations Regional Centre for Preventive Diplomacy for Central Asia$/);
  await expect(news.getByText(/^Tashkent, 14 May 2024$/)).toBeVisible();
  await expect(news.getByText('More than one hundred participants took part')).toBeVisible();
  await expect(news.getByRole('img', { name: /Participants of the Council’s first meeting/ })).toBeVisible();
  await expect(news.getByText('Photo: UNRCCA')).toBeVisible();
  await expect(news.getByText(/^Source: /)).toBeVisible();
  // What was pasted is inert: the lead shows its tag as text, the body keeps no script, handler or unsafe link.
  await expect(news.getByText('<b onmouseover=alert(1)>', { exact: false })).toBeVisible();
  const article = news.getByRole('article');
  expect(
    await article
      .locator('script:not([type="application/ld+json"]), svg, iframe, [onerror], [onload], [onmouseover]')
      .count(),
  ).toBe(0);
  expect(await article.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
  expect(await news.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // Metadata for sharing and search engines.
  await expect(news.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/api\/photos\/[0-9a-f-]{36}$/);
  await expect(news.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'Regional Expert Council on returnees holds its first meeting in Tashkent',
  );
  await expect(news.locator('meta[name="description"]')).toHaveAttribute('content', /UNRCCA/);
  const structured = JSON.parse((await news.locator('script[type="application/ld+json"]').textContent())!);
  expect(structured).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Regional Expert Council on returnees holds its first meeting in Tashkent',
    inLanguage: 'en',
  });
  const photo = await reader.request.get(structured.image[0].url.replace(/^https?:\/\/[^/]+/, ''));
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/jpeg');
  expect(photo.headers()['cache-control']).toBe('public, max-age=3600');

  const accessibility = await new AxeBuilder({ page: news })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(accessibility.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

  await news.getByRole('link', { name: 'Русская версия' }).click();
  await expect(news).toHaveURL(new RegExp(`/ru/news/${slug}$`));
  await expect(news.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(news.getByRole('banner')).toContainText(
    'Региональный центр Организации Объединенных Наций по превентивной дипломатии для Центральной Азии',
  );
  await expect(news.getByRole('heading', { level: 1 })).toHaveText(
    'Региональный экспертный совет по возвращенцам провёл первое заседание в Ташкенте',
  );
  await expect(news.getByText(/^Ташкент, 14 мая 2024 г\.$/)).toBeVisible();
  await expect(news.getByText(/В совещании приняли участие более ста человек/)).toBeVisible();
  await expect(news.getByText('Фото: UNRCCA')).toBeVisible();
  await news.getByRole('link', { name: 'English version' }).click();
  await expect(news).toHaveURL(new RegExp(`/news/${slug}$`));
  // The news pages carry the public meeting pages' header: back to all meetings from here.
  await news.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'All meetings' }).click();
  await expect(news).toHaveURL(/\/$/);
  await news.goBack();

  // The production server answers a repeated read from its front cache, with the same page.
  const read = await reader.request.get(`/news/${slug}`);
  const reread = await reader.request.get(`/news/${slug}`);
  expect(reread.headers()['x-front-cache']).toBe('hit');
  expect(await reread.text()).toBe(await read.text());

  // The feeds parse with a feed reader's parser and carry the item in each language.
  const parser = new Parser();
  const feedEn = await parser.parseString(await (await reader.request.get('/news/feed.xml')).text());
  expect(feedEn.items.map((item) => item.title)).toContain(
    'Regional Expert Council on returnees holds its first meeting in Tashkent',
  );
  expect(feedEn.items.find((item) => item.link?.endsWith(`/news/${slug}`))).toBeTruthy();
  const feedRu = await parser.parseString(await (await reader.request.get('/ru/news/feed.xml')).text());
  expect(feedRu.items.map((item) => item.title)).toContain(
    'Региональный экспертный совет по возвращенцам провёл первое заседание в Ташкенте',
  );
  const sitemap = await (await reader.request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`/ru/news/${slug}</loc>`);
  expect(sitemap).toContain(`/ru/meetings/${PLENARY_SLUG}</loc>`);

  // The held meeting leads to its summary: from the public home, and from its own page (dropped from the cache by
  // publishing); the news item leads back to the meeting.
  await news.goto('/');
  await news
    .getByRole('region', { name: 'Past meetings' })
    .getByRole('link', { name: /^Read the summary: First meeting/ })
    .click();
  await expect(news).toHaveURL(new RegExp(`/news/${slug}$`));
  await news.getByRole('link', { name: 'About the meeting' }).click();
  await expect(news).toHaveURL(new RegExp(`/meetings/${PLENARY_SLUG}$`));
  await news.getByRole('region', { name: 'Summary of the meeting' }).getByRole('link').click();
  await expect(news).toHaveURL(new RegExp(`/news/${slug}$`));
  await news.goto(`/ru/meetings/${PLENARY_SLUG}`);
  await expect(news.getByRole('region', { name: 'Итоги заседания' }).getByRole('link')).toHaveAttribute(
    'href',
    `/ru/news/${slug}`,
  );
  await reader.close();
});

test('unpublishing takes it off the public site at once (404) and puts the meeting back to “held”', async ({
  page,
  request,
}) => {
  // Both pages are in the front cache (kept 30 s in the tests) when the summary is unpublished.
  for (const path of [`/news/${slug}`, `/ru/news/${slug}`]) {
    await request.get(path);
    expect((await request.get(path)).headers()['x-front-cache'], path).toBe('hit');
  }
  await page.goto(summaryUrl);
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByText('Unpublished: the public pages are gone')).toBeVisible();
  for (const path of [`/news/${slug}`, `/ru/news/${slug}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  const feed = await new Parser().parseString(await (await request.get('/news/feed.xml')).text());
  expect(feed.items.map((item) => item.link)).not.toContainEqual(expect.stringContaining(slug));
  expect((await request.get('/news')).status()).toBe(200);
  expect(await (await request.get('/news')).text()).not.toContain(slug);
  await page.goto(PLENARY);
  await expect(page.getByText('Held', { exact: true })).toBeVisible();
  await expect(page.getByText('Open the summary')).toBeVisible();
});
