// Test support: the rows most database tests need, one call each. Defaults make a valid row; pass only what the test
// is about. Each factory builds the rows its row depends on unless they are given, writes through `db` (a
// transaction too) or the test file's database, and returns the inserted row. Contacts' search and sort keys are left
// empty as the schema's defaults: a test that searches the directory sets them (or writes through db/contacts.ts).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import {
  contacts,
  councils,
  invitations,
  meetings,
  users,
  type Contact,
  type Council,
  type Invitation,
  type Meeting,
  type NewMeeting,
  type User,
} from '@/db/schema';

export type NewCouncil = typeof councils.$inferInsert;
export type NewContact = typeof contacts.$inferInsert;
export type NewInvitation = typeof invitations.$inferInsert;
export type NewUser = typeof users.$inferInsert;

/** Eight hex digits, enough to keep emails and names apart across the tests sharing one database. */
export const uniqueStamp = () => randomUUID().slice(0, 8);

const executor = async (db?: DbExecutor): Promise<DbExecutor> => db ?? (await getDb());

export async function createCouncil(overrides: Partial<NewCouncil> = {}, db?: DbExecutor): Promise<Council> {
  const stamp = uniqueStamp();
  const [row] = await (
    await executor(db)
  )
    .insert(councils)
    .values({ nameEn: `Council ${stamp}`, nameRu: `Совет ${stamp}`, ...overrides })
    .returning();
  return row!;
}

/** A draft plenary in Tashkent in May 2030 (in the future, so deadlines and reminders are still ahead). */
export async function createMeeting(overrides: Partial<NewMeeting> = {}, db?: DbExecutor): Promise<Meeting> {
  const tx = await executor(db);
  const councilId = overrides.councilId ?? (await createCouncil({}, tx)).id;
  const [row] = await tx
    .insert(meetings)
    .values({
      kind: 'plenary',
      titleEn: 'Plenary',
      titleRu: 'Пленарное заседание',
      startsAt: new Date('2030-05-14T05:00:00Z'),
      endsAt: new Date('2030-05-14T12:00:00Z'),
      timeZone: 'Asia/Tashkent',
      format: 'in_person',
      ...overrides,
      councilId,
    })
    .returning();
  return row!;
}

export async function createContact(overrides: Partial<NewContact> = {}, db?: DbExecutor): Promise<Contact> {
  const stamp = uniqueStamp();
  const [row] = await (
    await executor(db)
  )
    .insert(contacts)
    .values({ name: `Contact ${stamp}`, email: `contact.${stamp}@example.org`, ...overrides })
    .returning();
  return row!;
}

/** A delegate's invitation, to the contact's address and in their language unless given. */
export async function createInvitation(overrides: Partial<NewInvitation> = {}, db?: DbExecutor): Promise<Invitation> {
  const tx = await executor(db);
  const meetingId = overrides.meetingId ?? (await createMeeting({}, tx)).id;
  const contact = overrides.contactId
    ? (await tx.select().from(contacts).where(eq(contacts.id, overrides.contactId)))[0]
    : await createContact({}, tx);
  if (!contact) throw new Error(`createInvitation: no contact ${overrides.contactId}`);
  const [row] = await tx
    .insert(invitations)
    .values({
      role: 'delegate',
      email: contact.email,
      language: contact.language,
      ...overrides,
      meetingId,
      contactId: contact.id,
    })
    .returning();
  return row!;
}

/** An active staff member (a viewer unless `role` is given), as their users row. */
export async function createUser(overrides: Partial<NewUser> = {}, db?: DbExecutor): Promise<User> {
  const role = overrides.role ?? 'viewer';
  const [row] = await (
    await executor(db)
  )
    .insert(users)
    .values({ email: `${role}-${uniqueStamp()}@council.test`, name: `Test ${role}`, ...overrides, role })
    .returning();
  return row!;
}
