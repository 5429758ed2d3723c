import { expect, test } from '@playwright/test';

const councilEn = 'Regional Expert Council on Rehabilitation and Reintegration of Returnees';
const councilRu = 'Региональный экспертный совет по реабилитации и реинтеграции возвращенцев';

test.describe('the council’s public home', () => {
  test('renders in English at / and links to the Russian page', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(councilEn);
    await expect(page.getByRole('region', { name: 'Mandate' })).toContainText(
      'repatriation, rehabilitation and reintegration',
    );

    const past = page.getByRole('region', { name: 'Past meetings' });
    const plenary = past.getByRole('article', { name: /First meeting/ });
    await expect(plenary).toContainText('Plenary meeting');
    await expect(plenary).toContainText('14 May 2024, 10:00–17:00 Tashkent time (UTC+5)');
    await expect(plenary).toContainText('Tashkent, Uzbekistan');

    const upcoming = page.getByRole('region', { name: 'Upcoming meetings' });
    await expect(upcoming.getByRole('article', { name: /Working group meeting/ })).toContainText('Online');

    await page.getByRole('link', { name: 'Русский' }).click();
    await expect(page).toHaveURL(/\/ru$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(councilRu);
  });

  test('renders in Russian at /ru and links back to English', async ({ page }) => {
    await page.goto('/ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(councilRu);
    await expect(page.getByRole('region', { name: 'Мандат' })).toContainText(
      'репатриации, реабилитации и реинтеграции',
    );

    const plenary = page
      .getByRole('region', { name: 'Прошедшие заседания' })
      .getByRole('article', { name: /Первое заседание/ });
    await expect(plenary).toContainText('Пленарное заседание');
    await expect(plenary).toContainText('14 мая 2024 г., 10:00–17:00 по времени Ташкента (UTC+5)');
    await expect(plenary).toContainText('Ташкент, Узбекистан');
    await expect(
      page
        .getByRole('region', { name: 'Предстоящие заседания' })
        .getByRole('article', { name: /Заседание рабочей группы/ }),
    ).toContainText('Онлайн');

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/localhost:\d+\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(councilEn);
  });

  test('starts keyboard navigation with a skip link to the content', async ({ page }) => {
    await page.goto('/ru');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Перейти к основному содержанию' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('answers an unknown Russian page with a Russian not-found page', async ({ page }) => {
    const response = await page.goto('/ru/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
  });
});

test.describe('in a reader’s own time zone', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('a meeting also shows the reader’s local time, in their language', async ({ page }) => {
    await page.goto('/');
    const plenary = page.getByRole('region', { name: 'Past meetings' }).getByRole('article', { name: /First meeting/ });
    await expect(plenary).toContainText('14 May 2024, 10:00–17:00 Tashkent time (UTC+5)');
    await expect(plenary).toContainText('Your time: 14 May 2024, 07:00–14:00 Berlin time (UTC+2)');
    await page.goto('/ru');
    await expect(page.getByRole('article', { name: /Первое заседание/ })).toContainText(
      'Ваше время: 14 мая 2024 г., 07:00–14:00 по времени Берлина (UTC+2)',
    );
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test('the Russian home is complete on a small phone and the language link works', async ({ page }) => {
    await page.goto('/ru');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(councilRu);
    await expect(page.getByText('14 мая 2024 г., 10:00–17:00 по времени Ташкента (UTC+5)')).toBeVisible();
    // The reader's own time needs JavaScript: the venue's stands alone.
    await expect(page.getByText('Ваше время')).toHaveCount(0);
    // Nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(councilEn);
  });
});
