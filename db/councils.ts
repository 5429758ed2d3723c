import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { actorOf, recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import { contacts, councilMembers, councils, organisations, workingGroupMembers, workingGroups } from './schema';
import type { Council, CouncilMember, WorkingGroup } from './schema';
import type { NamedOrganisation } from '@/lib/organisation-label';

/** The council the public home presents: the first one created. */
export async function getHomeCouncil(): Promise<Council | null> {
  const db = await getDb();
  const [council] = await db.select().from(councils).orderBy(asc(councils.createdAt), asc(councils.id)).limit(1);
  return council ?? null;
}

export type Secretariat = {
  /** The secretariat organisation's names; null when the council names none. */
  organisation: NamedOrganisation | null;
  /** Where delegates and the public write; null until an admin gives one. */
  contactEmail: string | null;
};

/** The home council's secretariat: who signs, heads the public pages and answers mail (public: no actor). */
export async function getSecretariat(executor?: DbExecutor): Promise<Secretariat> {
  const db = executor ?? (await getDb());
  const [row] = await db
    .select({
      contactEmail: councils.contactEmail,
      nameEn: organisations.nameEn,
      nameRu: organisations.nameRu,
      acronym: organisations.acronym,
      acronymRu: organisations.acronymRu,
    })
    .from(councils)
    .leftJoin(organisations, eq(organisations.id, councils.secretariatOrganisationId))
    .orderBy(asc(councils.createdAt), asc(councils.id))
    .limit(1);
  if (!row) return { organisation: null, contactEmail: null };
  const { contactEmail, nameEn, ...names } = row;
  return { organisation: nameEn === null ? null : { nameEn, ...names }, contactEmail };
}

// ── Councils, working groups and the roster (staff) ─────────────────────────────────────────────────────────────

export async function listCouncils({
  actor,
}: {
  actor: StaffUser;
}): Promise<Pick<Council, 'id' | 'nameEn' | 'nameRu'>[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({ id: councils.id, nameEn: councils.nameEn, nameRu: councils.nameRu })
    .from(councils)
    .orderBy(asc(councils.nameEn));
}

export type CouncilDetail = Council & { secretariat: string | null; workingGroups: WorkingGroup[] };

export async function getCouncil({ actor, id }: { actor: StaffUser; id: string }): Promise<CouncilDetail | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db
    .select({
      council: councils,
      secretariat: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.nameEn})`,
    })
    .from(councils)
    .leftJoin(organisations, eq(organisations.id, councils.secretariatOrganisationId))
    .where(eq(councils.id, id));
  if (!row) return null;
  const groups = await db
    .select()
    .from(workingGroups)
    .where(eq(workingGroups.councilId, id))
    .orderBy(asc(workingGroups.nameEn));
  return { ...row.council, secretariat: row.secretariat, workingGroups: groups };
}

export type RosterEntry = {
  id: string;
  contactId: string;
  name: string;
  email: string;
  role: CouncilMember['role'];
  country: string | null;
  organisation: string | null;
  termFrom: string;
  termTo: string | null;
  workingGroupIds: string[];
};

/**
 * The roster on `asOf` (YYYY-MM-DD): every term that has begun by then and not ended before. The country is the
 * nominating state's, else the contact's; the organisation the nominating one's, else the contact's.
 */
export async function listRoster({
  actor,
  councilId,
  asOf,
}: {
  actor: StaffUser;
  councilId: string;
  asOf: string;
}): Promise<RosterEntry[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const nominating = alias(organisations, 'nominating');
  const rows = await db
    .select({
      id: councilMembers.id,
      contactId: contacts.id,
      name: contacts.name,
      email: contacts.email,
      role: councilMembers.role,
      country: sql<string | null>`coalesce(${councilMembers.nominatedByCountry}, ${contacts.country})`,
      organisation: sql<
        string | null
      >`coalesce(${nominating.acronym}, ${nominating.nameEn}, ${organisations.acronym}, ${organisations.nameEn})`,
      termFrom: councilMembers.termFrom,
      termTo: councilMembers.termTo,
    })
    .from(councilMembers)
    .innerJoin(contacts, eq(contacts.id, councilMembers.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .leftJoin(nominating, eq(nominating.id, councilMembers.nominatedByOrganisationId))
    .where(
      and(
        eq(councilMembers.councilId, councilId),
        lte(councilMembers.termFrom, asOf),
        or(isNull(councilMembers.termTo), gte(councilMembers.termTo, asOf)),
      ),
    )
    .orderBy(asc(contacts.name));
  const memberships = rows.length
    ? await db
        .select()
        .from(workingGroupMembers)
        .where(
          inArray(
            workingGroupMembers.memberId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    ...r,
    workingGroupIds: memberships.filter((m) => m.memberId === r.id).map((m) => m.workingGroupId),
  }));
}

export type RosterChangeResult =
  | { ok: true; councilId: string }
  | {
      ok: false;
      reason: 'notFound' | 'contactNotFound' | 'organisationNotFound' | 'alreadyMember' | 'badGroup' | 'badDate';
      message?: string;
    };

export async function updateCouncil(
  actor: StaffUser,
  id: string,
  values: {
    nameEn: string;
    nameRu: string;
    mandateEn: string;
    mandateRu: string;
    secretariatOrganisationId: string | null;
  },
): Promise<RosterChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(councils).where(eq(councils.id, id)).for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    if (values.secretariatOrganisationId) {
      const found = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, values.secretariatOrganisationId));
      if (!found.length) return { ok: false, reason: 'organisationNotFound' } as const;
    }
    await tx
      .update(councils)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(councils.id, id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'council.updated',
      entityType: 'council',
      entityId: id,
      before: {
        nameEn: before.nameEn,
        nameRu: before.nameRu,
        mandateEn: before.mandateEn,
        mandateRu: before.mandateRu,
        secretariatOrganisationId: before.secretariatOrganisationId,
      },
      after: values,
    });
    return { ok: true, councilId: id } as const;
  });
}

/**
 * Sets where delegates and the public write to the secretariat (null: none). Admins only: it becomes the Reply-To
 * of every email, so whoever sets it receives every delegate's answer.
 */
export async function setCouncilContact(
  actor: StaffUser,
  id: string,
  contactEmail: string | null,
): Promise<RosterChangeResult> {
  assertRole(actor, 'admin');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(councils).where(eq(councils.id, id)).for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    await tx
      .update(councils)
      .set({ contactEmail, updatedAt: sql`now()` })
      .where(eq(councils.id, id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'council.contact_changed',
      entityType: 'council',
      entityId: id,
      before: { contactEmail: before.contactEmail },
      after: { contactEmail },
    });
    return { ok: true, councilId: id } as const;
  });
}

export async function addWorkingGroup(
  actor: StaffUser,
  councilId: string,
  values: { nameEn: string; nameRu: string },
): Promise<RosterChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [council] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.id, councilId));
    if (!council) return { ok: false, reason: 'notFound' } as const;
    const [group] = await tx
      .insert(workingGroups)
      .values({ councilId, ...values })
      .returning();
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'council.working_group_added',
      entityType: 'council',
      entityId: councilId,
      after: { workingGroupId: group!.id, ...values },
    });
    return { ok: true, councilId: councilId } as const;
  });
}

async function checkGroups(executor: DbExecutor, councilId: string, groupIds: string[]) {
  if (!groupIds.length) return true;
  const found = await executor
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(and(eq(workingGroups.councilId, councilId), inArray(workingGroups.id, groupIds)));
  return found.length === new Set(groupIds).size;
}

export async function addCouncilMember(
  actor: StaffUser,
  councilId: string,
  values: {
    contactId: string;
    role: CouncilMember['role'];
    nominatedByCountry: string | null;
    nominatedByOrganisationId: string | null;
    termFrom: string;
    termTo: string | null;
    workingGroupIds: string[];
  },
): Promise<RosterChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [council] = await tx
      .select({ id: councils.id })
      .from(councils)
      .where(eq(councils.id, councilId))
      .for('update');
    if (!council) return { ok: false, reason: 'notFound' } as const;
    const [contact] = await tx
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .where(eq(contacts.id, values.contactId));
    if (!contact) return { ok: false, reason: 'contactNotFound' } as const;
    if (values.nominatedByOrganisationId) {
      const found = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, values.nominatedByOrganisationId));
      if (!found.length) return { ok: false, reason: 'organisationNotFound' } as const;
    }
    if (!(await checkGroups(tx, councilId, values.workingGroupIds))) return { ok: false, reason: 'badGroup' } as const;
    // One term at a time: terms of the same person on the same council must not overlap.
    const overlapping = await tx
      .select({ id: councilMembers.id })
      .from(councilMembers)
      .where(
        and(
          eq(councilMembers.councilId, councilId),
          eq(councilMembers.contactId, values.contactId),
          or(isNull(councilMembers.termTo), gte(councilMembers.termTo, values.termFrom)),
          values.termTo ? lte(councilMembers.termFrom, values.termTo) : undefined,
        ),
      );
    if (overlapping.length) return { ok: false, reason: 'alreadyMember' } as const;
    const { workingGroupIds, ...term } = values;
    const [member] = await tx
      .insert(councilMembers)
      .values({ councilId, ...term })
      .returning();
    if (workingGroupIds.length) {
      await tx
        .insert(workingGroupMembers)
        .values(workingGroupIds.map((workingGroupId) => ({ workingGroupId, memberId: member!.id })));
    }
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'council.member_added',
      entityType: 'council',
      entityId: councilId,
      after: { member: contact.name, ...values },
    });
    return { ok: true, councilId: councilId } as const;
  });
}

export async function endMemberTerm(actor: StaffUser, memberId: string, termTo: string): Promise<RosterChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [member] = await tx.select().from(councilMembers).where(eq(councilMembers.id, memberId)).for('update');
    if (!member) return { ok: false, reason: 'notFound' } as const;
    if (termTo < member.termFrom) {
      return {
        ok: false,
        reason: 'badDate',
        message: `The term cannot end before it began (${member.termFrom}).`,
      } as const;
    }
    await tx
      .update(councilMembers)
      .set({ termTo, updatedAt: sql`now()` })
      .where(eq(councilMembers.id, memberId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'council.member_term_ended',
      entityType: 'council',
      entityId: member.councilId,
      before: { memberId, termTo: member.termTo },
      after: { memberId, termTo },
    });
    return { ok: true, councilId: member.councilId } as const;
  });
}

export async function setMemberGroups(
  actor: StaffUser,
  memberId: string,
  groupIds: string[],
): Promise<RosterChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [member] = await tx.select().from(councilMembers).where(eq(councilMembers.id, memberId)).for('update');
    if (!member) return { ok: false, reason: 'notFound' } as const;
    if (!(await checkGroups(tx, member.councilId, groupIds))) return { ok: false, reason: 'badGroup' } as const;
    const before = await tx.select().from(workingGroupMembers).where(eq(workingGroupMembers.memberId, memberId));
    await tx.delete(workingGroupMembers).where(eq(workingGroupMembers.memberId, memberId));
    if (groupIds.length)
      await tx.insert(workingGroupMembers).values(groupIds.map((workingGroupId) => ({ workingGroupId, memberId })));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'council.member_groups_changed',
      entityType: 'council',
      entityId: member.councilId,
      before: { memberId, workingGroupIds: before.map((b) => b.workingGroupId) },
      after: { memberId, workingGroupIds: groupIds },
    });
    return { ok: true, councilId: member.councilId } as const;
  });
}
