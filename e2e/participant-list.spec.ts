import fs from 'node:fs';
import postgres from 'postgres';
import { contactKeys } from '../db/directory-keys';
import { invitationToken } from '../lib/invitation-token';
import { e2eDatabaseUrl } from '../scripts/e2e-database.mjs';
import { docxText, flat, pdfText } from '../test/documents';
import { e2eSettings } from './settings';
import { expect, test } from './test';

// The seeded Tashkent plenary is over and 102 of its 104 registered were checked in: staff download its list of
// participants (who attended), release it, and read the attendance record.

const MEETING = '/staff/meetings/0b7a7c1e-5d1f-4c43-9a51-000000000101';

test.describe.configure({ mode: 'serial' });

test('staff download the list of participants as PDF and DOCX, and release it', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`${MEETING}/participants`);
  await page.getByRole('link', { name: 'List of participants (PDF, DOCX)' }).click();
  await expect(page.getByRole('heading', { name: 'List of participants', level: 1 })).toBeVisible();
  await expect(page.getByText(/who attended \(from the check-ins/)).toBeVisible();

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Draft in English (PDF)' }).click(),
  ]);
  const text = flat(pdfText(fs.readFileSync((await pdf.path())!)));
  expect(text).toContain('DRAFT');
  expect(text).toContain('Participants who attended the meeting');
  expect(text).toContain('Member States');

  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Draft in Russian (DOCX)' }).click(),
  ]);
  expect(await docxText(fs.readFileSync((await docx.path())!))).toContain('Государства-члены');

  await page.getByRole('button', { name: 'Release the list to delegates' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'List released' })).toContainText(
    'List released to registered delegates',
  );
  await expect(page.getByRole('group', { name: 'Releases' })).toContainText('Attended');
});

test('the attendance record counts who came and offers the paragraph in both languages', async ({ page }) => {
  await page.goto(`${MEETING}/participants`);
  await page.getByRole('link', { name: 'Attendance record' }).click();
  await expect(page.getByRole('heading', { name: 'Attendance record', level: 1 })).toBeVisible();
  // 102 of the demo's 104; the door's own spec (e2e/check-in.spec.ts) may have checked a few more in by now.
  const attended = page.getByText(/^\d+ people attended, from the check-ins at the door; \d+ people registered/);
  await expect(attended).toBeVisible();
  expect(Number((await attended.textContent())!.match(/^\d+/)![0])).toBeGreaterThanOrEqual(102);
  await expect(page.getByRole('group', { name: 'Attendance by day' })).toContainText('14 May 2024');
  await expect(page.getByLabel('English')).toHaveValue(/^The meeting was attended by representatives of /);
  await expect(page.getByLabel('Russian')).toHaveValue(/^В работе совещания приняли участие представители следующих /);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download as CSV' }).click(),
  ]);
  const body = fs.readFileSync((await csv.path())!, 'utf8');
  expect(body.startsWith('\uFEFFName,')).toBe(true);
  // The header and the demo's 104 registered, and any walk-ins the door's spec added.
  expect(body.split('\r\n').filter(Boolean).length).toBeGreaterThanOrEqual(1 + 104);
});

// The plenary is over, so its invitation links no longer open: a meeting still ahead, with a delegate registered in
// Russian, shows the released list on the invitation page.
test.describe('a registered delegate', () => {
  const stamp = Date.now().toString(36);
  const seeded = { meetingId: '', token: '' };
  let sql: postgres.Sql;

  test.beforeAll(async () => {
    sql = postgres(
      process.env.DATABASE_URL
        ? e2eDatabaseUrl(process.env.DATABASE_URL)
        : `postgres://postgres@127.0.0.1:${e2eSettings.pgliteSocketPort}/postgres`,
      { max: 1, prepare: false, onnotice: () => {} },
    );
    const [council] = await sql<{ id: string }[]>`select id from councils order by created_at limit 1`;
    const [meeting] = await sql<{ id: string }[]>`
      insert into meetings (council_id, kind, title_en, title_ru, starts_at, ends_at, time_zone, format, venue_en, status)
      values (${council!.id}, 'working_group', ${`List seminar ${stamp}`}, ${`Семинар ${stamp}`},
        '2030-09-01T05:00:00Z', '2030-09-01T12:00:00Z', 'Asia/Tashkent', 'in_person', 'Hyatt Regency',
        'invitations_open')
      returning id`;
    seeded.meetingId = meeting!.id;
    const name = 'Дильноза Рахимова';
    const email = `dilnoza.${stamp}@mfa.example.org`;
    const [contact] = await sql<{ id: string }[]>`
      insert into contacts ${sql({ name, email, language: 'ru', search_key: contactKeys({ name, email }).searchKey, sort_key: contactKeys({ name, email }).sortKey })}
      returning id`;
    const [invitation] = await sql<{ id: string; link_version: number }[]>`
      insert into invitations (meeting_id, contact_id, email, role, language, status)
      values (${seeded.meetingId}, ${contact!.id}, ${email}, 'delegate', 'ru', 'accepted') returning id, link_version`;
    await sql`
      insert into registrations (invitation_id, meeting_id, status, passport_name, display_name, title,
        organisation_name, country, list_consent, data_consent_at, registered_at)
      values (${invitation!.id}, ${seeded.meetingId}, 'registered', 'Dilnoza Rakhimova', ${name}, 'Советник',
        'Министерство иностранных дел', 'UZ', true, now(), now())`;
    seeded.token = invitationToken(e2eSettings.authSecret, {
      invitationId: invitation!.id,
      version: invitation!.link_version,
    });
  });

  test.afterAll(async () => {
    await sql`delete from meetings where id = ${seeded.meetingId}`;
    await sql`delete from contacts where email like ${`%.${stamp}@mfa.example.org`}`;
    await sql.end();
  });

  test('finds the released list in Russian on their invitation page and downloads the PDF', async ({
    page,
    delegate,
  }) => {
    test.setTimeout(60_000);
    await page.goto(`/staff/meetings/${seeded.meetingId}/participants/list`);
    await page.getByRole('button', { name: 'Release the list to delegates' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'List released' })).toContainText(
      'List released to registered delegates',
    );

    const invitation = await delegate();
    await invitation.open(`/ru/i/${seeded.token}`);
    // Among the meeting's documents, as a document of that type.
    const list = invitation.page.getByRole('region', { name: 'Документы' });
    await expect(list).toContainText('Список зарегистрировавшихся участников, опубликованный секретариатом');
    await expect(list.getByRole('link', { name: 'Список на английском языке (PDF)' })).toHaveAttribute(
      'hreflang',
      'en',
    );
    const href = (await list.getByRole('link', { name: 'Список участников', exact: true }).getAttribute('href'))!;
    const download = await invitation.page.request.get(href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    const text = flat(pdfText(Buffer.from(await download.body())));
    expect(text).toContain('Список участников');
    expect(text).toContain('Дильноза Рахимова');
  });
});
