import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createContact, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import { renderQueuedMail } from './invitation-mail';
import { inviteContacts } from './invitations';
import { invitations, outboxMessages } from './schema';

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
