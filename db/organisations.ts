import 'server-only';
import { and, asc, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import type { OrganisationType } from '@/lib/domain';
import { pick } from '@/lib/schemas/fields';
import { ORGANISATION_FIELDS, type OrganisationValues } from '@/lib/schemas/organisation';
import { searchKey } from '@/lib/transliterate';
import { actorOf, recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import { likePattern, matchRank } from './contact-queries';
import { organisationSearchKey } from './directory-keys';
import { contacts, councilMembers, councils, meetingOrganisations, organisations, type Organisation } from './schema';

export const ORGANISATIONS_PAGE_SIZE = 50;

export type OrganisationFilters = {
  search?: string;
  type?: OrganisationType;
  country?: string;
  /** Only those Russian texts would name in English: no Russian name, or an acronym without a Russian one. */
  missingRussian?: boolean;
};

/** The SQL side of lib/organisation-label.ts missingRussian(). */
const missingRussianCondition = sql`(coalesce(btrim(${organisations.nameRu}), '') = '' or (coalesce(btrim(${organisations.acronym}), '') <> '' and coalesce(btrim(${organisations.acronymRu}), '') = ''))`;

/** Organisations whose names or acronym contain the search, in any script. */
export function organisationSearchCondition(search: string): SQL {
  return sql`${organisations.searchKey} like ${likePattern(searchKey(search))}`;
}

function organisationConditions(filters: OrganisationFilters): SQL | undefined {
  return and(
    filters.search ? organisationSearchCondition(filters.search) : undefined,
    filters.type ? eq(organisations.type, filters.type) : undefined,
    filters.country === 'none'
      ? sql`${organisations.country} is null`
      : filters.country
        ? eq(organisations.country, filters.country)
        : undefined,
    filters.missingRussian ? missingRussianCondition : undefined,
  );
}

export type OrganisationListItem = Pick<
  Organisation,
  'id' | 'nameEn' | 'nameRu' | 'acronym' | 'acronymRu' | 'type' | 'country'
> & {
  parent: string | null;
  contactCount: number;
};

export async function listOrganisations({
  actor,
  ...filters
}: { actor: StaffUser } & OrganisationFilters & { page?: number }): Promise<{
  organisations: OrganisationListItem[];
  total: number;
}> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const parent = alias(organisations, 'parent');
  const where = organisationConditions(filters);
  const page = Math.max(1, filters.page ?? 1);
  const [rows, total] = await Promise.all([
    db
      .select({
        id: organisations.id,
        nameEn: organisations.nameEn,
        nameRu: organisations.nameRu,
        acronym: organisations.acronym,
        acronymRu: organisations.acronymRu,
        type: organisations.type,
        country: organisations.country,
        parent: sql<string | null>`coalesce(${parent.acronym}, ${parent.nameEn})`,
        contactCount: sql<number>`(select count(*)::int from ${contacts} where ${contacts.organisationId} = ${organisations.id})`,
      })
      .from(organisations)
      .leftJoin(parent, eq(parent.id, organisations.parentId))
      .where(where)
      .orderBy(asc(organisations.nameEn), asc(organisations.id))
      .limit(ORGANISATIONS_PAGE_SIZE)
      .offset((page - 1) * ORGANISATIONS_PAGE_SIZE),
    db
      .select({ total: count() })
      .from(organisations)
      .where(where)
      .then(([row]) => row?.total ?? 0),
  ]);
  return { organisations: rows, total };
}

/** Every organisation matching the filters, for the CSV export. */
export async function exportOrganisations({ actor, ...filters }: { actor: StaffUser } & OrganisationFilters) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const parent = alias(organisations, 'parent');
  return db
    .select({
      nameEn: organisations.nameEn,
      nameRu: organisations.nameRu,
      acronym: organisations.acronym,
      acronymRu: organisations.acronymRu,
      type: organisations.type,
      country: organisations.country,
      parent: parent.nameEn,
      website: organisations.website,
      notes: organisations.notes,
    })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(organisationConditions(filters))
    .orderBy(asc(organisations.nameEn), asc(organisations.id));
}

export type OrganisationDetail = Organisation & {
  parent: Pick<Organisation, 'id' | 'nameEn' | 'acronym'> | null;
  departments: Pick<Organisation, 'id' | 'nameEn' | 'acronym'>[];
  links: { contacts: number; meetings: number; nominations: number; councils: number };
};

export async function getOrganisation({
  actor,
  id,
}: {
  actor: StaffUser;
  id: string;
}): Promise<OrganisationDetail | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!organisation) return null;
  const brief = { id: organisations.id, nameEn: organisations.nameEn, acronym: organisations.acronym };
  const [parent] = organisation.parentId
    ? await db.select(brief).from(organisations).where(eq(organisations.id, organisation.parentId))
    : [];
  const departments = await db
    .select(brief)
    .from(organisations)
    .where(eq(organisations.parentId, id))
    .orderBy(asc(organisations.nameEn));
  const links = await countLinks(db, id);
  return { ...organisation, parent: parent ?? null, departments, links };
}

