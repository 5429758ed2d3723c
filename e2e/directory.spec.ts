import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { decodeCsvBytes, parseCsv } from '../lib/csv';
import { choosePerson } from './people-picker';

// The directory as the secretariat uses it: the two messy spreadsheets the fixtures hold, imported through the page,
// must end as contacts-expected.json says; what is exported imports again unchanged; duplicates are merged; a
// Latin search finds a Cyrillic name.

// Copies of ../shared/fixtures (the secretariat's real-world files), kept in the repository so CI has them.
const fixtures = path.resolve(import.meta.dirname, 'fixtures');
const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'contacts-expected.json'), 'utf8')) as {
  valid_unique_people_in_both_files: number;
  rejected: { name: string; email: string; why: string }[];
  organisations: { name: string; acronym: string }[];
  spot_checks: {
    email: string;
    name: string;
    country?: string;
    language?: string;
    title?: string;
    organisation?: string;
  }[];
};

/** Header → value objects of a CSV file as the app reads it. */
function readCsv(bytes: Uint8Array): Record<string, string>[] {
  const [header, ...rows] = parseCsv(decodeCsvBytes(bytes).text).rows;
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h.trim(), row[i] ?? ''])));
}

async function upload(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
  { columnsKnown = true } = {},
) {
  await page.goto('/staff/contacts');
  await page.getByRole('link', { name: 'Import contacts from a CSV file' }).click();
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(
    page.getByRole('heading', { name: columnsKnown ? 'What this import would do' : 'Which column holds what?' }),
  ).toBeVisible();
}

async function confirmImport(page: Page) {
  await page.getByRole('button', { name: /^(Import [\d,]+ contacts?|Finish \(nothing to change\))$/ }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 20_000 });
}

async function download(page: Page, link: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return fs.readFileSync((await file.path())!);
}

test('import both fixture files through the page and end as contacts-expected.json says', async ({ page }) => {
  test.setTimeout(120_000);
  const seenRejections: string[] = [];
  for (const file of ['contacts-messy.csv', 'contacts-excel-ru.csv']) {
    await upload(page, path.join(fixtures, file));
    await expect(page.getByRole('heading', { name: `Import of ${file}` })).toBeVisible();
    const rejected = page.getByRole('group', { name: 'Rejected rows table' });
    for (const row of await rejected.getByRole('row').all()) seenRejections.push((await row.innerText()).toLowerCase());
    await confirmImport(page);
  }
  // Each rejected row refused, with its reason.
  for (const r of expected.rejected) {
    expect(
      seenRejections.some((text) => text.includes(r.email) && text.includes(r.why)),
      `${r.email}: ${r.why}`,
    ).toBe(true);
  }

  // What the files hold, read independently: every valid email once.
  const fileRows = ['contacts-messy.csv', 'contacts-excel-ru.csv'].flatMap((file) => {
    const rows = readCsv(fs.readFileSync(path.join(fixtures, file)));
    return rows.map((row) => (row['Email'] ?? row['Электронная почта'] ?? '').trim().toLowerCase());
  });
  const rejectedEmails = new Set(expected.rejected.map((r) => r.email.toLowerCase()));
  const validEmails = new Set(fileRows.filter((email) => email && !rejectedEmails.has(email)));
  expect(validEmails.size).toBe(expected.valid_unique_people_in_both_files);

  // The directory, read back through its own export.
  await page.goto('/staff/contacts');
  const exported = readCsv(await download(page, /^Export all [\d,]+ contacts as CSV$/));
  const exportedEmails = exported.map((c) => c['Email']);
  for (const email of validEmails)
    expect(
      exportedEmails.filter((e) => e === email),
      email,
    ).toHaveLength(1);
  for (const email of rejectedEmails) expect(exportedEmails, email).not.toContain(email);
  for (const check of expected.spot_checks) {
    const contact = exported.find((c) => c['Email'] === check.email)!;
    expect(contact, check.email).toBeTruthy();
    // The export guards a formula with a leading ' (and the importer takes exactly that off again).
    expect(contact['Full name']).toBe(/^[=+\-@]/.test(check.name) ? `'${check.name}` : check.name);
    if (check.country) expect(contact['Country']).toBe(check.country);
    if (check.language) expect(contact['Language']).toBe(check.language);
    if (check.title) expect(contact['Position']).toBe(check.title);
    if (check.organisation) expect([contact['Acronym'], contact['Organisation']]).toContain(check.organisation);
  }

  await page.goto('/staff/organisations');
  const organisations = readCsv(await download(page, /^Export all [\d,]+ organisations as CSV$/));
  for (const organisation of expected.organisations) {
    const found = organisations.filter((o) => o['Name']?.toLowerCase() === organisation.name.toLowerCase());
    expect(found, organisation.name).toHaveLength(1);
    expect(found[0]!['Acronym']).toBe(organisation.acronym);
  }
});

