import { type Page } from '@playwright/test';
import { type ReceivedMail } from './mailbox';
import { expect, test } from './test';

// Staff invite three delegations (quota 2) to the seeded working-group meeting; the Russian focal point, on a phone
// without JavaScript, nominates two members and replaces one; another focal point's third nomination is refused; the
// nominees register through their own links; a delegate declines proposing a substitute, whom the focal point accepts;
// an invitee outside any delegation does the same, and staff accept.
// Named to run after invitations.spec.ts, which counts the meeting's unanswered invitations.

const meetingEn = 'Working group meeting of the Regional Expert Council';
const meetingRu = 'Заседание рабочей группы Регионального экспертного совета';
const WORKING_GROUP_MEETING = '/staff/meetings/0b7a7c1e-5d1f-4c43-9a51-000000000102';
const stamp = Date.now().toString(36);
const DELEGATION_LINK = /\/d\/[A-Za-z0-9_-]{48}$/;
const INVITATION_LINK = /\/i\/[A-Za-z0-9_-]{48}$/;

const focalPoints = [
  {
    state: 'Russian Federation',
    name: 'Ольга Смирнова',
    email: `o.smirnova.${stamp}@mid.example.org`,
    language: 'Russian',
  },
  { state: 'China', name: 'Li Wei', email: `li.wei.${stamp}@fmprc.example.org`, language: 'English' },
  { state: 'Türkiye', name: 'Ayse Demir', email: `a.demir.${stamp}@mfa.example.org`, language: 'English' },
];
const links: string[] = [];
const references = new Set<string>();

test.describe.configure({ mode: 'serial' });

const linkIn = (mail: ReceivedMail, pattern: RegExp) => {
  const link = mail.links.find((l) => pattern.test(l));
  expect(link, `“${mail.subject}” to ${mail.to} carries a link`).toBeTruthy();
  return link!;
};

async function nominate(
  form: ReturnType<Page['getByRole']>,
  person: { passport: string; name: string; email: string; language?: string },
  words = {
    passport: 'Name as in the passport (Latin letters)',
    name: 'Name as usually written',
    email: 'Email',
    language: 'Language of correspondence',
  },
) {
  await form.getByLabel(words.passport).fill(person.passport);
  await form.getByLabel(words.name).fill(person.name);
  await form.getByLabel(words.email).fill(person.email);
  if (person.language) await form.getByLabel(words.language).selectOption({ label: person.language });
}

test('staff invite three delegations with a quota of 2, and each focal point gets the link in their language', async ({
  page,
  mailbox,
}) => {
  test.setTimeout(90_000);
  await page.goto('/staff/contacts');
  const add = page.getByRole('region', { name: 'Add a contact' });
  for (const person of focalPoints) {
    await add.getByLabel('Name', { exact: true }).fill(person.name);
    await add.getByLabel('Email').fill(person.email);
    await add.getByLabel('Preferred language').selectOption({ label: person.language });
    await add.getByRole('button', { name: 'Add contact' }).click();
    await expect(add.getByRole('status')).toHaveText(`${person.name} was added to the contacts.`);
  }
  await page.goto(WORKING_GROUP_MEETING);
  await page.getByRole('link', { name: 'Delegations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delegations' })).toBeVisible();
  // The seeded delegations of the five Central Asian states.
  await expect(page.getByRole('group', { name: 'Delegations' }).getByRole('row')).toHaveCount(6);

  for (const person of focalPoints) {
    const invite = page.getByRole('region', { name: 'Invite a delegation' });
    await invite.getByLabel('A state').selectOption({ label: person.state });
    await invite.getByLabel('Focal point (search the directory)').fill(person.email);
    await invite.getByRole('button', { name: 'Search' }).click();
    await invite.getByLabel(person.email).check();
    await invite.getByLabel('Quota (seats)').fill('2');
    if (person.state === 'Russian Federation')
      await expect(invite.getByLabel('Addressee (Russian, dative)')).toHaveValue(
        'Министерству иностранных дел Российской Федерации',
      );
    await invite.getByRole('button', { name: 'Invite the delegation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Delegation invited' })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'Delegations' }).getByRole('row')).toHaveCount(9);

  for (const person of focalPoints) {
    const subject = person.language === 'Russian' ? `Делегация: ${meetingRu}` : `Delegation: ${meetingEn}`;
    const mail = await mailbox.waitFor(person.email, { subject });
    const link = linkIn(mail, DELEGATION_LINK);
    expect(link).toMatch(person.language === 'Russian' ? /\/ru\/d\// : /^http:\/\/localhost:\d+\/d\//);
    links.push(link);
    // The note verbale that invites the delegation comes with it: DOCX to initial and stamp, and PDF, named by its
    // reference number.
    const files = mail.attachments.filter((a) => /\.(docx|pdf)$/.test(a.filename));
    expect(files.map((a) => a.contentType).sort()).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    const [reference] = files.map((a) => a.filename.replace(/\.(docx|pdf)$/, ''));
    expect(reference).toMatch(/^[A-Z]+-\d{4}-\d{3}$/);
    expect(files.every((a) => a.filename.startsWith(`${reference}.`))).toBe(true);
    references.add(reference!);
  }
  // Each delegation's note has a number of its own.
  expect(references.size).toBe(focalPoints.length);
});