async function countLinks(db: DbExecutor, id: string) {
  const [row] = await db
    .select({
      contacts: sql<number>`(select count(*)::int from ${contacts} where ${contacts.organisationId} = ${id})`,
      meetings: sql<number>`(select count(*)::int from ${meetingOrganisations} where ${meetingOrganisations.organisationId} = ${id})`,
      nominations: sql<number>`(select count(*)::int from ${councilMembers} where ${councilMembers.nominatedByOrganisationId} = ${id})`,
      councils: sql<number>`(select count(*)::int from ${councils} where ${councils.secretariatOrganisationId} = ${id})`,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? { contacts: 0, meetings: 0, nominations: 0, councils: 0 };
}

/** Other organisations that may be the same one: the search, or else those sharing a word of the name or acronym. */
export async function findOrganisationDuplicates({
  actor,
  id,
  search,
}: {
  actor: StaffUser;
  id: string;
  search?: string;
}) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [self] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!self) return [];
  const condition = search
    ? organisationSearchCondition(search)
    : self.acronym
      ? sql`(${organisationSearchCondition(self.acronym)} or ${organisations.nameEn} = ${self.nameEn})`
      : sql`lower(${organisations.nameEn}) = lower(${self.nameEn})`;
  return db
    .select({
      id: organisations.id,
      nameEn: organisations.nameEn,
      acronym: organisations.acronym,
      country: organisations.country,
    })
    .from(organisations)
    .where(and(ne(organisations.id, id), condition))
    .orderBy(asc(organisations.nameEn))
    .limit(20);
}

export type OrganisationChangeResult =
  { ok: true; id: string } | { ok: false; reason: 'notFound' | 'parentNotFound' | 'parentCycle' | 'acronymTaken' };

async function checkParent(tx: DbExecutor, id: string | null, parentId: string | null) {
  if (!parentId) return null;
  if (parentId === id) return 'parentCycle' as const;
  const [found] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, parentId));
  if (!found) return 'parentNotFound' as const;
  if (!id) return null;
  // Walk up from the new parent: meeting `id` on the way would make a loop.
  const [cycle] = await tx
    .select({
      found: sql<boolean>`exists (
        with recursive up(id, parent_id) as (
          select id, parent_id from ${organisations} where id = ${parentId}
          union
          select o.id, o.parent_id from ${organisations} o join up on o.id = up.parent_id
        )
        select 1 from up where up.id = ${id})`,
    })
    .from(organisations)
    .where(eq(organisations.id, parentId));
  return cycle?.found ? ('parentCycle' as const) : null;
}

async function acronymTaken(tx: DbExecutor, id: string | null, acronym: string | null) {
  if (!acronym) return false;
  const [other] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(sql`lower(${organisations.acronym}) = lower(${acronym})`, id ? ne(organisations.id, id) : undefined))
    .limit(1);
  return Boolean(other);
}

const auditable = (o: Organisation | OrganisationValues) => pick(o, ORGANISATION_FIELDS);

export async function saveOrganisation(
  actor: StaffUser,
  id: string | null,
  values: OrganisationValues,
): Promise<OrganisationChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const parentProblem = await checkParent(tx, id, values.parentId);
    if (parentProblem) return { ok: false, reason: parentProblem } as const;
    // The importer matches organisations by acronym: two with one acronym would make imports ambiguous.
    if (await acronymTaken(tx, id, values.acronym)) return { ok: false, reason: 'acronymTaken' } as const;
    const row = { ...values, searchKey: organisationSearchKey(values) };
    const actorRef = actorOf(actor);
    if (!id) {
      const [created] = await tx.insert(organisations).values(row).returning({ id: organisations.id });
      await recordAudit(tx, {
        actor: actorRef,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: created!.id,
        after: auditable(values),
      });
      return { ok: true, id: created!.id } as const;
    }
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    await tx
      .update(organisations)
      .set({ ...row, updatedAt: sql`now()` })
      .where(eq(organisations.id, id));
    await recordAudit(tx, {
      actor: actorRef,
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: id,
      before: auditable(before),
      after: auditable(values),
    });
    return { ok: true, id } as const;
  });
}

export type MergeResult = { ok: true; id: string } | { ok: false; reason: 'notFound' | 'same' };

/**
 * Folds `mergeId` into `keepId`: everything that pointed at the duplicate (contacts, meetings, roster nominations,
 * councils' secretariats, departments) points at the kept one; blank fields of the kept one are filled from the
 * duplicate; the duplicate is deleted. A table added later that references organisations must be moved here too.
 */