test('what the directory exports imports again without a single change', async ({ page }) => {
  await page.goto('/staff/contacts');
  const exported = await download(page, /^Export all [\d,]+ contacts as CSV$/);
  expect(exported.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(exported.toString('utf8')).toContain(`'=HYPERLINK`);
  await upload(page, { name: 'directory-export.csv', mimeType: 'text/csv', buffer: exported });
  const summary = page.getByRole('region', { name: 'What this import would do' });
  await expect(summary.getByText(/^0 new contacts$/)).toBeVisible();
  await expect(summary.getByText(/^0 rows update a contact/)).toBeVisible();
  await expect(summary.getByText(/^0 new organisations$/)).toBeVisible();
  await confirmImport(page);
  await page.goto('/staff/contacts');
  expect(await download(page, /^Export all [\d,]+ contacts as CSV$/)).toEqual(exported);
});

test('an import with a column it does not know asks which is which, and an unknown organisation can go to one already there', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const csv = `Имя;Почта;Ведомство;Комната\r\nБакыт Ермеков;bakyt.${stamp}@osce.example.org;OSCE Programme Office in Bishkek ${stamp};12\r\n`;
  // Columns first: "Комната" is unknown.
  await upload(
    page,
    { name: 'osce-bishkek.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
    { columnsKnown: false },
  );
  await expect(page.getByLabel('Column 4: “Комната”')).toHaveValue('');
  await expect(page.getByLabel('Column 3: “Ведомство”')).toHaveValue('organisation');
  await page.getByRole('button', { name: 'Use these columns' }).click();
  await expect(page.getByRole('heading', { name: 'What this import would do' })).toBeVisible();

  const organisations = page.getByRole('region', { name: 'Organisations not in the directory' });
  await expect(organisations.getByText(`OSCE Programme Office in Bishkek ${stamp}`).first()).toContainText(
    'will be created',
  );
  await choosePerson(
    organisations,
    `“OSCE Programme Office in Bishkek ${stamp}” is already in the directory as`,
    'OSCE',
    'Organization for Security and Co-operation in Europe',
    'organisations',
  );
  await organisations.getByRole('button', { name: 'Save choice' }).click();
  await expect(organisations.getByText(`OSCE Programme Office in Bishkek ${stamp}`).first()).toContainText(
    'goes to OSCE',
  );
  await confirmImport(page);

  await page.goto(`/staff/contacts?q=bakyt.${stamp}`);
  await expect(
    page.getByRole('group', { name: 'Contacts table' }).getByRole('row').filter({ hasText: 'Бакыт Ермеков' }),
  ).toContainText('OSCE');
});

test('find «Исмоилов» by typing "Ismoilov", and the reverse', async ({ page }) => {
  await page.goto('/staff/contacts');
  await page.getByLabel('Name, email or organisation').fill('Ismoilov');
  await page.getByRole('button', { name: 'Search' }).click();
  const table = page.getByRole('group', { name: 'Contacts table' });
  const row = (email: string) => table.getByRole('row').filter({ hasText: email });
  await expect(row('olga.ismoilov66@unrcca.example.org').getByRole('link', { name: 'Ольга Исмоилов' })).toBeVisible();
  await expect(row('madina.ismoilov2@cis.example.org').getByRole('link', { name: 'Madina Ismoilov' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Rakhimov' })).toHaveCount(0);

  await page.getByLabel('Name, email or organisation').fill('Исмоилов');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'matching “Исмоилов”' })).toBeVisible();
  await expect(row('madina.ismoilov2@cis.example.org').getByRole('link', { name: 'Madina Ismoilov' })).toBeVisible();
});

test('file an office under its parent, found by search, and move it out again', async ({ page }) => {
  const name = `UNODC Programme Office in Tashkent ${Date.now().toString(36)}`;
  await page.goto('/staff/organisations');
  const add = page.getByRole('region', { name: 'Add an organisation' });
  await add.getByLabel('Name in English').fill(name);
  await add.getByLabel('Type').selectOption({ label: 'UN entity' });
  await choosePerson(add, 'Part of', 'unodc', 'United Nations Office on Drugs and Crime', 'organisations');
  await add.getByRole('button', { name: 'Add organisation' }).click();
  await expect(add.getByRole('status')).toContainText('was added to the organisations');

  await page.getByLabel('Name or acronym').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByText('· part of UNODC')).toBeVisible();
  // The parent shows as chosen; removing it files the office on its own.
  const details = page.getByRole('region', { name: 'Details' });
  const chosen = details.getByRole('list', { name: 'Chosen: Part of' });
  await expect(chosen).toContainText('United Nations Office on Drugs and Crime');
  await chosen.getByRole('button', { name: /Remove/ }).click();
  await details.getByRole('button', { name: 'Save organisation' }).click();
  await expect(page.getByText('Organisation saved.')).toBeVisible();
  await expect(page.getByText('· part of')).toHaveCount(0);
});

