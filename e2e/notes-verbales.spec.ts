import fs from 'node:fs';
import { docxText, pdfFonts, pdfText } from '../test/documents';
import { expect, test } from './test';

// Staff write the seeded working-group meeting's note verbale with a live preview, issue one to a ministry in
// Russian, and download it from the register as PDF (fonts embedded) and DOCX.

const MEETING = '/staff/meetings/0b7a7c1e-5d1f-4c43-9a51-000000000102';
const addressee = 'Министерству иностранных дел Кыргызской Республики';

test.describe.configure({ mode: 'serial' });

test('staff edit the note verbale with a live preview, issue one, and download it from the register', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(MEETING);
  await page.getByRole('link', { name: 'Notes verbales' }).click();
  await expect(page.getByRole('heading', { name: 'Notes verbales', level: 1 })).toBeVisible();

  const texts = page.getByRole('region', { name: 'Text of the notes verbales' });
  const russian = texts.getByLabel('Note verbale, Russian');
  await expect(russian).toHaveValue(/свидетельствует свое уважение \{\{addressee\}\}/);
  await russian.fill('{{secretariat}} свидетельствует свое уважение {{adressee}}.');
  await expect(texts.getByText('Unknown placeholder: {{adressee}}')).toBeVisible();
  await russian.fill(
    '{{secretariat}} свидетельствует свое уважение {{addressee}} и имеет честь пригласить делегацию в составе до {{quota}} человек на совещание «{{meeting}}».\n\n{{secretariat}} пользуется случаем, чтобы возобновить {{addressee}} уверения в своем высоком уважении.',
  );
  await expect(texts.getByTestId('preview-noteTextRu')).toContainText(
    'свидетельствует свое уважение Министерству иностранных дел Республики Казахстан и имеет честь пригласить делегацию в составе до 3 человек',
  );
  await texts.getByRole('button', { name: 'Save texts' }).click();
  await expect(texts.getByRole('status')).toHaveText('Texts saved.');

  const issue = page.getByRole('region', { name: 'Issue a note verbale' });
  await issue.getByLabel('Language').selectOption('ru');
  await issue.getByLabel('Addressee, as the note names it').fill(addressee);
  await issue.getByLabel('Seats offered').fill('2');
  await issue.getByRole('button', { name: 'Issue note verbale' }).click();
  const issued = issue.getByRole('status');
  await expect(issued).toContainText(/Note verbale \S+\/\d{4}\/\d{3} issued/);
  const reference = (await issued.textContent())!.match(/(\S+\/\d{4}\/\d{3})/)![1]!;

  const row = page
    .getByRole('group', { name: 'Notes verbales issued' })
    .getByRole('row')
    .filter({ hasText: reference });
  await expect(row).toContainText(addressee);
  const pdfDownload = page.waitForEvent('download');
  await row.getByRole('link', { name: `PDF of ${reference}` }).click();
  const pdf = fs.readFileSync((await (await pdfDownload).path())!);
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  expect(text).toContain(reference);
  expect(text).toContain(
    `свидетельствует свое уважение ${addressee} и имеет честь пригласить делегацию в составе до 2 человек`,
  );
  expect(text).toContain('уверения в своем высоком уважении');
  expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);

  const docxDownload = page.waitForEvent('download');
  await row.getByRole('link', { name: `DOCX of ${reference}` }).click();
  const docx = await docxText(fs.readFileSync((await (await docxDownload).path())!));
  expect(docx).toContain(reference);
  expect(docx).toContain(addressee);
});
