import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { councils, meetings } from '@/db/schema';
import { createContact, createCouncil, createInvitation, createMeeting, createUser } from './factories';
import { createStaff } from './staff';

describe('test factories', () => {
  it('make valid rows from their defaults, each with its own names and addresses', async () => {
    const [a, b] = [await createContact(), await createContact()];
    expect(a.email).toMatch(/@example\.org$/);
    expect(a.email).not.toBe(b.email);
    expect(a.name).not.toBe(b.name);
    expect((await createCouncil()).nameEn).not.toBe((await createCouncil()).nameEn);
    expect((await createUser()).email).not.toBe((await createUser()).email);
    expect(await createUser()).toMatchObject({ role: 'viewer', active: true });
  });

  it('build the rows a row depends on unless given', async () => {
    const db = await getDb();
    const meeting = await createMeeting();
    expect(await db.select().from(councils).where(eq(councils.id, meeting.councilId))).toHaveLength(1);

    const invitation = await createInvitation();
    const [own] = await db.select().from(meetings).where(eq(meetings.id, invitation.meetingId));
    expect(own).toBeDefined();
    expect(invitation).toMatchObject({ role: 'delegate', status: 'invited' });

    const person = await createContact({ language: 'ru' });
    const given = await createInvitation({ meetingId: meeting.id, contactId: person.id });
    expect(given).toMatchObject({ meetingId: meeting.id, contactId: person.id, email: person.email, language: 'ru' });
  });

  it('let overrides win over defaults', async () => {
    const council = await createCouncil({ nameEn: 'Regional Expert Council' });
    expect(council.nameEn).toBe('Regional Expert Council');
    const meeting = await createMeeting({
      councilId: council.id,
      kind: 'working_group',
      status: 'planned',
      capacity: 3,
    });
    expect(meeting).toMatchObject({ councilId: council.id, kind: 'working_group', status: 'planned', capacity: 3 });
    const person = await createContact({ name: 'Aziz Karimov', email: 'aziz.factory@example.org', country: 'UZ' });
    expect(person).toMatchObject({ name: 'Aziz Karimov', email: 'aziz.factory@example.org', country: 'UZ' });
    const invitation = await createInvitation({ contactId: person.id, role: 'observer', email: 'other@example.org' });
    expect(invitation).toMatchObject({ role: 'observer', email: 'other@example.org', language: 'en' });
    expect(await createStaff('admin')).toMatchObject({ role: 'admin', timeZone: null });
  });

  it('write through the executor they are given, so a rolled-back transaction leaves nothing', async () => {
    const db = await getDb();
    let id = '';
    await expect(
      db.transaction(async (tx) => {
        id = (await createMeeting({}, tx)).id;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(id).not.toBe('');
    expect(await db.select().from(meetings).where(eq(meetings.id, id))).toEqual([]);
  });
});
