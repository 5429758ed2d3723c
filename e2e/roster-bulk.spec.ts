import path from 'node:path';
import type { Locator } from '@playwright/test';
import { choosePerson } from './people-picker';
import { expect, test } from './test';

// An events officer builds the council's roster in bulk: ticks people in the directory, adds one from their page,
// then everyone matching a search (those already on it are skipped), everyone at an organisation, and finally a file
// of 50 members through the importer's preview.

const COUNCIL = 'Regional Expert Council on Rehabilitation and Reintegration of Returnees';
const WORKING_GROUP = 'Working Group on Rehabilitation and Reintegration Practice';
const CICA = { search: 'CICA', name: 'Conference on Interaction and Confidence Building Measures in Asia' };
const stamp = Date.now().toString(36);
const people = ['Асель Жумабекова', 'Bolot Sydykov', 'Нуриза Алиева'].map((name, i) => ({
  name,
  email: `roster.${i}.${stamp}@mfa-kg.example.org`,
}));

test.describe.configure({ mode: 'serial' });

/** Fills the one roster form (lib/schemas/roster.ts) inside `form`. */
async function fillTerm(
  form: Locator,
  term: {
    role: string;
    state?: string;
    organisation?: { search: string; name: string };
    from: string;
    to?: string;
    group?: string;
  },
) {
  await form.getByLabel('Role on the council').selectOption({ label: term.role });
  if (term.state) await form.getByLabel('Nominated by (state)').selectOption({ label: term.state });
  if (term.organisation) {
    const { search, name } = term.organisation;
    await choosePerson(form, 'Nominated by (organisation)', search, name, 'organisations');
  }
  await form.getByLabel('Term from').fill(term.from);
  if (term.to) await form.getByLabel('Term to (optional)').fill(term.to);
  if (term.group) await form.getByLabel('Working group (optional)').selectOption({ label: term.group });
}

