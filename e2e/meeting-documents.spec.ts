import postgres from 'postgres';
import { contactKeys } from '../db/directory-keys';
import { invitationToken } from '../lib/invitation-token';
import { e2eDatabaseUrl } from '../scripts/e2e-database.mjs';
import { officeFile, pdfFile } from '../test/upload-files';
import { e2eSettings } from './settings';
import { expect, test } from './test';

// Staff upload a meeting's documents (a concept note in two languages, a programme for delegates, a note they then
// withdraw) and replace the concept note; a Russian delegate finds the Russian concept note and the programme on
// their invitation page; a delegates-only file is refused to anyone else and to another meeting's delegate.

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
let sql: postgres.Sql;
const seeded = { meetingId: '', otherMeetingId: '', token: '', otherToken: '' };

test.beforeAll(async () => {
  sql = postgres(
    process.env.DATABASE_URL
      ? e2eDatabaseUrl(process.env.DATABASE_URL)
      : `postgres://postgres@127.0.0.1:${e2eSettings.pgliteSocketPort}/postgres`,
    { max: 1, prepare: false, onnotice: () => {} },
  );
  const [council] = await sql<{ id: string }[]>`select id from councils order by created_at limit 1`;
  const meeting = async (title: string) =>
    (
      await sql<{ id: string }[]>`
        insert into meetings (council_id, kind, title_en, title_ru, starts_at, ends_at, time_zone, format, venue_en, status)
        values (${council!.id}, 'working_group', ${`${title} ${stamp}`}, ${`Семинар ${stamp}`}, '2030-08-01T05:00:00Z',
          '2030-08-01T12:00:00Z', 'Asia/Tashkent', 'in_person', 'Hyatt Regency', 'invitations_open')
        returning id`
    )[0]!.id;
  const invite = async (meetingId: string, name: string, mailbox: string) => {
    const email = `${mailbox}.${stamp}@mfa.example.org`;
    const [contact] = await sql<{ id: string }[]>`
      insert into contacts ${sql({ name, email, language: 'ru', search_key: contactKeys({ name, email }).searchKey, sort_key: contactKeys({ name, email }).sortKey })}
      returning id`;
    const [invitation] = await sql<{ id: string; link_version: number }[]>`
      insert into invitations (meeting_id, contact_id, email, role, language)
      values (${meetingId}, ${contact!.id}, ${email}, 'delegate', 'ru') returning id, link_version`;
    return invitationToken(e2eSettings.authSecret, { invitationId: invitation!.id, version: invitation!.link_version });
  };
  seeded.meetingId = await meeting('Documents seminar');
  seeded.otherMeetingId = await meeting('Other seminar');
  seeded.token = await invite(seeded.meetingId, 'Зарина Юсупова', 'zarina');
  seeded.otherToken = await invite(seeded.otherMeetingId, 'Бахтиёр Каримов', 'bakhtiyor');
});

test.afterAll(async () => {
  const files = await sql<{ id: string }[]>`
    select f.stored_file_id as id from meeting_document_files f join meeting_documents d on d.id = f.document_id
    where d.meeting_id in ${sql([seeded.meetingId, seeded.otherMeetingId])}`;
  await sql`delete from meetings where id in ${sql([seeded.meetingId, seeded.otherMeetingId])}`;
  if (files.length) await sql`delete from stored_files where id in ${sql(files.map((f) => f.id))}`;
  await sql`delete from contacts where email like ${`%.${stamp}@mfa.example.org`}`;
  await sql.end();
});

const file = (name: string, buffer: Buffer, mimeType = 'application/pdf') => ({ name, mimeType, buffer });
const conceptRu = pdfFile('Концептуальная записка, русская версия');

