import { eq, or } from 'drizzle-orm';
import { searchKey, toLatin } from '@/lib/transliterate';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { contacts, organisations } from './schema';

// The search and sort keys are computed here, in one place, from the fields they stand for; every write of a
// contact or organisation sets them through these helpers.

export function contactKeys(contact: { name: string; nameLatin?: string | null; email: string }) {
  return {
    searchKey: searchKey([contact.name, contact.nameLatin ?? '', contact.email].join(' ')),
    sortKey: (contact.nameLatin || toLatin(contact.name)).toLowerCase().trim(),
  };
}

export function organisationSearchKey(organisation: {
  nameEn: string;
  nameRu?: string | null;
  acronym?: string | null;
  acronymRu?: string | null;
}): string {
  return searchKey(
    [organisation.acronym ?? '', organisation.acronymRu ?? '', organisation.nameEn, organisation.nameRu ?? ''].join(
      ' ',
    ),
  );
}

/**
 * Fills the keys of rows written before the keys existed (the migration that added them cannot run JavaScript).
 * Runs at every start; a change to lib/transliterate's keys needs a migration that blanks them, and this refills them.
 */
export async function fillMissingDirectoryKeys(
  db: PgDatabase<PgQueryResultHKT, Record<string, unknown>>,
): Promise<void> {
  const staleContacts = await db
    .select({ id: contacts.id, name: contacts.name, nameLatin: contacts.nameLatin, email: contacts.email })
    .from(contacts)
    .where(or(eq(contacts.searchKey, ''), eq(contacts.sortKey, '')));
  for (const contact of staleContacts) {
    await db.update(contacts).set(contactKeys(contact)).where(eq(contacts.id, contact.id));
  }
  const staleOrganisations = await db
    .select({
      id: organisations.id,
      nameEn: organisations.nameEn,
      nameRu: organisations.nameRu,
      acronym: organisations.acronym,
      acronymRu: organisations.acronymRu,
    })
    .from(organisations)
    .where(eq(organisations.searchKey, ''));
  for (const organisation of staleOrganisations) {
    await db
      .update(organisations)
      .set({ searchKey: organisationSearchKey(organisation) })
      .where(eq(organisations.id, organisation.id));
  }
}
