import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { choosePerson } from './people-picker';

test.describe.configure({ mode: 'serial' });

const plenaryTitle = 'First meeting of the Regional Expert Council on Rehabilitation and Reintegration of Returnees';

async function fillWhen(page: Page, when: { startDate: string; startTime: string; endDate: string; endTime: string }) {
  await page.getByLabel('Start date').fill(when.startDate);
  await page.getByLabel('Start time').fill(when.startTime);
  await page.getByLabel('End date').fill(when.endDate);
  await page.getByLabel('End time').fill(when.endTime);
}

test('duplicate the Tashkent plenary into the next working-group meeting, online, with co-organisers', async ({
  page,
}) => {
  // A long flow (about 30 page loads): 27 s on an idle 2-core machine, more on a busy one.
  test.setTimeout(90_000);
  await page.goto('/staff');
  await page.getByRole('link', { name: plenaryTitle }).click();

  const duplicate = page.getByRole('region', { name: 'Duplicate this meeting' });
  await duplicate
    .getByLabel('New title in English')
    .fill('Second working group meeting of the Regional Expert Council');
  await duplicate
    .getByLabel('New title in Russian')
    .fill('Второе заседание рабочей группы Регионального экспертного совета');
  await duplicate.getByLabel('New start date').fill('2027-02-16');
  await duplicate.getByLabel('New end date').fill('2027-02-16');
  await duplicate.getByRole('button', { name: 'Duplicate' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'This is the new copy, as a draft' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Second working group meeting of the Regional Expert Council',
  );
  await expect(page.getByText('16 February 2027, 10:00–17:00 Tashkent time (UTC+5)')).toBeVisible();
  const organisations = page.getByRole('region', { name: 'Organisations' });
  await expect(organisations.getByRole('row')).toHaveCount(13);

  // Change its dates and make it an online working-group meeting.
  await page.getByRole('link', { name: 'Edit details' }).click();
  await page.getByLabel('Kind of meeting').selectOption({ label: 'Working group meeting' });
  await fillWhen(page, { startDate: '2027-02-17', startTime: '14:00', endDate: '2027-02-17', endTime: '16:00' });
  await page.getByLabel('Format').selectOption({ label: 'Online' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  // An online meeting without its link is refused, on that field.
  await expect(page.getByLabel('Meeting link')).toHaveAccessibleDescription(/An online meeting needs its meeting link/);
  await page.getByLabel('Meeting link').fill('https://meet.example.org/wg-2');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Second working group meeting of the Regional Expert Council',
  );
  await expect(page.getByText('17 February 2027, 14:00–16:00 Tashkent time (UTC+5)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://meet.example.org/wg-2' })).toBeVisible();

  // Co-organisers: UNODC becomes one, and moves up above CTED; CIS leaves.
  const link = page.getByRole('region', { name: 'Organisations' });
  await choosePerson(link, 'Organisation', 'UNODC', 'United Nations Office on Drugs and Crime', 'organisations');
  await link.getByLabel('Role').selectOption({ label: 'Co-organiser' });
  await link.getByRole('button', { name: 'Link organisation' }).click();
  await expect(link.getByRole('row', { name: /UNODC/ })).toContainText('Co-organiser');
  await expect(link.getByText('Organisations updated.')).toBeVisible();
  await link.getByRole('button', { name: 'Move UNODC up' }).click();
  await expect(link.getByRole('row').nth(8)).toContainText('UNODC');
  // One notice at a time: the move's replaces the link's.
  await expect(link.getByText('Order changed.')).toBeVisible();
  await expect(page.getByText('Organisations updated.')).toHaveCount(0);
  await link.getByRole('button', { name: 'Remove CIS' }).click();
  await expect(link.getByRole('row', { name: /\(CIS\)/ })).toHaveCount(0);

  // The plenary's agenda came along, moved to the new dates and internal until published.
  const agenda = page.getByRole('region', { name: /^Agenda/ });
  await expect(agenda.getByRole('heading', { name: 'Agenda (internal)' })).toBeVisible();
  await expect(agenda.getByRole('article')).toHaveCount(6);
  await expect(agenda.getByRole('heading', { level: 3, name: '16 February 2027' })).toBeVisible();

  // Three items with speakers, and a side meeting with its participants, on the new day.
  const addItem = agenda.getByRole('region', { name: 'Add an agenda item' });
  const add = async (item: {
    kind: string;
    from: string;
    to: string;
    title: string;
    titleRu: string;
    room?: string;
    people: [string, string][];
  }) => {
    await addItem.getByLabel('Kind of item').selectOption({ label: item.kind });
    await addItem.getByLabel('Day').fill('2027-02-17');
    await addItem.getByLabel('From').fill(item.from);
    await addItem.getByLabel('To', { exact: true }).fill(item.to);
    await addItem.getByLabel('Room in English').fill(item.room ?? '');
    await addItem.getByLabel('Item title in English').fill(item.title);
    await addItem.getByLabel('Item title in Russian').fill(item.titleRu);
    for (const [field, name] of item.people) await choosePerson(addItem, field, name.split(' ')[1]!, name);
    await addItem.getByRole('button', { name: 'Add to agenda' }).click();
    await expect(agenda.getByRole('article', { name: item.title })).toBeVisible();
  };
  await add({
    kind: 'Opening',
    from: '14:00',
    to: '14:10',
    title: 'Welcome by the Head of UNRCCA',
    titleRu: 'Приветствие главы РЦПДЦА',
    room: 'Studio',
    people: [['Speakers', 'Kaha Imnadze']],
  });
  await add({
    kind: 'Working session',
    from: '14:10',
    to: '15:30',
    title: 'Country updates',
    titleRu: 'Информация стран',
    room: 'Studio',
    people: [['Moderators', 'Kaha Imnadze']],
  });
  await add({
    kind: 'Statement',
    from: '15:30',
    to: '16:00',
    title: 'Closing statement',
    titleRu: 'Заключительное слово',
    room: 'Studio',
    people: [['Speakers', 'Kaha Imnadze']],
  });
  await add({
    kind: 'Side meeting',
    from: '16:00',
    to: '16:30',
    title: 'Bilateral meeting with Kazakhstan',
    titleRu: 'Двусторонняя встреча с Казахстаном',
    room: 'Room B',
    people: [['Participants (side meetings)', 'Kaha Imnadze']],
  });
  await expect(agenda.getByRole('article', { name: 'Welcome by the Head of UNRCCA' })).toContainText(
    'Speakers: Kaha Imnadze',
  );
  await expect(agenda.getByRole('article', { name: 'Bilateral meeting with Kazakhstan' })).toContainText(
    'Participants: Kaha Imnadze',
  );
  await expect(agenda.getByRole('article', { name: 'Country updates' })).toContainText(
    '14:10–15:30 · Working session · Studio',
  );

  // An item can be changed in place.
  const updates = agenda.getByRole('article', { name: 'Country updates' });
  await updates.getByText('Edit').click();
  await updates.getByLabel('To', { exact: true }).fill('15:20');
  await updates.getByLabel('Room in English').fill('Studio B');
  await updates.getByRole('button', { name: 'Save item' }).click();
  await expect(updates).toContainText('14:10–15:20 · Working session · Studio B');
  await expect(updates).toContainText('Moderators: Kaha Imnadze');

  // An overlap in the same room warns.
  await add({
    kind: 'Briefing',
    from: '16:15',
    to: '16:45',
    title: 'Press briefing',
    titleRu: 'Брифинг для прессы',
    room: 'Room B',
    people: [],
  });
  await expect(agenda.getByRole('article', { name: 'Press briefing' })).toContainText(
    'Overlaps in Room B with: Bilateral meeting with Kazakhstan',
  );
  await agenda.getByRole('button', { name: 'Remove “Press briefing”' }).click();
  await expect(agenda.getByRole('article', { name: 'Press briefing' })).toHaveCount(0);

  await agenda.getByRole('button', { name: 'Publish the agenda' }).click();
  await expect(agenda.getByRole('heading', { name: 'Agenda (published)' })).toBeVisible();

  // The history in sentences, by name: no ids, no JSON (the raw record is folded away, for admins).
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText(`Aziza Karimova created this meeting as a copy of “${plenaryTitle}”.`);
  await expect(history).toContainText('Aziza Karimova published the agenda.');
  await expect(history).toContainText(/Aziza Karimova moved UNODC up to \d+(st|nd|rd|th) place\./);
  await expect(history).toContainText(
    'the start from 16 February 2027, 10:00 Tashkent time (UTC+5) to 17 February 2027, 14:00 Tashkent time (UTC+5)',
  );
  await expect(history).toContainText(/Aziza Karimova removed CIS \(/);
  await expect(history.getByText('Raw record').first()).toBeVisible();
  await expect(history.getByText('"direction"').first()).toBeHidden();
});

test('walk a past meeting through the workflow to held', async ({ page }) => {
  await page.goto('/staff');
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Kind of meeting').selectOption({ label: 'Working group meeting' });
  await page.getByLabel('Title in English').fill('Online working group meeting, July 2024');
  await page.getByLabel('Title in Russian').fill('Онлайн-заседание рабочей группы, июль 2024 года');
  await page.getByLabel('Venue time zone').selectOption('Asia/Tashkent');
  await fillWhen(page, { startDate: '2024-07-26', startTime: '10:00', endDate: '2024-07-26', endTime: '12:00' });
  await page.getByLabel('Format').selectOption({ label: 'Online' });
  await page.getByLabel('Meeting link').fill('https://meet.example.org/wg-1');
  await page.getByRole('button', { name: 'Create meeting' }).click();
  // A start in the past is saved only once confirmed, on that field.
  const confirmPast = page.getByRole('checkbox', { name: 'Yes, it is in the past' });
  await expect(confirmPast).toHaveAccessibleDescription(/This meeting starts in the past/);
  await expect(page.getByLabel('Title in English')).toHaveValue('Online working group meeting, July 2024');
  await confirmPast.check();
  await page.getByRole('button', { name: 'Create meeting' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Online working group meeting, July 2024');
  const status = page.getByRole('term').filter({ hasText: 'Status' }).locator('xpath=following-sibling::dd[1]');
  await expect(status).toHaveText('Draft');
  for (const [button, label] of [
    ['Mark as planned', 'Planned'],
    ['Open invitations', 'Invitations open'],
    ['Close registration', 'Registration closed'],
    ['Mark as held', 'Held'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    await expect(status).toHaveText(label);
  }
  await expect(page.getByRole('region', { name: 'Status' })).toHaveCount(0);
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText(/changed the status from/)).toHaveCount(4);
  await expect(history).toContainText('Aziza Karimova changed the status from registration closed to held.');
});

test('times show in the venue’s zone and in the reader’s own, across the date line', async ({ page }) => {
  await page.goto('/staff/profile');
  await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Tashkent');
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByRole('status')).toContainText('Times will also be shown in Asia/Tashkent');

  await page.goto('/staff/meetings/new');
  await page.getByLabel('Kind of meeting').selectOption({ label: 'Briefing' });
  await page.getByLabel('Title in English').fill('Briefing in New York');
  await page.getByLabel('Title in Russian').fill('Брифинг в Нью-Йорке');
  await page.getByLabel('Venue time zone').selectOption('America/New_York');
  await fillWhen(page, { startDate: '2024-12-10', startTime: '15:00', endDate: '2024-12-10', endTime: '16:30' });
  await page.getByLabel('City in English').fill('New York');
  await page.getByLabel('Country').selectOption({ label: 'United States of America' });
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await page.getByRole('checkbox', { name: 'Yes, it is in the past' }).check();
  await page.getByRole('button', { name: 'Create meeting' }).click();

  await expect(page.getByText('10 December 2024, 15:00–16:30 New York time (UTC-5)')).toBeVisible();
  await expect(page.getByText('Your time: 11 December 2024, 01:00–02:30 Tashkent time (UTC+5)')).toBeVisible();

  await page.goto('/staff/profile');
  await page.getByLabel('Time zone', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByRole('status')).toContainText('venue only');
});

test('a viewer reads the planning pages and is offered no changes', async ({ staff }) => {
  const viewer = await staff.withRole('viewer');
  await viewer.goto('/staff');
  await expect(viewer.getByRole('link', { name: 'New meeting' })).toHaveCount(0);
  await viewer.getByRole('link', { name: plenaryTitle }).click();
  await expect(viewer.getByRole('region', { name: 'Organisations' }).getByRole('row')).not.toHaveCount(0);
  await expect(viewer.getByRole('link', { name: 'Edit details' })).toHaveCount(0);
  await expect(viewer.getByRole('button')).toHaveText(['Sign out']);
  await viewer.goto('/staff/meetings/new');
  await expect(viewer.getByRole('heading', { name: 'You cannot open this page' })).toBeVisible();
});