test('add ticked people, one from their page, then everyone matching a search', async ({ page }) => {
  await page.goto('/staff/contacts');
  const add = page.getByRole('region', { name: 'Add a contact' });
  for (const person of people) {
    await add.getByLabel('Name', { exact: true }).fill(person.name);
    await add.getByLabel('Email').fill(person.email);
    await add.getByLabel('Country').selectOption({ label: 'Kyrgyzstan' });
    await add.getByRole('button', { name: 'Add contact' }).click();
    await expect(add.getByRole('status')).toHaveText(`${person.name} was added to the contacts.`);
  }

  await page.getByLabel('Name, email or organisation').fill(stamp);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('3 contacts matching')).toBeVisible();
  await page.getByLabel(`Select ${people[0]!.name}`).check();
  await page.getByLabel(`Select ${people[1]!.name}`).check();
  const bulk = page.getByRole('group', { name: 'Add to a council’s roster' });
  await expect(bulk.getByLabel('Council', { exact: true })).toHaveValue(/.+/);
  await fillTerm(bulk, {
    role: 'National expert',
    state: 'Kyrgyzstan',
    from: '2026-01-01',
    to: '2028-12-31',
    group: WORKING_GROUP,
  });
  await page.getByRole('button', { name: 'Add to the roster' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toHaveText('Added 2 people to the roster.');

  // The third, from her own page.
  await page.getByRole('link', { name: people[2]!.name }).click();
  const fromContact = page.getByRole('region', { name: 'Add to a council’s roster' });
  await fillTerm(fromContact, { role: 'Focal point', state: 'Kyrgyzstan', from: '2026-03-01' });
  await fromContact.getByRole('button', { name: 'Add to the roster' }).click();
  await expect(fromContact.getByRole('status')).toHaveText('Added 1 person to the roster.');
  await expect(page.getByRole('region', { name: 'Where this contact appears' })).toContainText(
    'Focal point, from 2026-03-01',
  );

  // Everyone matching the search: all three are on the roster in those dates already.
  await page.goto(`/staff/contacts?q=${stamp}`);
  await page.getByLabel('Everyone matching the filters (3)').check();
  await fillTerm(page.getByRole('group', { name: 'Add to a council’s roster' }), {
    role: 'Member',
    state: 'Kyrgyzstan',
    from: '2026-06-01',
  });
  await page.getByRole('button', { name: 'Add to the roster' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toHaveText(
    'Added 0 people to the roster. 3 people already on the roster in those dates were skipped.',
  );

  // Nobody ticked: refused on the choice, nothing added.
  await page.getByRole('button', { name: 'Add to the roster' }).click();
  await expect(page.getByText('Tick the people to add, or choose “everyone matching the filters”.')).toBeVisible();

  await page.goto('/staff/councils');
  await page.getByRole('link', { name: COUNCIL }).click();
  const roster = page.getByRole('region', { name: /^Roster on/ });
  for (const person of people) await expect(roster.getByRole('row', { name: new RegExp(person.name) })).toBeVisible();
  await expect(roster.getByRole('row', { name: new RegExp(people[0]!.name) })).toContainText(WORKING_GROUP);
});

test('add everyone at an organisation from the council’s page', async ({ page }) => {
  await page.goto('/staff/councils');
  await page.getByRole('link', { name: COUNCIL }).click();
  const section = page.getByRole('region', { name: 'Add everyone at an organisation' });
  await choosePerson(section, 'Organisation whose people to add', CICA.search, CICA.name, 'organisations');
  await fillTerm(section, { role: 'Observer', organisation: CICA, from: '2026-01-01' });
  await section.getByRole('button', { name: 'Add everyone at the organisation' }).click();
  // Everyone at CICA in the directory (two in the demo, more once other tests imported their files).
  const status = section.getByRole('status');
  await expect(status).toHaveText(/^Added \d+ people to the roster\.$/);
  const added = Number((await status.textContent())!.match(/\d+/)![0]);
  expect(added).toBeGreaterThanOrEqual(2);
  await page.getByLabel('Group by').selectOption({ label: 'Organisation' });
  await page.getByRole('button', { name: 'Show roster' }).click();
  await expect(
    page.getByRole('region', { name: /^Roster on/ }).getByRole('heading', { name: `CICA (${added})` }),
  ).toBeVisible();

  // Again: everyone is on the roster in those dates already.
  await choosePerson(section, 'Organisation whose people to add', CICA.search, CICA.name, 'organisations');
  await fillTerm(section, { role: 'Observer', organisation: CICA, from: '2026-01-01' });
  await section.getByRole('button', { name: 'Add everyone at the organisation' }).click();
  await expect(status).toHaveText(
    `Added 0 people to the roster. ${added} people already on the roster in those dates were skipped.`,
  );
});

test('import a roster of 50 members through the preview', async ({ page }) => {
  await page.goto('/staff/contacts/import');
  await page.getByLabel('CSV file').setInputFiles(path.join(import.meta.dirname, 'fixtures', 'roster-50.csv'));
  await page
    .getByLabel('Also add everyone in the file to a council’s roster')
    .selectOption({ label: `Roster of ${COUNCIL}` });
  await page.getByRole('button', { name: 'Upload and preview' }).click();

  const summary = page.getByRole('region', { name: 'What this import would do' });
  await expect(summary).toContainText('50 new contacts');
  await expect(summary).toContainText(`50 people join the roster of ${COUNCIL}`);
  const rows = page.getByRole('group', { name: 'Rows table' });
  await expect(rows.getByRole('row', { name: /Айжан Бекова/ })).toContainText(
    `Joins the roster: Focal point, nominated by Kazakhstan, 2026-01-01 to 2028-12-31, ${WORKING_GROUP}`,
  );
  await expect(rows.getByRole('row', { name: /Nurlan Omarov/ })).toContainText(
    'Joins the roster: National expert, nominated by Kazakhstan, 2026-01-01 to 2028-12-31',
  );

  // While it waits for confirmation, the dashboard lists it with who started it, and leads back to it.
  const previewUrl = page.url();
  await page.goto('/staff');
  const imports = page.getByRole('region', { name: 'Contact imports in progress' });
  await expect(imports.getByRole('listitem').filter({ hasText: 'roster-50.csv' })).toContainText(
    '50 rows waiting for confirmation',
  );
  await imports.getByRole('link', { name: 'roster-50.csv' }).first().click();
  await expect(page).toHaveURL(previewUrl);

  await page.getByRole('button', { name: 'Import 50 contacts' }).click();
  const done = page.getByRole('region', { name: 'Import finished' });
  await expect(done).toBeVisible({ timeout: 20_000 });
  await expect(done).toContainText('50 people joined the council’s roster');

  await done.getByRole('link', { name: 'council’s roster' }).click();
  const roster = page.getByRole('region', { name: /^Roster on/ });
  await expect(roster.getByRole('row', { name: /Samuel Adeyemi/ })).toContainText('Observer');
  await expect(roster.getByRole('row', { name: /Айжан Бекова/ })).toContainText(WORKING_GROUP);
});
