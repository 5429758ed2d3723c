import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import type { RosterTerm } from '@/lib/schemas/roster';
import { actorOf, recordAudit } from './audit';
import { insertJsonRows } from './bulk-insert';
import type { DbExecutor } from './client';
import { getDb } from './client';
import { contactConditions, type ContactFilters } from './contact-queries';
import { contacts, councilMembers, councils, organisations, workingGroupMembers, workingGroups } from './schema';

// Adding many people to a council's roster at once: from rows picked in the directory, everyone matching its
// filters, or everyone at an organisation, all with one role, nomination, term and working group. Whoever already
// has a term on the council overlapping the new one is skipped and counted, never given a second term.

/** More than this in one go is a mistake (the whole directory) rather than a roster. */
export const MAX_BULK_MEMBERS = 5_000;

export type RosterSelection =
  | { kind: 'contacts'; contactIds: string[] }
  | { kind: 'filter'; filters: ContactFilters }
  | { kind: 'organisation'; organisationId: string };

export type BulkRosterResult =
  | { ok: true; councilId: string; added: number; skipped: number }
  | {
      ok: false;
      reason: 'notFound' | 'organisationNotFound' | 'nominatorNotFound' | 'badGroup' | 'nobodySelected' | 'tooMany';
      count?: number;
    };

function selectionCondition(selection: RosterSelection): SQL | undefined {
  switch (selection.kind) {
    case 'contacts':
      return inArray(contacts.id, selection.contactIds);
    case 'filter':
      return contactConditions(selection.filters);
    case 'organisation':
      return eq(contacts.organisationId, selection.organisationId);
  }
}

/** A term of this person on this council that overlaps [termFrom, termTo] (open ends included). */
export const overlappingTerm = (
  councilId: string,
  contactId: SQL | string,
  term: Pick<RosterTerm, 'termFrom' | 'termTo'>,
) =>
  sql`exists (select 1 from ${councilMembers} m where m.council_id = ${councilId} and m.contact_id = ${contactId}
    and (m.term_to is null or m.term_to >= ${term.termFrom}::date)
    and (${term.termTo}::date is null or m.term_from <= ${term.termTo}::date))`;

/** The council's row, locked: every change to its roster takes this lock first (db/councils.ts does too). */
export async function lockCouncil(tx: DbExecutor, councilId: string) {
  const [council] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.id, councilId)).for('update');
  return council ?? null;
}

/**
 * Inserts the terms (and their working group) of people known not to be on the roster in those dates; the caller
 * holds the council's lock. Returns the new members' ids.
 */
export async function insertTerms(
  tx: DbExecutor,
  councilId: string,
  rows: { contactId: string; term: RosterTerm }[],
): Promise<string[]> {
  const inserted = await insertJsonRows<{ id: string; contact_id: string }>(
    tx,
    councilMembers,
    rows.map(({ contactId, term }) => ({
      council_id: councilId,
      contact_id: contactId,
      role: term.role,
      nominated_by_country: term.nominatedByCountry,
      nominated_by_organisation_id: term.nominatedByOrganisationId,
      term_from: term.termFrom,
      term_to: term.termTo,
    })),
    { returning: ['id', 'contact_id'] },
  );
  const groupOf = new Map(rows.map((r) => [r.contactId, r.term.workingGroupId]));
  const memberships = inserted.flatMap((row) => {
    const group = groupOf.get(row.contact_id);
    return group ? [{ working_group_id: group, member_id: row.id }] : [];
  });
  await insertJsonRows(tx, workingGroupMembers, memberships);
  return inserted.map((r) => r.id);
}

/** Whether the nominating organisation and working group of a term exist (the group on this council). */
export async function termProblem(
  tx: DbExecutor,
  councilId: string,
  term: RosterTerm,
): Promise<'nominatorNotFound' | 'badGroup' | null> {
  if (term.nominatedByOrganisationId) {
    const [found] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, term.nominatedByOrganisationId));
    if (!found) return 'nominatorNotFound';
  }
  if (term.workingGroupId) {
    const [found] = await tx
      .select({ id: workingGroups.id })
      .from(workingGroups)
      .where(and(eq(workingGroups.id, term.workingGroupId), eq(workingGroups.councilId, councilId)));
    if (!found) return 'badGroup';
  }
  return null;
}

export async function addMembersInBulk(
  actor: StaffUser,
  { councilId, selection, term }: { councilId: string; selection: RosterSelection; term: RosterTerm },
): Promise<BulkRosterResult> {
  assertRole(actor, 'editor');
  if (selection.kind === 'contacts' && selection.contactIds.length === 0)
    return { ok: false, reason: 'nobodySelected' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await lockCouncil(tx, councilId))) return { ok: false, reason: 'notFound' } as const;
    const problem = await termProblem(tx, councilId, term);
    if (problem) return { ok: false, reason: problem } as const;
    if (selection.kind === 'organisation') {
      const [found] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, selection.organisationId));
      if (!found) return { ok: false, reason: 'organisationNotFound' } as const;
    }
    const matched = await tx
      .select({ id: contacts.id, onRoster: sql<boolean>`${overlappingTerm(councilId, sql`${contacts.id}`, term)}` })
      .from(contacts)
      .where(selectionCondition(selection))
      .limit(MAX_BULK_MEMBERS + 1);
    if (matched.length === 0) return { ok: false, reason: 'nobodySelected' } as const;
    if (matched.length > MAX_BULK_MEMBERS) return { ok: false, reason: 'tooMany', count: matched.length } as const;
    const toAdd = matched.filter((m) => !m.onRoster).map((m) => m.id);
    await insertTerms(
      tx,
      councilId,
      toAdd.map((contactId) => ({ contactId, term })),
    );
    const skipped = matched.length - toAdd.length;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'council.members_added',
      entityType: 'council',
      entityId: councilId,
      after: { ...term, selection: selection.kind, added: toAdd.length, skipped, contactIds: toAdd },
    });
    return { ok: true, councilId, added: toAdd.length, skipped } as const;
  });
}

export type WorkingGroupChoice = { id: string; councilId: string; label: string };

/** Every council's working groups, for the bulk form's choice (named with their council when there are several). */
export async function listWorkingGroupChoices({ actor }: { actor: StaffUser }): Promise<WorkingGroupChoice[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const rows = await db
    .select({
      id: workingGroups.id,
      councilId: workingGroups.councilId,
      name: workingGroups.nameEn,
      council: councils.nameEn,
    })
    .from(workingGroups)
    .innerJoin(councils, eq(councils.id, workingGroups.councilId))
    .orderBy(councils.nameEn, workingGroups.nameEn);
  const several = new Set(rows.map((r) => r.councilId)).size > 1;
  return rows.map((r) => ({ id: r.id, councilId: r.councilId, label: several ? `${r.council}: ${r.name}` : r.name }));
}
