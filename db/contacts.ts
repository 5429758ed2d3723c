import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { CONTACT_FIELDS, type ContactValues } from '@/lib/schemas/contact';
import { pick } from '@/lib/schemas/fields';
import { searchKey } from '@/lib/transliterate';
import { actorOf, recordAudit } from './audit';
import { getDb } from './client';
import { contactKeys } from './directory-keys';
import { moveInvitations } from './invitations';
import {
  CONTACTS_PAGE_SIZE,
  contactChoicesById,
  contactConditions,
  contactSearchQuery,
  likePattern,
  listColumns,
  queryContactPage,
  type ContactChoice,
  type ContactFilters,
  type ContactListItem,
} from './contact-queries';

export { CONTACTS_PAGE_SIZE, type ContactChoice, type ContactFilters, type ContactListItem };

import {
  agendaItemPeople,
  agendaItems,
  contacts,
  councilMembers,
  councils,
  meetings,
  organisations,
  type Contact,
} from './schema';

/** One page of the directory, in Latin alphabetical order, and how many contacts match in all. */
export async function listContacts({
  actor,
  ...filters
}: { actor: StaffUser } & ContactFilters & { page?: number }): Promise<{ contacts: ContactListItem[]; total: number }> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return queryContactPage(db, filters);
}

/**
 * The people picker's search (roster, agenda): at most 20 contacts, best matches first, in either script. A blank
 * search finds nobody: the picker never lists the directory.
 */
export async function searchContacts({
  actor,
  search,
}: {
  actor: StaffUser;
  search: string;
}): Promise<ContactChoice[]> {
  assertRole(actor, 'viewer');
  if (!searchKey(search)) return [];
  return contactSearchQuery(await getDb(), search);
}

/** The picker's chosen people, by id, in the order given; unknown ids are left out. */
export async function getContactChoices({ actor, ids }: { actor: StaffUser; ids: string[] }): Promise<ContactChoice[]> {
  assertRole(actor, 'viewer');
  return contactChoicesById(await getDb(), ids);
}

/** Every tag in use, for the filter. */
export async function listContactTags({ actor }: { actor: StaffUser }): Promise<string[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const tag = sql<string>`unnest(${contacts.tags})`;
  const rows = await db.selectDistinct({ tag }).from(contacts).orderBy(tag);
  return rows.map((r) => r.tag);
}

/** Every contact matching the filters, for the CSV export. */
export async function exportContacts({ actor, ...filters }: { actor: StaffUser } & ContactFilters) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      name: contacts.name,
      nameLatin: contacts.nameLatin,
      email: contacts.email,
      organisation: organisations.nameEn,
      acronym: organisations.acronym,
      country: contacts.country,
      title: contacts.title,
      courtesyTitle: contacts.courtesyTitle,
      grammaticalGender: contacts.grammaticalGender,
      language: contacts.language,
      phone: contacts.phone,
      tags: contacts.tags,
      notes: contacts.notes,
      source: contacts.source,
    })
    .from(contacts)
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .where(contactConditions(filters))
    .orderBy(asc(contacts.sortKey), asc(contacts.id));
}

export async function getContact({ actor, id }: { actor: StaffUser; id: string }): Promise<Contact | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, id));
  return contact ?? null;
}

export type ContactLinks = {
  roster: { councilId: string; council: string; role: string; termFrom: string; termTo: string | null }[];
  agenda: { meetingId: string; meeting: string; item: string; role: string }[];
};

/** What points at a contact: roster terms and agenda roles (and, later, invitations). */
export async function getContactLinks({ actor, id }: { actor: StaffUser; id: string }): Promise<ContactLinks> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [roster, agenda] = await Promise.all([
    db
      .select({
        councilId: councils.id,
        council: councils.nameEn,
        role: councilMembers.role,
        termFrom: councilMembers.termFrom,
        termTo: councilMembers.termTo,
      })
      .from(councilMembers)
      .innerJoin(councils, eq(councils.id, councilMembers.councilId))
      .where(eq(councilMembers.contactId, id))
      .orderBy(asc(councilMembers.termFrom)),
    db
      .select({
        meetingId: meetings.id,
        meeting: meetings.titleEn,
        item: agendaItems.titleEn,
        role: agendaItemPeople.role,
      })
      .from(agendaItemPeople)
      .innerJoin(agendaItems, eq(agendaItems.id, agendaItemPeople.agendaItemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(eq(agendaItemPeople.contactId, id))
      .orderBy(asc(meetings.startsAt), asc(agendaItems.position)),
  ]);
  return { roster, agenda };
}

/** Other contacts that may be the same person: the search, or else those whose name reads the same in Latin. */
export async function findContactDuplicates({ actor, id, search }: { actor: StaffUser; id: string; search?: string }) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [self] = await db.select().from(contacts).where(eq(contacts.id, id));
  if (!self) return [];
  const condition = search
    ? contactConditions({ search })
    : sql`${contacts.searchKey} like ${likePattern(searchKey(self.name))}`;
  return db
    .select(listColumns)
    .from(contacts)
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .where(and(ne(contacts.id, id), condition))
    .orderBy(asc(contacts.sortKey))
    .limit(20);
}