test('merge two organisations and two contacts without losing a link', async ({ page }) => {
  const stamp = Date.now().toString(36);
  // A duplicate of the OSCE, as a ministry's spreadsheet spells it, with a contact of its own.
  await page.goto('/staff/organisations');
  const addOrganisation = page.getByRole('region', { name: 'Add an organisation' });
  await addOrganisation
    .getByLabel('Name in English')
    .fill(`Organisation for Security and Cooperation in Europe ${stamp}`);
  await addOrganisation.getByLabel('Type').selectOption({ label: 'Regional organisation' });
  await addOrganisation.getByRole('button', { name: 'Add organisation' }).click();
  await expect(addOrganisation.getByRole('status')).toContainText('was added to the organisations');

  await page.goto('/staff/contacts');
  const addContact = page.getByRole('region', { name: 'Add a contact' });
  await addContact.getByLabel('Name', { exact: true }).fill('Olga Ismoilova');
  await addContact.getByLabel('Email').fill(`olga.ismoilova.${stamp}@osce.example.org`);
  await addContact.getByLabel('Phone').fill('+996 312 66 00 66');
  await addContact.getByLabel('Tags').fill('focal point');
  await choosePerson(
    addContact,
    'Organisation',
    stamp,
    `Organisation for Security and Cooperation in Europe ${stamp}`,
    'organisations',
  );
  await addContact.getByRole('button', { name: 'Add contact' }).click();
  await expect(addContact.getByRole('status')).toContainText('was added to the contacts');

  // Organisations: the OSCE keeps its name and acronym and takes the duplicate's contact.
  await page.getByRole('link', { name: 'Organisations' }).click();
  await page.getByLabel('Name or acronym').fill('OSCE');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'Organization for Security and Co-operation in Europe' }).click();
  const merge = page.getByRole('region', { name: 'Merge a duplicate into this organisation' });
  await merge.getByLabel('Find the duplicate by name or acronym').fill(stamp);
  await merge.getByRole('button', { name: 'Find' }).click();
  await merge
    .getByRole('button', {
      name: `Merge “Organisation for Security and Cooperation in Europe ${stamp}” into this organisation`,
    })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The duplicate was merged into this organisation.' }),
  ).toBeVisible();
  // The kept organisation's details can be completed on the same page.
  const organisationDetails = page.getByRole('region', { name: 'Details' });
  await organisationDetails.getByLabel('Website').fill('osce.org');
  await organisationDetails.getByLabel('Name in Russian').fill('Организация по безопасности и сотрудничеству в Европе');
  await organisationDetails.getByRole('button', { name: 'Save organisation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Organisation saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Details' }).getByLabel('Website')).toHaveValue('https://osce.org');
  await page
    .getByRole('region', { name: 'Linked to' })
    .getByRole('link', { name: /contacts$/ })
    .click();
  const table = page.getByRole('group', { name: 'Contacts table' });
  await expect(table.getByRole('row').filter({ hasText: 'Olga Ismoilova' })).toContainText('OSCE');
  await page.goto('/staff/organisations?q=' + stamp);
  await expect(page.getByRole('status').filter({ hasText: /^0 organisations matching\.$/ })).toBeVisible();

  // Contacts: «Ольга Исмоилов» from the fixture file takes the duplicate's phone, tags and address.
  await page.goto('/staff/contacts?q=olga.ismoilov66');
  await table.getByRole('link', { name: 'Ольга Исмоилов' }).click();
  const mergeContact = page.getByRole('region', { name: 'Merge a duplicate into this contact' });
  await mergeContact.getByLabel('Find the duplicate by name or email').fill(`olga.ismoilova.${stamp}`);
  await mergeContact.getByRole('button', { name: 'Find' }).click();
  await mergeContact
    .getByRole('button', { name: `Merge olga.ismoilova.${stamp}@osce.example.org into this contact` })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The duplicate was merged into this contact.' }),
  ).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByLabel('Tags')).toHaveValue('focal point');
  await expect(details.getByLabel('Notes')).toHaveValue(new RegExp(`olga\\.ismoilova\\.${stamp}@osce\\.example\\.org`));
  // The fixture's phone stays: the kept contact's own values win.
  await expect(details.getByLabel('Phone')).toHaveValue('8 10 996 312 000066');
  // And the contact's passport spelling, for her badge.
  await details.getByLabel('Passport spelling (Latin letters)').fill('Olga Ismoilova');
  await details.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Contact saved.' })).toBeVisible();
  await page.getByLabel('Name, email or organisation').fill('olga.ismoilov66');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'olga.ismoilov66' })).toContainText('Olga Ismoilova');

  await page.goto(`/staff/contacts?q=olga.ismoilova.${stamp}`);
  await expect(page.getByRole('status').filter({ hasText: /^0 contacts matching/ })).toBeVisible();
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a refused contact, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('shows every error of each field beside that field, and only a count under the button', async ({ page }) => {
      await page.goto('/staff/contacts');
      const form = page.getByRole('region', { name: 'Add a contact' });
      await form.getByLabel('Email', { exact: true }).fill('not an address');
      // Too long and not a phone number: two errors for one field.
      await form
        .getByLabel('Phone', { exact: true })
        .fill('call the office, extension forty-two, mornings only please');
      await form.getByRole('button', { name: 'Add contact' }).click();

      await expect(form.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/Enter the name\.$/);
      await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByLabel('Email', { exact: true })).toHaveAccessibleDescription(
        'Enter a valid email address, like name@example.org.',
      );
      await expect(form.getByLabel('Phone', { exact: true })).toHaveAccessibleDescription(
        'Keep the phone number under 50 characters. Write the phone number with digits, spaces and + ( ) - only.',
      );
      await expect(form.getByLabel('Position', { exact: true })).not.toHaveAttribute('aria-invalid');
      // No error is shown twice.
      await expect(form.getByText('Enter the name.')).toHaveCount(1);
      await expect(form.getByText('3 fields need attention.')).toBeVisible();
      // With JavaScript, the count links to each field, by its label.
      await expect(form.getByRole('link')).toHaveText(javaScriptEnabled ? ['Name', 'Email', 'Phone'] : []);
      if (javaScriptEnabled) {
        await form.getByRole('link', { name: 'Phone' }).click();
        await expect(form.getByLabel('Phone', { exact: true })).toBeFocused();
      }
    });
  });
}
