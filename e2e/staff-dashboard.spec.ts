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
