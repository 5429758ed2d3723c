import 'server-only';
import { asc, eq, ilike, or, sql } from 'drizzle-orm';
import { assertRole, requireStaff, type StaffUser } from '@/lib/auth/staff';
import type { ContactLanguage } from '@/lib/domain';
import { recordAudit } from './audit';
import { getDb } from './client';
import { contacts, organisations, type Contact } from './schema';

// The minimal contact record the roster needs; the directory issue extends it.

export type ContactValues = {
  name: string;
  email: string;
  organisationId: string | null;
  country: string | null;
  language: ContactLanguage;
};

export type ContactListItem = Pick<Contact, 'id' | 'name' | 'email' | 'country' | 'language'> & {
  organisation: string | null;
};

export async function listContacts({ search }: { search?: string } = {}): Promise<ContactListItem[]> {
  await requireStaff('viewer');
  const db = await getDb();
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      country: contacts.country,
      language: contacts.language,
      organisation: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.nameEn})`,
    })
    .from(contacts)
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .where(pattern ? or(ilike(contacts.name, pattern), ilike(contacts.email, pattern)) : undefined)
    .orderBy(asc(contacts.name))
    .limit(500);
}

export async function getContact({ id }: { id: string }): Promise<Contact | null> {
  await requireStaff('viewer');
  const db = await getDb();
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, id));
  return contact ?? null;
}

export type ContactChangeResult = { ok: true; id: string } | { ok: false; reason: 'notFound' | 'emailTaken' | 'organisationNotFound' };

const normalise = (values: ContactValues): ContactValues => ({ ...values, email: values.email.trim().toLowerCase() });

export async function saveContact(actor: StaffUser, id: string | null, input: ContactValues): Promise<ContactChangeResult> {
  assertRole(actor, 'editor');
  const values = normalise(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (values.organisationId) {
      const found = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, values.organisationId));
      if (!found.length) return { ok: false, reason: 'organisationNotFound' } as const;
    }
    const [sameEmail] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, values.email));
    if (sameEmail && sameEmail.id !== id) return { ok: false, reason: 'emailTaken' } as const;
    if (!id) {
      const [created] = await tx.insert(contacts).values(values).returning();
      await recordAudit(tx, { actor: { id: actor.id, email: actor.email }, action: 'contact.created', entityType: 'contact', entityId: created!.id, after: values });
      return { ok: true, id: created!.id } as const;
    }
    const [before] = await tx.select().from(contacts).where(eq(contacts.id, id)).for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    await tx.update(contacts).set({ ...values, updatedAt: sql`now()` }).where(eq(contacts.id, id));
    await recordAudit(tx, {
      actor: { id: actor.id, email: actor.email },
      action: 'contact.updated',
      entityType: 'contact',
      entityId: id,
      before: { name: before.name, email: before.email, organisationId: before.organisationId, country: before.country, language: before.language },
      after: values,
    });
    return { ok: true, id } as const;
  });
}