test('the Russian focal point, on a phone without JavaScript, nominates two members and replaces one', async ({
  delegate,
  mailbox,
}) => {
  test.setTimeout(90_000);
  const { page } = await delegate({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await page.goto(links[0]!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingRu);
  const ru = {
    passport: 'Имя как в паспорте (латиницей)',
    name: 'Имя в обычном написании',
    email: 'Электронная почта',
    language: 'Язык переписки',
  };
  const members = [
    { passport: 'Ivan Petrov', name: 'Иван Петров', email: `i.petrov.${stamp}@mid.example.org` },
    { passport: 'Anna Volkova', name: 'Анна Волкова', email: `a.volkova.${stamp}@mid.example.org` },
    { passport: 'Pavel Orlov', name: 'Павел Орлов', email: `p.orlov.${stamp}@mid.example.org` },
  ];
  for (const member of members.slice(0, 2)) {
    const form = page.getByRole('region', { name: 'Назначить члена делегации' });
    await nominate(form, member, ru);
    await form.getByRole('button', { name: 'Назначить' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Назначение сохранено.' })).toBeVisible();
  }
  await expect(page.getByText('Занято мест: 2 из 2')).toBeVisible();
  const first = page.getByRole('listitem').filter({ hasText: members[0]!.email });
  await first.getByText('Заменить этого члена делегации').click();
  await nominate(first, members[2]!, ru);
  await first.getByRole('button', { name: 'Заменить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Член делегации заменен.' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: members[0]!.email })).toContainText('Заменен');
  await expect(page.getByText('Занято мест: 2 из 2')).toBeVisible();

  // The replaced member is told; each nominee has their own invitation, in Russian.
  await mailbox.waitFor(members[0]!.email, { subject: `Ваше назначение: ${meetingRu}` });
  for (const member of members.slice(1))
    linkIn(await mailbox.waitFor(member.email, { subject: `Приглашение: ${meetingRu}` }), INVITATION_LINK);
});

test('a second focal point nominates two; a third nomination is refused; the nominees register through their links', async ({
  delegate,
  mailbox,
}) => {
  test.setTimeout(120_000);
  const { page } = await delegate();
  await page.goto(links[1]!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingEn);
  const members = ['Zhang Min', 'Chen Jie', 'Wang Fang'].map((name) => ({
    passport: name,
    name,
    email: `${name.toLowerCase().replace(' ', '.')}.${stamp}@fmprc.example.org`,
    language: 'English',
  }));
  const form = page.getByRole('region', { name: 'Nominate a member' });
  for (const [index, member] of members.slice(0, 2).entries()) {
    await nominate(form, member);
    await form.getByRole('button', { name: 'Nominate' }).click();
    await expect(form.getByRole('status')).toHaveText('The nomination has been recorded.');
    // Each answer clears the form: wait for it before typing the next.
    await expect(page.getByText(`${index + 1} of 2 places taken`)).toBeVisible();
  }
  await nominate(form, members[2]!);
  await form.getByRole('button', { name: 'Nominate' }).click();
  await expect(form.getByRole('status')).toContainText('The delegation’s quota is full');
  await expect(page.getByText('2 of 2 places taken')).toBeVisible();

  for (const member of members.slice(0, 2)) {
    const mail = await mailbox.waitFor(member.email, { subject: `Invitation: ${meetingEn}` });
    const invitee = await delegate();
    await invitee.open(linkIn(mail, INVITATION_LINK));
    const p = invitee.page;
    await p.getByRole('button', { name: 'I will attend' }).click();
    await p.getByLabel('Full name as in passport (Latin letters)').fill(member.passport);
    await p.getByRole('textbox', { name: /^Organisation/ }).fill('Ministry of Foreign Affairs');
    await p.getByRole('combobox', { name: /^Country/ }).selectOption({ label: 'China' });
    await p.getByLabel('Phone, with country code').fill('+86 10 6596 1114');
    await p.getByLabel(/list of participants/).check();
    await p.getByLabel(/processing of my data/).check();
    await p.getByRole('button', { name: 'Register' }).click();
    await expect(p.getByRole('status').filter({ hasText: 'you are registered' })).toBeVisible();
  }
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'Registered' })).toHaveCount(2);
});

