import fs from 'node:fs';
import { expect, test } from './test';

// A hybrid meeting, from planning to its participants list: it needs its link; each registrant says whether they
// attend in person or online (in Russian without JavaScript, in English with it, reading the meeting in their own
// time); staff see it with the role and the date of registration, in the page and the CSV; and "Mark as held" waits
// for the end of the meeting.

const stamp = Date.now().toString(36);
const titleEn = `Hybrid consultation ${stamp}`;
const titleRu = `Гибридная консультация ${stamp}`;
const russian = { name: 'Малика Юсупова', email: `malika.${stamp}@mfa-tj.example.org`, language: 'Russian' };
const english = { name: 'Erik Lindqvist', email: `erik.${stamp}@unodc.example.org`, language: 'English' };

test('a hybrid meeting asks each registrant how they attend, and staff see it', async ({ page, mailbox, delegate }) => {
  test.setTimeout(120_000);
  await page.goto('/staff/meetings/new');
  await page.getByLabel('Kind of meeting').selectOption({ label: 'Briefing' });
  await page.getByLabel('Title in English').fill(titleEn);
  await page.getByLabel('Title in Russian').fill(titleRu);
  await page.getByLabel('Venue time zone').selectOption('Asia/Tashkent');
  await page.getByLabel('Start date').fill('2027-09-14');
  await page.getByLabel('Start time').fill('10:00');
  await page.getByLabel('End date').fill('2027-09-14');
  await page.getByLabel('End time').fill('12:00');
  await page.getByLabel('Format').selectOption({ label: 'Hybrid' });
  await page.getByLabel('City in English').fill('Tashkent');
  await page.getByLabel('Country').selectOption({ label: 'Uzbekistan' });
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.getByLabel('Meeting link')).toHaveAccessibleDescription(/A hybrid meeting needs its meeting link/);
  await page.getByLabel('Meeting link').fill('https://meet.example.org/hybrid');
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleEn);
  const meetingPath = new URL(page.url()).pathname;
  for (const button of ['Mark as planned', 'Open invitations']) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('button', { name: button })).toHaveCount(0);
  }

  await page.goto('/staff/contacts');
  const add = page.getByRole('region', { name: 'Add a contact' });
  for (const person of [russian, english]) {
    await add.getByLabel('Name', { exact: true }).fill(person.name);
    await add.getByLabel('Email').fill(person.email);
    await add.getByLabel('Preferred language').selectOption({ label: person.language });
    await add.getByRole('button', { name: 'Add contact' }).click();
    await expect(add.getByRole('status')).toHaveText(`${person.name} was added to the contacts.`);
  }
  await page.goto(`${meetingPath}/invitations`);
  const invite = page.getByRole('region', { name: 'Invite', exact: true });
  await invite.getByLabel('Contacts I pick').check();
  await invite.getByLabel('Find contacts to pick').fill(stamp);
  await invite.getByRole('button', { name: 'Find' }).click();
  for (const person of [russian, english]) await invite.getByLabel(`${person.name} · ${person.email}`).check();
  await invite.getByRole('button', { name: 'Preview the invitations' }).click();
  await page.getByRole('button', { name: 'Send 2 invitations' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'invitations queued' })).toBeVisible();

  // In Russian, without JavaScript: the question is required, and what was typed stays when it is missed.
  const phone = await delegate({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await phone.open(
    mailbox.invitationLink(await mailbox.waitFor(russian.email, { subject: `Приглашение: ${titleRu}` })),
  );
  const ru = phone.page;
  await ru.getByRole('button', { name: 'Я приму участие' }).click();
  await ru.getByLabel('Полное имя как в паспорте (латиницей)').fill('Malika Yusupova');
  await ru.getByLabel('Полное имя, как Вы обычно его пишете').fill(russian.name);
  await ru.getByRole('textbox', { name: /^Организация/ }).fill('Министерство иностранных дел Республики Таджикистан');
  await ru.getByRole('combobox', { name: /^Страна/ }).selectOption({ label: 'Таджикистан' });
  await ru.getByLabel('Телефон с кодом страны').fill('+992 37 221 00 00');
  await ru.getByLabel(/на обработку моих данных/).check();
  await ru.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(ru.getByText('Укажите, будете ли Вы участвовать очно или онлайн.')).toBeVisible();
  await expect(ru.getByLabel('Полное имя как в паспорте (латиницей)')).toHaveValue('Malika Yusupova');
  await ru.getByRole('radio', { name: 'Очно' }).check();
  await ru.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(ru.getByRole('heading', { name: 'Вы зарегистрированы.' })).toBeVisible();

  // In English, with JavaScript, in Vienna: the meeting in the reader's own time too.
  const laptop = await delegate({ timezoneId: 'Europe/Vienna' });
  await laptop.open(
    mailbox.invitationLink(await mailbox.waitFor(english.email, { subject: `Invitation: ${titleEn}` })),
  );
  const en = laptop.page;
  await expect(en.getByText('Your time: 14 September 2027, 07:00–09:00 Vienna time (UTC+2)')).toBeVisible();
  await en.getByRole('button', { name: 'I will attend' }).click();
  await en.getByLabel('Full name as in passport (Latin letters)').fill('Erik Lindqvist');
  await en.getByLabel('Full name as you usually write it').fill(english.name);
  await en.getByRole('textbox', { name: /^Organisation/ }).fill('United Nations Office on Drugs and Crime');
  await en.getByRole('combobox', { name: /^Country/ }).selectOption({ label: 'Austria' });
  await en.getByLabel('Phone, with country code').fill('+43 1 26060 0');
  await en.getByRole('radio', { name: 'Online' }).check();
  await en.getByLabel(/processing of my data/).check();
  await en.getByRole('button', { name: 'Register' }).click();
  await expect(en.getByRole('heading', { name: 'You are registered.' })).toBeVisible();

  await page.goto(`${meetingPath}/participants`);
  const table = page.getByRole('group', { name: 'Participants table' });
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  await expect(row(russian.name)).toContainText('In person');
  await expect(row(english.name)).toContainText('Online');
  await expect(row(english.name)).toContainText('Delegate');
  await expect(row(english.name)).toContainText(/\d{4}, \d{2}:\d{2} Tashkent time \(UTC\+5\)/);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download all as CSV' }).click();
  const csv = fs.readFileSync((await (await download).path())!, 'utf8');
  expect(csv).toContain('Status,Role,Attendance,Registered on,');
  expect(csv).toMatch(
    /Registered,Delegate,Online,"\d+ \w+ \d{4}, \d{2}:\d{2} Tashkent time \(UTC\+5\)",Erik Lindqvist/,
  );

  // Registration closed, but the meeting is still ahead: nothing offers to mark it held.
  await page.goto(meetingPath);
  await page.getByRole('button', { name: 'Close registration' }).click();
  await expect(page.getByRole('button', { name: 'Open invitations' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as held' })).toHaveCount(0);
});