test('staff upload, replace and withdraw documents', async ({ page }) => {
  await page.goto(`/staff/meetings/${seeded.meetingId}`);
  await page.getByRole('link', { name: 'Documents', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  const upload = page.getByRole('region', { name: 'Upload a document' });
  const add = async (
    kind: string,
    visibility: string,
    language: string,
    chosen: { name: string; mimeType: string; buffer: Buffer },
  ) => {
    await upload.getByLabel('Type').selectOption({ label: kind });
    await upload.getByLabel('Who sees it').selectOption({ label: visibility });
    await upload.getByLabel('Language').selectOption({ label: language });
    await upload.getByLabel(/^File/).setInputFiles(chosen);
    await upload.getByRole('button', { name: 'Upload document' }).click();
    await expect(page.getByRole('status')).toHaveText('Document uploaded.');
  };
  await add('Concept note', 'Invited delegates', 'English', file('Concept note.pdf', pdfFile('Concept note v1')));
  const concept = page.getByRole('region', { name: 'Concept note' });
  await concept.getByLabel('Language of the new file').selectOption({ label: 'Russian' });
  await concept.getByLabel('New file', { exact: true }).setInputFiles(file('Концептуальная записка.pdf', conceptRu));
  await concept.getByRole('button', { name: 'Upload new version of Concept note' }).click();
  await expect(page.getByRole('status')).toHaveText('New version uploaded.');

  await add(
    'Programme',
    'Invited delegates',
    'One file for both languages',
    file(
      'Programme.docx',
      officeFile('docx'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ),
  );
  await add('Information note', 'Invited delegates', 'English', file('Logistics.pdf', pdfFile('Logistics')));

  // A new English version of the concept note: the first stays listed as an earlier version.
  await concept.getByLabel('Language of the new file').selectOption({ label: 'English' });
  await concept
    .getByLabel('New file', { exact: true })
    .setInputFiles(file('Concept note (revised).pdf', pdfFile('Concept note v2')));
  await concept.getByRole('button', { name: 'Upload new version of Concept note' }).click();
  await expect(page.getByRole('status')).toHaveText('New version uploaded.');
  const files = concept.getByRole('group', { name: 'Files of Concept note' });
  await expect(files.getByRole('row', { name: /Concept note \(revised\)\.pdf/ })).toContainText('Current');
  await expect(files.getByRole('row', { name: /Concept note\.pdf/ })).toContainText('Earlier version');
  await expect(files.getByRole('row', { name: /Концептуальная записка\.pdf/ })).toContainText('Current');

  const note = page.getByRole('region', { name: 'Information note' });
  // The confirmation opens in place (components/ui/confirm-button.tsx: a disclosure).
  await note.locator('summary', { hasText: 'Withdraw' }).click();
  await note.getByRole('button', { name: 'Yes, withdraw' }).click();
  await expect(note).toContainText('only staff see it');

  // A program renamed as a PDF is refused, and says why.
  await upload.getByLabel('Type').selectOption({ label: 'Statement' });
  await upload
    .getByLabel(/^File/)
    .setInputFiles(file('statement.pdf', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2048)])));
  await upload.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'program' })).toHaveText(
    'This file is a program, not a document (its name says otherwise); it was refused and nothing was saved.',
  );
  await expect(page.getByRole('region', { name: 'Statement' })).toHaveCount(0);
});

test('a Russian delegate finds the Russian concept note and the programme; nobody else gets them', async ({
  delegate,
  playwright,
}) => {
  const invitation = await delegate();
  await invitation.open(`/ru/i/${seeded.token}`);
  const documents = invitation.page.getByRole('region', { name: 'Документы' });
  await expect(documents.getByRole('link')).toHaveText(['Концептуальная записка', 'Программа']);
  await expect(documents).toContainText('на русском и английском языках');
  await expect(documents).not.toContainText('Logistics');

  const concept = documents.getByRole('link', { name: 'Концептуальная записка' });
  const download = await invitation.page.request.get((await concept.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(download.headers()['content-disposition']).toContain(
    `filename*=UTF-8''${encodeURIComponent('Концептуальная записка.pdf')}`,
  );
  expect(Buffer.from(await download.body()).equals(conceptRu)).toBe(true);

  const programmeHref = (await documents.getByRole('link', { name: 'Программа' }).getAttribute('href'))!;
  const fileId = programmeHref.split('/').pop()!;
  // No session: the test runner would otherwise give this context the project's (the admin's) storage state.
  const anonymous = await playwright.request.newContext({
    baseURL: `http://localhost:${e2eSettings.port}`,
    storageState: { cookies: [], origins: [] },
  });
  try {
    expect((await anonymous.get(programmeHref)).status()).toBe(200);
    expect((await anonymous.get(`/api/documents/${fileId}`)).status()).toBe(404);
    expect((await anonymous.get(`/i/${seeded.otherToken}/documents/${fileId}`)).status()).toBe(404);
  } finally {
    await anonymous.dispose();
  }
});

test('the public meeting page lists the public documents only, and a new one at once', async ({ page, browser }) => {
  await page.goto(`/staff/meetings/${seeded.meetingId}/documents`);
  const upload = page.getByRole('region', { name: 'Upload a document' });
  await upload.getByLabel('Type').selectOption({ label: 'Report' });
  await upload.getByLabel('Who sees it').selectOption({ label: 'Public' });
  await upload.getByLabel('Language').selectOption({ label: 'English' });
  await upload.getByLabel(/^File/).setInputFiles(file('Report.pdf', pdfFile('Report of the seminar')));
  await upload.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('status')).toHaveText('Document uploaded.');

  const [row] = await sql<{ slug: string }[]>`select slug from meetings where id = ${seeded.meetingId}`;
  const slug = row!.slug;
  // A reader with no session, as the public is.
  const reader = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const publicPage = await reader.newPage();
    await publicPage.goto(`/meetings/${slug}`);
    const documents = publicPage.getByRole('region', { name: 'Documents' });
    await expect(documents.getByRole('link')).toHaveText(['Report']);
    const download = await publicPage.request.get((await documents.getByRole('link').getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(pdfFile('Report of the seminar'))).toBe(true);
  } finally {
    await reader.close();
  }
});