test('a delegate declines proposing a substitute, whom the focal point accepts in the same place', async ({
  delegate,
  mailbox,
}) => {
  test.setTimeout(90_000);
  const { page } = await delegate();
  await page.goto(links[2]!);
  const form = page.getByRole('region', { name: 'Nominate a member' });
  const member = {
    passport: 'Mehmet Kaya',
    name: 'Mehmet Kaya',
    email: `m.kaya.${stamp}@mfa.example.org`,
    language: 'English',
  };
  await nominate(form, member);
  await form.getByRole('button', { name: 'Nominate' }).click();
  await expect(form.getByRole('status')).toHaveText('The nomination has been recorded.');

  const invitee = await delegate();
  await invitee.open(
    linkIn(await mailbox.waitFor(member.email, { subject: `Invitation: ${meetingEn}` }), INVITATION_LINK),
  );
  const substitute = { name: 'Elif Yildiz', email: `e.yildiz.${stamp}@mfa.example.org` };
  // Declining asks first; the substitute is proposed on that question.
  await invitee.page.getByRole('link', { name: 'I cannot attend' }).click();
  await invitee.page.getByLabel('Name', { exact: true }).fill(substitute.name);
  await invitee.page.getByLabel('Email', { exact: true }).fill(substitute.email);
  await invitee.page.getByLabel('Position').fill('First Secretary');
  await invitee.page.getByRole('button', { name: 'Yes, I cannot attend' }).click();
  await expect(invitee.page.getByRole('heading', { name: 'You have declined this invitation.' })).toBeVisible();

  await page.reload();
  const proposals = page.getByRole('region', { name: 'Substitutes proposed by members who declined' });
  await expect(proposals).toContainText(`Mehmet Kaya declined and proposes ${substitute.name}`);
  await proposals.getByRole('button', { name: 'Accept the substitute' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: substitute.email })).toContainText(
    'substitute for Mehmet Kaya',
  );
  await expect(page.getByText('1 of 2 places taken')).toBeVisible();

  const subInvitee = await delegate();
  await subInvitee.open(
    linkIn(await mailbox.waitFor(substitute.email, { subject: `Invitation: ${meetingEn}` }), INVITATION_LINK),
  );
  await expect(subInvitee.page.getByText('You are invited as a substitute for Mehmet Kaya.')).toBeVisible();
});

