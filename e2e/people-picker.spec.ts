import { invitationToken } from '../lib/invitation-token';
import { scaleDirectory, type ScaleDirectory } from './scale-directory';
import { expect, test } from './test';

// The people picker (components/people-picker.tsx) as staff use it: on a directory of 20,000 contacts it finds
// names that sort last in either script, keeps the order chosen, and that order is what the staff agenda and the
// delegate's invitation page show. Without JavaScript it is a search-and-tick form.

const WORKING_GROUP_MEETING = '0b7a7c1e-5d1f-4c43-9a51-000000000102';
// The e2e server's AUTH_SECRET (playwright.config.ts): the key of the personal links it accepts.
const E2E_AUTH_SECRET = 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

test.describe('with the directory at 20,000 contacts', () => {
  test.skip(!process.env.DATABASE_URL, 'Scale tests run on PostgreSQL only.');
  let directory: ScaleDirectory;
  let zykovId: string;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    directory = await scaleDirectory();
    [, zykovId] = (await directory.add([
      { name: 'Ёлкина Ярослава', nameLatin: 'Yolkina Yaroslava' },
      { name: 'Zykov Zinovy' },
    ])) as [string, string];
  });
  test.afterAll(async () => directory?.remove());

  test('staff find speakers in either script, set their order, and the order shows everywhere', async ({ page }) => {
    test.setTimeout(90_000);
    const meetingPage = `/staff/meetings/${WORKING_GROUP_MEETING}`;
    // The page carries no list of the directory.
    const html = await (await page.request.get(meetingPage)).text();
    expect(html).not.toContain('Scaleton');
    expect(html.length).toBeLessThan(400_000);

    await page.goto(meetingPage);
    const addItem = page.getByRole('region', { name: 'Add an agenda item' });
    await addItem.getByLabel('Kind of item').selectOption({ label: 'Statement' });
    await addItem.getByLabel('From').fill('11:00');
    await addItem.getByLabel('To', { exact: true }).fill('11:20');
    await addItem.getByLabel('Item title in English').fill('Round of statements');
    await addItem.getByLabel('Item title in Russian').fill('Выступления');

    const speakers = addItem.getByRole('combobox', { name: 'Speakers' });
    const found = addItem.getByRole('listbox', { name: 'Speakers: people found' });
    // Part of a Cyrillic name that sorts after all 20,000, chosen with the keyboard.
    await speakers.fill('Ёлкин');
    await expect(found.getByRole('option').first()).toContainText('Ёлкина Ярослава');
    await expect(addItem.getByText('1 person found.', { exact: false })).toBeAttached();
    await speakers.press('ArrowDown');
    await expect(found.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await speakers.press('Enter');
    // Part of a Latin one, chosen with the mouse; then someone typed in the other script than the directory's.
    await speakers.fill('Zykov');
    await found.getByRole('option', { name: /Zykov Zinovy/ }).click();
    await speakers.fill('Имнадзе');
    await found.getByRole('option', { name: /Kaha Imnadze/ }).click();
    const chosen = addItem.getByRole('list', { name: 'Chosen: Speakers' }).getByRole('listitem');
    await expect(chosen).toHaveText([/Ёлкина Ярослава/, /Zykov Zinovy/, /Kaha Imnadze/]);
    await addItem.getByRole('button', { name: 'Move Kaha Imnadze up' }).click();
    await expect(chosen).toHaveText([/Ёлкина Ярослава/, /Kaha Imnadze/, /Zykov Zinovy/]);
    await addItem.getByRole('button', { name: 'Add to agenda' }).click();

    const item = page.getByRole('article', { name: 'Round of statements' });
    await expect(item).toContainText('Speakers: Ёлкина Ярослава, Kaha Imnadze, Zykov Zinovy');

    // Reordered later: Zykov opens.
    await item.getByText('Edit').click();
    await item.getByRole('button', { name: 'Move Zykov Zinovy up' }).click();
    await item.getByRole('button', { name: 'Move Zykov Zinovy up' }).click();
    await item.getByRole('button', { name: 'Save item' }).click();
    await expect(item).toContainText('Speakers: Zykov Zinovy, Ёлкина Ярослава, Kaha Imnadze');
    await page.reload();
    await expect(page.getByRole('article', { name: 'Round of statements' })).toContainText(
      'Speakers: Zykov Zinovy, Ёлкина Ярослава, Kaha Imnadze',
    );

    // The published agenda on a delegate's invitation page, in both languages.
    const [invitation] = await directory.sql<{ id: string }[]>`
      insert into invitations (meeting_id, contact_id, role, email, language)
      values (${WORKING_GROUP_MEETING}, ${zykovId}, 'delegate', 'zykov.e2e@scale.example.org', 'en') returning id`;
    const token = invitationToken(E2E_AUTH_SECRET, { invitationId: invitation!.id, version: 1 });
    await page.goto(`/i/${token}`);
    // The same programme as the public page: speakers in the order chosen, in the page's script.
    const programme = page.getByRole('region', { name: 'Programme' });
    await expect(
      programme
        .getByRole('listitem')
        .filter({ hasText: 'Round of statements' })
        .getByRole('list', { name: 'Speakers' })
        .getByRole('listitem'),
    ).toHaveText([/^Zykov Zinovy/, /^Yolkina Yaroslava/, /^Kaha Imnadze/]);
    await page.goto(`/ru/i/${token}`);
    await expect(
      page
        .getByRole('region', { name: 'Программа' })
        .getByRole('listitem')
        .filter({ hasText: 'Выступления' })
        .getByRole('list', { name: 'Выступающие' })
        .getByRole('listitem'),
    ).toHaveText([/^Zykov Zinovy/, /^Ёлкина Ярослава/, /^Kaha Imnadze/]);
    // The meeting's invitations are counted by other specs: this one was only a way in.
    await directory.sql`delete from invitations where id = ${invitation!.id}`;
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('staff search, tick people and add them to an agenda item', async ({ page }) => {
    await page.goto(`/staff/meetings/${WORKING_GROUP_MEETING}`);
    const addItem = page.getByRole('region', { name: 'Add an agenda item' });
    await addItem.getByLabel('Kind of item').selectOption({ label: 'Briefing' });
    await addItem.getByLabel('From').fill('11:20');
    await addItem.getByLabel('To', { exact: true }).fill('11:40');
    await addItem.getByLabel('Item title in English').fill('Briefing without scripts');
    await addItem.getByLabel('Item title in Russian').fill('Брифинг без скриптов');
    const moderators = addItem.getByRole('group', { name: 'Moderators' });
    await moderators.getByLabel('Find by name').fill('imnadze');
    await moderators.getByRole('button', { name: 'Search Moderators' }).click();

    // The page came back with what was typed, and the matches to tick.
    const form = page.getByRole('region', { name: 'Add an agenda item' });
    await expect(form.getByLabel('Item title in English')).toHaveValue('Briefing without scripts');
    const again = form.getByRole('group', { name: 'Moderators' });
    await expect(again.getByText('1 person found for “imnadze”')).toBeVisible();
    await again.getByRole('checkbox', { name: /Kaha Imnadze/ }).check();
    await form.getByRole('button', { name: 'Add to agenda' }).click();
    await expect(page.getByRole('article', { name: 'Briefing without scripts' })).toContainText(
      'Moderators: Kaha Imnadze',
    );
  });

  test('staff search for a new contact’s organisation and keep what they typed', async ({ page }) => {
    const email = `nodira.karimova.${Date.now().toString(36)}@example.org`;
    await page.goto('/staff/contacts');
    const add = page.getByRole('region', { name: 'Add a contact' });
    await add.getByLabel('Name', { exact: true }).fill('Nodira Karimova');
    await add.getByLabel('Email').fill(email);
    await add.getByLabel('Phone').fill('+998 71 120 00 00');
    await add.getByRole('group', { name: 'Organisation' }).getByLabel('Find by name').fill('UNODC');
    await add.getByRole('button', { name: 'Search Organisation' }).click();

    const again = page.getByRole('region', { name: 'Add a contact' });
    await expect(again.getByLabel('Name', { exact: true })).toHaveValue('Nodira Karimova');
    await expect(again.getByLabel('Email')).toHaveValue(email);
    await expect(again.getByLabel('Phone')).toHaveValue('+998 71 120 00 00');
    await again.getByRole('radio', { name: /United Nations Office on Drugs and Crime/ }).check();
    // Enter in a field adds the contact (not the picker's Search, which comes first in the form).
    await again.getByLabel('Phone').press('Enter');
    // A clean page after: the address held what was typed, which would otherwise come back filled in.
    await expect(page.getByText('Contact added.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Add a contact' }).getByLabel('Name', { exact: true })).toHaveValue(
      '',
    );
    await page.goto(`/staff/contacts?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole('row', { name: /Nodira Karimova/ })).toContainText(
      /UNODC|United Nations Office on Drugs and Crime/,
    );
  });

  test('staff tick people for the roster, search the nominating organisation, and keep ticks and term', async ({
    page,
  }) => {
    const stamp = Date.now().toString(36);
    const names = [`Dilnoza Rahimova ${stamp}`, `Farrukh Sodiqov ${stamp}`];
    await page.goto('/staff/contacts');
    for (const [index, name] of names.entries()) {
      const add = page.getByRole('region', { name: 'Add a contact' });
      await add.getByLabel('Name', { exact: true }).fill(name);
      await add.getByLabel('Email').fill(`roster.nojs.${index}.${stamp}@example.org`);
      await add.getByRole('button', { name: 'Add contact' }).click();
      await expect(page.getByRole('region', { name: 'Add a contact' }).getByRole('status')).toHaveText(
        `${name} was added to the contacts.`,
      );
    }
    await page.goto(`/staff/contacts?q=${stamp}`);
    for (const name of names) await page.getByLabel(`Select ${name}`).check();
    const bulk = page.getByRole('group', { name: 'Add to a council’s roster' });
    await bulk.getByLabel('Role on the council').selectOption({ label: 'Observer' });
    // A term long past, so it overlaps no term another spec gives them.
    await bulk.getByLabel('Term from').fill('2002-01-01');
    await bulk.getByLabel('Term to (optional)').fill('2002-12-31');
    await bulk.getByRole('group', { name: 'Nominated by (organisation)' }).getByLabel('Find by name').fill('CICA');
    await bulk.getByRole('button', { name: 'Search Nominated by (organisation)' }).click();

    for (const name of names) await expect(page.getByLabel(`Select ${name}`)).toBeChecked();
    const again = page.getByRole('group', { name: 'Add to a council’s roster' });
    await expect(again.getByLabel('Role on the council')).toHaveValue('observer');
    await expect(again.getByLabel('Term from')).toHaveValue('2002-01-01');
    await expect(again.getByLabel('Term to (optional)')).toHaveValue('2002-12-31');
    await again
      .getByRole('radio', { name: /Conference on Interaction and Confidence Building Measures in Asia/ })
      .check();
    await page.getByRole('button', { name: 'Add to the roster' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added' })).toHaveText('Added 2 people to the roster.');
  });

  test('staff search and choose the person to add to the roster', async ({ page }) => {
    await page.goto('/staff/councils/0b7a7c1e-5d1f-4c43-9a51-000000000001');
    const addMember = page.getByRole('region', { name: 'Add to the roster' });
    await addMember.getByRole('group', { name: 'Person' }).getByLabel('Find by name').fill('Имнадзе');
    await addMember.getByRole('button', { name: 'Search Person' }).click();
    const form = page.getByRole('region', { name: 'Add to the roster' });
    await form.getByRole('radio', { name: /Kaha Imnadze/ }).check();
    await form.getByLabel('Nominated by (state)').selectOption({ label: 'Uzbekistan' });
    // A term long past, so it overlaps no term another spec gives him.
    await form.getByLabel('Term from').fill('2001-01-01');
    await form.getByLabel('Term to (optional)').fill('2001-12-31');
    await form.getByRole('button', { name: 'Add to roster' }).click();
    await expect(page.getByRole('region', { name: 'Add to the roster' }).getByRole('status')).toHaveText(
      'Added to the roster.',
    );
  });
});
