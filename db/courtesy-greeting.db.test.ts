import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createContact, createMeeting, uniqueStamp } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import { inviteDelegation, nominateMember, type Nominee } from './delegations';
import { renderQueuedMail } from './invitation-mail';
import { inviteContacts } from './invitations';
import { contacts, invitations, outboxMessages } from './schema';

describe('invitation emails greet by courtesy title', () => {
  it('writes Dear Ms. …, Уважаемый господин …, Excellency and the neutral greeting as each contact says', async () => {
    const meeting = await createMeeting({
      titleEn: 'Working group meeting',
      titleRu: 'Заседание рабочей группы',
      startsAt: new Date('2030-05-14T05:00:00Z'),
      endsAt: new Date('2030-05-14T12:00:00Z'),
      status: 'planned',
    });
    const tags = ['courtesy-greeting'];
    const people = await Promise.all([
      createContact({ name: 'Asel Omarova', courtesyTitle: 'Ms.', grammaticalGender: 'feminine', tags }),
      createContact({ name: 'Бакыт Мамытов', language: 'ru', courtesyTitle: 'Mr.', tags }),
      createContact({ name: 'Рашид Мередов', language: 'ru', courtesyTitle: 'H.E.', tags }),
      createContact({ name: 'Aidana Jumaeva', tags }),
    ]);
    const editor = await createStaff('editor');
    const sent = await inviteContacts(editor, meeting.id, {
      selection: { by: 'filter', tag: tags[0] },
      role: 'delegate',
      confirmedCount: 4,
    });
    expect(sent).toMatchObject({ ok: true, invited: 4 });
    const db = await getDb();
    const ids = (
      await db.select({ id: invitations.id }).from(invitations).where(eq(invitations.meetingId, meeting.id))
    ).map((r) => r.id);
    const messages = await renderQueuedMail(
      await db.select().from(outboxMessages).where(inArray(outboxMessages.invitationId, ids)),
    );
    const bodyOf = (i: number) => messages.find((m) => m.toAddress === people[i]!.email)!.textBody;
    expect(bodyOf(0)).toMatch(/^Dear Ms\. Omarova,\n\n/);
    expect(bodyOf(1)).toMatch(/^Уважаемый господин Мамытов!\n\n/);
    expect(bodyOf(2)).toMatch(/^Ваше Превосходительство!\n\n/);
    expect(bodyOf(3)).toMatch(/^Dear Aidana Jumaeva,\n\n/);
  });
});

describe('a delegation greets by courtesy title', () => {
  it('greets the focal point as their contact says, and keeps the title a focal point gives a new nominee', async () => {
    const stamp = uniqueStamp();
    const editor = await createStaff('editor');
    const meeting = await createMeeting({ kind: 'working_group', status: 'planned' });
    const focal = await createContact({
      name: 'Айгерим Садыкова',
      email: `focal.${stamp}@mfa.example`,
      language: 'ru',
      courtesyTitle: 'Ms.',
      grammaticalGender: 'feminine',
    });
    // Already in the directory with no title: the nomination must not overwrite what staff recorded.
    await createContact({ name: 'Known Person', email: `known.${stamp}@mfa.example` });
    const invited = await inviteDelegation(editor, meeting.id, {
      kind: 'state',
      countryCode: 'KZ',
      organisationId: null,
      focalPointContactId: focal.id,
      quota: 4,
      nominationDeadline: null,
      addresseeEn: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
      addresseeRu: 'Министерству иностранных дел Республики Казахстан',
    });
    if (!invited.ok) throw new Error(invited.reason);
    const db = await getDb();
    const [mail] = await db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, focal.email));
    expect(mail!.textBody).toMatch(/^Уважаемая госпожа Садыкова!\n\n/);

    const token = mail!.secretLinks[0]!.split('/d/')[1]!;
    const nominee = (n: string, title: string): Nominee => ({
      title,
      passportName: `Nominee ${n}`,
      displayName: n === 'ms' ? 'Асель Омарова' : `Номинант ${n}`,
      position: 'Counsellor',
      email: `${n}.${stamp}@mfa.example`,
      language: 'ru',
      head: false,
    });
    for (const [n, title] of [
      ['ms', 'Ms.'],
      ['mr', 'Mr.'],
      ['dr', 'Dr.'],
      ['known', 'Mr.'],
    ] as const)
      expect((await nominateMember(token, nominee(n, title))).ok).toBe(true);
    const courtesyOf = async (n: string) =>
      (
        await db
          .select({ courtesyTitle: contacts.courtesyTitle, grammaticalGender: contacts.grammaticalGender })
          .from(contacts)
          .where(eq(contacts.email, `${n}.${stamp}@mfa.example`))
      )[0];
    expect(await courtesyOf('ms')).toEqual({ courtesyTitle: 'Ms.', grammaticalGender: 'feminine' });
    expect(await courtesyOf('mr')).toEqual({ courtesyTitle: 'Mr.', grammaticalGender: 'masculine' });
    expect(await courtesyOf('dr')).toEqual({ courtesyTitle: 'Dr.', grammaticalGender: null });
    expect(await courtesyOf('known')).toEqual({ courtesyTitle: null, grammaticalGender: null });

    // The nominee's own invitation, written from the new contact, greets as the focal point chose.
    const [invitation] = await db
      .select({ id: invitations.id })
      .from(invitations)
      .innerJoin(contacts, eq(contacts.id, invitations.contactId))
      .where(eq(contacts.email, `ms.${stamp}@mfa.example`));
    const [rendered] = await renderQueuedMail(
      await db.select().from(outboxMessages).where(eq(outboxMessages.invitationId, invitation!.id)),
    );
    expect(rendered!.textBody).toMatch(/^Уважаемая госпожа Омарова!\n\n/);
  });
});