export async function mergeOrganisations(
  actor: StaffUser,
  { keepId, mergeId }: { keepId: string; mergeId: string },
): Promise<MergeResult> {
  assertRole(actor, 'editor');
  if (keepId === mergeId) return { ok: false, reason: 'same' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(organisations)
      .where(sql`${organisations.id} in (${keepId}, ${mergeId})`)
      .orderBy(asc(organisations.id))
      .for('update');
    const keep = rows.find((r) => r.id === keepId);
    const merged = rows.find((r) => r.id === mergeId);
    if (!keep || !merged) return { ok: false, reason: 'notFound' } as const;
    const moved = await countLinks(tx, mergeId);

    await tx
      .update(contacts)
      .set({ organisationId: keepId, updatedAt: sql`now()` })
      .where(eq(contacts.organisationId, mergeId));
    // A meeting linked to both keeps the kept organisation's role and place.
    await tx.execute(sql`
      delete from ${meetingOrganisations} m
      where m.organisation_id = ${mergeId}
        and exists (select 1 from ${meetingOrganisations} k where k.meeting_id = m.meeting_id and k.organisation_id = ${keepId})
    `);
    await tx
      .update(meetingOrganisations)
      .set({ organisationId: keepId })
      .where(eq(meetingOrganisations.organisationId, mergeId));
    await tx
      .update(councilMembers)
      .set({ nominatedByOrganisationId: keepId })
      .where(eq(councilMembers.nominatedByOrganisationId, mergeId));
    await tx
      .update(councils)
      .set({ secretariatOrganisationId: keepId })
      .where(eq(councils.secretariatOrganisationId, mergeId));
    await tx
      .update(organisations)
      .set({ parentId: keepId })
      .where(and(eq(organisations.parentId, mergeId), ne(organisations.id, keepId)));

    const filled: OrganisationValues = {
      nameEn: keep.nameEn,
      nameRu: keep.nameRu ?? merged.nameRu,
      acronym: keep.acronym ?? merged.acronym,
      acronymRu: keep.acronymRu ?? merged.acronymRu,
      type: keep.type,
      country: keep.country ?? merged.country,
      parentId:
        keep.parentId === mergeId ? null : (keep.parentId ?? (merged.parentId === keepId ? null : merged.parentId)),
      website: keep.website ?? merged.website,
      notes: [keep.notes, merged.notes]
        .filter((n) => n.trim() !== '')
        .filter((n, i, all) => all.indexOf(n) === i)
        .join('\n'),
    };
    await tx.delete(organisations).where(eq(organisations.id, mergeId));
    await tx
      .update(organisations)
      .set({ ...filled, searchKey: organisationSearchKey(filled), updatedAt: sql`now()` })
      .where(eq(organisations.id, keepId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'organisation.merged',
      entityType: 'organisation',
      entityId: keepId,
      before: { kept: auditable(keep), merged: { id: mergeId, ...auditable(merged) } },
      after: { ...auditable(filled), moved },
    });
    return { ok: true, id: keepId } as const;
  });
}

/** What the organisation picker shows of an organisation (components/people-picker.tsx's shape). */
export type OrganisationChoice = {
  id: string;
  name: string;
  nameLatin: null;
  organisation: string | null;
  country: string | null;
};

const organisationChoiceColumns = {
  id: organisations.id,
  name: organisations.nameEn,
  nameLatin: sql<null>`null`,
  organisation: organisations.acronym,
  country: organisations.country,
};

/**
 * The organisation picker's search (meeting and council pages): at most 20, names or acronyms that start with the
 * text first, in either script (the trigram-indexed search key). A blank search finds none.
 */
export async function searchOrganisations({
  actor,
  search,
}: {
  actor: StaffUser;
  search: string;
}): Promise<OrganisationChoice[]> {
  assertRole(actor, 'viewer');
  const key = searchKey(search);
  if (!key) return [];
  const db = await getDb();
  return db
    .select(organisationChoiceColumns)
    .from(organisations)
    .where(sql`${organisations.searchKey} like ${likePattern(key)}`)
    .orderBy(...matchRank(organisations.searchKey, key), asc(organisations.nameEn), asc(organisations.id))
    .limit(20);
}

/** The organisation picker's chosen organisations, by id, in the order given; unknown ids are left out. */
export async function getOrganisationChoices({
  actor,
  ids,
}: {
  actor: StaffUser;
  ids: string[];
}): Promise<OrganisationChoice[]> {
  assertRole(actor, 'viewer');
  if (!ids.length) return [];
  const db = await getDb();
  const rows = await db.select(organisationChoiceColumns).from(organisations).where(inArray(organisations.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