export type ContactChangeResult =
  { ok: true; id: string } | { ok: false; reason: 'notFound' | 'emailTaken' | 'organisationNotFound' };

/** What the audit log keeps of a contact: phone and notes are redacted there (db/audit.ts). */
const auditable = (c: ContactValues | Contact) => pick(c, CONTACT_FIELDS);

export async function saveContact(
  actor: StaffUser,
  id: string | null,
  input: ContactValues,
): Promise<ContactChangeResult> {
  assertRole(actor, 'editor');
  const values = { ...input, email: input.email.trim().toLowerCase() };
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (values.organisationId) {
      const found = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, values.organisationId));
      if (!found.length) return { ok: false, reason: 'organisationNotFound' } as const;
    }
    const [sameEmail] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, values.email));
    if (sameEmail && sameEmail.id !== id) return { ok: false, reason: 'emailTaken' } as const;
    const row = { ...values, ...contactKeys(values) };
    const actorRef = actorOf(actor);
    if (!id) {
      const [created] = await tx
        .insert(contacts)
        .values({ ...row, source: `Added by ${actor.email}` })
        .returning({ id: contacts.id });
      await recordAudit(tx, {
        actor: actorRef,
        action: 'contact.created',
        entityType: 'contact',
        entityId: created!.id,
        after: auditable(values),
      });
      return { ok: true, id: created!.id } as const;
    }
    const [before] = await tx.select().from(contacts).where(eq(contacts.id, id)).for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    await tx
      .update(contacts)
      .set({ ...row, updatedAt: sql`now()` })
      .where(eq(contacts.id, id));
    await recordAudit(tx, {
      actor: actorRef,
      action: 'contact.updated',
      entityType: 'contact',
      entityId: id,
      before: auditable(before),
      after: auditable(values),
    });
    return { ok: true, id } as const;
  });
}

export type MergeResult = { ok: true; id: string } | { ok: false; reason: 'notFound' | 'same' };

/**
 * Folds `mergeId` into `keepId`: roster terms and agenda roles move to the kept contact, blank fields of the kept
 * contact are filled from the duplicate (its own values win), tags are combined, notes kept from both; the duplicate
 * is deleted, and so is the second of two invitations to one meeting (db/invitations moveInvitations). A table added
 * later that references contacts (registrations) must be moved here too.
 */
export async function mergeContacts(
  actor: StaffUser,
  { keepId, mergeId }: { keepId: string; mergeId: string },
): Promise<MergeResult> {
  assertRole(actor, 'editor');
  if (keepId === mergeId) return { ok: false, reason: 'same' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(contacts)
      .where(sql`${contacts.id} in (${keepId}, ${mergeId})`)
      .orderBy(asc(contacts.id))
      .for('update');
    const keep = rows.find((r) => r.id === keepId);
    const merged = rows.find((r) => r.id === mergeId);
    if (!keep || !merged) return { ok: false, reason: 'notFound' } as const;

    const movedRoster = await tx
      .update(councilMembers)
      .set({ contactId: keepId })
      .where(eq(councilMembers.contactId, mergeId))
      .returning({ id: councilMembers.id });
    // The same role on the same item twice would be one role: keep one.
    await tx.execute(sql`
      delete from ${agendaItemPeople} m
      where m.contact_id = ${mergeId}
        and exists (select 1 from ${agendaItemPeople} k where k.agenda_item_id = m.agenda_item_id and k.role = m.role and k.contact_id = ${keepId})
    `);
    const movedAgenda = await tx
      .update(agendaItemPeople)
      .set({ contactId: keepId })
      .where(eq(agendaItemPeople.contactId, mergeId))
      .returning({ item: agendaItemPeople.agendaItemId });
    const movedInvitations = await moveInvitations(tx, { keepId, mergeId });

    const filled: ContactValues = {
      name: keep.name,
      nameLatin: keep.nameLatin ?? merged.nameLatin,
      title: keep.title ?? merged.title,
      courtesyTitle: keep.courtesyTitle ?? merged.courtesyTitle,
      grammaticalGender: keep.grammaticalGender ?? merged.grammaticalGender,
      email: keep.email,
      phone: keep.phone ?? merged.phone,
      organisationId: keep.organisationId ?? merged.organisationId,
      country: keep.country ?? merged.country,
      language: keep.language,
      tags: [...new Set([...keep.tags, ...merged.tags])],
      notes: [keep.notes, merged.notes, `Merged with ${merged.name} <${merged.email}>.`]
        .filter((n) => n.trim() !== '')
        .join('\n'),
    };
    await tx.delete(contacts).where(eq(contacts.id, mergeId));
    await tx
      .update(contacts)
      .set({ ...filled, ...contactKeys(filled), updatedAt: sql`now()` })
      .where(eq(contacts.id, keepId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'contact.merged',
      entityType: 'contact',
      entityId: keepId,
      before: { kept: auditable(keep), merged: { id: mergeId, ...auditable(merged) } },
      after: {
        ...auditable(filled),
        moved: { rosterTerms: movedRoster.length, agendaRoles: movedAgenda.length, invitations: movedInvitations },
      },
    });
    return { ok: true, id: keepId } as const;
  });
}