test('an invitee outside any delegation declines proposing a substitute, whom staff accept', async ({
  page,
  delegate,
  mailbox,
}) => {
  test.setTimeout(90_000);
  // A meeting of its own, so that no other meeting's counts move.
  const titleEn = `Consultation on border water ${stamp}`;
  const titleRu = `Консультация по пограничным водам ${stamp}`;
  await page.goto('/staff/meetings/new');
  await page.getByLabel('Kind of meeting').selectOption({ label: 'Working group meeting' });
  await page.getByLabel('Title in English').fill(titleEn);
  await page.getByLabel('Title in Russian').fill(titleRu);
  await page.getByLabel('Venue time zone').selectOption('Asia/Tashkent');
  for (const [label, value] of [
    ['Start date', '2027-09-14'],
    ['Start time', '10:00'],
    ['End date', '2027-09-14'],
    ['End time', '17:00'],
    ['Capacity (seats)', '10'],
    ['City in English', 'Tashkent'],
  ])
    await page.getByLabel(label!).fill(value!);
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Uzbekistan' });
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleEn);
  const meetingUrl = new URL(page.url()).pathname;
  for (const button of ['Mark as planned', 'Open invitations']) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('button', { name: button })).toHaveCount(0);
  }

  const invitee = { name: 'Rustam Karimov', email: `r.karimov.${stamp}@icwc.example.org` };
  await page.goto('/staff/contacts');
  const add = page.getByRole('region', { name: 'Add a contact' });
  await add.getByLabel('Name', { exact: true }).fill(invitee.name);
  await add.getByLabel('Email').fill(invitee.email);
  await add.getByLabel('Preferred language').selectOption({ label: 'English' });
  await add.getByRole('button', { name: 'Add contact' }).click();
  await expect(add.getByRole('status')).toHaveText(`${invitee.name} was added to the contacts.`);
  await page.goto(`${meetingUrl}/invitations`);
  const invite = page.getByRole('region', { name: 'Invite', exact: true });
  await invite.getByLabel('Contacts I pick').check();
  await invite.getByLabel('Find contacts to pick').fill(invitee.email);
  await invite.getByRole('button', { name: 'Find' }).click();
  await invite.getByLabel(`${invitee.name} · ${invitee.email}`).check();
  await invite.getByRole('button', { name: 'Preview the invitations' }).click();
  await page
    .getByRole('region', { name: /^1 new invitation/ })
    .getByRole('button', { name: 'Send 1 invitation' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: '1 invitation queued for sending.' })).toBeVisible();

  // Declining, the invitee proposes a colleague who writes in Russian.
  const declining = await delegate();
  await declining.open(
    linkIn(await mailbox.waitFor(invitee.email, { subject: `Invitation: ${titleEn}` }), INVITATION_LINK),
  );
  const substitute = { name: 'Kamola Nazarova', email: `k.nazarova.${stamp}@icwc.example.org` };
  await declining.page.getByRole('link', { name: 'I cannot attend' }).click();
  await declining.page.getByLabel('Name', { exact: true }).fill(substitute.name);
  await declining.page.getByLabel('Email', { exact: true }).fill(substitute.email);
  await declining.page.getByLabel('Position').fill('Hydrologist');
  await declining.page.getByLabel('Language of correspondence').selectOption({ label: 'Russian' });
  await declining.page.getByRole('button', { name: 'Yes, I cannot attend' }).click();
  await expect(declining.page.getByRole('heading', { name: 'You have declined this invitation.' })).toBeVisible();

  // No delegation, no focal point: the proposal waits for staff on the meeting's Delegations page.
  await page.goto(meetingUrl);
  await page.getByRole('link', { name: 'Delegations', exact: true }).click();
  const proposals = page.getByRole('region', { name: 'Proposed substitutes' });
  await expect(proposals).toContainText(
    `${invitee.name} declined and proposes ${substitute.name} (Hydrologist, ${substitute.email}, Russian)`,
  );
  await proposals.getByRole('button', { name: `Accept ${substitute.name}` }).click();
  await expect(proposals).toContainText('None waiting.');

  // The substitute's own invitation, in their language, says whom they replace.
  const invited = await delegate();
  const invitation = await mailbox.waitFor(substitute.email, { subject: `Приглашение: ${titleRu}` });
  expect(invitation.text).toContain(`Вы приглашены вместо: ${invitee.name}.`);
  await invited.open(linkIn(invitation, INVITATION_LINK));
  await expect(invited.page.getByText(`Вы приглашены вместо: ${invitee.name}.`)).toBeVisible();
});
