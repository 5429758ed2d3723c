import { expect, test } from '@playwright/test';

test.describe('staff dashboard', () => {
  test('lists the Tashkent plenary in Tashkent time and the upcoming working-group meeting', async ({ page }) => {
    await page.goto('/staff');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');

    const upcoming = page.getByRole('region', { name: 'Upcoming meetings' });
    const workingGroup = upcoming.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Working group meeting of the Regional Expert Council', exact: true }),
    });
    await expect(workingGroup).toHaveCount(1);
    await expect(workingGroup).toContainText('Working group meeting');
    await expect(workingGroup).toContainText(/\d{1,2} \w+ \d{4}, 10:00–12:00 Tashkent time \(UTC\+5\)/);
    await expect(workingGroup).toContainText('Online');
    await expect(workingGroup).toContainText('Invitations open');

    const past = page.getByRole('region', { name: 'Past meetings' });
    const plenary = past
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: /^First meeting of the Regional Expert Council/ }) });
    await expect(plenary).toContainText('14 May 2024, 10:00–17:00 Tashkent time (UTC+5)');
    await expect(plenary).toContainText('Tashkent, Uzbekistan');
    await expect(plenary).toContainText('Held');
  });

  test('links each figure of an upcoming meeting to the filtered list behind it', async ({ page }) => {
    const MEETING = '/staff/meetings/0b7a7c1e-5d1f-4c43-9a51-000000000102';
    await page.goto('/staff');
    const card = page
      .getByRole('region', { name: 'Upcoming meetings' })
      .getByRole('listitem')
      .filter({
        has: page.getByRole('heading', { name: 'Working group meeting of the Regional Expert Council', exact: true }),
      });
    const figures = card.getByRole('list', { name: /^Figures for / });
    // Each figure is read with its words, never a bare number.
    const figure = (words: RegExp) => figures.getByRole('link', { name: words });
    const expectations: [RegExp, string][] = [
      [/^\d+ invited$/, `${MEETING}/invitations`],
      [/^\d+ answered$/, `${MEETING}/invitations?answer=answered`],
      [/^\d+ unanswered$/, `${MEETING}/invitations?answer=no_answer`],
      [/^\d+ failed emails?$/, `${MEETING}/invitations?delivery=failed`],
      [/^\d+ registered$/, `${MEETING}/participants?status=registered`],
      [/^\d+ waiting$/, `${MEETING}/participants?status=waitlisted`],
      [/^(\d+ seats? left|No seat limit)$/, `${MEETING}/participants`],
      [/registration deadline|Registration closes today|Registration closed|No registration deadline/, MEETING],
    ];
    for (const [words, href] of expectations) await expect(figure(words)).toHaveAttribute('href', href);

    // The registered figure lands on the participants list filtered to them, with as many rows as it said.
    for (const [words, status] of [
      [/^\d+ registered$/, 'Registered'],
      [/^\d+ waiting$/, 'Waitlisted'],
    ] as const) {
      await page.goto('/staff');
      const link = figure(words);
      const count = Number((await link.textContent())!.split(' ')[0]);
      await link.click();
      await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
      await expect(page.getByLabel('Status')).toHaveValue(status.toLowerCase());
      if (count === 0) await expect(page.getByText('Nobody matches these filters.')).toBeVisible();
      else {
        const table = page.getByRole('group', { name: 'Participants table' });
        // The header row plus one per participant, each of them with that status.
        await expect(table.getByRole('row')).toHaveCount(count + 1);
        await expect(
          table.getByRole('row').filter({ hasText: status === 'Waitlisted' ? 'Waitlisted' : 'Registered' }),
        ).toHaveCount(count);
      }
    }

    // The invitations figures land on the follow-up list with the shared URL contract.
    await page.goto('/staff');
    await figure(/^\d+ unanswered$/).click();
    await expect(page).toHaveURL(new RegExp(`${MEETING}/invitations\\?answer=no_answer$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('opens a meeting with its organiser, co-organisers and participating organisations', async ({ page }) => {
    await page.goto('/staff');
    await page
      .getByRole('link', {
        name: 'First meeting of the Regional Expert Council on Rehabilitation and Reintegration of Returnees',
      })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'First meeting of the Regional Expert Council on Rehabilitation and Reintegration of Returnees',
    );
    await expect(page.getByText('14 May 2024, 10:00–17:00 Tashkent time (UTC+5)')).toBeVisible();

    const organisations = page.getByRole('region', { name: 'Organisations' });
    const roleOf = (name: string) => organisations.getByRole('row').filter({ hasText: name });
    await expect(roleOf('(UNRCCA)')).toContainText('Organiser');
    await expect(roleOf('(UNOCT)')).toContainText('Co-organiser');
    await expect(roleOf('Ministry of Foreign Affairs of the Republic of Uzbekistan')).toContainText('Co-organiser');
    await expect(roleOf("Family and Women's Committee")).toContainText('Co-organiser');
    await expect(roleOf('(UNODC)')).toContainText('Participating');
    await expect(roleOf('(SCO)')).toContainText('Regional organisation');
    // The header row plus twelve organisations.
    await expect(organisations.getByRole('row')).toHaveCount(13);

    await page.getByRole('link', { name: '← Dashboard' }).click();
    await expect(page).toHaveURL(/\/staff$/);
  });

  test('answers an unknown meeting with a not-found page', async ({ page }) => {
    const response = await page.goto('/staff/meetings/not-a-meeting');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  });
});
