import { expect, test } from '@playwright/test';
import { choosePerson } from './people-picker';

const councilName = 'Regional Expert Council on Rehabilitation and Reintegration of Returnees';
const stamp = Date.now().toString(36);
const people = [
  {
    name: 'Ержан Ахметов',
    email: `yerzhan.akhmetov.${stamp}@mfa-kz.example.org`,
    country: 'Kazakhstan',
    language: 'Russian',
  },
  {
    name: 'Aidana Jumaeva',
    email: `aidana.jumaeva.${stamp}@mfa-tj.example.org`,
    country: 'Tajikistan',
    language: 'English',
  },
  {
    name: 'Farrukh Rakhimov',
    email: `farrukh.rakhimov.${stamp}@isrs.example.org`,
    country: 'Uzbekistan',
    language: 'English',
  },
];

test('build the council’s roster from three countries with a working group, end a term, and look back', async ({
  page,
}) => {
  // The people, in Contacts first.
  await page.goto('/staff');
  await page.getByRole('link', { name: 'Contacts' }).click();
  const add = page.getByRole('region', { name: 'Add a contact' });
  for (const person of people) {
    await add.getByLabel('Name', { exact: true }).fill(person.name);
    await add.getByLabel('Email').fill(person.email);
    await add.getByLabel('Country').selectOption({ label: person.country });
    await add.getByLabel('Preferred language').selectOption({ label: person.language });
    await add.getByRole('button', { name: 'Add contact' }).click();
    await expect(add.getByRole('status')).toHaveText(`${person.name} was added to the contacts.`);
  }
  // A second contact with the same address (in other case) is refused on the field, keeping what was typed.
  await add.getByLabel('Name', { exact: true }).fill('Someone Else');
  await add.getByLabel('Email').fill(people[0]!.email.toUpperCase());
  await add.getByRole('button', { name: 'Add contact' }).click();
  await expect(add.getByText('Another contact already has this email address.')).toBeVisible();
  await expect(add.getByLabel('Name', { exact: true })).toHaveValue('Someone Else');

  await page.getByRole('link', { name: 'Councils' }).click();
  await page.getByRole('link', { name: councilName }).click();

  const groups = page.getByRole('region', { name: 'Working groups' });
  await groups.getByLabel('Working group name in English').fill('Working Group on Legal Frameworks');
  await groups.getByLabel('Working group name in Russian').fill('Рабочая группа по правовой базе');
  await groups.getByRole('button', { name: 'Add working group' }).click();
  await expect(groups.getByRole('listitem').filter({ hasText: 'Working Group on Legal Frameworks' })).toBeVisible();

  const addMember = page.getByRole('region', { name: 'Add to the roster' });
  const roster = page.getByRole('region', { name: /^Roster on/ });
  for (const [i, person] of people.entries()) {
    await choosePerson(addMember, 'Person', person.email, person.name);
    await addMember
      .getByLabel('Role on the council')
      .selectOption({ label: i === 0 ? 'Focal point' : 'National expert' });
    await addMember.getByLabel('Nominated by (state)').selectOption({ label: person.country });
    await addMember.getByLabel('Term from').fill('2024-05-14');
    if (i === 2) await addMember.getByLabel('Working Group on Legal Frameworks').check();
    await addMember.getByRole('button', { name: 'Add to roster' }).click();
    // The same message each time: wait for the person to be on the roster before the next one.
    await expect(roster.getByRole('row', { name: new RegExp(person.name) })).toBeVisible();
    await expect(addMember.getByRole('status')).toHaveText('Added to the roster.');
  }

  for (const country of ['Kazakhstan', 'Tajikistan', 'Uzbekistan']) {
    await expect(roster.getByRole('heading', { name: new RegExp(`^${country} \\(\\d+\\)`) })).toBeVisible();
  }
  await expect(roster.getByRole('row', { name: /Farrukh Rakhimov/ })).toContainText(
    'Working Group on Legal Frameworks',
  );

  // Aidana Jumaeva's term ends on 30 June 2025.
  const aidana = roster.getByRole('row', { name: /Aidana Jumaeva/ });
  await aidana.getByLabel('Last day of Aidana Jumaeva’s term').fill('2025-06-30');
  await aidana.getByRole('button', { name: 'End term of Aidana Jumaeva' }).click();
  await page.reload();
  await expect(roster.getByRole('row', { name: /Aidana Jumaeva/ })).toHaveCount(0);

  // As of a past date, she is there, and the view can be grouped by organisation too.
  await page.getByLabel('Members on date').fill('2025-01-15');
  await page.getByLabel('Group by').selectOption({ label: 'Organisation' });
  await page.getByRole('button', { name: 'Show roster' }).click();
  await expect(page).toHaveURL(/asOf=2025-01-15/);
  await expect(page.getByRole('heading', { name: 'Roster on 15 January 2025' })).toBeVisible();
  await expect(roster.getByRole('row', { name: /Aidana Jumaeva/ })).toContainText('14 May 2024 – 30 June 2025');
  await expect(roster.getByRole('row', { name: /Ержан Ахметов/ })).toContainText('Focal point');
  // And before the plenary, nobody was.
  await page.getByLabel('Members on date').fill('2024-05-13');
  await page.getByRole('button', { name: 'Show roster' }).click();
  await expect(roster.getByRole('row', { name: new RegExp(people.map((p) => p.name).join('|')) })).toHaveCount(0);
});
